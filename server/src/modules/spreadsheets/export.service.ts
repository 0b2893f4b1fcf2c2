import type ExcelJS from 'exceljs';
import type { AuthedContext } from '../../common/context';
import { notFound } from '../../common/errors';
import { inSubtree } from '../../common/scope';
import { planTreeDate, type PlansService } from '../plans/plans.service';
import type { Progress } from '../progress/progress.types';
import type { ProgressService } from '../progress/progress.service';
import type { TargetsService } from '../targets/targets.service';
import type { UnitsService } from '../units/units.service';
import { annexWorkbook, type AnnexCell, type AnnexRow } from './annex.workbook';
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

/**
 * The annex of `planId`: the targets of the children of `unitId`. Without a unit, the issuer's
 * children — or, for an account below the issuer (a district reading the province's plan),
 * its own unit's, which is what its plan page shows.
 */
export async function annexExport(services: ExportServices, ctx: AuthedContext, args: { planId: string; unitId?: string | null }): Promise<ExportFile> {
  const plan = await services.plans.get(ctx, args.planId);
  const issuer = await services.units.get(ctx, plan.issuerId);
  const unitId = args.unitId ?? (inSubtree(ctx.actor, issuer.path) ? issuer.id : ctx.actor.unitId!);
  const unit = await services.units.getInSubtree(ctx, unitId);
  if (!unit.path.startsWith(issuer.path)) throw notFound('unit', unitId); // not a unit this plan reaches
  const [children, indicators, targets] = await Promise.all([
    services.units.children(ctx, unit, null, planTreeDate(plan.year)),
    services.plans.indicatorsOf(ctx, plan),
    services.targets.list(ctx, { planId: String(plan.id), unitId: String(unit.id), subtree: true }),
  ]);

  const byChild = new Map<number, { first: number; cells: Record<number, AnnexCell> }>();
  for (const c of children) byChild.set(c.id, { first: Infinity, cells: {} });
  for (const t of targets) {
    const entry = byChild.get(t.unitId);
    if (!entry) continue; // the unit itself or a grandchild
    entry.first = Math.min(entry.first, t.id);
    entry.cells[t.indicatorId] = {
      value: t.value,
      comparator: t.comparator,
      baseline: t.baseline,
      baselineNote: t.baseline === null ? t.baselineSource : null,
    };
  }
  // Rows in the order the plan assigned them (its first target of each unit): the demo's
  // 2022 decision lists districts in its own order, not by GSO code. Units without a target
  // come last, by code.
  const ordered = [...children].sort((a, b) => byChild.get(a.id)!.first - byChild.get(b.id)!.first || (a.code ?? '').localeCompare(b.code ?? '') || a.id - b.id);
  const rows: AnnexRow[] = ordered.map((c) => ({ name: c.name, kind: c.kind, cells: byChild.get(c.id)!.cells }));

  const workbook = annexWorkbook({
    year: plan.year,
    title: plan.title,
    documentNumber: plan.documentNumber,
    documentDate: plan.documentDate,
    issuer: { name: issuer.name, kind: issuer.kind },
    assigner: unit.id === issuer.id ? null : { name: unit.name, kind: unit.kind },
    indicators: indicators.map((pi) => ({
      id: pi.indicator.id,
      position: pi.position,
      name: pi.indicator.name,
      measure: pi.indicator.measure,
      unitOfMeasure: pi.indicator.unitOfMeasure,
    })),
    rows,
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
  return {
    name: p.unit.name,
    target: p.target ? { value: p.target.value, comparator: p.target.comparator } : null,
    numerator: p.rolledUp.numerator,
    denominator: p.rolledUp.denominator,
    value: p.rolledUp.value,
    status: p.status,
    gap: p.gap,
    rank: p.rank,
    belowHardMinimum: p.belowHardMinimum,
    fromPredecessors: p.rolledUp.fromPredecessors,
  };
}
