/**
 * Notifications as their readers see them (the inbox, mail). Stored as a kind and parameters,
 * rendered in the reader's language when read, so a message never goes stale in one language.
 */
import type { NotificationKind } from '../offices';
import type { LocalizedText } from './issues';

export const NOTIFICATION_MESSAGES: Readonly<Record<NotificationKind, LocalizedText>> = {
  TARGETS_ISSUED: {
    vi: '{issuer} đã ban hành kế hoạch "{plan}": {unit} được giao {count} chỉ tiêu. Vui lòng xác nhận tiếp nhận.',
    en: '{issuer} issued the plan "{plan}": {unit} received {count} targets. Please acknowledge them.',
  },
  TARGETS_ASSIGNED: {
    vi: '{issuer} đã giao {count} chỉ tiêu cho {unit} trong kế hoạch "{plan}". Vui lòng xác nhận tiếp nhận.',
    en: '{issuer} assigned {count} targets to {unit} in the plan "{plan}". Please acknowledge them.',
  },
  TARGETS_ACKNOWLEDGED: {
    vi: '{unit} đã xác nhận tiếp nhận chỉ tiêu của kế hoạch "{plan}".',
    en: '{unit} acknowledged its targets of the plan "{plan}".',
  },
  ADJUSTMENT_REQUESTED: {
    vi: '{unit} đề xuất điều chỉnh chỉ tiêu {indicator} từ {from} thành {to}. Lý do: {reason}',
    en: '{unit} proposes to change the target {indicator} from {from} to {to}. Reason: {reason}',
  },
  ADJUSTMENT_ACCEPTED: {
    vi: 'Đề xuất điều chỉnh chỉ tiêu {indicator} của {unit} thành {to} đã được chấp nhận.[ Ghi chú: {note}]',
    en: 'The proposal to change the target {indicator} of {unit} to {to} was accepted.[ Note: {note}]',
  },
  ADJUSTMENT_REJECTED: {
    vi: 'Đề xuất điều chỉnh chỉ tiêu {indicator} của {unit} thành {to} không được chấp nhận.[ Ghi chú: {note}]',
    en: 'The proposal to change the target {indicator} of {unit} to {to} was rejected.[ Note: {note}]',
  },
  RESULTS_SUBMITTED: {
    vi: '{unit} đã gửi số liệu {indicator} kỳ {period}, chờ duyệt.',
    en: '{unit} submitted its figures of {indicator} for {period}, awaiting approval.',
  },
  RESULTS_APPROVED: {
    vi: 'Số liệu {indicator} kỳ {period} của {unit} đã được duyệt và chốt.',
    en: 'The figures of {indicator} for {period} of {unit} were approved and locked.',
  },
  RESULTS_RETURNED: {
    vi: 'Số liệu {indicator} kỳ {period} của {unit} bị trả lại. Lý do: {reason}',
    en: 'The figures of {indicator} for {period} of {unit} were returned. Reason: {reason}',
  },
  REMINDER_SUB_ASSIGNMENT: {
    vi: 'Nhắc việc: hạn phân bổ chỉ tiêu của kế hoạch "{plan}" là ngày {deadline} (còn {days} ngày).',
    en: 'Reminder: targets of the plan "{plan}" are to be sub-assigned by {deadline} ({days} days left).',
  },
  REMINDER_REPORTING: {
    vi: 'Nhắc việc: số liệu {indicator} kỳ {period} của {unit} cần gửi trước ngày {due} (còn {days} ngày).',
    en: 'Reminder: the figures of {indicator} for {period} of {unit} are due on {due} ({days} days left).',
  },
};

/** The subject line of a notification's mail. */
export const NOTIFICATION_MAIL_SUBJECT: LocalizedText = { vi: '[Chỉ tiêu] {title}', en: '[Chỉ tiêu] {title}' };
