import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit.entity';
import type { AuthedContext, RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { subtreeEnd } from '../../common/scope';
import { MAX_PAGE } from '../units/units.service';
import { canReadPlan } from '../plans/plans.service';

export interface AuditChange {
  entity: string;
  entityId: number | string;
  action: string;
  unitPath: string | null;
  before: unknown;
  after: unknown;
}

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

/** Rows per INSERT: well under SQLite's 32,766 and MySQL's 65,535 placeholders (10 columns a row). */
const CHUNK = 500;

export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /** Writes the changes inside the caller's transaction: the log and the change commit together or not at all. */
  async record(m: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'>, changes: AuditChange[]): Promise<void> {
    if (!changes.length) return;
    const at = new Date();
    const rows = changes.map((c) => ({
      at,
      userId: ctx.actor?.userId ?? null,
      entity: c.entity,
      entityId: String(c.entityId),
      action: c.action,
      unitPath: c.unitPath,
      before: c.before == null ? null : JSON.stringify(c.before),
      after: c.after == null ? null : JSON.stringify(c.after),
      requestId: ctx.requestId,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) await m.getRepository(AuditEntry).insert(rows.slice(i, i + CHUNK));
  }

  /** Reading the log: scoped like everything else, by the path of the unit each change concerns. */
  async list(ctx: AuthedContext, f: AuditFilter): Promise<AuditEntry[]> {
    if (f.limit < 0 || f.limit > MAX_PAGE) throw badInput('limit', { max: MAX_PAGE });
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('a');
    const scope = f.unitId != null ? (await ctx.services.units.getInSubtree(ctx, f.unitId)).path : ctx.actor.unitPath;
    if (scope !== null) qb.andWhere('a.unitPath >= :lo AND a.unitPath < :hi', { lo: scope, hi: subtreeEnd(scope) });
    if (f.entity) qb.andWhere('a.entity = :entity', { entity: f.entity });
    if (f.entityId) qb.andWhere('a.entityId = :eid', { eid: f.entityId });
    if (f.userId) qb.andWhere('a.userId = :uid', { uid: Number(f.userId) });
    if (f.from) qb.andWhere('a.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('a.at < :to', { to: f.to });
    const rows = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(f.limit).skip(f.offset).getMany();
    return this.withoutUnreadablePlans(ctx, rows);
  }

  /** A draft plan's history is as private as the draft: only those who may read the plan see it. */
  private async withoutUnreadablePlans(ctx: AuthedContext, rows: AuditEntry[]): Promise<AuditEntry[]> {
    const planIdOf = (r: AuditEntry): number | null => {
      if (r.entity === 'plan') return Number(r.entityId);
      if (r.entity !== 'plan_indicator' && r.entity !== 'plan_task') return null;
      const json = JSON.parse(r.after ?? r.before ?? '{}') as { planId?: number };
      return json.planId ?? null;
    };
    const ids = [...new Set(rows.map(planIdOf).filter((x): x is number => x !== null))];
    const readable = new Set<number>();
    for (const id of ids) {
      const plan = await ctx.loaders.plan.load(id);
      const issuer = plan ? await ctx.loaders.unit.load(plan.issuerId) : null;
      if (plan && issuer && canReadPlan(ctx.actor, plan, issuer)) readable.add(id);
    }
    return rows.filter((r) => {
      const id = planIdOf(r);
      return id === null || readable.has(id);
    });
  }
}
