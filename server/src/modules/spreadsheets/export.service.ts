import type ExcelJS from 'exceljs';
import { judgedFigure } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import { badInput, notFound } from '../../common/errors';
import { inSubtree } from '../../common/scope';
import { planTreeDate, type PlansService } from '../plans/plans.service';
import type { Plan } from '../plans/plan.entity';
import type { PlanIndicator } from '../plans/plans.types';
import type { Unit } from '../units/unit.entity';
import type { Progress } from '../progress/progress.types';
import type { ProgressService } from '../progress/progress.service';
import type { TargetsService } from '../targets/targets.service';
import type { UnitsService } from '../units/units.service';
import { annexWorkbook, type AnnexCell, type AnnexIndicator, type AnnexRow } from './annex.workbook';
import { progressWorkbook, type ProgressSheetRow } from './progress.workbook';

/** A workbook ready to send, with the name the browser saves it under. */
export interface ExportFile {
  workbook: ExcelJS.Workbook;
  filename: string;
}

/** The services the exports read through. */
export interface ExportServices {
  plans: Pick<PlansService, 'get' | 'indicatorsOf' | 'planIndicator'>;
  units: Pick<UnitsService, 'get' | 'getInSubtree' | 'children'>;
  targets: Pick<TargetsService, 'list'>;
  progress: Pick<ProgressService, 'progress'>;
}

/*
 * What the exported workbooks show, gathered through the same services (and so the same scope)
 * as the GraphQL queries: a plan, unit or indicator the caller cannot see is NOT_FOUND.
 */

/** How far below the assigning unit an annex reaches: 1 its children, 2 their children too (communes under their districts), at most 3. */
export const MAX_ANNEX_DEPTH = 3;

export function annexDepth(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ANNEX_DEPTH) throw badInput('depth');
  return n;
}

/** The per-unit rows of a plan's annex below `unit`, `depth` levels down, each level in the plan's order and under its parent. */
export async function annexRows(services: ExportServices, ctx: AuthedContext, plan: Plan, unit: Unit, depth: number, indicators: PlanIndicator[]): Promise<AnnexRow[]> {
  const at = planTreeDate(plan.year);
  const targets = await services.targets.list(ctx, { planId: String(plan.id), unitId: String(unit.id), subtree: true });
  const byUnit = new Map<number, { first: number; cells: Record<number, AnnexCell> }>();
  const shown = new Set(indicators.map((pi) => pi.indicator.id));
  for (const t of targets) {
    if (!shown.has(t.indicatorId)) continue;
    const entry = byUnit.get(t.unitId) ?? { first: Infinity, cells: {} };
    byUnit.set(t.unitId, entry);
    entry.first = Math.min(entry.first, t.id);
    entry.cells[t.indicatorId] = {
      value: t.value,
      comparator: t.comparator,
      baseline: t.baseline,
      baselineNote: t.baseline === null ? t.baselineSource : null,
      facts: t.facts,
      note: t.note,
    };
  }
  const first = (u: Unit) => byUnit.get(u.id)?.first ?? Infinity;
  // Rows in the order the plan assigned them (its first target of each unit): the demo's 2022
  // decision lists districts in its own order, not by GSO code. Units without a target come
  // last, by code.
  const order = (list: Unit[]) => [...list].sort((a, b) => first(a) - first(b) || (a.code ?? '').localeCompare(b.code ?? '') || a.id - b.id);
  const rows: AnnexRow[] = [];
  let parents: { unit: Unit; parent: Unit | null }[] = [{ unit, parent: null }];
  for (let level = 1; level <= depth && parents.length; level++) {
    const children = await Promise.all(parents.map((p) => services.units.children(ctx, p.unit, null, at)));
    const next = parents.flatMap((p, i) => order(children[i]).map((c) => ({ unit: c, parent: p.unit })));
    for (const { unit: c, parent } of next) {
      rows.push({
        name: c.name,
        kind: c.kind,
        cells: byUnit.get(c.id)?.cells ?? {},
        level,
        parent: level > 1 && parent ? { name: parent.name, kind: parent.kind } : null,
      });
    }
    parents = next;
  }
  return rows;
}

/** The columns an annex shows of each row of the plan. */
export function annexIndicators(indicators: PlanIndicator[]): AnnexIndicator[] {
  return indicators.map((pi) => ({
    id: pi.indicator.id,
    position: pi.position,
    name: pi.indicator.name,
    measure: pi.indicator.measure,
    unitOfMeasure: pi.indicator.unitOfMeasure,
    factLabels: pi.factLabels,
  }));
}

/**
 * The annex of `planId`: the targets of the children of `unitId` (and, with `depth`, of the
 * units below them). Without a unit, the issuer's children — or, for an account below the issuer
 * (a district reading the province's plan), its own unit's, which is what its plan page shows.
 */
export async function annexExport(services: ExportServices, ctx: AuthedContext, args: { planId: string; unitId?: string | null; depth?: number }): Promise<ExportFile> {
  const plan = await services.plans.get(ctx, args.planId);
  const issuer = await services.units.get(ctx, plan.issuerId);
  const unitId = args.unitId ?? (inSubtree(ctx.actor, issuer.path) ? issuer.id : ctx.actor.unitId!);
  const unit = await services.units.getInSubtree(ctx, unitId);
  if (!unit.path.startsWith(issuer.path)) throw notFound('unit', unitId); // not a unit this plan reaches
  const depth = args.depth ?? 1;
  const indicators = await services.plans.indicatorsOf(ctx, plan);
  const rows = await annexRows(services, ctx, plan, unit, depth, indicators);

  const workbook = annexWorkbook({
    year: plan.year,
    title: plan.title,
    documentNumber: plan.documentNumber,
    documentDate: plan.documentDate,
    issuer: { name: issuer.name, kind: issuer.kind },
    assigner: unit.id === issuer.id ? null : { name: unit.name, kind: unit.kind },
    indicators: annexIndicators(indicators),
    rows,
    deep: depth > 1,
  });
  return { workbook, filename: `Phụ lục ${plan.year} - ${unit.name}.xlsx` };
}

/** The progress table of the dashboard: `progress` (the GraphQL query's computation) as a workbook. */
export async function progressExport(
  services: ExportServices,
  ctx: AuthedContext,
  args: { planId: string; indicatorId: string; unitId: string; period?: string | null },
): Promise<ExportFile> {
  const progress = await services.progress.progress(ctx, args);
  const plan = await services.plans.get(ctx, args.planId);
  const planIndicator = await services.plans.planIndicator(ctx, plan, progress.indicator.id);
  const indicator = progress.indicator;
  const workbook = progressWorkbook({
    plan: { year: plan.year, title: plan.title },
    indicator: {
      position: planIndicator.position,
      name: indicator.name,
      measure: indicator.measure,
      unitOfMeasure: indicator.unitOfMeasure,
      hardMinimum: indicator.hardMinimum,
    },
    unit: { name: progress.unit.name },
    period: progress.period,
    total: sheetRow(progress),
    children: progress.children.map(sheetRow),
    exportedAt: new Date(),
  });
  return { workbook, filename: `Tiến độ ${indicator.code} ${progress.period} - ${progress.unit.name}.xlsx` };
}

function sheetRow(p: Progress): ProgressSheetRow {
  // The figure beside the status is the one the status was judged on: the unit's own on an OWN row.
  const figure = judgedFigure(p.scope, p);
  return {
    name: p.unit.name,
    target: p.target ? { value: p.target.value, comparator: p.target.comparator } : null,
    numerator: figure.numerator,
    denominator: figure.denominator,
    value: figure.value,
    status: p.status,
    gap: p.gap,
    rank: p.rank,
    belowHardMinimum: p.belowHardMinimum,
    fromPredecessors: figure.fromPredecessors,
  };
}
