/**
 * The day a plan's unit structure is read on: 1 January of its year. A 2022 plan keeps its 15
 * districts after the 2025 reform; a 2026 plan lists the communes directly under the province.
 */
export function structureDate(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}
