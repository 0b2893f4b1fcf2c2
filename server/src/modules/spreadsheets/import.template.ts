import ExcelJS from 'exceljs';
import { IMPORT_SHEET_NAMES, type ImportKind, type Measure } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import { expectedHeaders } from './import-parse';
import { planTreeDate, type PlansService } from '../plans/plans.service';
import { todayIso, type UnitsService } from '../units/units.service';
import type { IndicatorsService } from '../indicators/indicators.service';

/** The services a template reads the plan, indicator and units through. */
export interface TemplateServices {
  plans: Pick<PlansService, 'get' | 'planIndicator'>;
  indicators: Pick<IndicatorsService, 'get'>;
  units: Pick<UnitsService, 'childrenOn'>;
}

/**
 * The workbook a user fills in: the header on line 1 in Vietnamese (the words the import
 * recognises), then with a plan the units the caller assigns to or reports for — its children
 * in the plan's tree (itself when it has none, for results).
 */
export async function importTemplate(
  services: TemplateServices,
  ctx: AuthedContext,
  kind: ImportKind,
  planId: string | null,
  indicatorId: string | null,
): Promise<ExcelJS.Workbook> {
  let measure: Measure = 'RATE';
  let labels: { numeratorLabel?: string | null; denominatorLabel?: string | null } = {};
  let units: { code: string | null; name: string }[] = [];
  let year = new Date().getFullYear();
  if (planId) {
    const plan = await services.plans.get(ctx, planId);
    year = plan.year;
    if (indicatorId) {
      const row = await services.plans.planIndicator(ctx, plan, indicatorId);
      const indicator = await services.indicators.get(ctx, row.indicatorId);
      measure = indicator.measure;
      labels = indicator;
    }
    const home = ctx.actor.unitId ?? plan.issuerId;
    units = await services.units.childrenOn(home, planTreeDate(plan.year));
    if (!units.length && kind === 'results' && ctx.actor.unitId !== null) units = [(await ctx.loaders.unit.load(ctx.actor.unitId))!];
  } else if (ctx.actor.unitId !== null) {
    units = await services.units.childrenOn(ctx.actor.unitId, todayIso());
  }
  const headers = expectedHeaders({ kind, measure, year, ...labels });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(IMPORT_SHEET_NAMES[kind][ctx.locale]);
  ws.addRow(headers).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 42 : 22));
  ws.getColumn(1).numFmt = '@'; // codes as text: "00001" keeps its zeros
  for (const u of units) ws.addRow([u.code ?? '', u.name]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return wb;
}
