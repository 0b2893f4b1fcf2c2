import { In, type DataSource, type EntityManager } from 'typeorm';
import { comparesWithParent, yearPeriod } from '@chitieu/domain';
import type { Target } from './target.entity';
import { hydrateTarget, IN_CHUNK } from './target-rows';
import { placeholders } from '../../db/raw-sql';
import type { Write } from './target-write';
import { Unit } from '../units/unit.entity';
import type { Indicator } from '../indicators/indicator.entity';
import { planTreeDate } from '../plans/plans.service';
import type { ProgressService } from '../progress/progress.service';
import { pathIds } from '../../common/scope';
import { validOn } from '../../common/validity';
import { isSqlite } from '../../db/data-source';

/**
 * What a batch of writes reads, read once for all of them: children of every parent (as the tree
 * stood in the plan's year), targets of every unit involved, last year's denominators. A single
 * cascade is a batch of one; the generator and the bench cascade a province's 30 indicators to
 * all its districts (and then every district's to its communes) as one batch.
 */
export class Preload {
  readonly children = new Map<string, Unit[]>();
  readonly targets = new Map<string, Target>();
  readonly loaded = new Set<string>();
  readonly weights = new Map<string, Map<number, number>>();
  childrenOf(parentId: number, at: string): Unit[] {
    return this.children.get(`${at}|${parentId}`) ?? [];
  }
  target(planId: number, indicatorId: number, unitId: number): Target | undefined {
    return this.targets.get(`${planId}|${indicatorId}|${unitId}`);
  }
}

/** Fills a Preload: one statement per 1,000 parents, units or targets. */
export class TargetPreloader {
  constructor(
    private readonly ds: DataSource,
    private readonly progress: ProgressService,
  ) {}

  async unitsById(ids: number[]): Promise<Map<number, Unit>> {
    const map = new Map<number, Unit>();
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      for (const u of await this.ds.getRepository(Unit).findBy({ id: In(ids.slice(i, i + IN_CHUNK)) })) map.set(u.id, u);
    }
    return map;
  }

  /** Children of many parents as the tree stood on `at`: one statement per 1,000 parents. */
  async children(pre: Preload, parentIds: number[], at: string): Promise<void> {
    const wanted = parentIds.filter((id) => !pre.children.has(`${at}|${id}`));
    for (const id of wanted) pre.children.set(`${at}|${id}`, []);
    for (let i = 0; i < wanted.length; i += IN_CHUNK) {
      const qb = this.ds
        .getRepository(Unit)
        .createQueryBuilder('u')
        .where('u.parentId IN (:...pids)', { pids: wanted.slice(i, i + IN_CHUNK) });
      const rows = await validOn(qb, 'u', at).orderBy('u.id', 'ASC').getMany();
      for (const u of rows) pre.children.get(`${at}|${u.parentId}`)!.push(u);
    }
  }

  /** Targets of a plan for some indicators and units: one statement per 1,000 units. */
  async targets(pre: Preload, planId: number, indicatorIds: number[], unitIds: number[], m: EntityManager = this.ds.manager): Promise<void> {
    const wanted = [...new Set(unitIds)].filter((u) => indicatorIds.some((i) => !pre.loaded.has(`${planId}|${i}|${u}`)));
    if (!wanted.length || !indicatorIds.length) return;
    const sqlite = isSqlite(this.ds);
    for (let i = 0; i < wanted.length; i += IN_CHUNK) {
      const chunk = wanted.slice(i, i + IN_CHUNK);
      // Raw rows made into Targets by hand: a province's batch reads thousands, TypeORM's hydration costs more than the query.
      const rows = (await m.query(`SELECT * FROM target WHERE planId = ? AND indicatorId IN (${placeholders(indicatorIds.length)}) AND unitId IN (${placeholders(chunk.length)})`, [
        planId,
        ...indicatorIds,
        ...chunk,
      ])) as Record<string, unknown>[];
      for (const r of rows) {
        const t = hydrateTarget(r, sqlite);
        pre.targets.set(`${planId}|${t.indicatorId}|${t.unitId}`, t);
      }
    }
    for (const u of wanted) for (const i of indicatorIds) pre.loaded.add(`${planId}|${i}|${u}`);
  }

  /** Parents' targets and siblings of every parent a proposal sits under (what the checks compare with). */
  async surroundings(pre: Preload, writes: Write[]): Promise<void> {
    for (const planId of new Set(writes.map((w) => w.plan.id))) {
      const mine = writes.filter((w) => w.plan.id === planId);
      const at = planTreeDate(mine[0].plan.year);
      const parentIds = [...new Set(mine.flatMap((w) => w.proposals.map((p) => p.unit.parentId)).filter((x): x is number => x !== null))];
      await this.children(pre, parentIds, at);
      const siblings = parentIds.flatMap((id) => pre.childrenOf(id, at).map((u) => u.id));
      await this.targets(pre, planId, [...new Set(mine.map((w) => w.indicator.id))], [...parentIds, ...siblings]);
    }
  }

  /**
   * Last year's rolled-up denominators under every parent that has a target (stored, or written
   * by the same write), for the RATE writes: one statement per parent.
   */
  async weights(writes: Write[], pre: Preload): Promise<void> {
    const wanted = new Map<string, { parentId: number; year: number; indicators: Map<number, Indicator> }>();
    for (const w of writes) {
      // OWN rows never weigh children against their parent (comparesWithParent).
      if (w.indicator.measure !== 'RATE' || !comparesWithParent(w.figureScope)) continue;
      const written = new Set(w.proposals.map((p) => p.unit.id));
      for (const p of w.proposals) {
        const parentId = p.unit.parentId;
        if (parentId === null || (!written.has(parentId) && !pre.target(w.plan.id, w.indicator.id, parentId))) continue;
        const key = `${parentId}|${w.plan.year - 1}`;
        const entry = wanted.get(key) ?? { parentId, year: w.plan.year - 1, indicators: new Map() };
        entry.indicators.set(w.indicator.id, w.indicator);
        wanted.set(key, entry);
      }
    }
    await this.weightsUnder(pre, [...wanted.values()]);
  }

  /**
   * Last year's denominators of each parent's children, for some indicators (read before the
   * proposals by a cascade that reaches its parent's target); what is already read is not read again.
   */
  async weightsUnder(pre: Preload, asked: { parentId: number; year: number; indicators: Map<number, Indicator> }[]): Promise<void> {
    const wanted = asked
      .map((e) => ({ ...e, indicators: new Map([...e.indicators].filter(([id]) => !pre.weights.has(`${id}|${e.year}|${e.parentId}`))) }))
      .filter((e) => e.indicators.size > 0);
    if (!wanted.length) return;
    const parents = await this.unitsById([...new Set(wanted.map((e) => e.parentId))]);
    for (const year of new Set(wanted.map((e) => e.year))) {
      const entries = wanted.filter((e) => e.year === year && parents.has(e.parentId));
      // The indicators themselves, not their ids: a CUMULATIVE one weighs by each unit's latest figure of the year.
      const indicators = new Map(entries.flatMap((e) => [...e.indicators]));
      const rows = await this.progress.denominatorsByUnit(
        [...indicators.values()],
        yearPeriod(year),
        entries.map((e) => parents.get(e.parentId)!.path),
      );
      // Each unit's denominator goes to the child of its parent it lies under (the next id on its path).
      const sums = new Map<string, number>();
      for (const r of rows) {
        const ids = pathIds(r.path);
        for (let depth = 0; depth < ids.length; depth++) {
          const key = `${r.indicatorId}|${ids[depth]}`;
          sums.set(key, (sums.get(key) ?? 0) + r.denominators);
        }
      }
      for (const { parentId, indicators } of entries) {
        for (const id of indicators.keys()) {
          const weights = new Map<number, number>();
          for (const s of pre.childrenOf(parentId, planTreeDate(year + 1))) {
            const a = sums.get(`${id}|${s.id}`);
            if (a !== undefined && a > 0) weights.set(s.id, a);
          }
          pre.weights.set(`${id}|${year}|${parentId}`, weights);
        }
      }
    }
  }
}
