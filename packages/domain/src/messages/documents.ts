/**
 * The words a plan printed back prints that are not its data (docs/spec/api.md, "Documents out"):
 * the national header, the number and date lines, the table headers, the annex's titles, the file
 * names. Documents are printed in Vietnamese (the office's language); English is there for the
 * catalogue's rule and for a reader who asks. Rendered by documentText.
 */

import type { Locale, MessageParams } from '../codes';
import { interpolate } from './format';
import type { LocalizedText } from './issues';

export const DOCUMENT_TEXTS = {
  // The national header (Quốc hiệu, Tiêu ngữ), right of the issuer's block.
  nationalName: { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIET NAM' },
  nationalMotto: { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' },
  // "Số: 1234/QĐ-UBND"; a draft's number may be only its symbol ("/KH-UBND").
  number: { vi: 'Số: {number}', en: 'No.: {number}' },
  // "Đắk Lắk, ngày 30 tháng 6 năm 2022"; an unsigned draft leaves day and month blank.
  placeDate: { vi: '{place}, ngày {day} tháng {month} năm {year}', en: '{place}, {month}/{day}/{year}' },
  kindDecision: { vi: 'QUYẾT ĐỊNH', en: 'DECISION' },
  kindPlan: { vi: 'KẾ HOẠCH', en: 'PLAN' },
  // The kind as a file name says it.
  kindDecisionName: { vi: 'Quyết định', en: 'Decision' },
  kindPlanName: { vi: 'Kế hoạch', en: 'Plan' },
  // Column headers of the indicator table (Word and indicators.xlsx) and of the task table.
  colNumber: { vi: 'STT', en: 'No.' },
  colContent: { vi: 'Nội dung', en: 'Content' },
  colLead: { vi: 'Chủ trì', en: 'Lead' },
  colCoordinating: { vi: 'Phối hợp', en: 'Coordinating' },
  colUnitOfMeasure: { vi: 'ĐVT', en: 'Unit' },
  colTarget: { vi: 'Chỉ tiêu', en: 'Target' },
  colBasis: { vi: 'Căn cứ', en: 'Basis' },
  colNote: { vi: 'Ghi chú', en: 'Note' },
  colTime: { vi: 'Thời gian', en: 'Time' },
  colDeliverable: { vi: 'Sản phẩm', en: 'Deliverable' },
  // Column headers of the per-unit annex.
  colUnit: { vi: 'Cơ quan, đơn vị', en: 'Agency, unit' },
  colBaseline: { vi: 'Thực hiện năm {year}', en: 'Achieved in {year}' },
  colAssigned: { vi: 'Mức giao năm {year}', en: 'Assigned for {year}' },
  // The titles over the tables when the document has no heading of its own for them.
  indicatorsHeading: { vi: 'CHỈ TIÊU', en: 'TARGETS' },
  tasksHeading: { vi: 'NHIỆM VỤ', en: 'TASKS' },
  recipients: { vi: 'Nơi nhận:', en: 'Recipients:' },
  annexHeading: { vi: 'PHỤ LỤC', en: 'ANNEX' },
  // A floor of the indicator table's target cell when the issuer has no own target: "Cấp xã: ≥ 75%".
  floor: { vi: '{level}: {value}', en: '{level}: {value}' },
  // The per-kind label of a floor.
  levelProvince: { vi: 'Cấp tỉnh', en: 'Province level' },
  levelAgency: { vi: 'Sở, ban, ngành', en: 'Provincial agencies' },
  levelDistrict: { vi: 'Cấp huyện', en: 'District level' },
  levelDistrictAgency: { vi: 'Phòng, ban cấp huyện', en: 'District offices' },
  levelCommune: { vi: 'Cấp xã', en: 'Commune level' },
  // File names (the route adds the extension).
  fileDocument: { vi: '{document} {year} - {issuer}', en: '{document} {year} - {issuer}' },
  fileIndicators: { vi: 'Chỉ tiêu {year} - {issuer}', en: 'Targets {year} - {issuer}' },
  // The sheet of indicators.xlsx.
  sheetIndicators: { vi: 'Chỉ tiêu', en: 'Targets' },
} satisfies Record<string, LocalizedText>;

export type DocumentTextKey = keyof typeof DOCUMENT_TEXTS;

/** A text of the printed documents in `locale` (Vietnamese unless told: a document is the office's). */
export function documentText(key: DocumentTextKey, params: MessageParams | null = null, locale: Locale = 'vi'): string {
  const templates: LocalizedText = DOCUMENT_TEXTS[key];
  return interpolate(templates[locale], params ?? {}, locale);
}
