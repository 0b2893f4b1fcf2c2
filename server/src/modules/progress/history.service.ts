import { In, type DataSource } from 'typeorm';
import { figureAcross, periodRange, type FigureAcross, type Figure, type Period } from '@chitieu/domain';
import { ResultRow } from '../results/result.entity';
import { UnitLink } from '../units/unit-link.entity';
import type { Unit } from '../units/unit.entity';
import type { Indicator } from '../indicators/indicator.entity';
import { periodKeys } from './progress.service';

const CHUNK = 1000;

/**
 * Figures across reorganisations (the 2025 reform): a unit formed on `validFrom` takes, for the
 * part of a period before it existed, the figures of the units it was formed from
 * (domain `figureAcross`). Two statements for any number of units: the links, then the results.
 */
export class HistoryService {
  constructor(private readonly ds: DataSource) {}

  /** Whether any of `units` started after the period began: only then is history needed. */
  needsHistory(period: Period, units: Pick<Unit, 'validFrom'>[]): boolean {
    const { from } = periodRange(period);
    return units.some((u) => !!u.validFrom && u.validFrom > from);
  }

  async figures(indicator: Pick<Indicator, 'id' | 'measure'>, period: Period, units: Pick<Unit, 'id' | 'validFrom'>[]): Promise<Map<number, FigureAcross>> {
    const out = new Map<number, FigureAcross>();
    if (!units.length) return out;
    const ids = units.map((u) => u.id);
    const links: UnitLink[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) links.push(...(await this.ds.getRepository(UnitLink).findBy({ successorId: In(ids.slice(i, i + CHUNK)) })));
    const predecessorsOf = new Map<number, number[]>();
    for (const l of links) predecessorsOf.set(l.successorId, [...(predecessorsOf.get(l.successorId) ?? []), l.predecessorId]);
    const all = [...new Set([...ids, ...links.map((l) => l.predecessorId)])];
    const recorded = new Map<number, Map<string, Figure>>();
    const keys = periodKeys(period);
    for (let i = 0; i < all.length; i += CHUNK) {
      const rows = await this.ds.getRepository(ResultRow).createQueryBuilder('r')
        .select(['r.unitId', 'r.period', 'r.numerator', 'r.denominator', 'r.value'])
        .where({ indicatorId: indicator.id, unitId: In(all.slice(i, i + CHUNK)), period: In(keys) })
        .getMany();
      for (const r of rows) {
        const map = recorded.get(r.unitId) ?? new Map<string, Figure>();
        map.set(r.period, { numerator: r.numerator, denominator: r.denominator, value: r.value });
        recorded.set(r.unitId, map);
      }
    }
    const empty = new Map<string, Figure>();
    for (const u of units) {
      const preds = (predecessorsOf.get(u.id) ?? []).map((p) => recorded.get(p) ?? empty);
      out.set(u.id, figureAcross(indicator.measure, period, u.validFrom, recorded.get(u.id) ?? empty, preds));
    }
    return out;
  }
}
