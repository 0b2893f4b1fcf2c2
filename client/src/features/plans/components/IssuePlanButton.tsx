import { App, Button } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { IssuePlanMutation } from '../plans.graphql';

/** "Ban hành kế hoạch", behind a confirmation that says what issuing freezes. */
export function IssuePlanButton({ planId, issuerName, onIssued }: { planId: string; issuerName: string; onIssued(): void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [issue, { loading }] = useMutation(IssuePlanMutation);
  return (
    <Button
      type="primary"
      icon={<SendOutlined />}
      loading={loading}
      onClick={() =>
        modal.confirm({
          title: t('plan.issueConfirmTitle'),
          content: t('plan.issueConfirmBody', { issuer: issuerName }),
          okText: t('plan.issueOk'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            const { data } = await issue({ variables: { id: planId } });
            if (data?.issuePlan.status === 'ISSUED') {
              message.success(t('plan.issued'));
              onIssued();
            }
          },
        })
      }
    >
      {t('plan.issue')}
    </Button>
  );
}
