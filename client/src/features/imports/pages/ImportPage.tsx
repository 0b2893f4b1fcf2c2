import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Input, Progress, Select, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { can } from '../../../app/access';
import { downloadFile } from '../../../app/download';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { usePlanChoice } from '../../plans/usePlanChoice';
import { ImportPreview } from '../components/ImportPreview';
import { sendImport, templatePath, type ImportAnswer, type ImportKind } from '../imports.api';
import { PlanIndicatorItems } from '../../../app/components/PlanPickers';

/** Uploading (with its share done), then waiting while the server reads and checks the file. */
type Busy = { step: 'upload'; share: number } | { step: 'read' } | null;

/**
 * Choose what to import and where, upload the file, read the check (every line, problems
 * first), then save — all lines, or the valid ones when the user chooses to skip the rest.
 */
export function ImportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const kinds: ImportKind[] = [...(can(user.role, 'targets.edit') ? (['targets', 'baselines'] as const) : []), ...(can(user.role, 'results.enter') ? (['results'] as const) : [])];
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'results');
  const { plansQ, plans, plan, choosePlan, planQ, indicators, indicator, setIndicatorId } = usePlanChoice();
  const [period, setPeriod] = useState<string>();
  const effectivePeriod = period ?? (plan ? String(plan.year) : '');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);

  const reset = () => setAnswer(null);

  async function run(dryRun: boolean) {
    if (!file || !plan || !indicator) return;
    setBusy({ step: 'upload', share: 0 });
    try {
      const result = await sendImport(
        { kind, planId: plan.id, indicatorId: indicator.id, period: kind === 'results' ? effectivePeriod.trim() || null : null, dryRun, skipInvalid },
        file,
        (share) => setBusy(share < 1 ? { step: 'upload', share } : { step: 'read' }),
      );
      setAnswer(result);
      if (!dryRun && result.summary.applied)
        message.success(t('import.applied', { created: result.summary.created, updated: result.summary.updated, unchanged: result.summary.unchanged }));
    } catch (err) {
      message.error(t('import.failed', { message: (err as Error).message }));
    } finally {
      setBusy(null);
    }
  }

  if (plansQ.loading) return <Loading />;
  if (plansQ.error) return <ErrorState error={plansQ.error} onRetry={() => void plansQ.refetch()} />;

  const errorLines = answer?.summary.errors ?? 0;
  const canCommit = !!answer && answer.summary.dryRun && (errorLines === 0 || skipInvalid) && !busy;

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('import.title')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('import.intro')}
        </Typography.Paragraph>
        {!plans.length ? (
          <EmptyState>{t('results.noPlans')}</EmptyState>
        ) : (
          <>
            <Form layout="inline" style={{ rowGap: 8 }}>
              <Form.Item label={t('import.kind')}>
                <Select
                  style={{ width: 240 }}
                  value={kind}
                  onChange={(k) => {
                    setKind(k);
                    reset();
                  }}
                  options={kinds.map((k) => ({ value: k, label: t(`import.kind.${k}` as MessageKey) }))}
                  aria-label={t('import.kind')}
                />
              </Form.Item>
              <PlanIndicatorItems
                plans={plans}
                planId={plan?.id}
                onPlan={(v) => {
                  choosePlan(v);
                  setPeriod(undefined);
                  reset();
                }}
                indicators={indicators}
                indicatorId={indicator?.id}
                onIndicator={(v) => {
                  setIndicatorId(v);
                  reset();
                }}
                loading={planQ.loading}
                labels={{ plan: t('import.plan'), indicator: t('import.indicator') }}
              />
              {kind === 'results' && (
                <Form.Item label={t('import.period')} tooltip={t('import.periodHint')}>
                  <Input
                    style={{ width: 140 }}
                    value={effectivePeriod}
                    onChange={(e) => {
                      setPeriod(e.target.value);
                      reset();
                    }}
                    placeholder="2024-05"
                    aria-label={t('import.period')}
                  />
                </Form.Item>
              )}
              <Form.Item>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    downloadFile(templatePath(kind, plan?.id, indicator?.id), `mau-nhap-${kind}.xlsx`).catch((err: Error) =>
                      message.error(t('import.failed', { message: err.message })),
                    )
                  }
                >
                  {t('import.template')}
                </Button>
              </Form.Item>
            </Form>
            <Upload.Dragger
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              multiple={false}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              beforeUpload={(f) => {
                setFile(f);
                reset();
                return false; // sent on "Check", not on pick
              }}
              onRemove={() => {
                setFile(null);
                reset();
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            <Flex gap={12} align="center" wrap>
              <Button type="primary" ghost disabled={!file || !indicator || !!busy} onClick={() => void run(true)}>
                {t('import.check')}
              </Button>
              {busy && (
                <Flex align="center" gap={8} style={{ minWidth: 280 }} role="status">
                  <Progress percent={busy.step === 'upload' ? Math.round(busy.share * 100) : 100} status="active" size="small" style={{ width: 160, margin: 0 }} />
                  <Typography.Text type="secondary">{busy.step === 'upload' ? t('import.uploading') : t('import.reading')}</Typography.Text>
                </Flex>
              )}
            </Flex>
            {answer && (
              <>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('import.preview')}
                </Typography.Title>
                <ImportPreview answer={answer} unitOfMeasure={indicator?.unitOfMeasure} />
                {answer.summary.dryRun && (
                  <Flex gap={12} align="center" wrap>
                    <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} disabled={errorLines === 0}>
                      {t('import.skipInvalid')}
                    </Checkbox>
                    <Button type="primary" disabled={!canCommit} onClick={() => void run(false)}>
                      {t('import.commit')}
                    </Button>
                    {errorLines > 0 && !skipInvalid && <Typography.Text type="danger">{t('import.commitBlocked', { count: errorLines })}</Typography.Text>}
                  </Flex>
                )}
              </>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}
