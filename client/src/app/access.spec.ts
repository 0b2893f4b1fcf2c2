import { describe, expect, it } from 'vitest';
import {
  ACCESS,
  ROLES,
  can,
  canEditIndicator,
  canEditPlanDocument,
  canKeepCatalogue,
  grantableRoles,
  homeOf,
  roleNeedsUnit,
  permissionsOf,
  planRights,
  resultScopeOf,
  type Permission,
  type Role,
} from './access';

const Y = true;
const N = false;

// prettier-ignore
const TABLE: [Permission, Record<Role, boolean>][] = [
  ['home',            { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: Y, ANALYST: Y }],
  ['plans.view',      { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: Y, ANALYST: Y }],
  ['targets.edit',    { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: N, ANALYST: N }],
  ['targets.cascade', { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: N, ANALYST: N }],
  ['plans.issue',     { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: N, ANALYST: N }],
  ['plans.create',    { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: N, ANALYST: N }],
  ['indicators.view', { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: N, ANALYST: Y }],
  ['indicators.edit', { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: N, ANALYST: N }],
  ['results.enter',   { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: Y, ANALYST: N }],
  ['imports',         { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: Y, ANALYST: N }],
  ['progress.view',   { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: Y, ANALYST: Y }],
  ['progress.export', { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: Y, ANALYST: Y }],
  ['playground',      { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: N, UNIT_REPORTER: N, ANALYST: Y }],
  ['units.view',      { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: N, ANALYST: Y }],
  ['audit.view',      { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: Y, UNIT_REPORTER: N, ANALYST: Y }],
  ['accounts.manage', { SYSTEM_ADMIN: Y, PROVINCE_ADMIN: Y, UNIT_MANAGER: N, UNIT_REPORTER: N, ANALYST: N }],
];

describe('access', () => {
  it('the table covers every permission', () => {
    expect(TABLE.map(([p]) => p).sort()).toEqual(Object.keys(ACCESS).sort());
  });

  it.each(TABLE.flatMap(([permission, row]) => ROLES.map((role) => [permission, role, row[role]] as const)))('%s for %s → %s', (permission, role, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('nobody signed in may do anything', () => {
    expect(can(null, 'home')).toBe(false);
    expect(can(undefined, 'plans.view')).toBe(false);
  });

  it('an analyst reads and writes nothing', () => {
    expect(permissionsOf('ANALYST').filter((p) => /edit|cascade|issue|enter/.test(p))).toEqual([]);
  });

  it('a province administrator grants every role but system administrator; nobody else grants any', () => {
    expect(grantableRoles('PROVINCE_ADMIN')).toEqual(['PROVINCE_ADMIN', 'UNIT_MANAGER', 'UNIT_REPORTER', 'ANALYST']);
    expect(grantableRoles('SYSTEM_ADMIN')).toEqual(ROLES);
    for (const role of ['UNIT_MANAGER', 'UNIT_REPORTER', 'ANALYST'] as const) expect(grantableRoles(role)).toEqual([]);
    expect(grantableRoles(null)).toEqual([]);
    // what may be granted is what may manage accounts, or below it
    for (const role of ROLES) if (grantableRoles(role).length) expect(can(role, 'accounts.manage')).toBe(true);
  });

  it('only a system administrator has no unit', () => {
    expect(ROLES.filter((r) => !roleNeedsUnit(r))).toEqual(['SYSTEM_ADMIN']);
  });

  it.each([
    ['UNIT_REPORTER', 'MY_TARGETS'],
    ['UNIT_MANAGER', 'PLANS'],
    ['PROVINCE_ADMIN', 'PLANS'],
    ['ANALYST', 'PLANS'],
    ['SYSTEM_ADMIN', 'PLANS'],
  ] as const)('home of %s is %s', (role, home) => expect(homeOf(role)).toBe(home));

  it.each([
    ['UNIT_REPORTER', 'OWN'],
    ['UNIT_MANAGER', 'OWN_AND_CHILDREN'],
    ['PROVINCE_ADMIN', 'OWN_AND_CHILDREN'],
    ['ANALYST', null],
  ] as const)('%s enters results for %s', (role, scope) => expect(resultScopeOf(role)).toBe(scope));

  describe('planRights', () => {
    const province = 'p';
    const district = 'd';
    const withChildren = (unitId: string | null) => ({ unitId, hasChildren: true });

    it.each`
      role                | status      | viewer      | edit     | issue    | reason
      ${'PROVINCE_ADMIN'} | ${'DRAFT'}  | ${province} | ${true}  | ${true}  | ${null}
      ${'PROVINCE_ADMIN'} | ${'ISSUED'} | ${province} | ${false} | ${false} | ${'ISSUED_FROZEN'}
      ${'UNIT_MANAGER'}   | ${'ISSUED'} | ${district} | ${true}  | ${false} | ${null}
      ${'UNIT_MANAGER'}   | ${'DRAFT'}  | ${district} | ${false} | ${false} | ${'DRAFT_NOT_ISSUER'}
      ${'SYSTEM_ADMIN'}   | ${'DRAFT'}  | ${null}     | ${true}  | ${true}  | ${null}
      ${'ANALYST'}        | ${'DRAFT'}  | ${province} | ${false} | ${false} | ${null}
      ${'UNIT_REPORTER'}  | ${'ISSUED'} | ${'x'}      | ${false} | ${false} | ${null}
    `('$role on a $status plan of the province, viewer $viewer: edit $edit, issue $issue', ({ role, status, viewer, edit, issue, reason }) => {
      expect(planRights(role, { status, issuerId: province }, withChildren(viewer))).toEqual({ editTargets: edit, issue, reason });
    });

    it('a unit without children has nothing to assign', () => {
      expect(planRights('UNIT_MANAGER', { status: 'ISSUED', issuerId: province }, { unitId: district, hasChildren: false }).editTargets).toBe(false);
    });
  });

  describe('catalogues and plan documents', () => {
    const district = { id: 'd', kind: 'DISTRICT' };
    const agency = { id: 'a', kind: 'PROVINCIAL_AGENCY' };

    it('a system administrator keeps the national catalogue, a province administrator its own, a district manager its district', () => {
      expect(canKeepCatalogue('SYSTEM_ADMIN', null)).toBe(true);
      expect(canKeepCatalogue('PROVINCE_ADMIN', { kind: 'PROVINCE' })).toBe(true);
      expect(canKeepCatalogue('UNIT_MANAGER', district)).toBe(true);
      expect(canKeepCatalogue('UNIT_MANAGER', agency)).toBe(false);
      expect(canKeepCatalogue('UNIT_REPORTER', district)).toBe(false);
      expect(canKeepCatalogue('ANALYST', district)).toBe(false);
    });

    it('the national catalogue is edited by system administrators only; a district manager edits only its own', () => {
      expect(canEditIndicator('SYSTEM_ADMIN', null, null)).toBe(true);
      expect(canEditIndicator('PROVINCE_ADMIN', { id: 'p', kind: 'PROVINCE' }, null)).toBe(false);
      expect(canEditIndicator('PROVINCE_ADMIN', { id: 'p', kind: 'PROVINCE' }, { id: 'p' })).toBe(true);
      expect(canEditIndicator('UNIT_MANAGER', district, { id: 'd' })).toBe(true);
      expect(canEditIndicator('UNIT_MANAGER', district, { id: 'p' })).toBe(false);
      expect(canEditIndicator('UNIT_MANAGER', district, null)).toBe(false);
    });

    it('a draft is written by its issuer (a system administrator counts as one), an issued plan by nobody', () => {
      expect(canEditPlanDocument('PROVINCE_ADMIN', { status: 'DRAFT', issuerId: 'p' }, 'p')).toBe(true);
      expect(canEditPlanDocument('PROVINCE_ADMIN', { status: 'ISSUED', issuerId: 'p' }, 'p')).toBe(false);
      expect(canEditPlanDocument('UNIT_MANAGER', { status: 'DRAFT', issuerId: 'p' }, 'd')).toBe(false);
      expect(canEditPlanDocument('SYSTEM_ADMIN', { status: 'DRAFT', issuerId: 'p' }, null)).toBe(true);
      expect(canEditPlanDocument('ANALYST', { status: 'DRAFT', issuerId: 'p' }, 'p')).toBe(false);
    });
  });
});
