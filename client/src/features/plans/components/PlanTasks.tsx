import { Table } from 'antd';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/components/States';
import type { PlanQuery } from '../../../gql/graphql';
import { ResponsibleText } from './document/ResponsibleText';

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
        // The document's words with what they name; plain strings for tasks written before they were kept.
        { title: t('plan.task.leads'), key: 'lead', width: 180, render: (_, task) => (task.lead.length ? <ResponsibleText list={task.lead} /> : task.leads.join('; ')) },
        {
          title: t('plan.task.coordinators'),
          key: 'coordinating',
          width: 200,
          render: (_, task) => (task.coordinating.length ? <ResponsibleText list={task.coordinating} /> : task.coordinators.join('; ')),
        },
        { title: t('plan.task.timeFrame'), dataIndex: 'timeFrame', width: 110 },
        { title: t('plan.task.deliverable'), dataIndex: 'deliverable', width: 200 },
      ]}
    />
  );
}
