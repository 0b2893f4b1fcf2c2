import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { ResponsibleRef } from '@chitieu/domain';
import { Plan } from './plan.entity';
import { PlanTask } from './plan-task.entity';
import { Indicator } from '../indicators/indicator.entity';
import type { Unit } from '../units/unit.entity';
import type { AuthedContext } from '../../common/context';

export const ResponsibilityRoleEnum = { LEAD: 'LEAD', COORDINATING: 'COORDINATING' } as const;
export type ResponsibilityRole = keyof typeof ResponsibilityRoleEnum;
registerEnumType(ResponsibilityRoleEnum, { name: 'ResponsibilityRole' });

/** A plan row or task that names a unit (or its kind) as lead or coordinating unit. */
@ObjectType()
export class Responsibility {
  @Field(() => Plan)
  plan: Plan;

  @Field(() => ResponsibilityRoleEnum)
  role: ResponsibilityRole;

  /** The row's or the task's position as written ("1", "2.1"). */
  @Field(() => String, { nullable: true })
  position: string | null;

  /** The row's indicator name, or the task's content. */
  @Field()
  content: string;

  @Field(() => Indicator, { nullable: true })
  indicator: Indicator | null;

  @Field(() => PlanTask, { nullable: true })
  task: PlanTask | null;

  /** The words that name the unit ("Sở Nội vụ", "UBND các huyện, thị xã, thành phố"). */
  @Field()
  text: string;
}

/**
 * The rows and tasks of `plans` (already those the caller reads) whose lead or coordinating
 * entries name `unit`: by id anywhere, or by kind in a plan of an issuer above it (a province's
 * "UBND các huyện" names its districts, not another province's). Three batched statements: the
 * plans' rows, their tasks, the rows' indicators.
 */
export async function responsibilitiesOf(ctx: AuthedContext, unit: Unit, plans: readonly Plan[]): Promise<Responsibility[]> {
  const ids = plans.map((p) => p.id);
  const [rowLists, taskLists, issuers] = await Promise.all([
    ctx.loaders.planIndicators.loadMany(ids),
    ctx.loaders.planTasks.loadMany(ids),
    ctx.loaders.unit.loadMany(plans.map((p) => p.issuerId)),
  ]);
  const rowsOf = (i: number) => (Array.isArray(rowLists[i]) ? rowLists[i] : []);
  const tasksOf = (i: number) => (Array.isArray(taskLists[i]) ? taskLists[i] : []);
  const indicatorIds = [...new Set(plans.flatMap((_, i) => rowsOf(i).map((r) => r.indicatorId)))];
  const loaded = await ctx.loaders.indicator.loadMany(indicatorIds);
  const indicators = new Map(loaded.filter((x): x is Indicator => !!x && !(x instanceof Error)).map((x) => [x.id, x]));

  const out: Responsibility[] = [];
  plans.forEach((plan, i) => {
    const issuer = issuers[i];
    const below = !!issuer && !(issuer instanceof Error) && unit.path.startsWith(issuer.path) && unit.id !== issuer.id;
    const names = (refs: readonly ResponsibleRef[] | null): ResponsibleRef | undefined => (refs ?? []).find((r) => r.unitId === unit.id || (below && r.kinds.includes(unit.kind)));
    const add = (item: Omit<Responsibility, 'plan' | 'role' | 'text'>, lead: ResponsibleRef[] | null, coordinating: ResponsibleRef[] | null) => {
      const asLead = names(lead);
      if (asLead) out.push({ plan, role: 'LEAD', text: asLead.text, ...item });
      const asCoordinating = names(coordinating);
      if (asCoordinating) out.push({ plan, role: 'COORDINATING', text: asCoordinating.text, ...item });
    };
    for (const r of rowsOf(i)) {
      const indicator = indicators.get(r.indicatorId);
      if (indicator) add({ position: r.position, content: indicator.name, indicator, task: null }, r.lead, r.coordinating);
    }
    for (const t of tasksOf(i)) add({ position: t.position, content: t.content, indicator: null, task: t }, t.lead, t.coordinating);
  });
  return out;
}
