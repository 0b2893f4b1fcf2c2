/**
 * "Valid on a day": a unit (or link) started on or before the day and not ended before it. One
 * condition for the query builders and the raw statements, so the tree as it stood on a date is
 * read the same way everywhere.
 */
export function validOnSql(alias: string | null, day: string): string {
  const a = alias ? `${alias}.` : '';
  return `(${a}validFrom IS NULL OR ${a}validFrom <= ${day}) AND (${a}validTo IS NULL OR ${a}validTo >= ${day})`;
}

/** Adds "valid on `at`" for `alias` to a query builder (its own parameter name: no clash with the caller's). */
export function validOn<T extends { andWhere: (...a: never[]) => T }>(qb: T, alias: string, at: string): T {
  return qb.andWhere(validOnSql(alias, ':validOnDay') as never, { validOnDay: at } as never);
}

/** The same condition on a row already read (dates as 'YYYY-MM-DD' text compare in order). */
export function isValidOn(u: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (!u.validFrom || u.validFrom <= day) && (!u.validTo || u.validTo >= day);
}
