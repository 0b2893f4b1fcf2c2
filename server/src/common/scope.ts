import type { Role } from './enums';
import { isAdminRole } from './roles';

/** Who is asking, as every service sees it. `unitPath` null means the whole country (SYSTEM_ADMIN). */
export interface Actor {
  userId: number;
  username: string;
  displayName: string | null;
  role: Role;
  unitId: number | null;
  unitPath: string | null;
  sessionId: number;
}

/**
 * Upper bound of a path prefix range: ids and dots sort below 'z', so [path, path + 'z') is the
 * subtree. Not '~': MySQL's utf8mb4_unicode_ci sorts punctuation before digits, which made the
 * range empty there; letters sort after digits and dots in binary and Unicode collations alike.
 */
export function subtreeEnd(path: string): string {
  return `${path}z`;
}

export function inSubtree(actor: Actor, path: string): boolean {
  return actor.unitPath === null || path.startsWith(actor.unitPath);
}

/** Strictly below the actor's unit: where a unit's accounts may assign targets. */
export function strictlyBelow(actor: Actor, path: string): boolean {
  return actor.unitPath === null || (path.startsWith(actor.unitPath) && path !== actor.unitPath);
}

export function isAncestorPath(ancestor: string, path: string): boolean {
  return path.startsWith(ancestor) && path !== ancestor;
}

/** Ancestors of the actor's unit are visible (name and kind), besides its own subtree. */
export function canSee(actor: Actor, path: string): boolean {
  return inSubtree(actor, path) || (actor.unitPath !== null && isAncestorPath(path, actor.unitPath));
}

export function isAdmin(actor: Actor): boolean {
  return isAdminRole(actor.role);
}

/** Ids along a path, root first: "1.17.230." → [1, 17, 230]. */
export function pathIds(path: string): number[] {
  return path.split('.').filter(Boolean).map(Number);
}
