import type { Plan } from './plan.entity';
import type { Unit } from '../units/unit.entity';
import { canSee, inSubtree, isAdmin, type Actor } from '../../common/scope';

/** The tree a plan works on is the tree as it stood on the first day of its year (docs/spec/api.md, "Time"). */
export function planTreeDate(year: number): string {
  return `${year}-01-01`;
}

/**
 * Who reads a plan: anyone in the issuer's subtree once it is issued, and the issuer's ancestors'
 * users likewise (they see plans their ancestors issued); a draft only the issuer's own accounts
 * and administrators above it.
 */
export function canReadPlan(actor: Actor, plan: Plan, issuer: Unit): boolean {
  if (inSubtree(actor, issuer.path)) return plan.status === 'ISSUED' || actor.unitId === issuer.id || isAdmin(actor);
  return plan.status === 'ISSUED' && canSee(actor, issuer.path);
}

/** Who edits a plan itself (indicators, tasks, issuing): the issuer's managers and administrators at or above it. */
export function canEditPlan(actor: Actor, issuer: Unit): boolean {
  if (!inSubtree(actor, issuer.path)) return false;
  return isAdmin(actor) || (actor.role === 'UNIT_MANAGER' && actor.unitId === issuer.id);
}

/**
 * Whether a plan of `issuer` may use an indicator of the catalogue of `ownerPath` (null: the
 * national one): the catalogues on the issuer's line, its own included — never a catalogue of a
 * unit below it, which the rest of the issuer's subtree does not share.
 */
export function issuerUses(issuer: Unit, ownerPath: string | null): boolean {
  return ownerPath === null || issuer.path.startsWith(ownerPath);
}
