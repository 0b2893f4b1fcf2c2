import { Alert, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { Severity } from '../../../gql/graphql';

export interface RowIssue {
  code: string;
  message: string;
  severity: Severity;
  /** Which column it came from, when a row has several. */
  label?: string;
}

export const SEVERITY_COLOR: Record<Severity, string> = { ERROR: 'red', WARNING: 'orange' };

/**
 * Validation issues beside a row: "Lỗi" / "Cảnh báo" as a coloured tag, the server's translated
 * message. The code is for the machine (`data-issue`) and a tooltip, never read out as text.
 */
export function IssueList({ issues }: { issues: readonly RowIssue[] }) {
  const { t } = useI18n();
  if (!issues.length) return null;
  return (
    <Flex vertical gap={4}>
      {issues.map((i, n) => (
        <div key={n} role={i.severity === 'ERROR' ? 'alert' : undefined} data-issue={i.code}>
          <Tag color={SEVERITY_COLOR[i.severity]} title={i.code}>
            {t(`severity.${i.severity}`)}
          </Tag>
          <Typography.Text type={i.severity === 'ERROR' ? 'danger' : 'warning'} style={{ fontSize: 13 }}>
            {i.label ? `${i.label}: ` : ''}
            {i.message}
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}

/** Issues about the whole write, said once above it and not on every row: the late warning. */
export const ONCE_PER_WRITE: ReadonlySet<string> = new Set(['PAST_DEADLINE']);

/** A write's issues that belong beside their rows (the once-per-write ones apart). */
export const perRow = <T extends { code: string }>(issues: readonly T[]): T[] => issues.filter((i) => !ONCE_PER_WRITE.has(i.code));

/** What a write said once for all its rows: the code, how many rows it concerns, the message; null when nothing. */
export interface WriteNotice {
  code: string;
  count: number;
  message: string;
}

export function writeNotice(issues: readonly { code: string; message: string }[]): WriteNotice | null {
  const once = issues.filter((i) => ONCE_PER_WRITE.has(i.code));
  return once.length ? { code: once[0].code, count: once.length, message: once[0].message } : null;
}

/** The once-per-write notice above a table of rows ("Đã quá hạn giao chỉ tiêu — đã lưu, được đánh dấu trễ (8 chỉ tiêu)"). */
export function WriteNoticeAlert({ notice, onClose }: { notice: WriteNotice | null; onClose?: () => void }) {
  const { t } = useI18n();
  if (!notice) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-issue={notice.code}
      closable={onClose ? { onClose } : undefined}
      title={t('sheet.lateTitle', { count: notice.count })}
      description={notice.message}
    />
  );
}
