/**
 * What a plan's rows keep of the document that writes them (docs/spec/domain.md, "Plans as
 * documents"): whose figure a row is judged on, how its figures accumulate, who leads and who
 * coordinates, headings and per-unit facts.
 */

import type { UnitKind } from './units';

/** SUBTREE: a target is judged on the unit's rolled-up figure; OWN: on its own offices' figure alone. */
export type FigureScope = 'SUBTREE' | 'OWN';
export const FIGURE_SCOPES: readonly FigureScope[] = ['SUBTREE', 'OWN'];

/** PERIODIC: each figure counts its own period; CUMULATIVE: each figure is the running total since 1 January. */
export type Accumulation = 'PERIODIC' | 'CUMULATIVE';
export const ACCUMULATIONS: readonly Accumulation[] = ['PERIODIC', 'CUMULATIVE'];

/** Quyết định / Kế hoạch. */
export type DocumentKind = 'DECISION' | 'PLAN';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['DECISION', 'PLAN'];

/**
 * Who leads or coordinates a row or a task: the document's words, and where they name a unit or
 * a group of units, that unit or those kinds ("UBND các huyện" → DISTRICT, TOWN, PROVINCIAL_CITY).
 */
export interface ResponsibleRef {
  text: string;
  unitId: number | null;
  kinds: UnitKind[];
}

/** A heading of the plan as written: "I", "II.", "1." and its text, of any length. */
export interface PlanHeadingRef {
  position: string;
  text: string;
}

/** A per-unit fact shown as an extra annex column ("Số lượng TTHC mức độ 3, 4"). */
export interface FactRef {
  label: string;
  value: number | null;
}
