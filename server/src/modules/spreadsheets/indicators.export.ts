import { documentText } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import { planDocument } from '../documents/plan-document';
import type { ExportFile, ExportServices } from './export.service';
import { indicatorsWorkbook } from './indicators.workbook';

/** GET /export/plans/:id/indicators.xlsx: the plan's indicator rows as the document's table, read with the plan's scope. */
export async function indicatorsExport(services: ExportServices, ctx: AuthedContext, planId: string): Promise<ExportFile> {
  const doc = await planDocument(services, ctx, planId);
  const name = documentText('fileIndicators', { year: String(doc.plan.year), issuer: doc.issuer.name });
  return { workbook: indicatorsWorkbook(doc), filename: `${name}.xlsx` };
}
