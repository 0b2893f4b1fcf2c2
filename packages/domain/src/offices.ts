/**
 * Between offices (issue #15): the states of an adjustment and of a recorded figure, and how
 * often a plan row is reported. The rules that read them live beside (reporting.ts, projection.ts).
 */

export type AdjustmentState = 'PENDING' | 'ACCEPTED' | 'REJECTED';
export const ADJUSTMENT_STATES: readonly AdjustmentState[] = ['PENDING', 'ACCEPTED', 'REJECTED'];

/** DRAFT → SUBMITTED → APPROVED, or RETURNED with a reason (then corrected: DRAFT again). */
export type ResultState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';
export const RESULT_STATES: readonly ResultState[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'];

export type Frequency = 'MONTHLY' | 'QUARTERLY' | 'YEARLY';
export const FREQUENCIES: readonly Frequency[] = ['MONTHLY', 'QUARTERLY', 'YEARLY'];

/**
 * What a notification is about; each kind has a template in messages/notifications.ts whose
 * parameters the writer gives.
 */
export type NotificationKind =
  | 'TARGETS_ISSUED'
  | 'TARGETS_ASSIGNED'
  | 'TARGETS_ACKNOWLEDGED'
  | 'ADJUSTMENT_REQUESTED'
  | 'ADJUSTMENT_ACCEPTED'
  | 'ADJUSTMENT_REJECTED'
  | 'RESULTS_SUBMITTED'
  | 'RESULTS_APPROVED'
  | 'RESULTS_RETURNED'
  | 'REMINDER_SUB_ASSIGNMENT'
  | 'REMINDER_REPORTING';
