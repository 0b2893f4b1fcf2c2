/**
 * The queries that show acknowledgements, adjustments, targets or notifications: refetched by name
 * after every write here, so each screen that is open changes without a reload (only active ones run).
 */
export const OFFICE_QUERIES = ['PlanOffices', 'HomeOffices', 'MatrixTargets', 'MyTargets', 'TargetHistory', 'UnreadNotifications', 'Notifications'];

/** Who did it, for a line of text. */
export function who(user: { username: string; displayName?: string | null } | null | undefined): string {
  return user ? (user.displayName ?? user.username) : '';
}

/** A date and time in the reader's language ("03/12/2026, 21:40"). */
export function dateTime(iso: string, intlLocale: string): string {
  return new Date(iso).toLocaleString(intlLocale, { dateStyle: 'short', timeStyle: 'short' });
}
