const pad = (n: number) => String(n).padStart(2, '0');

/** Today as an ISO calendar date, in the user's time zone. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2022-06-01": a real calendar day (what a date input gives, or an empty string). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whether a unit was in force on a day: started on or before it, not ended before it. */
export function validityOn(unit: { validFrom: string | null; validTo: string | null }, day: string): 'ACTIVE' | 'ENDED' | 'FUTURE' {
  if (unit.validTo && unit.validTo < day) return 'ENDED';
  if (unit.validFrom && unit.validFrom > day) return 'FUTURE';
  return 'ACTIVE';
}
