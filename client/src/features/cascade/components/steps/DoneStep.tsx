import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { IssueList, perRow, writeNotice, WriteNoticeAlert } from '../../../plans/components/issues';
import type { CascadeWizardState } from '../useCascadeWizard';

/** Step 4: what was written, with the warnings the applied cascade raised. */
export function DoneStep({ wizard: w }: { wizard: CascadeWizardState }) {
  const { t } = useI18n();
  const { applied } = w;
  if (!applied) return null;
  const doneWarnings = applied.issues.filter((i) => i.severity === 'WARNING');
  const rowWarnings = perRow(doneWarnings);
  return (
    <Result
      status={doneWarnings.length ? 'warning' : 'success'}
      title={t('cascade.summaryOk', { created: applied.created, updated: applied.updated })}
      subTitle={doneWarnings.length ? t('cascade.summaryWarnings', { count: doneWarnings.length }) : t('cascade.noWarnings')}
      extra={[
        <Link key="plan" to={`/plans/${w.planId}`}>
          <Button type="primary">{t('cascade.backToPlan')}</Button>
        </Link>,
        <Button key="again" onClick={w.again}>
          {t('cascade.again')}
        </Button>,
      ]}
    >
      <WriteNoticeAlert notice={writeNotice(doneWarnings)} />
      {rowWarnings.length > 0 && <IssueList issues={rowWarnings.map((i) => ({ ...i, label: w.nameOf(i.unitId) }))} />}
    </Result>
  );
}
