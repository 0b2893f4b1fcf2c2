import { ROLES, type Role } from './enums';

/**
 * Who may do what, by role: the one place role lists are written (the resolvers' @Authorized,
 * the spreadsheet routes, scope rules and the accounts an administrator may grant read them).
 */
export const ANY_ROLE: Role[] = [...ROLES];
export const ADMINS: Role[] = ['SYSTEM_ADMIN', 'PROVINCE_ADMIN'];
export const WRITERS_OF_TARGETS: Role[] = [...ADMINS, 'UNIT_MANAGER'];
export const WRITERS_OF_RESULTS: Role[] = [...WRITERS_OF_TARGETS, 'UNIT_REPORTER'];

export function isAdminRole(role: Role): boolean {
  return ADMINS.includes(role);
}
