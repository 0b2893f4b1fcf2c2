import { ISSUE_SEVERITY, type Comparator, type FactRef, type FigureScope, type IssueCode, type ValidationIssue as DomainIssue } from '@chitieu/domain';
import type { Target, TargetOrigin } from './target.entity';
import type { Unit } from '../units/unit.entity';
import type { Plan } from '../plans/plan.entity';
import type { Indicator } from '../indicators/indicator.entity';
import { inSubtree, strictlyBelow, type Actor } from '../../common/scope';

/** One row a write proposes: the unit, what is stored now, and what it would become. */
export interface Proposal {
  unit: Unit;
  existing: Target | null;
  value: number;
  origin: TargetOrigin;
  baseline: number | null;
  /** Where a baseline taken from recorded results came from; undefined keeps the stored source. */
  baselineSource?: string | null;
  note: string | null;
  /** Per-unit facts as they will be stored (null: none). */
  facts: FactRef[] | null;
  comparator: Comparator;
  expectedVersion: number | null;
  floor: number | null;
  floorSetBy: string | null;
}

/** A write of targets before it is checked: what setTargets and cascadeTargets hand to the checks. */
export interface Write {
  plan: Plan;
  indicator: Indicator;
  issuer: Unit;
  /** Whose figure the row's targets are judged on: OWN rows never compare a child with its parent. */
  figureScope: FigureScope;
  proposals: Proposal[];
  issues: DomainIssue[];
  notBelowParent: boolean;
  dryRun: boolean;
  kept: Target[];
  parent?: Unit;
  /** A cascade with a baseline policy: the uplift its proposals use. */
  uplift?: number | null;
}

/** A checked write: its issues, the rows that change, and how each row will look. */
export interface Checked extends Write {
  changed: Set<Proposal>;
  blocked: boolean;
  created: number;
  updated: number;
  build: (p: Proposal) => Target;
  /** A cascade's parent: its own target and what its children's targets imply once written (null: no target / no children). */
  aggregate?: { parentTarget: number | null; implied: number | null };
}

export function targetIssue(unitId: string | number, code: IssueCode, params: Record<string, string | number | null>, severity = ISSUE_SEVERITY[code]): DomainIssue {
  return { unitId: String(unitId), code, severity, params };
}

/**
 * The unit that assigns when the actor writes a target of `unit`: the actor's own, or (a system
 * admin) the unit's parent — the issuer itself for the issuer's own target (the whole-area row).
 */
export function assigner(actor: Actor, unit: Unit, issuer: Unit): number {
  return actor.unitId ?? (unit.id === issuer.id ? issuer.id : (unit.parentId ?? unit.id));
}

/**
 * Where the actor may write a target in a plan: strictly below its own unit and inside the
 * issuer's subtree; and the issuer's own unit, by the issuer's accounts (the whole-area row,
 * "toàn tỉnh ≥ 80%"). Every other unit's own target is written by a unit above it.
 */
export function mayWriteTarget(actor: Actor, unit: Unit, issuer: Unit): boolean {
  if (!inSubtree({ ...actor, unitPath: issuer.path }, unit.path)) return false;
  return strictlyBelow(actor, unit.path) || (unit.id === issuer.id && actor.unitId === issuer.id);
}
