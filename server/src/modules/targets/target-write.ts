import { ISSUE_SEVERITY, type Comparator, type IssueCode, type ValidationIssue as DomainIssue } from '@chitieu/domain';
import type { Target, TargetOrigin } from './target.entity';
import type { Unit } from '../units/unit.entity';
import type { Plan } from '../plans/plan.entity';
import type { Indicator } from '../indicators/indicator.entity';
import type { Actor } from '../../common/scope';

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
  proposals: Proposal[];
  issues: DomainIssue[];
  notBelowParent: boolean;
  dryRun: boolean;
  kept: Target[];
  parent?: Unit;
}

/** A checked write: its issues, the rows that change, and how each row will look. */
export interface Checked extends Write {
  changed: Set<Proposal>;
  blocked: boolean;
  created: number;
  updated: number;
  build: (p: Proposal) => Target;
}

export function targetIssue(unitId: string | number, code: IssueCode, params: Record<string, string | number | null>, severity = ISSUE_SEVERITY[code]): DomainIssue {
  return { unitId: String(unitId), code, severity, params };
}

/** The unit that assigns when the actor writes a target of `unit`: the actor's own, or (a system admin) the unit's parent. */
export function assigner(actor: Actor, unit: Unit): number {
  return actor.unitId ?? unit.parentId ?? unit.id;
}
