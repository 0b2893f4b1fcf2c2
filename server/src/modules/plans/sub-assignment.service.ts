import { In, type DataSource } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { Unit } from '../units/unit.entity';
import { Target } from '../targets/target.entity';
import { Indicator } from '../indicators/indicator.entity';
import { planTreeDate } from './plans.service';
import { subtreeEnd } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { PlansService } from './plans.service';
import type { UnitsService } from '../units/units.service';
import { validOn } from '../../common/validity';

/** For one child of the viewed unit and one indicator: has it sub-assigned to its own children yet? */
@ObjectType()
export class SubAssignmentRow {
  @Field(() => Unit)
  unit: Unit;

  @Field(() => Indicator)
  indicator: Indicator;

  /** Whether the child has a target itself. */
  @Field()
  hasTarget: boolean;

  /** The child's own children in the plan's tree. */
  @Field(() => Int)
  children: number;

  /** How many of them have a target. */
  @Field(() => Int)
  assigned: number;

  /** How many of those were assigned after the plan's deadline. */
  @Field(() => Int)
  late: number;
}

export class SubAssignmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly plans: PlansService,
    private readonly units: UnitsService,
  ) {}

  /** Three statements whatever the size: the children, their children, and the subtree's targets. */
  async rows(ctx: AuthedContext, planId: string, unitId: string): Promise<SubAssignmentRow[]> {
    const plan = await this.plans.get(ctx, planId);
    const unit = await this.units.getInSubtree(ctx, unitId);
    const indicators = (await this.plans.indicatorsOf(ctx, plan)).map((pi) => pi.indicator);
    const at = planTreeDate(plan.year);
    const children = await this.units.childrenOn(unit.id, at);
    if (!children.length || !indicators.length) return [];
    const grandchildren = await validOn(
      this.ds
        .getRepository(Unit)
        .createQueryBuilder('u')
        .select(['u.id', 'u.parentId'])
        .where({ parentId: In(children.map((c) => c.id)) }),
      'u',
      at,
    ).getMany();
    const parentOf = new Map(grandchildren.map((g) => [g.id, g.parentId!]));
    const targets = await this.ds
      .getRepository(Target)
      .createQueryBuilder('t')
      .select(['t.unitId', 't.indicatorId', 't.late'])
      .where('t.planId = :pid AND t.unitPath >= :lo AND t.unitPath < :hi', { pid: plan.id, lo: unit.path, hi: subtreeEnd(unit.path) })
      .getMany();
    const key = (unitId: number, indicatorId: number) => `${unitId}:${indicatorId}`;
    const own = new Set<string>();
    const assigned = new Map<string, { assigned: number; late: number }>();
    for (const t of targets) {
      own.add(key(t.unitId, t.indicatorId));
      const parent = parentOf.get(t.unitId);
      if (parent === undefined) continue;
      const k = key(parent, t.indicatorId);
      const c = assigned.get(k) ?? { assigned: 0, late: 0 };
      c.assigned += 1;
      if (t.late) c.late += 1;
      assigned.set(k, c);
    }
    const childCount = new Map<number, number>();
    for (const p of parentOf.values()) childCount.set(p, (childCount.get(p) ?? 0) + 1);
    return children.flatMap((c) =>
      indicators.map((indicator) => ({
        unit: c,
        indicator,
        hasTarget: own.has(key(c.id, indicator.id)),
        children: childCount.get(c.id) ?? 0,
        assigned: assigned.get(key(c.id, indicator.id))?.assigned ?? 0,
        late: assigned.get(key(c.id, indicator.id))?.late ?? 0,
      })),
    );
  }
}
