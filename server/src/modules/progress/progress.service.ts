import type { DataSource } from 'typeorm';
import {
  belowHardMinimum, parsePeriod, periodRange, periodsBefore, progressGap, progressStatus, rankByComparator, rateValue, subPeriods,
  type Comparator, type Figure, type Measure, type Period,
} from '@chitieu/domain';
import { Unit } from '../units/unit.entity';
import { Target } from '../targets/target.entity';
import { hydrateTarget } from '../targets/targets.service';
import { isSqlite } from '../../db/data-source';
import { Plan } from '../plans/plan.entity';
import type { Indicator } from '../indicators/indicator.entity';
import type { Progress } from './progress.types';
import { canReadPlan, planTreeDate } from '../plans/plans.service';
import { pathIds, subtreeEnd } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import { createLogger } from '../../common/logger';

/** A period's key and the keys of every period inside it (a year: itself, 4 quarters, 12 months). */
export function periodKeys(p: Period): string[] {
  return [p.key, ...subPeriods(p).flatMap(periodKeys)];
}

/**
 * The period rule as a filter on `result.shadow` (docs/design.md): a year counts the rows no
 * recorded quarter or year hides, a quarter the rows no recorded quarter hides, a month its row.
 */
export function shadowFilter(p: Period): string {
  return p.kind === 'YEAR' ? ' AND shadow = 0' : p.kind === 'QUARTER' ? ' AND shadow < 2' : '';
}

/**
 * The additive parts of a roll-up for one group of units: Σb, Σa, Σvalue and how many units (or,
 * for RATE and COUNT, recorded rows) took part. Figures of groups add up; a figure is made of them.
 */
export interface Sums {
  b: number;
  a: number;
  v: number;
  n: number;
}

const ZERO: Sums = { b: 0, a: 0, v: 0, n: 0 };

/** A roll-up grouped by the root's children (by unit id; the root's own rows under the root's id): each group's subtree sums and its unit's own. */
export interface RollUp {
  subtree: Map<number, Sums>;
  own: Map<number, Sums>;
}

/** What a unit's predecessors contribute to a period (the part of it before the reorganisation): their subtrees' sums and their own rows'. */
export interface Inherited {
  subtree: Sums;
  own: Sums;
}

/** Whose predecessors to look for: units by id, or a unit and its children. */
export type Successors = { ids: number[] } | { unitAndChildren: number };

/** A reorganisation edge as the roll-up needs it: successor id, effective date, predecessor's path. */
interface Link {
  s: number;
  d: string;
  p: string;
}

/** Warnings about figures that cannot be right (LOG_LEVEL as the server's). */
const log = createLogger(process.env.LOG_LEVEL ?? 'info');

/**
 * Sums as the database returns them. A non-finite part (an Infinity stored before figures were
 * bounded, or a SUM that overflowed) is no figure at all: progress still answers, and the log
 * says which group to repair (migration FiniteNumbers1765000000000 does it).
 */
export function readSums(r: { b: unknown; a: unknown; v: unknown; n: unknown }, where: string): Sums {
  const sums = { b: Number(r.b ?? 0), a: Number(r.a ?? 0), v: Number(r.v ?? 0), n: Number(r.n) };
  if (Number.isFinite(sums.b) && Number.isFinite(sums.a) && Number.isFinite(sums.v) && Number.isFinite(sums.n)) return sums;
  log.warn({ where, sums: { b: String(r.b), a: String(r.a), v: String(r.v) } }, 'non-finite result figures read: counted as no figure');
  return ZERO;
}

/** A figure with a non-finite part (sums added past 1.8e308) is shown as none rather than failing the answer. */
function finiteFigure<F extends Figure>(f: F): F {
  const ok = (x: number | null) => x === null || Number.isFinite(x);
  if (ok(f.numerator) && ok(f.denominator) && ok(f.value)) return f;
  log.warn({ figure: { ...f, numerator: String(f.numerator), denominator: String(f.denominator), value: String(f.value) } }, 'non-finite figure: shown as none');
  return { ...f, numerator: null, denominator: null, value: null };
}

/** A stored target with a non-finite value is no target; a non-finite baseline is none. */
function finiteTarget(t: Target | null): Target | null {
  if (!t) return null;
  if (!Number.isFinite(t.value)) {
    log.warn({ targetId: t.id, value: String(t.value) }, 'non-finite target value read: treated as no target');
    return null;
  }
  if (t.baseline !== null && t.baseline !== undefined && !Number.isFinite(t.baseline)) return { ...t, baseline: null } as Target;
  return t;
}

function add(x: Sums, y: Sums): Sums {
  return { b: x.b + y.b, a: x.a + y.a, v: x.v + y.v, n: x.n + y.n };
}

/** The figure of a group from its sums, as aggregateFigures would make it from each unit's own figure. */
export function figureOfSums(measure: Measure, s: Sums | undefined): Figure {
  if (!s || s.n === 0) return { numerator: null, denominator: null, value: null };
  if (measure === 'RATE') return { numerator: s.b, denominator: s.a, value: rateValue(s.b, s.a) };
  return { numerator: null, denominator: null, value: measure === 'SCORE' ? s.v / s.n : s.v };
}

/**
 * SQL for the group a row of the subtree of a unit at path `rootPath` (length L) rolls up to: the
 * id of the root's child it lies under ("1.17.230." → 17 under root "1."), 0 for the root's own
 * rows; with no root, the top-level unit's id. A number, not the path prefix: MySQL groups a
 * numeric key in a small temporary table, a VARCHAR(255) one in a wide one (several times slower
 * over a national year). Plain SUBSTR/INSTR/LENGTH: SQLite and MySQL alike.
 */
function childKeySql(rootPath: string | null): { key: string; own: string } {
  const len = rootPath ? rootPath.length : 0;
  const rest = len === 0 ? 'unitPath' : `SUBSTR(unitPath, ${len + 1})`;
  const id = `SUBSTR(unitPath, ${len + 1}, INSTR(${rest}, '.') - 1) + 0`;
  return {
    key: len === 0 ? id : `CASE WHEN LENGTH(unitPath) = ${len} THEN 0 ELSE ${id} END`,
    // The group's own unit: exactly one path component after the root (none for the root itself).
    own: `CASE WHEN LENGTH(unitPath) - ${len} = INSTR(${rest}, '.') THEN 1 ELSE 0 END`,
  };
}

/** The month a period ends in, in SQL (2024 → 12, 2024-Q2 → 6, 2024-05 → 5): SCORE takes the latest. */
const END_MONTH_SQL = `CASE WHEN LENGTH(period) = 4 THEN 12 WHEN SUBSTR(period, 6, 1) = 'Q' THEN 3 * (SUBSTR(period, 7, 1) + 0) ELSE SUBSTR(period, 6, 2) + 0 END`;

export class ProgressService {
  constructor(private readonly ds: DataSource) {}

  /**
   * The roll-up of `period` over the subtree of `rootPath` (every unit, when null), grouped by the
   * root's child each row lies under: ONE aggregate statement on the covering index
   * IDX_result_rollup_cover, raw rows (no entity mapping). RATE and COUNT sum the rows the period
   * rule keeps; SCORE keeps each unit's latest kept row and sums its score and the units.
   */
  async rollUp(indicator: Pick<Indicator, 'id' | 'measure'>, period: Period, rootPath: string | null): Promise<RollUp> {
    return (await this.rollUpMany([indicator], period, rootPath)).get(indicator.id) ?? { subtree: new Map(), own: new Map() };
  }

  /** rollUp for several indicators of one measure in the same statement (grouped by indicator too). */
  async rollUpMany(indicators: Pick<Indicator, 'id' | 'measure'>[], period: Period, rootPath: string | null): Promise<Map<number, RollUp>> {
    const out = new Map<number, RollUp>();
    for (const measure of new Set(indicators.map((i) => i.measure))) {
      const ids = indicators.filter((i) => i.measure === measure).map((i) => i.id);
      const keys = periodKeys(period);
      const params: unknown[] = [...ids, ...keys];
      let where = `indicatorId IN (${ids.map(() => '?').join(', ')}) AND period IN (${keys.map(() => '?').join(', ')})${shadowFilter(period)}`;
      if (rootPath !== null) {
        where += ' AND unitPath >= ? AND unitPath < ?';
        params.push(rootPath, subtreeEnd(rootPath));
      }
      // o = 1 for the rows of the group's unit itself: its own figure comes out of the same statement.
      const { key, own } = childKeySql(rootPath);
      const sql = measure === 'SCORE'
        ? `SELECT i, k, o, 0 AS b, 0 AS a, SUM(value) AS v, COUNT(*) AS n FROM (` +
          `SELECT indicatorId AS i, ${key} AS k, ${own} AS o, value, ` +
          `ROW_NUMBER() OVER (PARTITION BY indicatorId, unitPath ORDER BY ${END_MONTH_SQL} DESC) AS rn FROM result WHERE ${where}` +
          `) ranked WHERE rn = 1 AND value IS NOT NULL GROUP BY i, k, o`
        : `SELECT indicatorId AS i, ${key} AS k, ${own} AS o, SUM(numerator) AS b, SUM(denominator) AS a, SUM(value) AS v, ` +
          `COUNT(${measure === 'RATE' ? 'denominator' : 'value'}) AS n FROM result WHERE ${where} GROUP BY indicatorId, k, o`;
      const rows = (await this.ds.query(sql, params)) as { i: unknown; k: unknown; o: unknown; b: unknown; a: unknown; v: unknown; n: unknown }[];
      const rootId = rootPath ? pathIds(rootPath).at(-1)! : 0;
      for (const id of ids) out.set(id, { subtree: new Map(), own: new Map() });
      for (const r of rows) {
        const into = out.get(Number(r.i))!;
        const k = Number(r.k) || rootId;
        const sums = readSums(r, `indicator ${String(r.i)}, group ${k}`);
        into.subtree.set(k, add(into.subtree.get(k) ?? ZERO, sums));
        if (Number(r.o) === 1) into.own.set(k, sums);
      }
    }
    return out;
  }

  /**
   * What the predecessors of `units` contribute to `period`, seen in the tree of `treeDate`: for
   * each link that took effect inside the period and by that date (so the 2022 plan never sees
   * the 2025 reform), the pieces of the period before it (periodsBefore), each summed under its
   * own period rule over the predecessors' subtrees. One statement for the links, one per piece.
   * SCORE keeps the latest piece that has scores. Units with nothing inherited are absent.
   */
  async inherited(indicator: Pick<Indicator, 'id' | 'measure'>, period: Period, successors: Successors, treeDate: string): Promise<Map<number, Inherited>> {
    return this.inheritedThrough(indicator, period, await this.links(period, successors, treeDate));
  }

  /**
   * The links that matter to `period` in the tree of `treeDate`: of units by id, or of a unit and
   * its children (a subquery, so progress asks in parallel with its other look-ups).
   */
  async links(period: Period, successors: Successors, treeDate: string): Promise<Link[]> {
    const { from } = periodRange(period);
    const ask = async (where: string, params: unknown[]) =>
      ((await this.ds.query(
        `SELECT l.successorId AS s, l.effectiveDate AS d, u.path AS p FROM unit_link l JOIN unit u ON u.id = l.predecessorId ` +
          `WHERE (${where}) AND l.effectiveDate > ? AND l.effectiveDate <= ?`,
        [...params, from, treeDate],
      )) as { s: unknown; d: string; p: string }[]).map((r) => ({ s: Number(r.s), d: r.d, p: r.p }));
    if ('unitAndChildren' in successors) {
      return ask('l.successorId = ? OR l.successorId IN (SELECT id FROM unit WHERE parentId = ?)', [successors.unitAndChildren, successors.unitAndChildren]);
    }
    const out: Link[] = [];
    for (let i = 0; i < successors.ids.length; i += 1000) {
      const ids = successors.ids.slice(i, i + 1000);
      out.push(...(await ask(`l.successorId IN (${ids.map(() => '?').join(', ')})`, ids)));
    }
    return out;
  }

  /** The predecessors' sums of `links` over the pieces of `period` before each link took effect. */
  async inheritedThrough(indicator: Pick<Indicator, 'id' | 'measure'>, period: Period, links: Link[]): Promise<Map<number, Inherited>> {
    const out = new Map<number, Inherited>();
    for (const since of new Set(links.map((l) => l.d))) {
      const mine = links.filter((l) => l.d === since);
      const successorsOf = new Map<string, number[]>();
      for (const l of mine) successorsOf.set(l.p, [...(successorsOf.get(l.p) ?? []), l.s]);
      const paths = [...successorsOf.keys()];
      for (const piece of periodsBefore(period, since)) {
        const pieceSums = new Map<number, Inherited>();
        for (const row of await this.sumsByPath(indicator.measure, [indicator.id], piece, paths)) {
          // The row counts for every successor of each predecessor whose subtree holds it.
          for (const prefix of pathPrefixes(row.path)) {
            for (const s of successorsOf.get(prefix) ?? []) {
              const acc = pieceSums.get(s) ?? { subtree: ZERO, own: ZERO };
              pieceSums.set(s, { subtree: add(acc.subtree, row.sums), own: prefix === row.path ? add(acc.own, row.sums) : acc.own });
            }
          }
        }
        for (const [s, part] of pieceSums) {
          const acc = out.get(s);
          // Scores are not added up across periods: the latest piece with scores stands for them.
          out.set(s, !acc || indicator.measure === 'SCORE' ? part : { subtree: add(acc.subtree, part.subtree), own: add(acc.own, part.own) });
        }
      }
    }
    return out;
  }

  /**
   * Sums of `period` per indicator and unit path inside the subtrees of `rootPaths`, for
   * indicators of one measure (500 subtrees a statement): what a reorganised unit inherits and
   * what a batch of cascades weighs its children with.
   */
  private async sumsByPath(measure: Measure, indicatorIds: number[], period: Period, rootPaths: string[]): Promise<{ indicatorId: number; path: string; sums: Sums }[]> {
    if (!indicatorIds.length) return [];
    const keys = periodKeys(period);
    const out: { indicatorId: number; path: string; sums: Sums }[] = [];
    for (let i = 0; i < rootPaths.length; i += 500) {
      const roots = rootPaths.slice(i, i + 500);
      const where = `indicatorId IN (${indicatorIds.map(() => '?').join(', ')}) AND period IN (${keys.map(() => '?').join(', ')})${shadowFilter(period)} ` +
        `AND (${roots.map(() => '(unitPath >= ? AND unitPath < ?)').join(' OR ')})`;
      const params = [...indicatorIds, ...keys, ...roots.flatMap((r) => [r, subtreeEnd(r)])];
      const sql = measure === 'SCORE'
        ? `SELECT i, p, 0 AS b, 0 AS a, value AS v, 1 AS n FROM (SELECT indicatorId AS i, unitPath AS p, value, ` +
          `ROW_NUMBER() OVER (PARTITION BY indicatorId, unitPath ORDER BY ${END_MONTH_SQL} DESC) AS rn FROM result WHERE ${where}) ranked WHERE rn = 1 AND value IS NOT NULL`
        : `SELECT indicatorId AS i, unitPath AS p, SUM(numerator) AS b, SUM(denominator) AS a, SUM(value) AS v, ` +
          `COUNT(${measure === 'RATE' ? 'denominator' : 'value'}) AS n FROM result WHERE ${where} GROUP BY indicatorId, unitPath`;
      const rows = (await this.ds.query(sql, params)) as { i: unknown; p: string; b: unknown; a: unknown; v: unknown; n: unknown }[];
      for (const r of rows) out.push({ indicatorId: Number(r.i), path: r.p, sums: readSums(r, `indicator ${String(r.i)}, unit path ${r.p}`) });
    }
    return out;
  }

  /**
   * Each child's figure of `period` in the tree of `treeDate`, its predecessors' part included:
   * what a cascade's baseline policy takes as last year's actual where a target has no baseline.
   */
  async childFigures(indicator: Pick<Indicator, 'id' | 'measure'>, period: Period, parent: Pick<Unit, 'path'>, childIds: number[], treeDate: string): Promise<Map<number, Figure & { fromPredecessors: boolean }>> {
    const [sums, inherited] = await Promise.all([this.rollUp(indicator, period, parent.path), this.inherited(indicator, period, { ids: childIds }, treeDate)]);
    const out = new Map<number, Figure & { fromPredecessors: boolean }>();
    for (const id of childIds) {
      const { sums: s, fromPredecessors } = withInherited(indicator.measure, sums.subtree.get(id) ?? ZERO, inherited.get(id)?.subtree);
      const figure = figureOfSums(indicator.measure, s);
      if (figure.value !== null) out.set(id, { ...figure, fromPredecessors });
    }
    return out;
  }

  /**
   * Σa of `period` per unit and RATE indicator inside several subtrees, in one statement: what a
   * batch of cascades weighs its children's targets with (IMPLIED_AGGREGATE_SHORT).
   */
  async denominatorsByUnit(indicatorIds: number[], period: Period, rootPaths: string[]): Promise<{ indicatorId: number; path: string; a: number }[]> {
    return (await this.sumsByPath('RATE', indicatorIds, period, rootPaths)).map((r) => ({ indicatorId: r.indicatorId, path: r.path, a: r.sums.a }));
  }

  /**
   * Three round trips after the session: the plan, indicator and unit (loaders, in parallel);
   * then the plan's indicator row, the children, their targets and the roll-up (in parallel).
   */
  async progress(ctx: AuthedContext, args: { planId: string; indicatorId: string; unitId: string; period?: string | null }): Promise<Progress> {
    const [plan, indicator, unit] = await allInOrder([
      ctx.services.plans.get(ctx, args.planId),
      ctx.services.indicators.get(ctx, args.indicatorId),
      ctx.services.units.getInSubtree(ctx, args.unitId),
    ] as const);
    const period = parsePeriod(args.period ?? String(plan.year));
    const at = planTreeDate(plan.year);
    const sqlite = isSqlite(this.ds);
    const [, children, sums, targets, links] = await allInOrder([
      ctx.services.plans.planIndicator(ctx, plan, indicator.id), // NOT_FOUND when the plan does not cover the indicator
      // Raw rows made into entities by hand, here and below: TypeORM's query building and hydration cost more than these indexed look-ups.
      this.ds.query(
        'SELECT * FROM unit WHERE parentId = ? AND (validFrom IS NULL OR validFrom <= ?) AND (validTo IS NULL OR validTo >= ?) ORDER BY id',
        [unit.id, at, at],
      ).then((rows: Record<string, unknown>[]) => rows.map((r) => hydrateUnit(r, sqlite))),
      this.rollUp(indicator, period, unit.path),
      // The unit's target and its children's (as the tree stood in the plan's year), by the target key.
      this.ds.query(
        'SELECT * FROM target WHERE planId = ? AND indicatorId = ? AND (unitId = ? OR unitId IN (SELECT id FROM unit WHERE parentId = ?))',
        [plan.id, indicator.id, unit.id, unit.id],
      ).then((rows: Record<string, unknown>[]) => rows.map((r) => hydrateTarget(r, sqlite))),
      // Units formed by a reorganisation inside the period (none for a plan before it): one more round trip only when there are some.
      this.links(period, { unitAndChildren: unit.id }, at),
    ] as const);
    const inherited = links.length ? await this.inheritedThrough(indicator, period, links) : new Map<number, Inherited>();
    const targetOf = new Map(targets.map((t) => [t.unitId, t]));
    const total = [...sums.subtree.values()].reduce(add, ZERO);
    const top = this.node(indicator, period, unit, targetOf.get(unit.id) ?? null, total, sums.own.get(unit.id), inherited.get(unit.id));
    top.children = children.map((c) => this.node(indicator, period, c, targetOf.get(c.id) ?? null, sums.subtree.get(c.id) ?? ZERO, sums.own.get(c.id), inherited.get(c.id)));
    this.rank(top.children, targetOf.get(unit.id)?.comparator ?? indicator.comparator);
    return top;
  }

  /**
   * Every top-level unit the caller sees (the provinces, for a national account; the caller's
   * own unit otherwise) against the target its own plan of the period's year sets it, ranked:
   * one aggregate statement over the results, grouped by province.
   */
  async national(ctx: AuthedContext, args: { indicatorId: string; period: string }): Promise<Progress[]> {
    const indicator = await ctx.services.indicators.get(ctx, args.indicatorId);
    const period = parsePeriod(args.period);
    const actor = ctx.actor;
    const scope = actor.unitPath;
    const rootsWhere = actor.unitId === null ? 'u.parentId IS NULL' : 'u.id = :self';
    const [roots, sums, rows] = await allInOrder([
      actor.unitId === null
        ? this.ds.getRepository(Unit).createQueryBuilder('u').where('u.parentId IS NULL')
          .andWhere('(u.validFrom IS NULL OR u.validFrom <= :at) AND (u.validTo IS NULL OR u.validTo >= :at)', { at: planTreeDate(period.year) })
          .orderBy('u.id', 'ASC').getMany()
        : ctx.services.units.getInSubtree(ctx, actor.unitId).then((u) => [u]),
      this.rollUp(indicator, period, scope === null ? null : scope),
      // Each root's own target in a plan it issued for that year (the newest, when there are several).
      this.ds.getRepository(Target).createQueryBuilder('t')
        .innerJoin(Plan, 'p', 'p.id = t.planId AND p.issuerId = t.unitId')
        .innerJoin(Unit, 'u', 'u.id = t.unitId')
        .where('p.year = :year AND t.indicatorId = :iid', { year: period.year, iid: indicator.id })
        .andWhere(rootsWhere, { self: actor.unitId })
        .orderBy('t.planId', 'ASC').getMany(),
    ] as const);
    const plans = await ctx.loaders.plan.loadMany([...new Set(rows.map((t) => t.planId))]);
    const readable = new Set<number>();
    for (const p of plans) {
      if (!p || p instanceof Error) continue;
      const issuer = roots.find((r) => r.id === p.issuerId);
      if (issuer && canReadPlan(actor, p, issuer)) readable.add(p.id);
    }
    const targetOf = new Map<number, Target>();
    for (const t of rows) if (readable.has(t.planId)) targetOf.set(t.unitId, t);
    // With a scope, the statement grouped by the scope's children: the scope's own total is the sum.
    const sumsOf = (u: Unit) => (scope === null ? sums.subtree.get(u.id) : [...sums.subtree.values()].reduce(add, ZERO));
    const out = roots.map((u) => this.node(indicator, period, u, targetOf.get(u.id) ?? null, sumsOf(u) ?? ZERO, sums.own.get(u.id)));
    this.rank(out, indicator.comparator);
    return out;
  }

  private node(indicator: Indicator, period: Period, u: Unit, storedTarget: Target | null, subtreeSums: Sums, ownSums: Sums | undefined, inherited?: Inherited): Progress {
    const target = finiteTarget(storedTarget);
    const subtree = withInherited(indicator.measure, subtreeSums, inherited?.subtree);
    const own = withInherited(indicator.measure, ownSums ?? ZERO, inherited?.own);
    const rolledUp = finiteFigure({ ...figureOfSums(indicator.measure, subtree.sums), fromPredecessors: subtree.fromPredecessors });
    const status = progressStatus({ target: target && { value: target.value, comparator: target.comparator }, hasData: subtree.sums.n > 0, figure: rolledUp });
    return {
      unit: u,
      indicator,
      period: period.key,
      target,
      own: finiteFigure({ ...figureOfSums(indicator.measure, own.sums), fromPredecessors: own.fromPredecessors }),
      rolledUp,
      status,
      gap: target ? progressGap(status, rolledUp, target.value) : null,
      belowHardMinimum: belowHardMinimum(indicator.hardMinimum, rolledUp.value),
      rank: null,
      children: [],
    };
  }

  /** Ranks siblings by rolled-up value under the comparator (ties share a rank; no value, no rank), best first. */
  private rank(nodes: Progress[], comparator: Comparator): void {
    const ranks = rankByComparator(nodes.map((c) => c.rolledUp.value), comparator);
    nodes.forEach((c, i) => (c.rank = ranks[i]));
    nodes.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  }
}

/**
 * A unit's sums with its predecessors' part added (RATE, COUNT); for SCORE the unit's own scores
 * when it has any in the period, else its predecessors' (the latest stands for the period).
 */
function withInherited(measure: Measure, own: Sums, inherited: Sums | undefined): { sums: Sums; fromPredecessors: boolean } {
  if (!inherited || inherited.n === 0) return { sums: own, fromPredecessors: false };
  if (measure === 'SCORE') return own.n > 0 ? { sums: own, fromPredecessors: false } : { sums: inherited, fromPredecessors: true };
  return { sums: add(own, inherited), fromPredecessors: true };
}

/** "1.17.230." → "1.", "1.17.", "1.17.230.": the subtrees a row at that path lies in. */
function pathPrefixes(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) out.push(path.slice(0, i + 1));
  return out;
}

/**
 * Promise.all that waits for every promise and, when some fail, throws the error of the first
 * in the list (not the first in time): the same request always fails the same way.
 */
async function allInOrder<T extends readonly unknown[]>(promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as never;
}

/** A raw `unit` row as the entity TypeORM would have made. */
function hydrateUnit(r: Record<string, unknown>, sqlite: boolean): Unit {
  const createdAt = r.createdAt instanceof Date ? r.createdAt : new Date(sqlite ? `${String(r.createdAt).replace(' ', 'T')}Z` : String(r.createdAt));
  return Object.assign(new Unit(), {
    id: Number(r.id), code: (r.code as string | null) ?? null, name: r.name, nameFolded: r.nameFolded, kind: r.kind, level: Number(r.level),
    parentId: r.parentId === null || r.parentId === undefined ? null : Number(r.parentId), path: r.path, depth: Number(r.depth),
    validFrom: (r.validFrom as string | null) ?? null, validTo: (r.validTo as string | null) ?? null, createdAt,
  });
}
