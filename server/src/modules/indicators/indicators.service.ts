import { IsNull, type DataSource } from 'typeorm';
import { DomainError } from '@chitieu/domain';
import { Indicator } from './indicator.entity';
import type { IndicatorInput } from './indicators.inputs';
import { badInput, notFound } from '../../common/errors';
import { canSee, isAdmin, pathIds } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { AuditLog } from '../audit/audit-log';

export class IndicatorsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** The national catalogue plus the provincial catalogues on the actor's line (or all, for a system admin). */
  async list(ctx: AuthedContext): Promise<Indicator[]> {
    const all = await this.ds.getRepository(Indicator).find({ order: { ownerUnitId: 'ASC', code: 'ASC', id: 'ASC' } });
    const owners = await ctx.loaders.unit.loadMany([...new Set(all.map((i) => i.ownerUnitId).filter((x): x is number => x !== null))]);
    const visibleOwners = new Set(owners.filter((u) => u && !(u instanceof Error) && canSee(ctx.actor, u.path)).map((u) => (u as { id: number }).id));
    return all.filter((i) => i.ownerUnitId === null || visibleOwners.has(i.ownerUnitId));
  }

  async get(ctx: AuthedContext, id: string | number): Promise<Indicator> {
    const n = Number(id);
    const indicator = Number.isInteger(n) && n > 0 ? await ctx.loaders.indicator.load(n) : null;
    if (!indicator || !(await this.visible(ctx, indicator))) throw notFound('indicator', id);
    return indicator;
  }

  async visible(ctx: AuthedContext, indicator: Indicator): Promise<boolean> {
    if (indicator.ownerUnitId === null) return true;
    const owner = await ctx.loaders.unit.load(indicator.ownerUnitId);
    return !!owner && canSee(ctx.actor, owner.path);
  }

  /** A system admin adds to the national catalogue, a province admin to its province's own. */
  async create(ctx: AuthedContext, input: IndicatorInput): Promise<Indicator> {
    const actor = ctx.actor;
    const ownerUnitId = actor.role === 'SYSTEM_ADMIN' ? null : actor.unitPath ? pathIds(actor.unitPath)[0] : null;
    if (!isAdmin(actor)) throw new DomainError('FORBIDDEN', {});
    const code = input.code.trim();
    if (!code) throw badInput('code');
    if (input.measure === 'SCORE' && input.scoring?.some((s) => s.score < 0 || s.score > 100)) throw badInput('scoring');
    const repo = this.ds.getRepository(Indicator);
    const clash = await repo.findOneBy({ code, ownerUnitId: ownerUnitId === null ? IsNull() : ownerUnitId });
    if (clash) throw new DomainError('CONFLICT', { reason: 'indicatorCode', code });
    return this.ds.transaction(async (m) => {
      const indicator = m.getRepository(Indicator).create({
        code,
        name: input.name.trim(),
        measure: input.measure,
        comparator: input.comparator,
        unitOfMeasure: input.unitOfMeasure ?? (input.measure === 'RATE' ? '%' : ''),
        numeratorLabel: input.numeratorLabel ?? null,
        denominatorLabel: input.denominatorLabel ?? null,
        hardMinimum: input.hardMinimum ?? null,
        legalBasis: input.legalBasis ?? null,
        notes: input.notes ?? null,
        scoring: input.scoring?.map((s) => ({ when: s.when, score: s.score })) ?? null,
        accumulation: input.accumulation ?? 'PERIODIC',
        ownerUnitId,
        createdAt: new Date(),
      });
      await m.getRepository(Indicator).insert(indicator);
      await this.audit.record(m, ctx, [{ entity: 'indicator', entityId: indicator.id, action: 'create', unitPath: null, before: null, after: indicator }]);
      return indicator;
    });
  }

  /** Changes an indicator of a catalogue the caller keeps. TODO(#13): implement. */
  async update(ctx: AuthedContext, id: string, input: IndicatorInput): Promise<Indicator> {
    void input;
    await this.get(ctx, id);
    throw new DomainError('FORBIDDEN', {});
  }
}
