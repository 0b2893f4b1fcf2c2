import type { DataSource } from 'typeorm';
import { AuditEntry } from './audit.entity';
import type { AuthedContext } from '../../common/context';
import type { UnitsService } from '../units/units.service';
import { badInput } from '../../common/errors';
import { isAdmin, pathIds, subtreeEnd, type Actor } from '../../common/scope';

/**
 * The most entries one `auditLog` page returns (and what the cost estimator counts it as): each
 * carries two serialised records, so a page of 200 is already ~200 KB (the SPA asks for 50).
 */
export const AUDIT_MAX_PAGE = 200;

export interface AuditFilter {
  entity?: string | null;
  entityId?: string | null;
  unitId?: string | null;
  userId?: string | null;
  from?: Date | null;
  to?: Date | null;
  limit: number;
  offset: number;
}

/** The audit reader; the writer is AuditLog (audit-log.ts). */
export class AuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitsService,
  ) {}

  /**
   * Reading the log: scoped like everything else, by the path of the unit each change concerns,
   * and an entry about a row of a plan only for those who may read that plan (canReadPlan, in SQL:
   * pages stay full and nothing unreadable is ever fetched).
   */
  async list(ctx: AuthedContext, f: AuditFilter): Promise<AuditEntry[]> {
    if (!Number.isInteger(f.limit) || f.limit < 0 || f.limit > AUDIT_MAX_PAGE) throw badInput('limit', { max: AUDIT_MAX_PAGE });
    if (!Number.isInteger(f.offset) || f.offset < 0) throw badInput('offset');
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('a');
    const scope = f.unitId != null ? (await this.units.getInSubtree(ctx, f.unitId)).path : ctx.actor.unitPath;
    if (scope !== null) qb.andWhere('a.unitPath >= :lo AND a.unitPath < :hi', { lo: scope, hi: subtreeEnd(scope) });
    if (f.entity) qb.andWhere('a.entity = :entity', { entity: f.entity });
    if (f.entityId) qb.andWhere('a.entityId = :eid', { eid: f.entityId });
    if (f.userId) qb.andWhere('a.userId = :uid', { uid: Number(f.userId) });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    const plans = readablePlans(ctx.actor);
    if (plans) qb.andWhere(`(a.planId IS NULL OR a.planId IN (${plans.sql}))`, plans.params);
    return qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(f.limit).skip(f.offset).getMany();
  }
}

/**
 * canReadPlan (plans.service.ts) as a subquery of the plan ids the actor may read: issued plans
 * of issuers in the actor's subtree or on the line above it; drafts only of the actor's own unit,
 * or of any unit in the subtree for an administrator. Null when the actor reads every plan.
 */
function readablePlans(actor: Actor): { sql: string; params: Record<string, unknown> } | null {
  if (actor.unitPath === null && isAdmin(actor)) return null;
  const inScope = actor.unitPath === null ? '1 = 1' : 'rp_u.path >= :rp_lo AND rp_u.path < :rp_hi';
  const draftsToo = isAdmin(actor) ? '1 = 1' : 'rp_u.id = :rp_self';
  const above = actor.unitPath === null ? '' : ` OR (rp.status = 'ISSUED' AND rp_u.id IN (:...rp_anc))`;
  return {
    sql: `SELECT rp.id FROM plan rp INNER JOIN unit rp_u ON rp_u.id = rp.issuerId WHERE (${inScope} AND (rp.status = 'ISSUED' OR ${draftsToo}))${above}`,
    params: {
      rp_lo: actor.unitPath,
      rp_hi: actor.unitPath === null ? null : subtreeEnd(actor.unitPath),
      rp_self: actor.unitId ?? -1,
      rp_anc: actor.unitPath === null ? [] : pathIds(actor.unitPath),
    },
  };
}
