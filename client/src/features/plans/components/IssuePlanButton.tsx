import { useState } from 'react';
import { App, Button } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { IssueChecklistModal } from './checklist/IssueChecklistModal';

/** "Ban hành kế hoạch": opens the pre-issue checklist, which asks to confirm what issuing leaves open. */
export function IssuePlanButton({ planId, issuerName, onIssued }: { planId: string; issuerName: string; onIssued(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<SendOutlined />} onClick={() => setOpen(true)}>
        {t('plan.issue')}
      </Button>
      {open && (
        <IssueChecklistModal
          planId={planId}
          issuerName={issuerName}
          onClose={() => setOpen(false)}
          onIssued={() => {
            setOpen(false);
            message.success(t('plan.issued'));
            onIssued();
          }}
        />
      )}
    </>
  );
}
