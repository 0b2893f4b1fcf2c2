import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { bindingFloor, floorSetBy, issueMessage, validateTargetValue } from '@chitieu/domain';
import { useI18n } from '../../../app/i18n';
import { parseDecimal } from '../../../app/numbers';
import type { CascadeInput, CascadeTargetsMutation as CascadeResult, UnitKind } from '../../../gql/graphql';
import { MatrixTargetsQuery, MatrixUnitsQuery } from '../../plans/plans.graphql';
import type { MatrixIndicator } from '../../plans/components/TargetMatrix';
import { CascadeTargetsMutation } from '../cascade.graphql';
import { perRow, writeNotice } from '../../plans/components/issues';

export type WriteResult = CascadeResult['cascadeTargets'];
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

export interface Rule {
  floors: Partial<Record<UnitKind, number | null>>;
  defaults: Partial<Record<UnitKind, number | null>>;
  usePolicy: boolean;
  uplift: number;
  cap: number | null;
  /** Missing baselines come from last year's recorded results (across reorganisations). */
  fromResults: boolean;
  notBelowParent: boolean;
  keepManual: boolean;
  /** With the policy: the server raises the uplift until the children's targets make the parent's. */
  reachParent: boolean;
}

export interface ChildRow {
  id: string;
  name: string;
  kind: UnitKind;
  floor: number | null;
  floorSetBy: string;
  baseline: number | null;
  baselineSource: string | null;
  existing: number | null;
  proposed: { value: number; origin: 'MANUAL' | 'RULE' } | null;
  /** The cascade gives it a new or different value (listed first in the preview). */
  changed: boolean;
  issues: Issue[];
  localIssues: { code: string; message: string; severity: 'ERROR' | 'WARNING' }[];
}

export const EMPTY_RULE: Rule = { floors: {}, defaults: {}, usePolicy: true, uplift: 1, cap: 99, fromResults: true, notBelowParent: false, keepManual: true, reachParent: false };

/** The steps, in order: the wizard's `step` indexes them. */
export const STEPS = ['pick', 'rule', 'preview', 'done'] as const;

/**
 * The cascade wizard's state and transitions (docs/spec/domain.md, "Cascading"): the choices,
 * the rule, typed overrides, the last dry run (valid while the input it ran on is unchanged) and
 * the applied result. Every step screen reads and acts through what this returns.
 */
export function useCascadeWizard({ planId, issuerName, asOf, indicators, parents, initialIndicatorId, initialParentId }: CascadeWizardProps) {
  const { t, locale } = useI18n();
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

  function chooseIndicator(id: string) {
    setIndicatorId(id);
    setPreview(null);
    setOverrides({});
  }

  function chooseParent(id: string) {
    setParentId(id);
    setPreview(null);
    setOverrides({});
    setRule(EMPTY_RULE);
  }

  /**
   * Floors prefilled from the plan for the kinds among the children, and the defaults with them:
   * the kind's floor, else the parent's own target — nothing the plan already says is retyped.
   */
  function enterRule() {
    const floors: Rule['floors'] = {};
    const defaults: Rule['defaults'] = {};
    for (const k of kinds) {
      floors[k] = rule.floors[k] ?? planFloorOf(k);
      defaults[k] = rule.defaults[k] ?? floors[k] ?? parentTarget?.value ?? null;
    }
    setRule({ ...rule, floors, defaults });
    setStep(1);
  }

  const updateRule = (patch: Partial<Rule>) => setRule((r) => ({ ...r, ...patch }));
  const setKind = (field: 'floors' | 'defaults', kind: UnitKind, v: number | null) => setRule((r) => ({ ...r, [field]: { ...r[field], [kind]: v } }));
  const setOverride = (unitId: string, text: string) => setOverrides((o) => ({ ...o, [unitId]: text }));

  const overrideValues = useMemo(() => {
    const out: { unitId: string; value: number }[] = [];
    for (const [unitId, text] of Object.entries(overrides)) {
      const v = parseDecimal(text, locale);
      if (v !== null && !Number.isNaN(v)) out.push({ unitId, value: v });
    }
    return out;
  }, [overrides, locale]);

  const input = (dryRun: boolean): CascadeInput => ({
    planId,
    indicatorId: indicatorId!,
    parentUnitId: parentId!,
    dryRun,
    floors: kinds.flatMap((kind) => (rule.floors[kind] != null ? [{ kind, value: rule.floors[kind]! }] : [])),
    defaults: kinds.flatMap((kind) => (rule.defaults[kind] != null ? [{ kind, value: rule.defaults[kind]! }] : [])),
    baselinePolicy: rule.usePolicy ? { uplift: rule.uplift, cap: rule.cap, baselineYear: rule.fromResults ? lastYear : null } : null,
    reachParent: rule.usePolicy && rule.reachParent,
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

  /** Back to the first step for another cascade, keeping the indicator, the parent and the rule. */
  function again() {
    setApplied(null);
    setPreview(null);
    setOverrides({});
    setStep(0);
  }

  const rows: ChildRow[] = children.map((c) => {
    const existing = targets.find((tg) => tg.unit.id === c.id) ?? null;
    const proposal = preview?.result.targets.find((tg) => tg.unit.id === c.id) ?? null;
    const planFloor = planFloorOf(c.kind);
    const requestFloor = rule.floors[c.kind] ?? null;
    const floor = bindingFloor(c.kind, indicator?.floors ?? [], requestFloor != null ? [{ kind: c.kind, value: requestFloor }] : []);
    const setBy = floorSetBy(planFloor, requestFloor, { issuer: issuerName, assigner: parent?.name ?? '' });
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
        floorSetBy: setBy,
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
      floorSetBy: setBy,
      baseline,
      baselineSource: proposal?.baselineSource ?? existing?.baselineSource ?? null,
      existing: existing?.value ?? null,
      proposed: proposal ? { value: proposal.value, origin: proposal.origin } : null,
      changed: !!proposal && proposal.value !== existing?.value,
      issues: fresh ? perRow(preview?.result.issues ?? []).filter((i) => i.unitId === c.id) : [],
      localIssues,
    };
  });

  const allIssues = fresh ? (preview?.result.issues ?? []) : [];
  const errors = allIssues.filter((i) => i.severity === 'ERROR').length + rows.reduce((n, r) => n + r.localIssues.length, 0);
  const warnings = allIssues.filter((i) => i.severity === 'WARNING').length;
  const parentIssues = allIssues.filter((i) => !children.some((c) => c.id === i.unitId));
  // The late warning concerns the whole write: said once above the rows.
  const notice = writeNotice(allIssues);
  const canApply = !!preview && fresh && errors === 0 && !running;

  // What the children's targets imply for the parent, as the server weighs them (last year's
  // denominators), and its verdict: short when it raised IMPLIED_AGGREGATE_SHORT.
  const result = fresh ? preview?.result : undefined;
  const implied = result?.impliedAggregate ?? null;
  const impliedTarget = result?.parentTarget ?? null;
  const impliedMeets = implied !== null && impliedTarget !== null ? !parentIssues.some((i) => i.code === 'IMPLIED_AGGREGATE_SHORT') : null;
  const upliftUsed = result?.uplift ?? null;
  // Changed rows first, the children's order kept within each group.
  const sortedRows = [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
  const nameOf = (unitId: string) => children.find((c) => c.id === unitId)?.name ?? parent?.name ?? unitId;

  return {
    planId,
    indicators,
    parents,
    step,
    setStep,
    indicatorId,
    indicator,
    chooseIndicator,
    parentId,
    chooseParent,
    lastYear,
    unitsQ,
    targetsQ,
    children,
    kinds,
    parentTarget,
    planFloorOf,
    enterRule,
    rule,
    updateRule,
    setKind,
    overrides,
    setOverride,
    preview,
    fresh,
    running,
    runError,
    dryRun,
    apply,
    canApply,
    applied,
    again,
    rows: sortedRows,
    changedCount: sortedRows.filter((r) => r.changed).length,
    errors,
    warnings,
    parentIssues,
    notice,
    implied,
    impliedTarget,
    impliedMeets,
    upliftUsed,
    nameOf,
  };
}

export type CascadeWizardState = ReturnType<typeof useCascadeWizard>;
