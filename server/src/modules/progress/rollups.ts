import type { DataSource } from 'typeorm';
import type { Measure, Period } from '@chitieu/domain';
import type { Indicator } from '../indicators/indicator.entity';
import { pathIds } from '../../common/scope';
import { addSums, NO_SUMS, readSums, type FigureSums } from './figure-sums';
import { rollUpSql, sumsByPathSql, type PathSumsRow, type RollUpRow } from './rollup-sql';

/** A roll-up grouped by the root's children (by unit id; the root's own rows under the root's id): each group's subtree sums and its unit's own. */
export interface RollUp {
  subtree: Map<number, FigureSums>;
  own: Map<number, FigureSums>;
}

/** Sums of results in SQL, raw rows (no entity mapping). */
export class RollUps {
  constructor(private readonly ds: DataSource) {}

  /**
   * The roll-up of `period` over the subtree of `rootPath` (every unit, when null), grouped by the
   * root's child each row lies under: ONE aggregate statement on the covering index
   * IDX_result_rollup_cover. RATE and COUNT sum the rows the period rule keeps; SCORE keeps each
   * unit's latest kept row and sums its score and the units.
   */
  async rollUp(indicator: Pick<Indicator, 'id' | 'measure'>, period: Period, rootPath: string | null): Promise<RollUp> {
    return (await this.rollUpMany([indicator], period, rootPath)).get(indicator.id) ?? { subtree: new Map(), own: new Map() };
  }

  /** rollUp for several indicators in one statement per measure (grouped by indicator too). */
  async rollUpMany(indicators: Pick<Indicator, 'id' | 'measure'>[], period: Period, rootPath: string | null): Promise<Map<number, RollUp>> {
    const out = new Map<number, RollUp>();
    for (const measure of new Set(indicators.map((i) => i.measure))) {
      const ids = indicators.filter((i) => i.measure === measure).map((i) => i.id);
      const { sql, params } = rollUpSql(measure, ids, period, rootPath);
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
   * indicators of one measure (500 subtrees a statement): what a reorganised unit inherits and
   * what a batch of cascades weighs its children with.
   */
  async sumsByPath(measure: Measure, indicatorIds: number[], period: Period, rootPaths: string[]): Promise<{ indicatorId: number; path: string; sums: FigureSums }[]> {
    if (!indicatorIds.length) return [];
    const out: { indicatorId: number; path: string; sums: FigureSums }[] = [];
    for (let i = 0; i < rootPaths.length; i += 500) {
      const { sql, params } = sumsByPathSql(measure, indicatorIds, period, rootPaths.slice(i, i + 500));
      const rows = (await this.ds.query(sql, params)) as PathSumsRow[];
      for (const r of rows) out.push({ indicatorId: Number(r.indicatorId), path: r.unitPath, sums: readSums(r, `indicator ${String(r.indicatorId)}, unit path ${r.unitPath}`) });
    }
    return out;
  }
}
