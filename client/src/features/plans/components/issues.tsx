import { Flex, Tag, Typography } from 'antd';
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
