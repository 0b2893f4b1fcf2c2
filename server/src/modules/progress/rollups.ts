import type { DataSource } from 'typeorm';
import { IN_CHUNK } from '../targets/target-rows';
import type { Measure, Period } from '@chitieu/domain';
import type { Indicator } from '../indicators/indicator.entity';
import { pathIds } from '../../common/scope';
import { addSums, NO_SUMS, readSums, takesLatest, type FigureRule, type FigureSums } from './figure-sums';
import { monthlyByPathSql, monthlyRollUpSql, rollUpSql, sumsByPathSql, type MonthlyPathRow, type MonthlyRollUpRow, type PathSumsRow, type RollUpRow } from './rollup-sql';

/** A roll-up grouped by the root's children (by unit id; the root's own rows under the root's id): each group's subtree sums and its unit's own. */
export interface RollUp {
  subtree: Map<number, FigureSums>;
  own: Map<number, FigureSums>;
}

/** What a roll-up needs of an indicator: its id, measure and (absent: PERIODIC) accumulation. */
export type RolledIndicator = Pick<Indicator, 'id' | 'measure'> & Partial<Pick<Indicator, 'accumulation'>>;

/** Sums of results in SQL, raw rows (no entity mapping). */
export class RollUps {
  constructor(private readonly ds: DataSource) {}

  /**
   * The roll-up of `period` over the subtree of `rootPath` (every unit, when null), grouped by the
   * root's child each row lies under: ONE aggregate statement on the covering index
   * IDX_result_rollup_cover. Periodic RATE and COUNT sum the rows the period rule keeps; SCORE,
   * PERCENT and CUMULATIVE indicators keep each unit's latest kept row and sum those (and the units).
   */
  async rollUp(indicator: RolledIndicator, period: Period, rootPath: string | null): Promise<RollUp> {
    return (await this.rollUpMany([indicator], period, rootPath)).get(indicator.id) ?? { subtree: new Map(), own: new Map() };
  }

  /** rollUp for several indicators in one statement per measure and way of adding up (grouped by indicator too). */
  async rollUpMany(indicators: RolledIndicator[], period: Period, rootPath: string | null): Promise<Map<number, RollUp>> {
    const out = new Map<number, RollUp>();
    const kindOf = (i: RolledIndicator) => `${i.measure}|${takesLatest(i)}`;
    for (const kind of new Set(indicators.map(kindOf))) {
      const same = indicators.filter((i) => kindOf(i) === kind);
      const ids = same.map((i) => i.id);
      const { sql, params } = rollUpSql(same[0].measure, ids, period, rootPath, takesLatest(same[0]));
      const rows = (await this.ds.query(sql, params)) as RollUpRow[];
      const rootId = rootPath ? pathIds(rootPath).at(-1)! : 0;
      for (const id of ids) out.set(id, { subtree: new Map(), own: new Map() });
      for (const r of rows) {
        const into = out.get(Number(r.indicatorId))!;
        const group = Number(r.groupId) || rootId;
        const sums = readSums(r, `indicator ${String(r.indicatorId)}, group ${group}`);
        into.subtree.set(group, addSums(into.subtree.get(group) ?? NO_SUMS, sums));
        if (Number(r.isOwn) === 1) into.own.set(group, sums);
      }
    }
    return out;
  }

  /**
   * Sums of `period` per indicator and unit path inside the subtrees of `rootPaths`, for
   * indicators of one measure and accumulation (500 subtrees a statement): what a reorganised unit
   * inherits and what a batch of cascades weighs its children with.
   */
  async sumsByPath(rule: Measure | FigureRule, indicatorIds: number[], period: Period, rootPaths: string[]): Promise<{ indicatorId: number; path: string; sums: FigureSums }[]> {
    const { measure } = typeof rule === 'string' ? { measure: rule } : rule;
    const latest = takesLatest(typeof rule === 'string' ? { measure: rule } : rule);
    if (!indicatorIds.length) return [];
    const out: { indicatorId: number; path: string; sums: FigureSums }[] = [];
    for (let i = 0; i < rootPaths.length; i += 500) {
      const { sql, params } = sumsByPathSql(measure, indicatorIds, period, rootPaths.slice(i, i + 500), latest);
      const rows = (await this.ds.query(sql, params)) as PathSumsRow[];
      for (const r of rows) out.push({ indicatorId: Number(r.indicatorId), path: r.unitPath, sums: readSums(r, `indicator ${String(r.indicatorId)}, unit path ${r.unitPath}`) });
    }
    return out;
  }

  /**
   * rollUp for each month of `months` over the subtree of `rootPath`, in ONE statement grouped by
   * month too (projections): by month key, each group's subtree sums and its unit's own.
   */
  async monthlyRollUp(indicator: RolledIndicator, months: Period[], rootPath: string): Promise<Map<string, RollUp>> {
    const out = new Map<string, RollUp>(months.map((m) => [m.key, { subtree: new Map(), own: new Map() }]));
    if (!months.length) return out;
    const { sql, params } = monthlyRollUpSql(indicator.measure, indicator.id, months, rootPath);
    const rootId = pathIds(rootPath).at(-1)!;
    for (const r of (await this.ds.query(sql, params)) as MonthlyRollUpRow[]) {
      const into = out.get(r.period);
      if (!into) continue;
      const group = Number(r.groupId) || rootId;
      const sums = readSums(r, `indicator ${indicator.id}, month ${r.period}, group ${group}`);
      into.subtree.set(group, addSums(into.subtree.get(group) ?? NO_SUMS, sums));
      if (Number(r.isOwn) === 1) into.own.set(group, sums);
    }
    return out;
  }

  /**
   * Sums per indicator, unit path and month inside the subtree of `rootPath`, for indicators of
   * one measure (1,000 a statement): the monthly figures atRisk projects every target from.
   */
  async monthlyByPath(
    measure: Measure,
    indicatorIds: number[],
    months: Period[],
    rootPath: string,
  ): Promise<{ indicatorId: number; path: string; period: string; sums: FigureSums }[]> {
    const out: { indicatorId: number; path: string; period: string; sums: FigureSums }[] = [];
    if (!months.length) return out;
    for (let i = 0; i < indicatorIds.length; i += IN_CHUNK) {
      const { sql, params } = monthlyByPathSql(measure, indicatorIds.slice(i, i + IN_CHUNK), months, rootPath);
      for (const r of (await this.ds.query(sql, params)) as MonthlyPathRow[]) {
        out.push({
          indicatorId: Number(r.indicatorId),
          path: r.unitPath,
          period: r.period,
          sums: readSums(r, `indicator ${String(r.indicatorId)}, unit path ${r.unitPath}, month ${r.period}`),
        });
      }
    }
    return out;
  }
}
