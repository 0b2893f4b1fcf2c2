import { UnitNameIndex, isUnitKind, resolveResponsible, PROVINCE_LEVEL_KINDS, type ResponsibleRef, type UnitKind } from '@chitieu/domain';
import { badInput } from '../../common/errors';
import type { AuthedContext } from '../../common/context';
import type { Unit } from '../units/unit.entity';
import type { UnitsService } from '../units/units.service';
import type { ResponsibleInput } from './document.types';
import { planTreeDate } from './plan-tree';

/**
 * Turns a row's or a task's lead and coordinating entries into what is stored: a unit given by id
 * must be one the caller sees (NOT_FOUND otherwise); kinds given are kept; words alone are
 * resolved against the issuer's subtree as it stood on 1 January of the plan's year, and its
 * parent ("UBND tỉnh" in a district's plan). The units are read once, and only when some entry
 * needs them.
 */
export class ResponsibleNames {
  private index: Promise<{ index: UnitNameIndex<Unit>; province: Unit | null }> | null = null;

  constructor(
    private readonly ctx: AuthedContext,
    private readonly units: UnitsService,
    private readonly issuer: Unit,
    private readonly year: number,
  ) {}

  /** null/undefined stays so (the caller decides whether that keeps or clears). */
  async resolveAll(entries: readonly ResponsibleInput[] | null | undefined): Promise<ResponsibleRef[] | null | undefined> {
    if (entries == null) return entries;
    const out: ResponsibleRef[] = [];
    for (const e of entries) out.push(await this.resolve(e));
    return out;
  }

  async resolveTexts(texts: readonly string[]): Promise<ResponsibleRef[]> {
    const out: ResponsibleRef[] = [];
    for (const text of texts) out.push(await this.resolve({ text }));
    return out;
  }

  async resolve(e: ResponsibleInput): Promise<ResponsibleRef> {
    const text = e.text.trim();
    if (!text) throw badInput('required', { field: 'text' });
    const kinds = [...new Set(e.kinds ?? [])];
    if (kinds.some((k) => !isUnitKind(k))) throw badInput('required', { field: 'kinds' });
    if (e.unitId != null) {
      const unit = await this.units.get(this.ctx, e.unitId);
      return { text, unitId: unit.id, kinds };
    }
    if (kinds.length) return { text, unitId: null, kinds };
    const { index, province } = await this.loadIndex();
    return resolveResponsible(text, index, province);
  }

  private loadIndex(): Promise<{ index: UnitNameIndex<Unit>; province: Unit | null }> {
    this.index ??= (async () => {
      const day = planTreeDate(this.year);
      const subtree = await this.units.subtreeOn(this.issuer, day);
      const parent = this.issuer.parentId != null ? await this.ctx.loaders.unit.load(this.issuer.parentId) : null;
      const all = parent ? [...subtree, parent] : subtree;
      const isProvince = (u: Unit) => (PROVINCE_LEVEL_KINDS as readonly UnitKind[]).includes(u.kind);
      const province = all.find(isProvince) ?? null;
      // The issuer's own children first where names repeat (a district and a commune of one name).
      return { index: new UnitNameIndex(all, (u) => u.parentId === this.issuer.id), province };
    })();
    return this.index;
  }
}
