import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Checkbox, Descriptions, Flex, Form, Input, InputNumber, Result, Select, Space, Steps, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { bindingFloor, impliedAggregate, issueMessage, meetsTarget, validateTargetValue } from '@chitieu/domain';
import { useI18n } from '../../../app/i18n';
import { parseDecimal } from '../../../app/numbers';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import type { CascadeInput, CascadeTargetsMutation as CascadeResult, UnitKind } from '../../../gql/graphql';
import { MatrixTargetsQuery, MatrixUnitsQuery } from '../../plans/plans.graphql';
import { IssueList } from '../../plans/components/issues';
import type { MatrixIndicator } from '../../plans/components/TargetMatrix';
import { CascadeTargetsMutation } from '../cascade.graphql';

type WriteResult = CascadeResult['cascadeTargets'];
type Issue = WriteResult['issues'][number];

export interface CascadeWizardProps {
  planId: string;
  /** Who set the plan's floors: named in BELOW_FLOOR messages. */
  issuerName: string;
  /** The day the plan's unit structure is read on (its year's 1 January): the children as they stood then. */
  asOf: string;
  indicators: readonly MatrixIndicator[];
  /** Units the viewer may assign from: its own unit and, for a province, its districts. */
  parents: readonly { id: string; name: string }[];
  initialIndicatorId?: string;
  initialParentId?: string;
}

interface Rule {
  floors: Partial<Record<UnitKind, number | null>>;
  defaults: Partial<Record<UnitKind, number | null>>;
  usePolicy: boolean;
  uplift: number;
  cap: number | null;
  /** Missing baselines come from last year's recorded results (across reorganisations). */
  fromResults: boolean;
  notBelowParent: boolean;
  keepManual: boolean;
}

interface ChildRow {
  id: string;
  name: string;
  kind: UnitKind;
  floor: number | null;
  floorSetBy: string;
  baseline: number | null;
  baselineSource: string | null;
  existing: number | null;
  proposed: { value: number; origin: 'MANUAL' | 'RULE' } | null;
  issues: Issue[];
  localIssues: { code: string; message: string; severity: 'ERROR' | 'WARNING' }[];
}

const EMPTY_RULE: Rule = { floors: {}, defaults: {}, usePolicy: true, uplift: 1, cap: 99, fromResults: true, notBelowParent: false, keepManual: true };

/**
 * The cascade wizard (domain.md, "Cascading"): pick an indicator and the assigning unit, set the
 * rule (floors, defaults, baseline policy), preview every child with a dry run, apply in one
 * transaction. Typed overrides are checked in place with the same rules the server uses.
 */
export function CascadeWizard({ planId, issuerName, asOf, indicators, parents, initialIndicatorId, initialParentId }: CascadeWizardProps) {
  const { t, locale, num, value: fmt } = useI18n();
  const [step, setStep] = useState(0);
  const [indicatorId, setIndicatorId] = useState(initialIndicatorId ?? indicators[0]?.id);
  const [parentId, setParentId] = useState(initialParentId ?? parents[0]?.id);
  const [rule, setRule] = useState<Rule>(EMPTY_RULE);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ signature: string; result: WriteResult } | null>(null);
  const [applied, setApplied] = useState<WriteResult | null>(null);
  const [cascade, { loading: running, error: runError }] = useMutation(CascadeTargetsMutation);

  const indicator = indicators.find((i) => i.id === indicatorId);
  /** The year before the plan's (asOf is the first day of the plan's year). */
  const lastYear = Number(asOf.slice(0, 4)) - 1;
  const parent = parents.find((p) => p.id === parentId);
  const unitsQ = useQuery(MatrixUnitsQuery, { variables: { unitId: parentId!, at: asOf }, skip: !parentId });
  const targetsQ = useQuery(MatrixTargetsQuery, { variables: { planId, unitId: parentId! }, skip: !parentId });
  const children = useMemo(() => unitsQ.data?.unit?.children ?? [], [unitsQ.data]);
  const kinds = useMemo(() => [...new Set(children.map((c) => c.kind))], [children]);
  const targets = useMemo(() => (targetsQ.data?.targets ?? []).filter((tg) => tg.indicator.id === indicatorId), [targetsQ.data, indicatorId]);
  const parentTarget = targets.find((tg) => tg.unit.id === parentId) ?? null;
  const planFloorOf = (kind: UnitKind) => bindingFloor(kind, indicator?.floors ?? []);

  /** Floors prefilled from the plan for the kinds among the children. */
  function enterRule() {
    const floors: Rule['floors'] = {};
    for (const k of kinds) floors[k] = rule.floors[k] ?? planFloorOf(k);
    setRule({ ...rule, floors });
    setStep(1);
  }

  const overrideValues = useMemo(() => {
    const out: { unitId: string; value: number }[] = [];
    for (const [unitId, text] of Object.entries(overrides)) {
      const v = parseDecimal(text, locale);
      if (v !== null && !Number.isNaN(v)) out.push({ unitId, value: v });
    }
    return out;
  }, [overrides]);

  const input = (dryRun: boolean): CascadeInput => ({
    planId,
    indicatorId: indicatorId!,
    parentUnitId: parentId!,
    dryRun,
    floors: kinds.flatMap((kind) => (rule.floors[kind] != null ? [{ kind, value: rule.floors[kind]! }] : [])),
    defaults: kinds.flatMap((kind) => (rule.defaults[kind] != null ? [{ kind, value: rule.defaults[kind]! }] : [])),
    baselinePolicy: rule.usePolicy ? { uplift: rule.uplift, cap: rule.cap, baselineYear: rule.fromResults ? lastYear : null } : null,
    notBelowParent: rule.notBelowParent,
    keepManual: rule.keepManual,
    overrides: overrideValues.map((o) => {
      const current = targets.find((tg) => tg.unit.id === o.unitId);
      return { ...o, expectedVersion: current?.version ?? 0 };
    }),
  });
  const signature = JSON.stringify(input(true));
  const fresh = preview?.signature === signature;

  async function dryRun() {
    const { data } = await cascade({ variables: { input: input(true) } });
    if (data) setPreview({ signature, result: data.cascadeTargets });
    setStep(2);
  }

  async function apply() {
    const { data } = await cascade({ variables: { input: input(false) } });
    if (!data) return;
    if (data.cascadeTargets.applied) {
      setApplied(data.cascadeTargets);
      setStep(3);
      void targetsQ.refetch();
    } else {
      setPreview({ signature, result: data.cascadeTargets });
    }
  }

  const rows: ChildRow[] = children.map((c) => {
    const existing = targets.find((tg) => tg.unit.id === c.id) ?? null;
    const proposal = preview?.result.targets.find((tg) => tg.unit.id === c.id) ?? null;
    const planFloor = planFloorOf(c.kind);
    const requestFloor = rule.floors[c.kind] ?? null;
    const floor = bindingFloor(c.kind, indicator?.floors ?? [], requestFloor != null ? [{ kind: c.kind, value: requestFloor }] : []);
    const floorSetBy = planFloor !== null && (requestFloor === null || planFloor >= requestFloor) ? issuerName : (parent?.name ?? '');
    const baseline = proposal?.baseline ?? existing?.baseline ?? null;
    const typed = overrides[c.id];
    const typedValue = typed === undefined ? null : parseDecimal(typed, locale);
    const localIssues: ChildRow['localIssues'] = [];
    if (typedValue !== null && Number.isNaN(typedValue)) {
      localIssues.push({ code: 'INVALID_NUMBER', message: t('matrix.invalidNumber', { text: typed }), severity: 'ERROR' });
    } else if (typedValue !== null && indicator) {
      // The same check as the server, while typing: a value below the floor is refused here.
      for (const i of validateTargetValue({
        unitId: c.id,
        measure: indicator.measure,
        value: typedValue,
        floor,
        floorSetBy,
        baseline,
        parentValue: parentTarget?.value ?? null,
        notBelowParent: rule.notBelowParent,
        pastDeadline: false,
      })) {
        if (i.severity === 'ERROR') localIssues.push({ code: i.code, message: issueMessage(i.code, i.params, locale), severity: 'ERROR' });
      }
    }
    return {
      id: c.id,
      name: c.name,
      kind: c.kind,
      floor,
      floorSetBy,
      baseline,
      baselineSource: proposal?.baselineSource ?? existing?.baselineSource ?? null,
      existing: existing?.value ?? null,
      proposed: proposal ? { value: proposal.value, origin: proposal.origin } : null,
      issues: fresh ? (preview?.result.issues ?? []).filter((i) => i.unitId === c.id) : [],
      localIssues,
    };
  });

  const allIssues = fresh ? (preview?.result.issues ?? []) : [];
  const errors = allIssues.filter((i) => i.severity === 'ERROR').length + rows.reduce((n, r) => n + r.localIssues.length, 0);
  const warnings = allIssues.filter((i) => i.severity === 'WARNING').length;
  const parentIssues = allIssues.filter((i) => !children.some((c) => c.id === i.unitId));
  const canApply = !!preview && fresh && errors === 0 && !running;

  // What the children's targets imply for the parent, computed here the way the server does
  // (equal weights: the previous year's denominators stay on the server).
  const implied = impliedAggregate(
    rows.flatMap((r) => {
      const v = r.proposed?.value ?? r.existing;
      return v === null ? [] : [{ value: v, weight: null }];
    }),
  );
  const impliedMeets = implied !== null && parentTarget ? meetsTarget(parentTarget.comparator, implied, parentTarget.value) : null;

  const pick = (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('cascade.indicator')}>
        <Select
          aria-label={t('cascade.indicator')}
          value={indicatorId}
          onChange={(v) => {
            setIndicatorId(v);
            setPreview(null);
            setOverrides({});
          }}
          options={indicators.map((i) => ({ value: i.id, label: `${i.position ? `${i.position}. ` : ''}${i.name}` }))}
        />
      </Form.Item>
      <Form.Item label={t('cascade.parent')}>
        <Select
          aria-label={t('cascade.parent')}
          value={parentId}
          onChange={(v) => {
            setParentId(v);
            setPreview(null);
            setOverrides({});
            setRule(EMPTY_RULE);
          }}
          options={parents.map((p) => ({ value: p.id, label: p.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {unitsQ.loading || targetsQ.loading ? (
        <Loading />
      ) : unitsQ.error || targetsQ.error ? (
        <ErrorState error={unitsQ.error ?? targetsQ.error} onRetry={() => void unitsQ.refetch()} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'target',
              label: t('cascade.parentTarget'),
              children: parentTarget ? `${t(`comparator.symbol.${parentTarget.comparator}`)} ${fmt(parentTarget.value, indicator?.unitOfMeasure)}` : t('cascade.noParentTarget'),
            },
            { key: 'children', label: t('common.unit'), children: children.length ? t('cascade.children', { count: children.length }) : t('cascade.noChildren') },
          ]}
        />
      )}
      <Button type="primary" disabled={!indicator || !children.length} onClick={enterRule}>
        {t('common.next')}
      </Button>
    </Form>
  );

  const setKind = (field: 'floors' | 'defaults', kind: UnitKind, v: number | null) => setRule((r) => ({ ...r, [field]: { ...r[field], [kind]: v } }));

  const ruleStep = (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Table
        size="small"
        pagination={false}
        rowKey={(k) => k}
        dataSource={kinds}
        title={() => (
          <Typography.Text type="secondary">
            {t('cascade.floorsHelp')} {t('cascade.defaultsHelp')}
          </Typography.Text>
        )}
        columns={[
          { title: t('common.kind'), key: 'kind', render: (_, k: UnitKind) => t(`kind.${k}`) },
          {
            title: t('cascade.floors'),
            key: 'floor',
            render: (_, k: UnitKind) => (
              <Space>
                <InputNumber
                  aria-label={`${t('cascade.floors')} ${t(`kind.${k}`)}`}
                  min={planFloorOf(k) ?? 0}
                  max={indicator?.measure === 'COUNT' ? undefined : 100}
                  value={rule.floors[k] ?? null}
                  onChange={(v) => setKind('floors', k, v)}
                  decimalSeparator={locale === 'vi' ? ',' : '.'}
                />
                {planFloorOf(k) !== null && <Typography.Text type="secondary">{t('cascade.floorFromPlan', { value: num(planFloorOf(k)) })}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('cascade.defaults'),
            key: 'default',
            render: (_, k: UnitKind) => (
              <InputNumber
                aria-label={`${t('cascade.defaults')} ${t(`kind.${k}`)}`}
                min={0}
                value={rule.defaults[k] ?? null}
                onChange={(v) => setKind('defaults', k, v)}
                decimalSeparator={locale === 'vi' ? ',' : '.'}
              />
            ),
          },
        ]}
      />
      <Flex vertical gap={8}>
        <Space>
          <Switch checked={rule.usePolicy} onChange={(usePolicy) => setRule({ ...rule, usePolicy })} aria-label={t('cascade.policy')} />
          <Typography.Text strong>{t('cascade.policy')}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">{t('cascade.policyHelp')}</Typography.Text>
        {rule.usePolicy && (
          <Space wrap>
            <span>{t('cascade.uplift')}</span>
            <InputNumber aria-label={t('cascade.uplift')} value={rule.uplift} onChange={(v) => setRule({ ...rule, uplift: v ?? 0 })} decimalSeparator={locale === 'vi' ? ',' : '.'} />
            <span>{t('cascade.cap')}</span>
            <InputNumber aria-label={t('cascade.cap')} value={rule.cap} onChange={(cap) => setRule({ ...rule, cap })} decimalSeparator={locale === 'vi' ? ',' : '.'} />
            <Checkbox checked={rule.fromResults} onChange={(e) => setRule({ ...rule, fromResults: e.target.checked })}>
              {t('cascade.fromResults', { year: lastYear })}
            </Checkbox>
          </Space>
        )}
        <Checkbox checked={rule.notBelowParent} onChange={(e) => setRule({ ...rule, notBelowParent: e.target.checked })}>
          {t('cascade.notBelowParent')}
        </Checkbox>
        <Checkbox checked={rule.keepManual} onChange={(e) => setRule({ ...rule, keepManual: e.target.checked })}>
          {t('cascade.keepManual')}
        </Checkbox>
      </Flex>
      <Space>
        <Button onClick={() => setStep(0)}>{t('common.back')}</Button>
        <Button type="primary" onClick={dryRun} loading={running}>
          {t('cascade.dryRun')}
        </Button>
      </Space>
    </Flex>
  );

  const previewStep = (
    <Flex vertical gap={12}>
      {runError && <ErrorState error={runError} />}
      <Flex gap={16} wrap align="center">
        <Tag color={errors ? 'red' : warnings ? 'orange' : 'green'}>{t('cascade.errorsCount', { errors, warnings })}</Tag>
        {implied !== null && (
          <Typography.Text>
            {t('cascade.implied')}:{' '}
            <Typography.Text strong>
              {parentTarget
                ? t('cascade.impliedVs', { implied: fmt(implied, indicator?.unitOfMeasure), target: fmt(parentTarget.value, indicator?.unitOfMeasure) })
                : fmt(implied, indicator?.unitOfMeasure)}
            </Typography.Text>{' '}
            {impliedMeets !== null && <Tag color={impliedMeets ? 'green' : 'orange'}>{impliedMeets ? t('cascade.impliedOk') : t('cascade.impliedShort')}</Tag>}
          </Typography.Text>
        )}
      </Flex>
      {parentIssues.length > 0 && <IssueList issues={parentIssues} />}
      {!fresh && preview && <Alert type="warning" showIcon title={t('cascade.stale')} />}
      {fresh && errors > 0 && <Alert type="error" showIcon title={t('cascade.applyDisabled')} />}
      <Table<ChildRow>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        sticky
        dataSource={rows}
        scroll={{ x: 1100 }}
        onRow={(r) => {
          const worst = r.localIssues.length || r.issues.some((i) => i.severity === 'ERROR') ? 'ERROR' : r.issues.length ? 'WARNING' : null;
          return { style: worst ? { background: worst === 'ERROR' ? '#fff1f0' : '#fffbe6' } : undefined, 'data-row-key': r.id } as React.HTMLAttributes<HTMLElement>;
        }}
        columns={[
          {
            title: t('common.unit'),
            key: 'unit',
            width: 240,
            fixed: 'left',
            render: (_, r) => (
              <>
                {r.name}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`kind.${r.kind}`)}</Typography.Text>
              </>
            ),
          },
          { title: t('cascade.col.floor'), key: 'floor', width: 90, render: (_, r) => num(r.floor) },
          {
            title: t('cascade.col.baseline'),
            key: 'baseline',
            width: 100,
            // Where the baseline came from (e.g. last year's results, rebuilt from the units merged into this one).
            render: (_, r) => (r.baselineSource ? <Tooltip title={r.baselineSource}><span>{num(r.baseline)} <Typography.Text type="secondary">ⓘ</Typography.Text></span></Tooltip> : num(r.baseline)),
          },
          {
            title: t('cascade.col.proposed'),
            key: 'proposed',
            width: 170,
            render: (_, r) =>
              r.proposed ? (
                <Space size={4}>
                  <Typography.Text strong>{fmt(r.proposed.value, indicator?.unitOfMeasure)}</Typography.Text>
                  <Tag color={r.proposed.origin === 'RULE' ? 'blue' : 'default'}>{t(`origin.${r.proposed.origin}`)}</Tag>
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {r.existing !== null ? `${fmt(r.existing, indicator?.unitOfMeasure)} · ` : ''}
                  {t('cascade.unchanged')}
                </Typography.Text>
              ),
          },
          {
            title: t('cascade.col.override'),
            key: 'override',
            width: 130,
            render: (_, r) => (
              <Input
                size="small"
                aria-label={`${t('cascade.col.override')} ${r.name}`}
                value={overrides[r.id] ?? ''}
                status={r.localIssues.length ? 'error' : undefined}
                onChange={(e) => setOverrides((o) => ({ ...o, [r.id]: e.target.value }))}
                suffix={indicator?.unitOfMeasure}
              />
            ),
          },
          {
            title: t('cascade.col.issues'),
            key: 'issues',
            render: (_, r) => <IssueList issues={[...r.localIssues, ...r.issues]} />,
          },
        ]}
      />
      <Space>
        <Button onClick={() => setStep(1)}>{t('common.back')}</Button>
        <Button onClick={dryRun} loading={running}>
          {t('cascade.rerun')}
        </Button>
        <Button type="primary" onClick={apply} disabled={!canApply} loading={running}>
          {t('cascade.apply')}
        </Button>
      </Space>
    </Flex>
  );

  const doneWarnings = applied?.issues.filter((i) => i.severity === 'WARNING') ?? [];
  const nameOf = (unitId: string) => children.find((c) => c.id === unitId)?.name ?? parent?.name ?? unitId;
  const done = applied && (
    <Result
      status={doneWarnings.length ? 'warning' : 'success'}
      title={t('cascade.summaryOk', { created: applied.created, updated: applied.updated })}
      subTitle={doneWarnings.length ? t('cascade.summaryWarnings', { count: doneWarnings.length }) : t('cascade.noWarnings')}
      extra={[
        <Link key="plan" to={`/plans/${planId}`}>
          <Button type="primary">{t('cascade.backToPlan')}</Button>
        </Link>,
        <Button
          key="again"
          onClick={() => {
            setApplied(null);
            setPreview(null);
            setOverrides({});
            setStep(0);
          }}
        >
          {t('cascade.again')}
        </Button>,
      ]}
    >
      {doneWarnings.length > 0 && <IssueList issues={doneWarnings.map((i) => ({ ...i, label: nameOf(i.unitId) }))} />}
    </Result>
  );

  if (!indicators.length || !parents.length) return <EmptyState>{t('plan.ind.empty')}</EmptyState>;

  return (
    <Flex vertical gap={24}>
      <Steps
        current={step}
        items={[{ title: t('cascade.step.pick') }, { title: t('cascade.step.rule') }, { title: t('cascade.step.preview') }, { title: t('cascade.step.done') }]}
      />
      {step === 0 && pick}
      {step === 1 && ruleStep}
      {step === 2 && previewStep}
      {step === 3 && done}
    </Flex>
  );
}

