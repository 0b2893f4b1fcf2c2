import { useState } from 'react';
import { Checkbox, Flex, Modal, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useI18n } from '../../../../app/i18n';
import { ErrorState, Loading } from '../../../../app/components/States';
import { IssuePlanWithHeaderMutation, PlanChecklistQuery } from '../../checklist.graphql';
import { PlanChecklistView } from './PlanChecklistView';
import { hasProblems } from './summary';

/**
 * The checklist, read from the server each time it opens (a screen's targets may be stale after
 * an import), then issuing: when anything is missing or wrong, only after an explicit tick.
 */
export function IssueChecklistModal({ planId, issuerName, onClose, onIssued }: { planId: string; issuerName: string; onClose(): void; onIssued(): void }) {
  const { t } = useI18n();
  const q = useQuery(PlanChecklistQuery, { variables: { planId }, fetchPolicy: 'network-only' });
  // Answers with the plan's header: the plan page and every cached plans list show ISSUED at once.
  const [issue, { loading }] = useMutation(IssuePlanWithHeaderMutation);
  const [acknowledged, setAcknowledged] = useState(false);
  const checklist = q.data?.planChecklist;
  const problems = checklist ? hasProblems(checklist) : false;

  return (
    <Modal
      open
      title={t('plan.issueConfirmTitle')}
      width={720}
      onCancel={onClose}
      okText={problems ? t('checklist.issueAnyway') : t('plan.issueOk')}
      okButtonProps={{ disabled: !checklist || (problems && !acknowledged), danger: problems }}
      confirmLoading={loading}
      cancelText={t('common.cancel')}
      onOk={async () => {
        const { data } = await issue({ variables: { id: planId } });
        if (data?.issuePlan.status === 'ISSUED') onIssued();
      }}
    >
      {q.loading && !checklist ? (
        <Loading tip={t('checklist.loading')} />
      ) : q.error || !checklist ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('plan.issueConfirmBody', { issuer: issuerName })}</Typography.Paragraph>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('checklist.title')}
          </Typography.Title>
          <div style={{ maxHeight: '50vh', overflow: 'auto' }}>
            <PlanChecklistView checklist={checklist} />
          </div>
          {problems && (
            <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)}>
              {t('checklist.acknowledge')}
            </Checkbox>
          )}
        </Flex>
      )}
    </Modal>
  );
}
