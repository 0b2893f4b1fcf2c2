/**
 * What each role may see and do in the SPA (Ant Design Pro's access.ts). Pure: no React, no
 * Apollo. The server decides for real; this only keeps people from pages and buttons that
 * would answer FORBIDDEN.
 */
import type { Role } from '../gql/graphql';

/** The roles are the schema's (`enum Role`, generated into gql/graphql.ts); this file only orders and groups them. */
export type { Role };

/**
 * Every role's place, highest first: the order lists and the account form show them in. A record
 * over the generated `Role`, so the compiler fails here when the schema gains or loses a role.
 */
const RANK: Readonly<Record<Role, number>> = { SYSTEM_ADMIN: 0, PROVINCE_ADMIN: 1, UNIT_MANAGER: 2, UNIT_REPORTER: 3, ANALYST: 4 };

export const ROLES: readonly Role[] = (Object.keys(RANK) as Role[]).sort((a, b) => RANK[a] - RANK[b]);

/** Every role but those named, in ROLES order. */
const allBut = (...excluded: Role[]): readonly Role[] => ROLES.filter((r) => !excluded.includes(r));

export type Permission =
  | 'home'
  | 'plans.view'
  | 'targets.edit'
  | 'targets.cascade'
  | 'plans.issue'
  | 'plans.create'
  | 'indicators.view'
  | 'indicators.edit'
  | 'results.enter'
  | 'imports'
  | 'progress.view'
  | 'progress.export'
  | 'playground'
  | 'units.view'
  | 'audit.view'
  | 'accounts.manage';

const EVERYONE = ROLES;
const WRITERS_OF_TARGETS = allBut('UNIT_REPORTER', 'ANALYST');
/** Whoever writes anything: targets or results. */
const WRITERS = allBut('ANALYST');
/** Whoever reads across units: everyone but a commune's reporter. */
const READERS_OF_UNITS = allBut('UNIT_REPORTER');
const ADMINISTRATORS: readonly Role[] = ['SYSTEM_ADMIN', 'PROVINCE_ADMIN'];

export const ACCESS: Readonly<Record<Permission, readonly Role[]>> = {
  home: EVERYONE,
  'plans.view': EVERYONE,
  'targets.edit': WRITERS_OF_TARGETS,
  'targets.cascade': WRITERS_OF_TARGETS,
  'plans.issue': WRITERS_OF_TARGETS,
  // The server lets the issuer's managers and the administrators above it write a plan (canEditPlan).
  'plans.create': WRITERS_OF_TARGETS,
  'indicators.view': READERS_OF_UNITS,
  // Further narrowed by catalogue: see canKeepCatalogue and canEditIndicator.
  'indicators.edit': WRITERS_OF_TARGETS,
  'results.enter': WRITERS,
  // Spreadsheet imports: whoever writes targets (targets, baselines) or results (results).
  imports: WRITERS,
  'progress.view': EVERYONE,
  'progress.export': EVERYONE,
  playground: [...ADMINISTRATORS, 'ANALYST'],
  'units.view': READERS_OF_UNITS,
  'audit.view': READERS_OF_UNITS,
  'accounts.manage': ADMINISTRATORS,
};

/** Roles an account may grant: never above its own (the server's GRANTABLE, auth.service.ts). */
const GRANTABLE: Readonly<Record<Role, readonly Role[]>> = {
  SYSTEM_ADMIN: ROLES,
  PROVINCE_ADMIN: allBut('SYSTEM_ADMIN'),
  UNIT_MANAGER: [],
  UNIT_REPORTER: [],
  ANALYST: [],
};

export function grantableRoles(role: Role | null | undefined): readonly Role[] {
  return role ? GRANTABLE[role] : [];
}

/** A system administrator belongs to no unit; every other account belongs to one. */
export function roleNeedsUnit(role: Role): boolean {
  return role !== 'SYSTEM_ADMIN';
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && ACCESS[permission].includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(ACCESS) as Permission[]).filter((p) => can(role, p));
}

/** The home page a role lands on: the plans of the year, or a commune's own targets. */
export function homeOf(role: Role): 'PLANS' | 'MY_TARGETS' {
  return role === 'UNIT_REPORTER' ? 'MY_TARGETS' : 'PLANS';
}

/** Whose results a role enters: its own unit, or its own and its direct children's (a district for its communes). */
export function resultScopeOf(role: Role): 'OWN' | 'OWN_AND_CHILDREN' | null {
  if (role === 'UNIT_REPORTER') return 'OWN';
  if (role === 'ANALYST') return null;
  return 'OWN_AND_CHILDREN';
}

export interface PlanRights {
  /** Write the targets of the viewer's children in this plan (inline edit, paste, cascade). */
  editTargets: boolean;
  issue: boolean;
  /** Why not, when the role could but the plan's state forbids it. */
  reason: 'ISSUED_FROZEN' | 'DRAFT_NOT_ISSUER' | null;
}

/**
 * A draft is edited and issued by its issuer only; once issued, the issuer's own rows are frozen
 * and the units below sub-assign to their children inside it (docs/spec/domain.md, "Plans and
 * targets").
 * A system administrator (no unit) counts as the issuer.
 */
export function planRights(role: Role, plan: { status: 'DRAFT' | 'ISSUED'; issuerId: string }, viewer: { unitId: string | null; hasChildren: boolean }): PlanRights {
  const writer = can(role, 'targets.edit');
  const isIssuer = viewer.unitId === null || viewer.unitId === plan.issuerId;
  if (!writer) return { editTargets: false, issue: false, reason: null };
  if (plan.status === 'DRAFT') {
    return { editTargets: isIssuer && viewer.hasChildren, issue: isIssuer && can(role, 'plans.issue'), reason: isIssuer ? null : 'DRAFT_NOT_ISSUER' };
  }
  return { editTargets: !isIssuer && viewer.hasChildren, issue: false, reason: isIssuer ? 'ISSUED_FROZEN' : null };
}

/** District-level kinds: a district's manager keeps its own indicator catalogue (docs/spec/domain.md, "Plans as documents"). */
const DISTRICT_LEVEL: readonly string[] = ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY', 'URBAN_DISTRICT'];

/**
 * Whether the viewer adds indicators to a catalogue: a system administrator to the national one, a
 * province administrator to its province's, a district's manager to its district's.
 */
export function canKeepCatalogue(role: Role, unit: { kind: string } | null | undefined): boolean {
  if (role === 'SYSTEM_ADMIN' || role === 'PROVINCE_ADMIN') return true;
  return role === 'UNIT_MANAGER' && !!unit && DISTRICT_LEVEL.includes(unit.kind);
}

/** Whether the viewer edits an indicator of the catalogue `owner` keeps (null: the national one). */
export function canEditIndicator(role: Role, unit: { id: string; kind: string } | null | undefined, owner: { id: string } | null | undefined): boolean {
  if (role === 'SYSTEM_ADMIN') return true;
  if (!owner) return false;
  if (role === 'PROVINCE_ADMIN') return true;
  return canKeepCatalogue(role, unit) && unit?.id === owner.id;
}

/** A draft's document (fields, headings, rows) is written by its issuer's managers and administrators (a system administrator counts as the issuer). */
export function canEditPlanDocument(role: Role, plan: { status: 'DRAFT' | 'ISSUED'; issuerId: string }, viewerUnitId: string | null): boolean {
  return plan.status === 'DRAFT' && can(role, 'plans.create') && (viewerUnitId === null || viewerUnitId === plan.issuerId);
}
