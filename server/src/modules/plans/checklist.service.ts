import type { DataSource } from 'typeorm';
import { bindingFloor, issueMessage, type IssueCode } from '@chitieu/domain';
import { PlanChecklist, PlanChecklistRow, type PlanChecklistItem } from './checklist.types';
import { planTreeDate } from './plan-tree';
import type { PlansService } from './plans.service';
import type { Plan } from './plan.entity';
import type { PlanIndicator } from './plans.types';
import { Target } from '../targets/target.entity';
import { Preload, TargetPreloader } from '../targets/target-preload';
import { checkWrite } from '../targets/target-checks';
import type { Proposal, Write } from '../targets/target-write';
import type { Unit } from '../units/unit.entity';
import type { UnitsService } from '../units/units.service';
import type { ProgressService } from '../progress/progress.service';
import { DomainError } from '../../common/errors';
import { inSubtree, isAdmin } from '../../common/scope';
import type { AuthedContext } from '../../common/context';

/** Issues about the write itself (who, when, which version), not about the figures: meaningless for stored rows. */
const WRITE_ONLY: ReadonlySet<IssueCode> = new Set<IssueCode>(['NOT_IN_SCOPE', 'PLAN_NOT_EDITABLE', 'VERSION_CONFLICT', 'PAST_DEADLINE']);

/**
 * The pre-issue checklist: for each row of a plan, the issuer's children without a target, the
 * stored targets re-checked with the write's own checks (target-checks), and the late
 * sub-assignments below. A fixed number of statements whatever the size: the children, the
 * plan's targets of the children (and their surroundings, weights), and one count of late ones.
 */
export class ChecklistService {
  private readonly preloader: TargetPreloader;

  constructor(
    private readonly ds: DataSource,
    private readonly plans: PlansService,
    private readonly units: UnitsService,
    progress: ProgressService,
  ) {
    this.preloader = new TargetPreloader(ds, progress);
  }

  async checklist(ctx: AuthedContext, planId: string): Promise<PlanChecklist> {
    const plan = await this.plans.get(ctx, planId);
    const issuer = (await ctx.loaders.unit.load(plan.issuerId))!;
    // The issuer's own accounts and administrators above it: those who issue.
    const mine = ctx.actor.unitId === issuer.id || (isAdmin(ctx.actor) && inSubtree(ctx.actor, issuer.path));
    if (!mine) throw new DomainError('FORBIDDEN', {});
    const rows = await this.plans.indicatorsOf(ctx, plan);
    const children = await this.units.childrenOn(issuer.id, planTreeDate(plan.year));
    const warnings: PlanChecklistItem[] = [];
    if (!rows.length) warnings.push('NO_ROWS');
    if (!plan.documentNumber?.trim()) warnings.push('NO_DOCUMENT_NUMBER');
    if (!plan.documentDate) warnings.push('NO_DOCUMENT_DATE');
    if (!rows.length) return { planId: plan.id, units: children.length, children, rows: [], warnings };

    const pre = new Preload();
    const indicatorIds = rows.map((r) => r.indicator.id);
    await this.preloader.targets(
      pre,
      plan.id,
      indicatorIds,
      children.map((c) => c.id),
    );
    // Checked as the issuer would write them: the issuer assigns its children, so nothing is late.
    const actor = { ...ctx.actor, unitId: issuer.id, unitPath: issuer.path };
    const writes = rows.map((row) => storedWrite(plan, issuer, row, children, pre));
    await this.preloader.surroundings(pre, writes);
    await this.preloader.weights(writes, pre);
    const late = await this.lateCounts(plan);
    return {
      planId: plan.id,
      units: children.length,
      children,
      warnings,
      rows: rows.map((row, n): PlanChecklistRow => {
        const checked = checkWrite(actor, writes[n], pre);
        return {
          id: row.id,
          indicator: row.indicator,
          position: row.position,
          missing: children.filter((c) => !pre.target(plan.id, row.indicator.id, c.id)),
          issues: checked.issues
            .filter((i) => !WRITE_ONLY.has(i.code as IssueCode))
            .map((i) => ({ unitId: i.unitId, code: i.code, severity: i.severity, message: issueMessage(i.code, i.params, ctx.locale) })),
          late: late.get(row.indicator.id) ?? 0,
        };
      }),
    };
  }

  /** Late targets per indicator: sub-assignments below the issuer's children (the issuer's own are never late). */
  private async lateCounts(plan: Plan): Promise<Map<number, number>> {
    if (!plan.subAssignmentDeadline) return new Map();
    const raw = await this.ds
      .getRepository(Target)
      .createQueryBuilder('t')
      .select('t.indicatorId', 'indicatorId')
      .addSelect('COUNT(*)', 'late')
      .where('t.planId = :pid AND t.late = :late', { pid: plan.id, late: true })
      .groupBy('t.indicatorId')
      .getRawMany<{ indicatorId: number | string; late: number | string }>();
    return new Map(raw.map((r) => [Number(r.indicatorId), Number(r.late)]));
  }
}

/** A write that proposes every stored target of the issuer's children for a row as it is: what the checks re-validate. */
function storedWrite(plan: Plan, issuer: Unit, row: PlanIndicator, children: Unit[], pre: Preload): Write {
  const proposals: Proposal[] = [];
  for (const unit of children) {
    const t = pre.target(plan.id, row.indicator.id, unit.id);
    if (!t) continue;
    proposals.push({
      unit,
      existing: t,
      value: t.value,
      origin: t.origin,
      baseline: t.baseline,
      note: t.note,
      facts: t.facts,
      comparator: t.comparator,
      expectedVersion: null,
      floor: bindingFloor(unit.kind, row.floors),
      floorSetBy: issuer.name,
    });
  }
  return { plan, indicator: row.indicator, issuer, figureScope: row.scope, proposals, issues: [], notBelowParent: false, dryRun: true, kept: [] };
}
