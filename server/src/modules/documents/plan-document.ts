import {
  AGENCY_KINDS,
  COMMUNE_LEVEL_KINDS,
  DISTRICT_LEVEL_KINDS,
  documentText,
  formatNumber,
  splitKindPrefix,
  UNIT_KIND_LABELS,
  type Comparator,
  type DocumentKind,
  type DocumentTextKey,
  type KindValue,
  type PlanHeadingRef,
  type ResponsibleRef,
  type UnitKind,
} from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import { inSubtree } from '../../common/scope';
import type { Plan } from '../plans/plan.entity';
import type { PlanIndicator } from '../plans/plans.types';
import type { Unit } from '../units/unit.entity';
import type { ExportServices } from '../spreadsheets/export.service';

/**
 * A plan as its document prints it, from the same services (and so the same scope) as the
 * GraphQL queries: the Word document and the indicator-row workbook are both built from this.
 */

/** A row of the indicator table, every cell as text. */
export interface DocumentRow {
  position: string;
  content: string;
  lead: string[];
  coordinating: string[];
  unitOfMeasure: string;
  /** The issuer's own target ("≥ 80%"), or the floors per level when it has none. */
  target: string[];
  basis: string | null;
  note: string | null;
}

export interface DocumentTask {
  position: string;
  content: string;
  lead: string[];
  coordinating: string[];
  time: string | null;
  deliverable: string | null;
}

/** A heading of the document with the rows and tasks under it; `heading` null for those under none. */
export interface DocumentPart {
  heading: PlanHeadingRef | null;
  rows: DocumentRow[];
  tasks: DocumentTask[];
}

export interface PlanDocument {
  plan: Plan;
  kind: DocumentKind;
  issuer: Unit;
  /** The issuer's superior when the issuer is an agency ("UBND TỈNH ĐẮK LẮK" over "SỞ NỘI VỤ"). */
  superior: Unit | null;
  /** The place the date line names: the territory the issuer belongs to ("Đắk Lắk"). */
  place: string;
  /** Headings in order, each with its rows and tasks; then what sits under no heading. */
  parts: DocumentPart[];
  indicators: PlanIndicator[];
}

const SIGN: Record<Comparator, string> = { AT_LEAST: '≥ ', GREATER_THAN: '> ', AT_MOST: '≤ ', EQUAL: '' };

/** "≥ 80%", "> 99,5%", "≥ 20": a figure as the document writes it (the unit of measure has its own column, "%" excepted). */
export function figureText(value: number, comparator: Comparator, unitOfMeasure: string): string {
  return `${SIGN[comparator] ?? ''}${formatNumber(value, 'vi')}${unitOfMeasure.trim() === '%' ? '%' : ''}`;
}

const LEVELS: [DocumentTextKey, readonly UnitKind[]][] = [
  ['levelProvince', ['PROVINCE', 'MUNICIPALITY']],
  ['levelAgency', ['PROVINCIAL_AGENCY']],
  ['levelDistrict', DISTRICT_LEVEL_KINDS],
  ['levelDistrictAgency', ['DISTRICT_AGENCY']],
  ['levelCommune', COMMUNE_LEVEL_KINDS],
];

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** The floors of a row as lines: one per level when its kinds share a value ("Cấp xã: ≥ 75%"), else one per kind. */
export function floorLines(floors: readonly KindValue[], comparator: Comparator, unitOfMeasure: string): string[] {
  return LEVELS.flatMap(([label, kinds]) => {
    const mine = floors.filter((f) => kinds.includes(f.kind));
    if (!mine.length) return [];
    if (new Set(mine.map((f) => f.value)).size === 1) return [documentText('floor', { level: documentText(label), value: figureText(mine[0].value, comparator, unitOfMeasure) })];
    return mine.map((f) => documentText('floor', { level: capitalise(UNIT_KIND_LABELS.vi[f.kind]), value: figureText(f.value, comparator, unitOfMeasure) }));
  });
}

/** "I", "II." and "I )" name the same heading. */
const key = (position: string | null | undefined) =>
  (position ?? '')
    .trim()
    .replace(/[.)\s]+$/u, '')
    .toLocaleUpperCase('vi');

const texts = (list: readonly ResponsibleRef[] | null | undefined) => (list ?? []).map((r) => r.text.trim()).filter(Boolean);

/**
 * A heading as printed: a numbering ("I", "2", "1.2", "a") ends with a full stop and leads the
 * text on one line ("I. CHỈ TIÊU"); a word ("Phụ lục") stands on its own line above the text.
 */
export function headingLines(heading: PlanHeadingRef): string[] {
  const p = heading.position.trim();
  const text = heading.text.trim();
  if (!p) return [text];
  const numbering = /^(?:[0-9]+|[IVXLCDM]+)(?:\.[0-9]+)*[.)]?$/iu.test(p) || /^[a-zđ][.)]?$/iu.test(p);
  if (!numbering) return [p, text];
  return [`${p}${/[.)]$/.test(p) ? '' : '.'} ${text}`];
}

/** DECISION or PLAN: as stored, else as the number's symbol says (…/QĐ-UBND a decision). */
export function documentKindOf(plan: Pick<Plan, 'documentKind' | 'documentNumber'>): DocumentKind {
  return plan.documentKind ?? (/\/QĐ/iu.test(plan.documentNumber ?? '') ? 'DECISION' : 'PLAN');
}

export async function planDocument(services: ExportServices, ctx: AuthedContext, planId: string): Promise<PlanDocument> {
  const plan = await services.plans.get(ctx, planId);
  const issuer = await services.units.get(ctx, plan.issuerId);
  const [indicators, tasks, own, line] = await Promise.all([
    services.plans.indicatorsOf(ctx, plan),
    ctx.loaders.planTasks.load(plan.id),
    // The issuer's own whole-area targets, where the reader may see them (a unit below reads the floors).
    inSubtree(ctx.actor, issuer.path) ? services.targets.list(ctx, { planId: String(plan.id), unitId: String(issuer.id), subtree: false }) : Promise.resolve([]),
    ctx.loaders.unit.loadMany(issuer.path.split('.').filter(Boolean).map(Number)),
  ]);
  const ancestors = line.filter((u): u is Unit => !!u && !(u instanceof Error) && u.id !== issuer.id);
  const superior = AGENCY_KINDS.includes(issuer.kind) ? (ancestors.at(-1) ?? null) : null;
  const territory = [...ancestors, issuer].reverse().find((u) => !AGENCY_KINDS.includes(u.kind)) ?? issuer;

  const ownTarget = new Map(own.map((t) => [t.indicatorId, t]));
  const rows = indicators.map((pi, i) => {
    const target = ownTarget.get(pi.indicator.id);
    const uom = pi.indicator.unitOfMeasure;
    return {
      section: key(pi.section),
      row: {
        position: pi.position ?? String(i + 1),
        content: pi.indicator.name,
        lead: texts(pi.lead),
        coordinating: texts(pi.coordinating),
        unitOfMeasure: uom,
        target: target ? [figureText(target.value, target.comparator, uom)] : floorLines(pi.floors, pi.indicator.comparator, uom),
        basis: pi.legalBasis ?? pi.indicator.legalBasis ?? null,
        note: pi.note,
      } satisfies DocumentRow,
    };
  });
  const documentTasks = tasks.map((t, i) => ({
    position: t.position ?? String(i + 1),
    content: t.content,
    lead: texts(t.lead),
    coordinating: texts(t.coordinating),
    time: t.timeFrame,
    deliverable: t.deliverable,
  }));

  // Rows under the heading their section names; tasks under the heading their number starts with ("1.2" under "1").
  const placed = new Set<DocumentRow | DocumentTask>();
  const parts: DocumentPart[] = plan.headings.map((heading) => {
    const k = key(heading.position);
    const under = rows.filter((r) => r.section === k && !placed.has(r.row)).map((r) => r.row);
    const taskList = documentTasks.filter((t) => !placed.has(t) && (key(t.position).startsWith(`${k}.`) || key(t.position) === k));
    [...under, ...taskList].forEach((x) => placed.add(x));
    return { heading, rows: under, tasks: taskList };
  });
  const restRows = rows.map((r) => r.row).filter((r) => !placed.has(r));
  const restTasks = documentTasks.filter((t) => !placed.has(t));
  if (restRows.length) parts.push({ heading: null, rows: restRows, tasks: [] });
  if (restTasks.length) parts.push({ heading: null, rows: [], tasks: restTasks });

  return { plan, kind: documentKindOf(plan), issuer, superior, place: splitKindPrefix(territory.name).bare, parts, indicators };
}
