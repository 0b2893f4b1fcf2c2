import { documentText } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import { inSubtree } from '../../common/scope';
import { annexIndicators, annexRows, type ExportServices } from '../spreadsheets/export.service';
import { planDocument } from './plan-document';
import { planDocx } from './plan-docx';

/** A Word document ready to send, with the name the browser saves it under. */
export interface DocumentFile {
  document: Buffer;
  filename: string;
}

/**
 * GET /export/plans/:id/document.docx: the plan printed back. Its annex lists the issuer's
 * children — or, for an account below the issuer, its own unit's, as the annex workbook does.
 */
export async function documentExport(services: ExportServices, ctx: AuthedContext, planId: string): Promise<DocumentFile> {
  const doc = await planDocument(services, ctx, planId);
  const { plan, issuer } = doc;
  const unit = inSubtree(ctx.actor, issuer.path) ? issuer : await services.units.getInSubtree(ctx, ctx.actor.unitId!);
  const rows = await annexRows(services, ctx, plan, unit, 1, doc.indicators);
  const document = await planDocx(doc, {
    year: plan.year,
    title: plan.title,
    documentNumber: plan.documentNumber,
    documentDate: plan.documentDate,
    issuer: { name: issuer.name, kind: issuer.kind },
    assigner: unit.id === issuer.id ? null : { name: unit.name, kind: unit.kind },
    indicators: annexIndicators(doc.indicators),
    rows,
  });
  const name = documentText('fileDocument', {
    document: documentText(doc.kind === 'DECISION' ? 'kindDecisionName' : 'kindPlanName'),
    year: String(plan.year),
    issuer: issuer.name,
  });
  return { document, filename: `${name}.docx` };
}
