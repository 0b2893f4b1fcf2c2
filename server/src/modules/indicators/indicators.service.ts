import { IsNull, type DataSource } from 'typeorm';
import { DomainError, PROVINCE_LEVEL_KINDS, isDistrictLevel } from '@chitieu/domain';
import { Indicator } from './indicator.entity';
import type { IndicatorInput } from './indicators.inputs';
import { Target } from '../targets/target.entity';
import { ResultRow } from '../results/result.entity';
import type { Unit } from '../units/unit.entity';
import { badInput, notFound } from '../../common/errors';
import { canSee, inSubtree, pathIds } from '../../common/scope';
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

  /** A unit the caller sees, else NOT_FOUND (as UnitsService.get, without depending on it). */
  private async unit(ctx: AuthedContext, id: string | number): Promise<Unit> {
    const n = Number(id);
    const unit = Number.isInteger(n) && n > 0 ? await ctx.loaders.unit.load(n) : null;
    if (!unit || !canSee(ctx.actor, unit.path)) throw notFound('unit', id);
    return unit;
  }

  /**
   * The catalogue a new indicator goes to: a system administrator's national one (or the unit
   * named), a province administrator's province (or a district-level unit in it), a district
   * manager's district. Anyone else: FORBIDDEN.
   */
  private async catalogueFor(ctx: AuthedContext, ownerId: string | null | undefined): Promise<Unit | null> {
    const actor = ctx.actor;
    if (ownerId == null) {
      if (actor.role === 'SYSTEM_ADMIN') return null;
      if (actor.role === 'PROVINCE_ADMIN' && actor.unitPath) return this.unit(ctx, pathIds(actor.unitPath)[0]);
      if (actor.role === 'UNIT_MANAGER' && actor.unitId !== null) {
        const own = await this.unit(ctx, actor.unitId);
        if (isDistrictLevel(own.kind)) return own;
      }
      throw new DomainError('FORBIDDEN', {});
    }
    const owner = await this.unit(ctx, ownerId);
    if (!PROVINCE_LEVEL_KINDS.includes(owner.kind) && !isDistrictLevel(owner.kind)) throw badInput('catalogueOwner');
    if (!this.keeps(ctx, owner)) throw new DomainError('FORBIDDEN', {});
    return owner;
  }

  /** Whether the caller keeps the catalogue of `owner` (null: the national one, system administrators only). */
  private keeps(ctx: AuthedContext, owner: Unit | null): boolean {
    const actor = ctx.actor;
    if (actor.role === 'SYSTEM_ADMIN') return true;
    if (owner === null) return false;
    if (actor.role === 'PROVINCE_ADMIN') return inSubtree(actor, owner.path);
    return actor.role === 'UNIT_MANAGER' && actor.unitId === owner.id && isDistrictLevel(owner.kind);
  }

  async create(ctx: AuthedContext, input: IndicatorInput): Promise<Indicator> {
    const owner = await this.catalogueFor(ctx, input.ownerId);
    const fields = indicatorFields(input);
    await this.checkCodeFree(fields.code, owner?.id ?? null, null);
    return this.ds.transaction(async (m) => {
      const indicator = m.getRepository(Indicator).create({ ...fields, ownerUnitId: owner?.id ?? null, createdAt: new Date() });
      await m.getRepository(Indicator).insert(indicator);
      await this.audit.record(m, ctx, [{ entity: 'indicator', entityId: indicator.id, action: 'create', unitPath: owner?.path ?? null, before: null, after: indicator }]);
      return indicator;
    });
  }

  private async checkCodeFree(code: string, ownerUnitId: number | null, self: number | null): Promise<void> {
    const clash = await this.ds.getRepository(Indicator).findOneBy({ code, ownerUnitId: ownerUnitId === null ? IsNull() : ownerUnitId });
    if (clash && clash.id !== self) throw new DomainError('CONFLICT', { reason: 'indicatorCode', code });
  }

  /**
   * Changes an indicator of a catalogue the caller keeps. Its catalogue stays; its measure cannot
   * change once targets or results use it (they would be read as another kind of figure).
   */
  async update(ctx: AuthedContext, id: string, input: IndicatorInput): Promise<Indicator> {
    const current = await this.get(ctx, id);
    const owner = current.ownerUnitId === null ? null : await this.unit(ctx, current.ownerUnitId);
    if (!this.keeps(ctx, owner)) throw new DomainError('FORBIDDEN', {});
    if (input.ownerId != null && Number(input.ownerId) !== (owner?.id ?? null)) throw badInput('catalogueOwner');
    const fields = indicatorFields(input);
    await this.checkCodeFree(fields.code, current.ownerUnitId, current.id);
    if (fields.measure !== current.measure) {
      const [targets, results] = await Promise.all([
        this.ds.getRepository(Target).countBy({ indicatorId: current.id }),
        this.ds.getRepository(ResultRow).countBy({ indicatorId: current.id }),
      ]);
      if (targets || results) throw badInput('measureInUse', { targets, results });
    }
    const after = await this.ds.transaction(async (m) => {
      await m.getRepository(Indicator).update({ id: current.id }, fields);
      const saved = Object.assign(new Indicator(), current, fields);
      await this.audit.record(m, ctx, [{ entity: 'indicator', entityId: current.id, action: 'update', unitPath: owner?.path ?? null, before: current, after: saved }]);
      return saved;
    });
    ctx.loaders.indicator.clear(current.id);
    return after;
  }
}

/** What an input says of an indicator, checked and trimmed. */
function indicatorFields(input: IndicatorInput) {
  const code = input.code.trim();
  if (!code) throw badInput('required', { field: 'code' });
  const name = input.name.trim();
  if (!name) throw badInput('name');
  if (input.measure === 'SCORE' && input.scoring?.some((s) => s.score < 0 || s.score > 100)) throw badInput('scoring');
  return {
    code,
    name,
    measure: input.measure,
    comparator: input.comparator,
    unitOfMeasure: input.unitOfMeasure ?? (input.measure === 'RATE' || input.measure === 'PERCENT' ? '%' : ''),
    numeratorLabel: input.numeratorLabel ?? null,
    denominatorLabel: input.denominatorLabel ?? null,
    hardMinimum: input.hardMinimum ?? null,
    legalBasis: input.legalBasis ?? null,
    notes: input.notes ?? null,
    scoring: input.scoring?.map((s) => ({ when: s.when, score: s.score })) ?? null,
    accumulation: input.accumulation ?? 'PERIODIC',
  };
}
