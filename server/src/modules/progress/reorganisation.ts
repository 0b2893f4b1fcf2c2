import type { DataSource } from 'typeorm';
import { periodRange, periodsBefore, type Period } from '@chitieu/domain';
import { addSums, NO_SUMS, takesLatest, type FigureSums } from './figure-sums';
import { linksSql } from './rollup-sql';
import { placeholders } from '../../db/raw-sql';
import type { RolledIndicator, RollUps } from './rollups';

/** What a unit's predecessors contribute to a period (the part of it before the reorganisation): their subtrees' sums and their own rows'. */
export interface Inherited {
  subtree: FigureSums;
  own: FigureSums;
}

/** Whose predecessors to look for: units by id, or a unit and its children. */
export type Successors = { ids: number[] } | { unitAndChildren: number };

/** A reorganisation edge as the roll-up needs it. */
export interface ReorganisationLink {
  successorId: number;
  effectiveDate: string;
  predecessorPath: string;
}

/** Figures across a reorganisation: what units formed by merging or splitting inherit from their predecessors. */
export class Reorganisations {
  constructor(
    private readonly ds: DataSource,
    private readonly rollUps: RollUps,
  ) {}

  /**
   * What the predecessors of `units` contribute to `period`, seen in the tree of `treeDate`: for
   * each link that took effect inside the period and by that date (so the 2022 plan never sees
   * the 2025 reform), the pieces of the period before it (periodsBefore), each summed under its
   * own period rule over the predecessors' subtrees. One statement for the links, one per piece.
   * SCORE, PERCENT and CUMULATIVE keep the latest piece that has figures. Units with nothing inherited are absent.
   */
  async inherited(indicator: RolledIndicator, period: Period, successors: Successors, treeDate: string): Promise<Map<number, Inherited>> {
    return this.inheritedThrough(indicator, period, await this.links(period, successors, treeDate));
  }

  /**
   * The links that matter to `period` in the tree of `treeDate`: of units by id, or of a unit and
   * its children (a subquery, so progress asks in parallel with its other look-ups).
   */
  async links(period: Period, successors: Successors, treeDate: string): Promise<ReorganisationLink[]> {
    const { from } = periodRange(period);
    const ask = async (where: string, params: unknown[]) =>
      ((await this.ds.query(linksSql(where), [...params, from, treeDate])) as { successorId: unknown; effectiveDate: string; predecessorPath: string }[]).map((r) => ({
        successorId: Number(r.successorId),
        effectiveDate: r.effectiveDate,
        predecessorPath: r.predecessorPath,
      }));
    if ('unitAndChildren' in successors) {
      return ask('l.successorId = ? OR l.successorId IN (SELECT id FROM unit WHERE parentId = ?)', [successors.unitAndChildren, successors.unitAndChildren]);
    }
    const out: ReorganisationLink[] = [];
    for (let i = 0; i < successors.ids.length; i += 1000) {
      const ids = successors.ids.slice(i, i + 1000);
      out.push(...(await ask(`l.successorId IN (${placeholders(ids.length)})`, ids)));
    }
    return out;
  }

  /** The predecessors' sums of `links` over the pieces of `period` before each link took effect. */
  async inheritedThrough(indicator: RolledIndicator, period: Period, links: ReorganisationLink[]): Promise<Map<number, Inherited>> {
    const out = new Map<number, Inherited>();
    for (const since of new Set(links.map((l) => l.effectiveDate))) {
      const successorsOf = new Map<string, number[]>();
      for (const l of links.filter((x) => x.effectiveDate === since)) {
        successorsOf.set(l.predecessorPath, [...(successorsOf.get(l.predecessorPath) ?? []), l.successorId]);
      }
      const paths = [...successorsOf.keys()];
      for (const piece of periodsBefore(period, since)) {
        const pieceSums = new Map<number, Inherited>();
        for (const row of await this.rollUps.sumsByPath(indicator, [indicator.id], piece, paths)) {
          // The row counts for every successor of each predecessor whose subtree holds it.
          for (const prefix of pathPrefixes(row.path)) {
            for (const s of successorsOf.get(prefix) ?? []) {
              const acc = pieceSums.get(s) ?? { subtree: NO_SUMS, own: NO_SUMS };
              pieceSums.set(s, { subtree: addSums(acc.subtree, row.sums), own: prefix === row.path ? addSums(acc.own, row.sums) : acc.own });
            }
          }
        }
        for (const [s, part] of pieceSums) {
          const acc = out.get(s);
          // Scores, percentages and running totals are not added up across periods: the latest piece with figures stands for them.
          out.set(s, !acc || takesLatest(indicator) ? part : { subtree: addSums(acc.subtree, part.subtree), own: addSums(acc.own, part.own) });
        }
      }
    }
    return out;
  }
}

/** "1.17.230." → "1.", "1.17.", "1.17.230.": the subtrees a row at that path lies in. */
function pathPrefixes(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) out.push(path.slice(0, i + 1));
  return out;
}
