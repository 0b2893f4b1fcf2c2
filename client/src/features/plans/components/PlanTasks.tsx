import { useState } from 'react';
import { Button, Flex, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/components/States';
import { PHONE_TABLE, usePhone } from '../../../app/components/usePhone';
import type { PlanQuery } from '../../../gql/graphql';
import { ResponsibleText } from './document/ResponsibleText';
import { TaskFormModal } from './checklist/TaskFormModal';

type Task = NonNullable<PlanQuery['plan']>['tasks'][number];

export interface PlanTasksProps {
  tasks: readonly Task[];
  /** Given for a DRAFT plan its viewer may edit: "Thêm nhiệm vụ" then shows. */
  planId?: string;
  editable?: boolean;
  /** The plan's tree (1 January of its year), where the lead and coordinating units are searched. */
  at?: string | null;
}

export function PlanTasks({ tasks, planId, editable = false, at = null }: PlanTasksProps) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const phone = usePhone();
  const table = (
    <Table<Task>
      rowKey="id"
      size="small"
      dataSource={tasks as Task[]}
      pagination={tasks.length > 30 ? { pageSize: 30 } : false}
      // On a phone as wide as a small laptop's, its text wrapped as there: it scrolls inside its card, not the page.
      scroll={{ x: phone ? PHONE_TABLE : true }}
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
  if (!editable || !planId) return table;
  return (
    <Flex vertical gap={12}>
      <div>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('checklist.task.add')}
        </Button>
      </div>
      {table}
      {adding && <TaskFormModal planId={planId} at={at} onClose={() => setAdding(false)} />}
    </Flex>
  );
}
