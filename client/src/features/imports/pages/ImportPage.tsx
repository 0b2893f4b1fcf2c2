import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { App, Button, Card, Checkbox, Flex, Form, Input, Progress, Select, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { can } from '../../../app/access';
import { downloadFile } from '../../../app/download';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { usePhone } from '../../../app/components/usePhone';
import { usePlanChoice } from '../../plans/usePlanChoice';
import { ImportPreview } from '../components/ImportPreview';
import { ColumnMapping, undecided } from '../components/ColumnMapping';
import { inspectColumns, outcomesOf, sendImport, templatePath, type ImportAnswer, type ImportColumn, type ImportColumns, type ImportKind } from '../imports.api';
import { IndicatorSelect, PlanSelect } from '../../../app/components/PlanPickers';

/** Uploading (with its share done), then waiting while the server reads and checks the file. */
type Busy = { step: 'upload'; share: number } | { step: 'read' } | null;

/** Tệp → Cột → Xem trước → Xong. */
type Step = 0 | 1 | 2 | 3;

/**
 * Choose what to import and where and the file; see what each column holds as detected and
 * change it (several indicators from one sheet); read the check per indicator (problems first);
 * then save — all lines, or the valid ones when the user chooses to skip the rest.
 */
export function ImportPage() {
  const { t } = useI18n();
  const phone = usePhone();
  const { message } = App.useApp();
  const client = useApolloClient();
  const user = useUser();
  const kinds: ImportKind[] = [...(can(user.role, 'targets.edit') ? (['targets', 'baselines'] as const) : []), ...(can(user.role, 'results.enter') ? (['results'] as const) : [])];
  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'results');
  const { plansQ, plans, plan, choosePlan, planQ, indicators, indicator, setIndicatorId } = usePlanChoice();
  const [period, setPeriod] = useState<string>();
  const effectivePeriod = period ?? (plan ? String(plan.year) : '');
  const [file, setFile] = useState<File | null>(null);
  const [found, setFound] = useState<ImportColumns | null>(null);
  const [columns, setColumns] = useState<ImportColumn[]>([]);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [step, setStep] = useState<Step>(0);
  // Results are entered for the indicator chosen above; targets and baselines name theirs per column.
  const defaultIndicator = kind === 'results' ? (indicator?.id ?? null) : null;

  const reset = () => {
    setAnswer(null);
    setFound(null);
    setStep(0);
  };
  const progress = (share: number) => setBusy(share < 1 ? { step: 'upload', share } : { step: 'read' });

  async function readColumns(f: File) {
    if (!plan) return;
    setBusy({ step: 'upload', share: 0 });
    try {
      const got = await inspectColumns(kind, plan.id, f, progress);
      setFound(got);
      setColumns(got.columns.map((c) => (c.indicatorId === null && defaultIndicator && c.role !== 'ignore' ? { ...c, indicatorId: defaultIndicator } : c)));
      setStep(1);
    } catch (err) {
      message.error(t('import.failed', { message: (err as Error).message }));
    } finally {
      setBusy(null);
    }
  }

  async function run(dryRun: boolean) {
    if (!file || !plan || !found) return;
    setBusy({ step: 'upload', share: 0 });
    try {
      const mapping = { headerLine: found.headerLine, columns: columns.map(({ index, role, indicatorId }) => ({ index, role, indicatorId })) };
      const result = await sendImport(
        { kind, planId: plan.id, indicatorId: defaultIndicator, columns: mapping, period: kind === 'results' ? effectivePeriod.trim() || null : null, dryRun, skipInvalid },
        file,
        progress,
      );
      setAnswer(result);
      setStep(dryRun ? 2 : 3);
      if (!dryRun && result.summary.applied) {
        message.success(t('import.applied', { created: result.summary.created, updated: result.summary.updated, unchanged: result.summary.unchanged }));
        // Targets, counts and progress shown elsewhere are stale now: read them again.
        await client.clearStore();
        await client.refetchQueries({ include: 'active' });
      }
    } catch (err) {
      message.error(t('import.failed', { message: (err as Error).message }));
    } finally {
      setBusy(null);
    }
  }

  if (plansQ.loading && !plansQ.data) return <Loading />;
  if (plansQ.error) return <ErrorState error={plansQ.error} onRetry={() => void plansQ.refetch()} />;

  const errorLines = answer?.summary.errors ?? 0;
  const canCommit = !!answer && answer.summary.dryRun && (errorLines === 0 || skipInvalid) && !busy;
  const open = undecided(columns);
  const nameOf = (id: string | null) => indicators.find((i) => i.indicator.id === id)?.indicator;

  const fileStep = (
    <>
      {/* On a phone the pickers stack, each as wide as the card. */}
      <Form layout={phone ? 'vertical' : 'inline'} style={{ rowGap: 8 }}>
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
        <Form.Item label={t('import.plan')}>
          <PlanSelect
            plans={plans}
            value={plan?.id}
            onChange={(v) => {
              choosePlan(v);
              setPeriod(undefined);
              reset();
            }}
            label={t('import.plan')}
          />
        </Form.Item>
        {kind === 'results' && (
          <>
            <Form.Item label={t('import.indicator')}>
              <IndicatorSelect indicators={indicators} value={indicator?.id} onChange={setIndicatorId} label={t('import.indicator')} loading={planQ.loading} />
            </Form.Item>
            <Form.Item label={t('import.period')} tooltip={t('import.periodHint')}>
              <Input style={{ width: 140 }} value={effectivePeriod} onChange={(e) => setPeriod(e.target.value)} placeholder="2024-05" aria-label={t('import.period')} />
            </Form.Item>
          </>
        )}
        <Form.Item>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              downloadFile(templatePath(kind, plan?.id, indicator?.id), `mau-nhap-${kind}.xlsx`).catch((err: Error) => message.error(t('import.failed', { message: err.message })))
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
        disabled={!!busy}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          setFile(f);
          reset();
          void readColumns(f);
          return false; // read here, never uploaded by antd
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
    </>
  );

  const back = (to: Step) => (
    <Button disabled={!!busy} onClick={() => setStep(to)}>
      {t('import.back')}
    </Button>
  );

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
        <Steps current={step} size="small" items={(['file', 'columns', 'preview', 'done'] as const).map((s) => ({ title: t(`import.step.${s}`) }))} />
        {!plans.length ? (
          <EmptyState>{t('results.noPlans')}</EmptyState>
        ) : (
          <>
            {step === 0 && fileStep}
            {step === 1 && found && (
              <>
                <Typography.Text>{t('import.map.intro', { line: found.headerLine })}</Typography.Text>
                <ColumnMapping kind={kind} found={found} onChange={setColumns} columns={columns} />
                <Flex gap={12} align="center" wrap>
                  {back(0)}
                  <Button type="primary" disabled={!!busy || open.length > 0} onClick={() => void run(true)}>
                    {t('import.check')}
                  </Button>
                  {open.length > 0 && <Typography.Text type="danger">{t('import.map.undecided', { count: open.length })}</Typography.Text>}
                </Flex>
              </>
            )}
            {busy && (
              <Flex align="center" gap={8} style={{ minWidth: 280 }} role="status">
                <Progress percent={busy.step === 'upload' ? Math.round(busy.share * 100) : 100} status="active" size="small" style={{ width: 160, margin: 0 }} />
                <Typography.Text type="secondary">{busy.step === 'upload' ? t('import.uploading') : t('import.reading')}</Typography.Text>
              </Flex>
            )}
            {step >= 2 && answer && (
              <>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('import.preview')}
                </Typography.Title>
                {outcomesOf(answer, defaultIndicator ?? columns.find((c) => c.indicatorId)?.indicatorId ?? null).map(({ indicatorId, outcome }) => (
                  <Flex vertical gap={8} key={indicatorId ?? 'one'}>
                    {'parts' in answer && <Typography.Text strong>{nameOf(indicatorId)?.name ?? indicatorId}</Typography.Text>}
                    <ImportPreview answer={outcome} unitOfMeasure={nameOf(indicatorId)?.unitOfMeasure} />
                  </Flex>
                ))}
                {step === 2 && (
                  <Flex gap={12} align="center" wrap>
                    {back(1)}
                    <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} disabled={errorLines === 0}>
                      {t('import.skipInvalid')}
                    </Checkbox>
                    <Button type="primary" disabled={!canCommit} onClick={() => void run(false)}>
                      {t('import.commit')}
                    </Button>
                    {errorLines > 0 && !skipInvalid && <Typography.Text type="danger">{t('import.commitBlocked', { count: errorLines })}</Typography.Text>}
                  </Flex>
                )}
                {step === 3 && (
                  <Flex>
                    <Button
                      onClick={() => {
                        setFile(null);
                        reset();
                      }}
                    >
                      {t('import.again')}
                    </Button>
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
