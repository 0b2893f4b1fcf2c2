import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, DEMO_PASSWORD, bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, ok, PROGRESS, type Demo, type ProgressRow } from '../../support/documents';
import { errorCodes, loginFrom, post, type RawResponse } from '../../support/trust';

// Three months up to this one (oldest first): a result may not be recorded for a period not yet started (issue #11).
const [MONTH_01, MONTH_02, MONTH_03] = [2, 1, 0].map((back) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - back);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
});

/**
 * The authorisation matrix (docs/spec/domain.md, "People and scope"; docs/spec/api.md, "Auth"):
 * every query and mutation of the served schema, for every role, against a unit in each position
 * relative to the caller — its own unit, a unit in its subtree, a sibling subtree, its parent.
 *
 * Outcomes:  ✓ allowed (and does what it says)     F refused: FORBIDDEN, no data
 *            N refused: NOT_FOUND, no data          ∅ answered with nothing: [] or null, no error
 *            S write refused row by row: NOT_IN_SCOPE, applied false, nothing created or updated
 *            - the caller has no unit in that position
 * Refused writes change nothing (row counts and versions of every table, audit log included).
 * And no response, allowed or refused, carries anything the caller may not see: canaries — target
 * values, figures, plan titles, account names, unit names planted in every position — are
 * searched for in the raw text of every answer, under the rule that governs each of them.
 *
 * A new query or mutation fails the first test until it has a row here.
 */
type Pos = 'own' | 'sub' | 'sib' | 'par';
const POSITIONS: Pos[] = ['own', 'sub', 'sib', 'par'];

interface Actor {
  key: string;
  username: string;
  password: string;
  /** The account's unit (null: a system administrator, whose subtree is the country). */
  unit: string | null;
  admin: boolean;
  /** The unit code standing in each position. A system administrator has no unit: a province and one of its districts. */
  at: Partial<Record<Pos, string>>;
}

const PASSWORD = 'trust-matrix-password';
const ACTORS: Actor[] = [
  { key: 'SYSTEM_ADMIN', username: ADMIN.username, password: ADMIN.password, unit: null, admin: true, at: { own: '66', sub: '655' } },
  { key: 'PROVINCE_ADMIN', username: 'tinh.daklak', password: DEMO_PASSWORD, unit: '66', admin: true, at: { own: '66', sub: '655', sib: '99' } },
  { key: 'UNIT_MANAGER', username: 'huyen.krongana', password: DEMO_PASSWORD, unit: '655', admin: false, at: { own: '655', sub: '24538', sib: '643', par: '66' } },
  { key: 'UNIT_MANAGER@agency', username: 'quanly.snv', password: PASSWORD, unit: '66.SNV', admin: false, at: { own: '66.SNV', sib: '66.SCT', par: '66' } },
  { key: 'UNIT_REPORTER', username: 'xa.buontrap', password: DEMO_PASSWORD, unit: '24538', admin: false, at: { own: '24538', sib: '24556', par: '655' } },
  { key: 'ANALYST', username: 'phantich.krongana', password: PASSWORD, unit: '655', admin: false, at: { own: '655', sub: '24538', sib: '643', par: '66' } },
];

// One token per actor, in ACTORS order; for an operation on a unit, one character per position
// (own, sub, sib, par), the units being:
//   SYSTEM_ADMIN         66 (a province)  655 (a district)
//   PROVINCE_ADMIN       66               655               99 (another province)
//   UNIT_MANAGER         655              24538             643 (another district)   66
//   UNIT_MANAGER@agency  66.SNV           —                 66.SCT (another agency)   66
//   UNIT_REPORTER        24538            —                 24556 (another commune)   655
//   ANALYST              655              24538             643                       66
//
//                                SYS   PROV  MGR   AGCY  REP   ANL
const MATRIX: Record<string, string> = {
  'Query.me': '✓     ✓     ✓     ✓     ✓     ✓',
  'Query.indicators': '✓     ✓     ✓     ✓     ✓     ✓',
  'Query.unit': '✓✓--  ✓✓∅-  ✓✓∅✓  ✓-∅✓  ✓-∅✓  ✓✓∅✓', // nullable: null for a unit out of sight
  'Query.units': '✓✓--  ✓✓N-  ✓✓N✓  ✓-N✓  ✓-N✓  ✓✓N✓',
  'Query.users': '✓✓--  ✓✓N-  FFFF  F-FF  F-FF  FFFF',
  'Query.plans': '✓✓--  ✓✓∅-  ✓✓∅✓  ✓-∅✓  ✓-∅✓  ✓✓∅✓',
  'Query.plan': '✓✓--  ✓✓N-  ✓✓N✓  ✓-N✓  ✓-N✓  ✓✓N✓', // an issued plan of the unit
  'Query.plan (draft)': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  ✓-NN  ✓NNN', // drafts: the issuer's accounts and administrators above
  'Query.planChecklist': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  ✓-NN  ✓NNN', // a draft's checklist: read like the draft
  'Query.targets': '✓✓--  ✓✓∅-  ✓✓∅∅  ✓-∅∅  ✓-∅∅  ✓✓∅∅',
  'Query.progress': '✓✓--  ✓✓N-  ✓✓NN  ✓-NN  ✓-NN  ✓✓NN',
  'Query.nationalProgress': '✓     ✓     ✓     ✓     ✓     ✓', // the caller's own unit (every province for the country)
  'Query.subAssignment': '✓✓--  ✓✓N-  ✓✓NN  ✓-NN  ✓-NN  ✓✓NN',
  'Query.auditLog': '✓✓--  ✓✓N-  ✓✓NN  ✓-NN  ✓-NN  ✓✓NN',
  'Mutation.login': '✓     ✓     ✓     ✓     ✓     ✓',
  'Mutation.logout': '✓     ✓     ✓     ✓     ✓     ✓',
  'Mutation.changePassword': '✓     ✓     ✓     ✓     ✓     ✓',
  // Catalogues (issue #13): the national one for system administrators, a province's for its administrators, a district's for its managers.
  'Mutation.createIndicator': '✓     ✓     ✓     F     F     F',
  'Mutation.updateIndicator': '✓     ✓     ✓     F     F     F', // an indicator of the catalogue the actor would add to (an agency's: its province's)
  'Mutation.createUnit': '✓✓--  ✓✓N-  FFFF  F-FF  F-FF  FFFF',
  'Mutation.createUser': '✓✓--  ✓✓N-  FFFF  F-FF  F-FF  FFFF',
  'Mutation.unlockAccount': '✓✓--  ✓✓N-  FFFF  F-FF  F-FF  FFFF', // an account of the unit, as createUser
  'Mutation.createPlan': '✓✓--  ✓✓N-  ✓FNN  ✓-NN  F-FF  FFFF', // a manager issues plans of its own unit only
  'Mutation.addPlanIndicator': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  F-FF  FFFF', // to a draft plan of the unit
  'Mutation.addPlanTask': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  F-FF  FFFF',
  'Mutation.issuePlan': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  F-FF  FFFF',
  'Mutation.updatePlan': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  F-FF  FFFF', // a draft plan of the unit
  'Mutation.updatePlanIndicator': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  F-FF  FFFF',
  'Mutation.removePlanIndicator': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  F-FF  FFFF',
  'Mutation.setPlanHeadings': '✓✓--  ✓✓N-  ✓NNN  ✓-NN  F-FF  FFFF',
  'Mutation.copyPlan': '✓✓--  ✓✓N-  ✓FNF  ✓-NF  F-FF  FFFF', // the unit's issued plan, copied for the same issuer: read it and edit that issuer's plans
  // A unit never writes its own target: the unit above does (a system administrator anywhere);
  // but the plan's issuer writes its own unit's, the whole-area row (the province in the province's plan).
  'Mutation.setTargets': '✓✓--  ✓✓S-  S✓SS  S-SS  F-FF  FFFF',
  'Mutation.cascadeTargets': '✓✓--  ✓✓N-  ✓✓NN  ✓-NN  F-FF  FFFF', // to the children of the unit
  'Mutation.recordResults': '✓✓--  ✓✓N-  ✓✓NN  ✓-NN  ✓-NN  FFFF', // its own figures and its subtree's
  // Between offices (issue #15). Lists of a plan are read like the plan; reporting like progress.
  'Query.acknowledgements': '✓✓--  ✓✓N-  ✓✓N✓  ✓-N✓  ✓-N✓  ✓✓N✓',
  'Query.adjustments': '✓✓--  ✓✓N-  ✓✓N✓  ✓-N✓  ✓-N✓  ✓✓N✓',
  'Query.reporting': '✓✓--  ✓✓N-  ✓✓NN  ✓-NN  ✓-NN  ✓✓NN',
  'Query.atRisk': '✓✓--  ✓✓N-  ✓✓NN  ✓-NN  ✓-NN  ✓✓NN',
  'Query.notifications': '✓     ✓     ✓     ✓     ✓     ✓', // the caller's own
  'Mutation.markNotificationsRead': '✓     ✓     ✓     ✓     ✓     ✓', // the caller's own
  // Only a unit's own accounts acknowledge its targets and propose another value for one.
  // The unit above is seen (its name), its target is not.
  'Mutation.acknowledgeTargets': 'FF--  ✓FN-  ✓FNF  ✓-NF  ✓-NF  FFFF',
  'Mutation.requestAdjustment': 'FF--  ✓FN-  ✓FNN  ✓-NN  ✓-NN  FFFF',
  // The unit that assigned the target decides (an administrator above it too).
  'Mutation.decideAdjustment': '✓✓--  ✓✓N-  F✓NN  F-NN  F-FF  FFFF',
  // A figure is submitted by its unit or one above it; approved or returned by a unit above it only.
  'Mutation.submitResults': '✓✓--  ✓✓N-  ✓✓NN  ✓-NN  ✓-NN  FFFF',
  'Mutation.approveResults': '✓✓--  F✓N-  F✓NF  F-NF  F-FF  FFFF',
  'Mutation.returnResults': '✓✓--  F✓N-  F✓NF  F-NF  F-FF  FFFF',
};
/** Open to anonymous callers; everything else answers them UNAUTHENTICATED. */
const PUBLIC = new Set(['Mutation.login']);

type Outcome = '✓' | 'F' | 'N' | '∅' | 'S' | '-';
function expectations(row: string): Outcome[][] {
  return row
    .trim()
    .split(/\s+/)
    .map((token) => [...token] as Outcome[]);
}

// ---------------------------------------------------------------------------------------------
// The world the matrix runs in: units and canaries in every position, plans to write in.

const CANARY_UNITS = ['66', '655', '24538', '24556', '643', '24118', '66.SNV', '66.SCT', '99', '991', '99101'] as const;
const TARGET_CANARY = [96.83, 94.61, 95.71, 93.53, 91.37, 92.41, 90.59, 89.47, 97.19, 98.27, 88.39];
const figureCanary = (k: number) => ({ numerator: 7000.25 + 111 * k, denominator: 9000.75 + 111 * k });
const ALL_KINDS = ['PROVINCIAL_AGENCY', 'PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT', 'DISTRICT_AGENCY', 'WARD', 'TOWNSHIP', 'COMMUNE'];

/** Who may see a canary: its unit's subtree; or also the units below it (names, issued plans); or a draft's readers. */
type Rule = 'subtree' | 'line' | 'draft';
interface Canary {
  what: string;
  pattern: RegExp;
  unit: string;
  rule: Rule;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const numberPattern = (n: number) => new RegExp(`(?<![\\d.])${escape(String(n))}(?!\\d)`);
const textPattern = (t: string) => new RegExp(escape(t));

interface World {
  id: (code: string) => string;
  path: (code: string) => string;
  kind: (code: string) => string;
  X: string; // the province's indicator the matrix uses
  Y99: string; // the other province's own indicator
  readPlan: string; // issued, with the canary targets
  draftPlan: string; // the province's draft: where administrators write targets
  issuedPlan: string; // the province's issued plan: where units below write targets
  issued: Record<string, string>; // an issued plan per canary unit
  draft: Record<string, string>; // a draft plan per canary unit
  canaries: Canary[];
  figure: Record<string, { numerator: number; denominator: number }>;
}

interface ActorState extends Actor {
  token: string;
  ip: string;
}

/** Whether `actor` may see canary `c`, under its rule. */
function visible(actor: ActorState, w: World, c: Canary): boolean {
  const mine = actor.unit === null ? null : w.path(actor.unit);
  const item = w.path(c.unit);
  const inSubtree = mine === null || item.startsWith(mine);
  if (c.rule === 'subtree') return inSubtree;
  if (c.rule === 'line') return inSubtree || mine!.startsWith(item);
  return c.unit === actor.unit || (actor.admin && inSubtree);
}

// ---------------------------------------------------------------------------------------------
// The operations: how to call each one against a unit, and what "allowed" must deliver.

interface CaseCtx {
  s: TestServer;
  w: World;
  actor: ActorState;
  /** The system administrator's current session, to prepare what a case needs. */
  sysadmin: string;
  code: string | null;
  n: number;
}
interface Op {
  doc: string;
  vars(c: CaseCtx): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** A session of its own (logout ends it). */
  freshSession?: boolean;
  check?(data: any, c: CaseCtx): Promise<void> | void;
  after?(c: CaseCtx, token: string): Promise<void>;
}

const gqlOk = async <T>(c: CaseCtx, doc: string, vars: Record<string, unknown>, token: string): Promise<T> => {
  const res = await post<T>(c.s.url, doc, vars, token);
  expect(res.errors, res.text).toBeUndefined();
  return res.data as T;
};
const uid = (c: CaseCtx) => c.w.id(c.code!);
const writePlan = (c: CaseCtx) => (c.actor.admin ? c.w.draftPlan : c.w.issuedPlan);
const childKind = (kind: string) => (kind === 'PROVINCE' ? 'DISTRICT' : 'COMMUNE');
const value = (n: number) => Math.round((50 + n / 100) * 100) / 100;
const sumBelow = (c: CaseCtx, part: 'numerator' | 'denominator') =>
  CANARY_UNITS.filter((u) => c.w.path(u).startsWith(c.w.path(c.code!))).reduce((t, u) => t + c.w.figure[u][part], 0);

const OPS: Record<string, Op> = {
  'Query.me': {
    doc: '{ me { username role unit { name } } }',
    vars: () => ({}),
    check: (me, c) => expect(me.username).toBe(c.actor.username),
  },
  'Query.indicators': {
    doc: '{ indicators { code name } }',
    vars: () => ({}),
    check: (list) => expect(list.map((i: { code: string }) => i.code)).toContain('TRUST-MATRIX'),
  },
  'Query.unit': {
    doc: 'query($id: ID!) { unit(id: $id) { id name children { name } parent { name } ancestors { name } } }',
    vars: (c) => ({ id: uid(c) }),
    check: (unit, c) => expect(unit.id).toBe(uid(c)),
  },
  'Query.units': {
    doc: 'query($p: ID!) { units(parentId: $p, limit: 1000) { id name } }',
    vars: (c) => ({ p: uid(c) }),
    check: (list) => expect(Array.isArray(list)).toBe(true),
  },
  'Query.users': {
    doc: 'query($u: ID) { users(unitId: $u) { username unit { name } } }',
    vars: (c) => ({ u: uid(c) }),
    check: (list) => expect(list.length).toBeGreaterThan(0),
  },
  'Query.plans': {
    doc: 'query($i: ID) { plans(issuerId: $i) { title status issuer { name } } }',
    vars: (c) => ({ i: uid(c) }),
    check: (list, c) => expect(list.map((p: { title: string }) => p.title)).toContain(`KH-CANARY-${c.code}-ISSUED`),
  },
  'Query.plan': {
    doc: 'query($id: ID!) { plan(id: $id) { title status issuer { name } indicators { indicator { code } } } }',
    vars: (c) => ({ id: c.w.issued[c.code!] }),
    check: (plan, c) => expect(plan.title).toBe(`KH-CANARY-${c.code}-ISSUED`),
  },
  'Query.plan (draft)': {
    doc: 'query($id: ID!) { plan(id: $id) { title status issuer { name } indicators { indicator { code } } } }',
    vars: (c) => ({ id: c.w.draft[c.code!] }),
    check: (plan, c) => expect(plan.title).toBe(`KH-CANARY-${c.code}-DRAFT`),
  },
  'Query.planChecklist': {
    doc: 'query($p: ID!) { planChecklist(planId: $p) { planId units warnings children { name } rows { indicator { code } missing { name } issues { code } late } } }',
    vars: (c) => ({ p: c.w.draft[c.code!] }),
    check: (checklist, c) => expect(checklist.planId).toBe(c.w.draft[c.code!]),
  },
  'Query.targets': {
    doc: 'query($f: TargetFilter!) { targets(filter: $f) { value unit { name } parent { value } } }',
    vars: (c) => ({ f: { planId: c.w.readPlan, unitId: uid(c), subtree: true } }),
    check: (list, c) => expect(list.map((t: { value: number }) => t.value)).toContain(TARGET_CANARY[CANARY_UNITS.indexOf(c.code as never)]),
  },
  'Query.progress': {
    doc: PROGRESS,
    vars: (c) => ({ planId: c.w.readPlan, indicatorId: c.w.X, unitId: uid(c), period: MONTH_01 }),
    // The roll-up holds the subtree's figures and nothing else: no count of a unit outside it.
    check: (p: ProgressRow, c) => {
      expect(p.rolledUp.numerator).toBeCloseTo(sumBelow(c, 'numerator'), 6);
      expect(p.rolledUp.denominator).toBeCloseTo(sumBelow(c, 'denominator'), 6);
    },
  },
  'Query.nationalProgress': {
    doc: 'query($i: ID!, $p: String!) { nationalProgress(indicatorId: $i, period: $p) { unit { id name } target { value } own { numerator denominator } rolledUp { numerator denominator } status rank } }',
    vars: (c) => ({ i: c.w.X, p: MONTH_01 }),
    // One row, the caller's own unit, rolling up its subtree and nothing else; every province for the country.
    check: (rows: ProgressRow[], c) => {
      const own = c.actor.unit ?? '66';
      if (c.actor.unit) expect(rows.map((r) => r.unit.id)).toEqual([c.w.id(own)]);
      const row = rows.find((r) => r.unit.id === c.w.id(own))!;
      const below = CANARY_UNITS.filter((u) => c.w.path(u).startsWith(c.w.path(own)));
      expect(row.rolledUp.numerator).toBeCloseTo(
        below.reduce((t, u) => t + c.w.figure[u].numerator, 0),
        6,
      );
    },
  },
  'Query.subAssignment': {
    doc: 'query($p: ID!, $u: ID!) { subAssignment(planId: $p, unitId: $u) { unit { name } indicator { code } hasTarget children assigned late } }',
    vars: (c) => ({ p: c.w.readPlan, u: uid(c) }),
    check: (rows) => expect(Array.isArray(rows)).toBe(true),
  },
  'Query.auditLog': {
    doc: 'query($u: ID) { auditLog(unitId: $u, limit: 200) { entity entityId action before after requestId user { username } } }',
    vars: (c) => ({ u: uid(c) }),
    check: (rows) => expect(rows.length).toBeGreaterThan(0),
  },
  'Mutation.login': {
    doc: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username } } }',
    vars: (c) => ({ u: c.actor.username, p: c.actor.password }),
    check: (payload, c) => expect(payload.user.username).toBe(c.actor.username),
  },
  'Mutation.logout': {
    doc: 'mutation { logout }',
    vars: () => ({}),
    freshSession: true,
    check: (done) => expect(done).toBe(true),
    // The session really ended.
    after: async (c, token) => expect(errorCodes(await post(c.s.url, '{ me { username } }', {}, token))).toEqual(['UNAUTHENTICATED']),
  },
  'Mutation.changePassword': {
    doc: 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
    vars: (c) => ({ c: c.actor.password, n: c.actor.password }),
    check: (done) => expect(done).toBe(true),
    // Every session of the account is signed out: sign in again for the rest of the matrix.
    after: async (c) => {
      expect(errorCodes(await post(c.s.url, '{ me { username } }', {}, c.actor.token))).toEqual(['UNAUTHENTICATED']);
      c.actor.token = await loginFrom(c.s.url, c.actor.username, c.actor.password, c.actor.ip);
    },
  },
  'Mutation.createIndicator': {
    doc: 'mutation($i: IndicatorInput!) { createIndicator(input: $i) { id code } }',
    vars: (c) => ({ i: { code: `MX-${c.n}`, name: `Chỉ tiêu ma trận ${c.n}`, measure: 'RATE', comparator: 'AT_LEAST' } }),
    check: (i, c) => expect(i.code).toBe(`MX-${c.n}`),
  },
  'Mutation.updateIndicator': {
    doc: 'mutation($id: ID!, $i: IndicatorInput!) { updateIndicator(id: $id, input: $i) { id name } }',
    // A fresh indicator (the system administrator creates it) of the catalogue the actor's role adds to.
    vars: async (c) => {
      const owner = c.actor.key === 'SYSTEM_ADMIN' ? null : c.actor.key === 'PROVINCE_ADMIN' || c.actor.key === 'UNIT_MANAGER@agency' ? '66' : '655';
      const i = { code: `MXU-${c.n}`, name: `Chỉ tiêu sửa ${c.n}`, measure: 'RATE', comparator: 'AT_LEAST' };
      const created = await gqlOk<{ createIndicator: { id: string } }>(
        c,
        'mutation($i: IndicatorInput!) { createIndicator(input: $i) { id } }',
        { i: { ...i, ownerId: owner === null ? null : c.w.id(owner) } },
        c.sysadmin,
      );
      return { id: created.createIndicator.id, i: { ...i, name: `Chỉ tiêu đã sửa ${c.n}` } };
    },
    check: (i, c) => expect(i.name).toBe(`Chỉ tiêu đã sửa ${c.n}`),
  },
  'Mutation.createUnit': {
    doc: 'mutation($i: CreateUnitInput!) { createUnit(input: $i) { id name parent { id } } }',
    vars: (c) => ({ i: { name: `Đơn vị ma trận ${c.n}`, kind: childKind(c.w.kind(c.code!)), parentId: uid(c) } }),
    check: (u, c) => expect(u.parent.id).toBe(uid(c)),
  },
  'Mutation.createUser': {
    doc: 'mutation($i: CreateUserInput!) { createUser(input: $i) { username unit { id } } }',
    vars: (c) => ({ i: { username: `matrix.u${c.n}`, password: PASSWORD, role: 'UNIT_REPORTER', unitId: uid(c) } }),
    check: (u, c) => expect(u.unit.id).toBe(uid(c)),
  },
  'Mutation.unlockAccount': {
    doc: 'mutation($u: String!) { unlockAccount(username: $u) }',
    // A fresh account of the unit (the system administrator creates it), locked out from one address.
    vars: async (c) => {
      const username = `matrix.lock${c.n}`;
      await gqlOk(c, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { username, password: PASSWORD, role: 'UNIT_REPORTER', unitId: uid(c) } }, c.sysadmin);
      for (let i = 0; i < 5; i++) await c.s.ds.query('INSERT INTO login_failure (username, address, at) VALUES (?, ?, ?)', [username, '10.2.8.8', Date.now()]);
      return { u: username };
    },
    check: async (done, c) => {
      expect(done).toBe(true);
      const [{ n }] = (await c.s.ds.query('SELECT COUNT(*) AS n FROM login_failure WHERE username = ?', [`matrix.lock${c.n}`])) as { n: number }[];
      expect(Number(n)).toBe(0);
    },
  },
  'Mutation.createPlan': {
    doc: 'mutation($i: PlanInput!) { createPlan(input: $i) { id status issuer { id } } }',
    vars: (c) => ({ i: { issuerId: uid(c), year: 2032, title: `KH ma trận ${c.n}` } }),
    check: (p, c) => expect(p).toMatchObject({ status: 'DRAFT', issuer: { id: uid(c) } }),
  },
  'Mutation.addPlanIndicator': {
    doc: 'mutation($i: PlanIndicatorInput!) { addPlanIndicator(input: $i) { id indicators { indicator { id } } } }',
    vars: (c) => ({ i: { planId: c.w.draft[c.code!], indicatorId: c.w.X, section: `M${c.n}` } }),
    check: (p, c) => expect(p.indicators.map((i: { indicator: { id: string } }) => i.indicator.id)).toContain(c.w.X),
  },
  'Mutation.addPlanTask': {
    doc: 'mutation($i: PlanTaskInput!) { addPlanTask(input: $i) { id content } }',
    vars: (c) => ({ i: { planId: c.w.draft[c.code!], content: `Nhiệm vụ ma trận ${c.n}`, leads: ['Văn phòng UBND'] } }),
    check: (t, c) => expect(t.content).toBe(`Nhiệm vụ ma trận ${c.n}`),
  },
  'Mutation.issuePlan': {
    doc: 'mutation($id: ID!) { issuePlan(id: $id) { id status } }',
    // A fresh draft of the unit each time (the system administrator writes it).
    vars: async (c) => {
      const created = await gqlOk<{ createPlan: { id: string } }>(
        c,
        'mutation($i: PlanInput!) { createPlan(input: $i) { id } }',
        {
          i: { issuerId: uid(c), year: 2033, title: `KH ban hành ${c.n}` },
        },
        c.sysadmin,
      );
      return { id: created.createPlan.id };
    },
    check: (p) => expect(p.status).toBe('ISSUED'),
  },
  'Mutation.updatePlan': {
    doc: 'mutation($id: ID!, $i: PlanUpdateInput!) { updatePlan(id: $id, input: $i) { id signer } }',
    vars: (c) => ({ id: c.w.draft[c.code!], i: { signer: `Người ký ma trận ${c.n}` } }),
    check: (p, c) => expect(p.signer).toBe(`Người ký ma trận ${c.n}`),
  },
  'Mutation.updatePlanIndicator': {
    doc: 'mutation($i: PlanIndicatorInput!) { updatePlanIndicator(input: $i) { id indicators { indicator { id } note } } }',
    vars: (c) => ({ i: { planId: c.w.draft[c.code!], indicatorId: c.code === '99' ? c.w.Y99 : c.w.X, note: `Ghi chú ma trận ${c.n}` } }),
    check: (p, c) => expect(p.indicators.map((i: { note: string | null }) => i.note)).toContain(`Ghi chú ma trận ${c.n}`),
  },
  'Mutation.removePlanIndicator': {
    doc: 'mutation($p: ID!, $i: ID!) { removePlanIndicator(planId: $p, indicatorId: $i) { id indicators { indicator { id } } } }',
    // A fresh draft of the unit with one row each time (the system administrator writes it).
    vars: async (c) => {
      const indicatorId = c.code === '99' ? c.w.Y99 : c.w.X;
      const p = await gqlOk<{ createPlan: { id: string } }>(
        c,
        'mutation($i: PlanInput!) { createPlan(input: $i) { id } }',
        { i: { issuerId: uid(c), year: 2034, title: `KH bỏ dòng ${c.n}` } },
        c.sysadmin,
      );
      await gqlOk(c, 'mutation($i: PlanIndicatorInput!) { addPlanIndicator(input: $i) { id } }', { i: { planId: p.createPlan.id, indicatorId } }, c.sysadmin);
      return { p: p.createPlan.id, i: indicatorId };
    },
    check: (p) => expect(p.indicators).toEqual([]),
  },
  'Mutation.setPlanHeadings': {
    doc: 'mutation($p: ID!, $h: [PlanHeadingInput!]!) { setPlanHeadings(planId: $p, headings: $h) { id headings { position text } } }',
    vars: (c) => ({ p: c.w.draft[c.code!], h: [{ position: 'I', text: `Mục ma trận ${c.n}` }] }),
    check: (p, c) => expect(p.headings).toEqual([{ position: 'I', text: `Mục ma trận ${c.n}` }]),
  },
  'Mutation.copyPlan': {
    doc: 'mutation($id: ID!, $y: Int!) { copyPlan(id: $id, year: $y) { id status year issuer { id } } }',
    vars: (c) => ({ id: c.w.issued[c.code!], y: 2040 }),
    check: (p, c) => expect(p).toMatchObject({ status: 'DRAFT', year: 2040, issuer: { id: uid(c) } }),
  },
  'Mutation.setTargets': {
    doc: 'mutation($i: SetTargetsInput!) { setTargets(input: $i) { applied created updated issues { unitId code severity } targets { value unit { id name } } } }',
    vars: (c) => ({ i: { planId: writePlan(c), indicatorId: c.w.X, targets: [{ unitId: uid(c), value: value(c.n) }] } }),
    check: (r, c) => {
      expect(r.issues.filter((i: { severity: string }) => i.severity === 'ERROR')).toEqual([]);
      expect(r).toMatchObject({ applied: true });
      expect(r.created + r.updated).toBe(1);
      expect(r.targets.map((t: { value: number; unit: { id: string } }) => [t.unit.id, t.value])).toEqual([[uid(c), value(c.n)]]);
    },
  },
  'Mutation.cascadeTargets': {
    doc: 'mutation($i: CascadeInput!) { cascadeTargets(input: $i) { applied created updated issues { unitId code severity } targets { value unit { id name } } } }',
    vars: (c) => ({ i: { planId: writePlan(c), indicatorId: c.w.X, parentUnitId: uid(c), defaults: ALL_KINDS.map((kind) => ({ kind, value: value(c.n) })) } }),
    check: (r) => {
      expect(r.issues.filter((i: { severity: string }) => i.severity === 'ERROR')).toEqual([]);
      expect(r.applied).toBe(true);
    },
  },
  'Mutation.recordResults': {
    doc: 'mutation($i: RecordResultsInput!) { recordResults(input: $i) }',
    vars: (c) => ({ i: { indicatorId: c.w.X, period: MONTH_02, results: [{ unitId: uid(c), numerator: 10 + (c.n % 50), denominator: 100 }] } }),
    check: (n) => expect(n).toBe(1),
  },
  'Query.acknowledgements': {
    doc: 'query($p: ID!) { acknowledgements(planId: $p) { unit { name } by { username } at } }',
    vars: (c) => ({ p: c.w.issued[c.code!] }),
    check: (list) => expect(Array.isArray(list)).toBe(true),
  },
  'Query.adjustments': {
    doc: 'query($p: ID!) { adjustments(planId: $p) { id state proposedValue reason target { value unit { name } } requestedBy { username } } }',
    vars: (c) => ({ p: c.w.issued[c.code!] }),
    check: (list) => expect(Array.isArray(list)).toBe(true),
  },
  'Query.reporting': {
    doc: 'query($p: ID!, $i: ID!, $u: ID!, $per: String!) { reporting(planId: $p, indicatorId: $i, unitId: $u, period: $per) { unit { id name } state dueDate late missing } }',
    vars: (c) => ({ p: c.w.readPlan, i: c.w.X, u: uid(c), per: MONTH_01 }),
    check: (rows) => expect(rows.length).toBeGreaterThan(0),
  },
  'Query.atRisk': {
    doc: 'query($p: ID!, $u: ID!) { atRisk(planId: $p, unitId: $u) { unit { name } indicator { code } projected atRisk } }',
    vars: (c) => ({ p: c.w.readPlan, u: uid(c) }),
    check: (rows) => expect(Array.isArray(rows)).toBe(true),
  },
  'Query.notifications': {
    doc: '{ notifications(limit: 200) { id kind message link readAt } }',
    vars: () => ({}),
    check: (rows) => expect(Array.isArray(rows)).toBe(true),
  },
  'Mutation.markNotificationsRead': {
    doc: 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
    // One unread notification of the caller's, planted for the case.
    vars: async (c) => {
      const [user] = (await c.s.ds.query('SELECT id FROM app_user WHERE username = ?', [c.actor.username])) as { id: number }[];
      if (!user) return { ids: ['0'] };
      await c.s.ds.query('INSERT INTO notification (userId, kind, params, link, createdAt) VALUES (?, ?, ?, ?, ?)', [user.id, 'TARGETS_ISSUED', '{}', null, SQL_NOW()]);
      const [row] = (await c.s.ds.query('SELECT MAX(id) AS id FROM notification WHERE userId = ?', [user.id])) as { id: number }[];
      return { ids: [String(row.id)] };
    },
    check: (n) => expect(n).toBe(1),
  },
  'Mutation.acknowledgeTargets': {
    doc: 'mutation($p: ID!, $u: ID!) { acknowledgeTargets(planId: $p, unitId: $u) { unit { id } by { username } at } }',
    vars: (c) => ({ p: c.w.readPlan, u: uid(c) }),
    check: (a, c) => expect(a).toMatchObject({ unit: { id: uid(c) }, by: { username: c.actor.username } }),
  },
  'Mutation.requestAdjustment': {
    doc: 'mutation($t: ID!, $v: Float!, $r: String!) { requestAdjustment(targetId: $t, proposedValue: $v, reason: $r) { id state proposedValue } }',
    // The unit's canary target (in the other province's plan for its units), one cent lower.
    vars: async (c) => {
      const t = await targetOf(c);
      return { t: String(t.id), v: Math.round((Number(t.value) - 0.01) * 100) / 100, r: `Lý do ma trận ${c.n}` };
    },
    check: (a) => expect(a.state).toBe('PENDING'),
  },
  'Mutation.decideAdjustment': {
    doc: 'mutation($id: ID!, $note: String) { decideAdjustment(id: $id, accept: false, note: $note) { id state decisionNote } }',
    // A fresh proposal on the unit's canary target, planted for the case; the decision rejects it (the target stays).
    vars: async (c) => {
      const t = await targetOf(c);
      const [u] = (await c.s.ds.query('SELECT path FROM unit WHERE id = ?', [t.unitId])) as { path: string }[];
      const [by] = (await c.s.ds.query('SELECT id FROM app_user ORDER BY id LIMIT 1')) as { id: number }[];
      await c.s.ds.query(
        'INSERT INTO adjustment (planId, targetId, unitId, unitPath, previousValue, proposedValue, reason, state, requestedById, requestedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [t.planId, t.id, t.unitId, u.path, t.value, 1, `Đề xuất ma trận ${c.n}`, 'PENDING', by.id, SQL_NOW()],
      );
      const [row] = (await c.s.ds.query('SELECT MAX(id) AS id FROM adjustment')) as { id: number }[];
      return { id: String(row.id), note: `Ghi chú ma trận ${c.n}` };
    },
    check: (a, c) => expect(a).toMatchObject({ state: 'REJECTED', decisionNote: `Ghi chú ma trận ${c.n}` }),
  },
  'Mutation.submitResults': {
    doc: 'mutation($i: ID!, $per: String!, $u: ID!) { submitResults(indicatorId: $i, period: $per, unitId: $u) { unit { id } state } }',
    vars: (c) => figureIn(c, 'DRAFT'),
    check: (rows, c) => expect(rows).toEqual([{ unit: { id: uid(c) }, state: 'SUBMITTED' }]),
  },
  'Mutation.approveResults': {
    doc: 'mutation($i: ID!, $per: String!, $u: ID!) { approveResults(indicatorId: $i, period: $per, unitId: $u) { unit { id } state } }',
    vars: (c) => figureIn(c, 'SUBMITTED'),
    check: (rows, c) => expect(rows).toEqual([{ unit: { id: uid(c) }, state: 'APPROVED' }]),
  },
  'Mutation.returnResults': {
    doc: 'mutation($i: ID!, $per: String!, $u: ID!, $r: String!) { returnResults(indicatorId: $i, period: $per, unitId: $u, reason: $r) { unit { id } state } }',
    vars: async (c) => ({ ...(await figureIn(c, 'SUBMITTED')), r: `Trả lại ma trận ${c.n}` }),
    check: (rows, c) => expect(rows).toEqual([{ unit: { id: uid(c) }, state: 'RETURNED' }]),
  },
};

/** A datetime both databases take as a parameter. */
const SQL_NOW = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

/** The canary target of the case's unit (in the read plan, or the other province's plan for its units). */
async function targetOf(c: CaseCtx): Promise<{ id: number; value: number; planId: number; unitId: number }> {
  const [t] = (await c.s.ds.query('SELECT id, value, planId, unitId FROM target WHERE unitId = ? ORDER BY planId = ? DESC, id LIMIT 1', [
    Number(uid(c)),
    Number(c.w.readPlan),
  ])) as {
    id: number;
    value: number;
    planId: number;
    unitId: number;
  }[];
  return t;
}

/** The case unit's canary figure (the oldest month), put in `state` first: each case starts from where its mutation applies. */
async function figureIn(c: CaseCtx, state: string): Promise<Record<string, string>> {
  await c.s.ds.query('UPDATE result SET state = ? WHERE unitId = ? AND indicatorId = ? AND period = ?', [state, Number(uid(c)), Number(c.w.X), MONTH_01]);
  return { i: c.w.X, per: MONTH_01, u: uid(c) };
}

// ---------------------------------------------------------------------------------------------

interface Case {
  op: string;
  actor: number;
  pos: Pos | null;
  expected: Outcome;
}
const CASES: Case[] = Object.entries(MATRIX).flatMap(([op, row]) =>
  expectations(row).flatMap((chars, actor): Case[] =>
    chars.length === 1 ? [{ op, actor, pos: null, expected: chars[0] }] : POSITIONS.flatMap((pos, i): Case[] => (chars[i] === '-' ? [] : [{ op, actor, pos, expected: chars[i] }])),
  ),
);
const label = (c: Case) => {
  const a = ACTORS[c.actor];
  return `${a.key} · ${c.op}${c.pos ? ` · ${c.pos} (${a.at[c.pos]})` : ''} → ${c.expected}`;
};

describe.each(await testDatabases())('authorisation matrix on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let w: World;
  let actors: ActorState[];
  let seq = 0;

  const fingerprint = async () => {
    const [row] = (await s.ds.query(
      `SELECT (SELECT COUNT(*) FROM target) AS targets, (SELECT COALESCE(SUM(version), 0) FROM target) AS targetVersions,
              (SELECT COUNT(*) FROM result) AS results, (SELECT COALESCE(SUM(numerator), 0) FROM result) AS numerators,
              (SELECT COUNT(*) FROM plan) AS plans, (SELECT COALESCE(SUM(version), 0) FROM plan) AS planVersions,
              (SELECT COUNT(*) FROM plan_indicator) AS planIndicators, (SELECT COUNT(*) FROM plan_task) AS tasks,
              (SELECT COUNT(*) FROM unit) AS units, (SELECT COUNT(*) FROM app_user) AS users,
              (SELECT COUNT(*) FROM indicator) AS indicators, (SELECT COUNT(*) FROM audit_log) AS audit,
              (SELECT COUNT(*) FROM notification) AS notifications, (SELECT COUNT(*) FROM acknowledgement) AS acknowledgements,
              (SELECT COUNT(*) FROM adjustment) AS adjustments, (SELECT COUNT(*) FROM adjustment WHERE state = 'PENDING') AS pending,
              (SELECT COUNT(*) FROM result WHERE state = 'DRAFT') AS drafts, (SELECT COUNT(*) FROM result WHERE state = 'SUBMITTED') AS submitted`,
    )) as Record<string, unknown>[];
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  };

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    const sys = d.admin;
    const must = async <T = any>(doc: string, vars: Record<string, unknown>, token: string): Promise<T> => ok(await s.gql<T>(doc, vars, token));
    const CREATE_UNIT = 'mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }';
    const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }';
    const CREATE_PLAN = 'mutation($i: PlanInput!) { createPlan(input: $i) { id } }';
    const ADD = 'mutation($i: PlanIndicatorInput!) { addPlanIndicator(input: $i) { id } }';
    const ISSUE = 'mutation($id: ID!) { issuePlan(id: $id) { id } }';
    const SET = 'mutation($i: SetTargetsInput!) { setTargets(input: $i) { applied issues { code severity } } }';
    const CREATE_INDICATOR = 'mutation($i: IndicatorInput!) { createIndicator(input: $i) { id } }';

    // Another province, for the province administrator's sibling position.
    const extra = new Map<string, string>();
    extra.set('99', (await must(CREATE_UNIT, { i: { code: '99', name: 'Tỉnh Thử Chín Chín', kind: 'PROVINCE' } }, sys)).createUnit.id);
    extra.set('991', (await must(CREATE_UNIT, { i: { code: '991', name: 'Huyện Thử Chín Một', kind: 'DISTRICT', parentId: extra.get('99') } }, sys)).createUnit.id);
    extra.set('99101', (await must(CREATE_UNIT, { i: { code: '99101', name: 'Xã Thử Chín Một Linh Một', kind: 'COMMUNE', parentId: extra.get('991') } }, sys)).createUnit.id);
    const id = (code: string) => extra.get(code) ?? d.unit(code);
    const rows = (await s.ds.query('SELECT id, path, kind, name FROM unit')) as { id: number; path: string; kind: string; name: string }[];
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const path = (code: string) => byId.get(id(code))!.path;

    // The accounts the matrix needs beyond the demo's, created as the system administrator would.
    const accounts: [string, string, string][] = [
      ['quanly.643', 'UNIT_MANAGER', '643'],
      ['baocao.24118', 'UNIT_REPORTER', '24118'],
      ['quanly.snv', 'UNIT_MANAGER', '66.SNV'],
      ['phantich.krongana', 'ANALYST', '655'],
      ['tinh.thu99', 'PROVINCE_ADMIN', '99'],
      ['matrix.anon', 'ANALYST', '66'],
    ];
    for (const [username, role, code] of accounts) await must(CREATE_USER, { i: { username, password: PASSWORD, role, unitId: id(code) } }, sys);
    const province = await loginFrom(s.url, 'tinh.daklak', DEMO_PASSWORD, '10.2.0.1');
    const other = await loginFrom(s.url, 'tinh.thu99', PASSWORD, '10.2.0.2');
    const district643 = await loginFrom(s.url, 'quanly.643', PASSWORD, '10.2.0.3');
    const reporter24118 = await loginFrom(s.url, 'baocao.24118', PASSWORD, '10.2.0.4');

    const X = (await must(CREATE_INDICATOR, { i: { code: 'TRUST-MATRIX', name: 'Chỉ tiêu ma trận phân quyền', measure: 'RATE', comparator: 'AT_LEAST' } }, province))
      .createIndicator.id;
    const Y99 = (await must(CREATE_INDICATOR, { i: { code: 'TRUST-99', name: 'Chỉ tiêu riêng của tỉnh thử chín chín', measure: 'RATE', comparator: 'AT_LEAST' } }, other))
      .createIndicator.id;
    const plan = async (issuer: string, title: string, indicatorId: string, token: string, issue: boolean) => {
      const p = (await must(CREATE_PLAN, { i: { issuerId: id(issuer), year: 2031, title } }, token)).createPlan.id;
      await must(ADD, { i: { planId: p, indicatorId } }, token);
      if (issue) await must(ISSUE, { id: p }, token);
      return p;
    };
    const in99 = (code: string) => path(code).startsWith(path('99'));

    // The plan whose targets are canaries, set at every depth while it is a draft, then issued.
    const readPlan = await plan('66', 'Kế hoạch ma trận (đọc)', X, province, false);
    const plan99 = await plan('99', 'Kế hoạch tỉnh thử (đọc)', Y99, other, false);
    // Level by level, so that each target links to its parent's (Target.parent is then worth probing).
    const depth = (c: string) => path(c).split('.').length;
    for (const [planId, indicatorId, codes] of [
      [readPlan, X, CANARY_UNITS.filter((c) => !in99(c))],
      [plan99, Y99, CANARY_UNITS.filter(in99)],
    ] as const) {
      for (const level of [...new Set(codes.map(depth))].sort()) {
        const here = codes.filter((c) => depth(c) === level);
        const res = await must(SET, { i: { planId, indicatorId, targets: here.map((c) => ({ unitId: id(c), value: TARGET_CANARY[CANARY_UNITS.indexOf(c)] })) } }, sys);
        expect(res.setTargets.applied, JSON.stringify(res)).toBe(true);
      }
    }
    await must(ISSUE, { id: readPlan }, province);
    await must(ISSUE, { id: plan99 }, other);
    // The sibling district writes its own way too: its manager assigns its communes, its reporter records.
    await must(SET, { i: { planId: readPlan, indicatorId: X, targets: [{ unitId: id('24121'), value: 77.13 }] } }, district643);
    await must(
      'mutation($i: RecordResultsInput!) { recordResults(input: $i) }',
      {
        i: { indicatorId: X, period: MONTH_03, results: [{ unitId: id('24118'), numerator: 4111.5, denominator: 4999.5 }] },
      },
      reporter24118,
    );
    const draftPlan = await plan('66', 'Kế hoạch ma trận (nháp)', X, province, false);
    const issuedPlan = await plan('66', 'Kế hoạch ma trận (ban hành)', X, province, true);

    // Per canary unit: an issued plan and a draft plan of its own, and figures for the oldest of the three months.
    const issued: Record<string, string> = {};
    const draft: Record<string, string> = {};
    const figure: World['figure'] = {};
    for (const [k, code] of CANARY_UNITS.entries()) {
      issued[code] = await plan(code, `KH-CANARY-${code}-ISSUED`, in99(code) ? Y99 : X, sys, true);
      draft[code] = await plan(code, `KH-CANARY-${code}-DRAFT`, in99(code) ? Y99 : X, sys, false);
      figure[code] = figureCanary(k);
    }
    ok(
      await s.gql(
        'mutation($i: RecordResultsInput!) { recordResults(input: $i) }',
        {
          i: { indicatorId: X, period: MONTH_01, results: CANARY_UNITS.map((c) => ({ unitId: id(c), ...figure[c] })) },
        },
        sys,
      ),
    );

    const canaries: Canary[] = [];
    const usernames: Record<string, string[]> = {
      '66': ['tinh.daklak', 'phantich.daklak'],
      '655': ['huyen.krongana', 'phantich.krongana'],
      '24538': ['xa.buontrap'],
      '643': ['quanly.643'],
      '24118': ['baocao.24118'],
      '66.SNV': ['quanly.snv'],
      '99': ['tinh.thu99'],
    };
    for (const [k, code] of CANARY_UNITS.entries()) {
      const add = (what: string, pattern: RegExp, rule: Rule) => canaries.push({ what: `${what} of ${code}`, pattern, unit: code, rule });
      add('target', numberPattern(TARGET_CANARY[k]), 'subtree');
      add('numerator', numberPattern(figure[code].numerator), 'subtree');
      add('denominator', numberPattern(figure[code].denominator), 'subtree');
      add('issued plan', textPattern(`KH-CANARY-${code}-ISSUED`), 'line');
      add('draft plan', textPattern(`KH-CANARY-${code}-DRAFT`), 'draft');
      add('name', textPattern(byId.get(id(code))!.name), 'line');
      for (const u of usernames[code] ?? []) add(`account ${u}`, new RegExp(`"${escape(u)}"`), 'line');
    }
    canaries.push({ what: 'target of 24121', pattern: numberPattern(77.13), unit: '24121', rule: 'subtree' });
    canaries.push({ what: 'figure of 24118', pattern: numberPattern(4111.5), unit: '24118', rule: 'subtree' });
    canaries.push({ what: 'indicator of province 99', pattern: textPattern('Chỉ tiêu riêng của tỉnh thử chín chín'), unit: '99', rule: 'line' });

    w = {
      id,
      path,
      kind: (code) => byId.get(id(code))!.kind,
      X,
      Y99,
      readPlan,
      draftPlan,
      issuedPlan,
      issued,
      draft,
      canaries,
      figure,
    };
    actors = [];
    for (const [i, a] of ACTORS.entries()) {
      const ip = `10.2.1.${i + 1}`;
      actors.push({ ...a, ip, token: a.key === 'SYSTEM_ADMIN' ? sys : await loginFrom(s.url, a.username, a.password, ip) });
    }
  });
  afterAll(async () => s?.close());
  const sysadmin = () => actors.find((a) => a.key === 'SYSTEM_ADMIN')!.token;

  it('has a row for every query and mutation the server serves, and one way to call it', async () => {
    const res = ok(
      await s.gql<{ __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } } }>(
        '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
        {},
        d.admin,
      ),
    ).__schema;
    const served = [...res.queryType.fields.map((f) => `Query.${f.name}`), ...res.mutationType.fields.map((f) => `Mutation.${f.name}`)].sort();
    const covered = [...new Set(Object.keys(MATRIX).map((k) => k.split(' ')[0]))].sort();
    expect(covered, 'an operation without a row in MATRIX (or a row for an operation that is gone)').toEqual(served);
    expect(Object.keys(OPS).sort()).toEqual(Object.keys(MATRIX).sort());
    // Each row: one token per actor; 1 character for operations without a unit, 4 with '-' exactly where the actor has no such position.
    for (const [op, row] of Object.entries(MATRIX)) {
      const tokens = expectations(row);
      expect(tokens, op).toHaveLength(ACTORS.length);
      const positional = tokens.some((t) => t.length > 1);
      tokens.forEach((t, i) => {
        if (!positional) return expect(t, `${op} ${ACTORS[i].key}`).toHaveLength(1);
        expect(
          t.map((ch) => ch === '-'),
          `${op} ${ACTORS[i].key}`,
        ).toEqual(POSITIONS.map((p) => ACTORS[i].at[p] === undefined));
      });
    }
  });

  it.each(CASES.map((c) => [label(c), c] as const))('%s', async (_label, c) => {
    const op = OPS[c.op];
    const field = c.op.split(' ')[0].split('.')[1];
    const actor = actors[c.actor];
    const ctx: CaseCtx = { s, w, actor, sysadmin: sysadmin(), code: c.pos ? actor.at[c.pos]! : null, n: ++seq };
    const vars = await op.vars(ctx);
    const token = op.freshSession ? await loginFrom(s.url, actor.username, actor.password, actor.ip) : actor.token;
    const mutation = c.op.startsWith('Mutation.');
    const before = mutation && c.expected !== '✓' ? await fingerprint() : null;
    const res: RawResponse = await post(s.url, op.doc, vars, token, c.op === 'Mutation.login' ? { 'x-forwarded-for': actor.ip } : {});
    expect(res.status, res.text).toBe(200);

    // Nothing the caller may not see, whatever the outcome.
    const leaks = w.canaries.filter((k) => !visible(actor, w, k) && k.pattern.test(res.text)).map((k) => k.what);
    expect(leaks, res.text.slice(0, 2000)).toEqual([]);

    const data = res.data?.[field];
    switch (c.expected) {
      case '✓':
        expect(res.errors, res.text).toBeUndefined();
        expect(data).not.toBeNull();
        await op.check?.(data, ctx);
        await op.after?.(ctx, token);
        break;
      case 'F':
      case 'N':
        expect(errorCodes(res), res.text).toEqual([c.expected === 'F' ? 'FORBIDDEN' : 'NOT_FOUND']);
        expect(data ?? null).toBeNull();
        break;
      case '∅':
        expect(res.errors, res.text).toBeUndefined();
        expect(Array.isArray(data) ? data : data === null ? [] : ['not empty'], res.text).toEqual([]);
        break;
      case 'S':
        expect(res.errors, res.text).toBeUndefined();
        expect(data).toMatchObject({ applied: false, created: 0, updated: 0 });
        expect(data.issues.filter((i: { code: string }) => i.code === 'NOT_IN_SCOPE')).toEqual([{ unitId: w.id(ctx.code!), code: 'NOT_IN_SCOPE', severity: 'ERROR' }]);
        break;
      default:
        throw new Error(`unknown outcome ${c.expected}`);
    }
    if (before) expect(await fingerprint(), 'a refused write changed nothing').toEqual(before);
  });

  it('auditLog keeps a draft plan from a unit manager above its issuer', async () => {
    const manager = actors.find((a) => a.key === 'UNIT_MANAGER')!;
    const res = await post(s.url, OPS['Query.auditLog'].doc, { u: w.id('655') }, manager.token);
    expect(res.text).not.toContain('KH-CANARY-24538-DRAFT');
  });

  it.each(Object.keys(MATRIX).filter((op) => !op.includes(' ')))('anonymous · %s', async (op) => {
    const actor = actors[0];
    const ctx: CaseCtx = { s, w, actor: { ...actor, username: 'matrix.anon', password: PASSWORD }, sysadmin: sysadmin(), code: '655', n: ++seq };
    const vars = await OPS[op].vars(ctx);
    const res = await post(s.url, OPS[op].doc, vars, undefined, { 'x-forwarded-for': '10.2.9.9' });
    const leaks = w.canaries.filter((k) => k.pattern.test(res.text)).map((k) => k.what);
    expect(leaks).toEqual([]);
    if (PUBLIC.has(op)) {
      expect(res.errors, res.text).toBeUndefined();
    } else {
      expect(errorCodes(res), res.text).toEqual(['UNAUTHENTICATED']);
      expect(res.data?.[op.split('.')[1]] ?? null).toBeNull();
    }
  });
});
