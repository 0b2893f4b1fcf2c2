import { Table } from 'antd';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/components/States';
import type { PlanQuery } from '../../../gql/graphql';

type Task = NonNullable<PlanQuery['plan']>['tasks'][number];

export function PlanTasks({ tasks }: { tasks: readonly Task[] }) {
  const { t } = useI18n();
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      dataSource={tasks as Task[]}
      pagination={tasks.length > 30 ? { pageSize: 30 } : false}
      locale={{ emptyText: <EmptyState>{t('plan.task.empty')}</EmptyState> }}
      columns={[
        { title: t('plan.task.position'), dataIndex: 'position', width: 60 },
        { title: t('plan.task.content'), dataIndex: 'content' },
        { title: t('plan.task.leads'), dataIndex: 'leads', width: 180, render: (v: string[]) => v.join('; ') },
        { title: t('plan.task.coordinators'), dataIndex: 'coordinators', width: 200, render: (v: string[]) => v.join('; ') },
        { title: t('plan.task.timeFrame'), dataIndex: 'timeFrame', width: 110 },
        { title: t('plan.task.deliverable'), dataIndex: 'deliverable', width: 200 },
      ]}
    />
  );
}
