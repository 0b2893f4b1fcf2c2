import { expect } from 'vitest';
import { ADMIN, type GqlResponse, type TestServer } from './server';

/** GraphQL documents the acceptance specs share, and small helpers around them. */

export const TARGET_FIELDS = 'id value comparator baseline origin version note unit { id code kind } assignedBy { code }';
export const WRITE_FIELDS = `applied created updated issues { unitId code severity message } targets { ${TARGET_FIELDS} }`;

export const SET_TARGETS = `mutation($input: SetTargetsInput!) { setTargets(input: $input) { ${WRITE_FIELDS} } }`;
export const CASCADE = `mutation($input: CascadeInput!) { cascadeTargets(input: $input) { ${WRITE_FIELDS} } }`;
export const TARGETS = `query($filter: TargetFilter!) { targets(filter: $filter) { ${TARGET_FIELDS} } }`;
export const RECORD = 'mutation($input: RecordResultsInput!) { recordResults(input: $input) }';

const FIGURE = 'numerator denominator value';
const PROGRESS_NODE = `unit { id code } period target { value comparator } own { ${FIGURE} } rolledUp { ${FIGURE} } status gap belowHardMinimum rank`;
export const PROGRESS = `query($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {
  progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) { ${PROGRESS_NODE} children { ${PROGRESS_NODE} } } }`;

export const PLAN_FIELDS =
  'id year title status documentNumber subAssignmentDeadline issuer { code } indicators { section position floors { kind value } indicator { id code measure comparator } }';
export const CREATE_PLAN = `mutation($input: PlanInput!) { createPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const ADD_PLAN_INDICATOR = `mutation($input: PlanIndicatorInput!) { addPlanIndicator(input: $input) { ${PLAN_FIELDS} } }`;
export const ISSUE_PLAN = `mutation($id: ID!) { issuePlan(id: $id) { ${PLAN_FIELDS} } }`;
export const PLAN = `query($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`;
export const PLANS = `query($year: Int) { plans(year: $year) { ${PLAN_FIELDS} } }`;
export const CREATE_INDICATOR = 'mutation($input: IndicatorInput!) { createIndicator(input: $input) { id code measure comparator hardMinimum } }';

export type Issue = { unitId: string; code: string; severity: 'ERROR' | 'WARNING'; message: string };
export type TargetRow = {
  id: string;
  value: number;
  comparator: string;
  baseline: number | null;
  origin: 'MANUAL' | 'RULE';
  version: number;
  note: string | null;
  unit: { id: string; code: string | null; kind: string };
  assignedBy: { code: string | null };
};
export type WriteResult = { applied: boolean; created: number; updated: number; issues: Issue[]; targets: TargetRow[] };
export type FigureRow = { numerator: number | null; denominator: number | null; value: number | null };
export type ProgressNode = {
  unit: { id: string; code: string | null };
  period: string;
  target: { value: number; comparator: string } | null;
  own: FigureRow;
  rolledUp: FigureRow;
  status: string;
  gap: number | null;
  belowHardMinimum: boolean;
  rank: number | null;
};
export type ProgressRow = ProgressNode & { children: ProgressNode[] };

/** The data of a response that must have succeeded (fails the test with the errors otherwise). */
export function ok<T>(res: GqlResponse<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

/** Ids of the demo province's units (by code), plans (by year) and indicators (by code). */
export interface Demo {
  admin: string;
  unit: (code: string) => string;
  kind: (code: string) => string;
  childrenOf: (code: string) => string[];
  codeOf: (id: string) => string;
  plan: (year: number) => string;
  indicator: (code: string) => string;
}

export async function demo(s: TestServer): Promise<Demo> {
  const admin = await s.login(ADMIN.username, ADMIN.password);
  const tree = ok(await s.gql<{ unit: UnitNode }>('{ unit(code: "66") { id code kind children { id code kind children { id code kind } } } }', {}, admin)).unit;
  const byCode = new Map<string, { id: string; kind: string; children: string[] }>();
  const byId = new Map<string, string>();
  const walk = (u: UnitNode) => {
    byCode.set(u.code!, { id: u.id, kind: u.kind, children: (u.children ?? []).map((c) => c.code!) });
    byId.set(u.id, u.code!);
    (u.children ?? []).forEach(walk);
  };
  walk(tree);
  const plans = ok(await s.gql<{ plans: { id: string; year: number; issuer: { code: string } }[] }>('{ plans { id year issuer { code } } }', {}, admin)).plans;
  const indicators = ok(await s.gql<{ indicators: { id: string; code: string }[] }>('{ indicators { id code } }', {}, admin)).indicators;
  const need = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`demo: no ${what}`);
    return x;
  };
  return {
    admin,
    unit: (code) => need(byCode.get(code), `unit ${code}`).id,
    kind: (code) => need(byCode.get(code), `unit ${code}`).kind,
    childrenOf: (code) => need(byCode.get(code), `unit ${code}`).children,
    codeOf: (id) => need(byId.get(id), `unit id ${id}`),
    plan: (year) =>
      need(
        plans.find((p) => p.year === year && p.issuer.code === '66'),
        `plan ${year}`,
      ).id,
    indicator: (code) =>
      need(
        indicators.find((i) => i.code === code),
        `indicator ${code}`,
      ).id,
  };
}

type UnitNode = { id: string; code: string | null; kind: string; children?: UnitNode[] };

/** Calls setTargets / cascadeTargets and returns the write result (GraphQL errors fail the test). */
export async function setTargets(s: TestServer, token: string, input: Record<string, unknown>): Promise<WriteResult> {
  return ok(await s.gql<{ setTargets: WriteResult }>(SET_TARGETS, { input }, token)).setTargets;
}

export async function cascade(s: TestServer, token: string, input: Record<string, unknown>): Promise<WriteResult> {
  return ok(await s.gql<{ cascadeTargets: WriteResult }>(CASCADE, { input }, token)).cascadeTargets;
}

export async function targets(s: TestServer, token: string, filter: Record<string, unknown>): Promise<TargetRow[]> {
  return ok(await s.gql<{ targets: TargetRow[] }>(TARGETS, { filter }, token)).targets;
}

export async function record(s: TestServer, token: string, indicatorId: string, period: string, results: Record<string, unknown>[]): Promise<number> {
  return ok(await s.gql<{ recordResults: number }>(RECORD, { input: { indicatorId, period, results } }, token)).recordResults;
}

export async function progress(s: TestServer, token: string, args: { planId: string; indicatorId: string; unitId: string; period?: string }): Promise<ProgressRow> {
  return ok(await s.gql<{ progress: ProgressRow }>(PROGRESS, args, token)).progress;
}

export async function createIndicator(s: TestServer, token: string, input: Record<string, unknown>): Promise<string> {
  return ok(await s.gql<{ createIndicator: { id: string } }>(CREATE_INDICATOR, { input }, token)).createIndicator.id;
}

/** A DRAFT plan of `issuerId` with the given indicators (each with its floors). */
export async function draftPlan(
  s: TestServer,
  token: string,
  input: Record<string, unknown>,
  indicators: { indicatorId: string; floors?: { kind: string; value: number }[]; section?: string; position?: string }[],
): Promise<string> {
  const planId = ok(await s.gql<{ createPlan: { id: string } }>(CREATE_PLAN, { input }, token)).createPlan.id;
  for (const i of indicators) ok(await s.gql(ADD_PLAN_INDICATOR, { input: { planId, ...i } }, token));
  return planId;
}

export async function issuePlan(s: TestServer, token: string, id: string): Promise<void> {
  expect(ok(await s.gql<{ issuePlan: { status: string } }>(ISSUE_PLAN, { id }, token)).issuePlan.status).toBe('ISSUED');
}

/** Issues as [unitCode, code, severity] triples, sorted: compact to compare with a table. */
export function issueTriples(issues: Issue[], d: Demo): [string, string, string][] {
  return sortTriples(issues.map((i) => [d.codeOf(i.unitId), i.code, i.severity] as [string, string, string]));
}

export function sortTriples(rows: [string, string, string][]): [string, string, string][] {
  return [...rows].sort((a, b) => a.join().localeCompare(b.join()));
}

/** Target values by unit code. */
export function valuesByCode(rows: TargetRow[]): Record<string, number> {
  return Object.fromEntries(rows.map((t) => [t.unit.code, t.value]));
}
