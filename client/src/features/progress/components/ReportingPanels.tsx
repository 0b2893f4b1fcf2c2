import { Link } from 'react-router';
import { Card, Flex, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { ReportingQuery } from '../../results/results.graphql';
import { StateTag } from '../../results/components/StateTag';
import { AtRiskQuery } from '../progress.graphql';
import { completenessCounts, completenessOf, type Completeness } from '../completeness';

const COLORS: Record<Completeness, string> = { onTime: '#389e0d', late: '#d48806', missing: '#cf1322', notDue: '#8c8c8c' };
export const COMPLETENESS: readonly Completeness[] = ['onTime', 'late', 'missing', 'notDue'];
const TAG: Record<Completeness, string> = { onTime: 'green', late: 'gold', missing: 'red', notDue: 'default' };
const TABLE = { width: '100%', borderCollapse: 'collapse' as const, minWidth: 520 };
const TH = { textAlign: 'left' as const, padding: '8px', background: '#fafafa', borderBottom: '1px solid #f0f0f0', fontWeight: 600 };
const TD = { padding: '8px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'top' as const };

/** On time / late / missing / not yet due for one period, from `reporting`, and who is where. */
export function CompletenessCard({
  planId,
  indicatorId,
  unitId,
  period,
  periodLabel,
}: {
  planId: string;
  indicatorId: string;
  unitId: string;
  period: string;
  periodLabel: string;
}) {
  const { t, date } = useI18n();
  const q = useQuery(ReportingQuery, { variables: { planId, indicatorId, unitId, period } });
  const rows = q.data?.reporting ?? [];
  const counts = completenessCounts(rows);
  return (
    <Card title={t('reporting.completeness', { period: periodLabel })} data-testid="completeness">
      {q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Flex wrap gap={24}>
            {COMPLETENESS.map((c) => (
              <div key={c} data-testid={`count-${c}`} data-count={q.loading ? undefined : counts[c]}>
                <Statistic title={t(`reporting.count.${c}`)} value={counts[c]} loading={q.loading} styles={{ content: { color: COLORS[c] } }} />
              </div>
            ))}
          </Flex>
          {/* A plain table: the progress table above stays the page's only data grid (its rows are what the dashboard is read by). */}
          <div style={{ overflowX: 'auto' }}>
            <table style={TABLE}>
              <thead>
                <tr>
                  <th style={TH}>{t('common.unit')}</th>
                  <th style={TH}>{t('reporting.col.state')}</th>
                  <th style={TH}>{t('progress.col.status')}</th>
                  <th style={TH}>{t('reporting.col.due')}</th>
                  <th style={TH}>{t('reporting.col.submittedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const c = completenessOf(r);
                  return (
                    <tr key={r.unit.id} data-testid={`reporting-${r.unit.id}`}>
                      <td style={TD}>{r.unit.name}</td>
                      <td style={TD}>
                        <StateTag reporting={{ state: r.state ?? null }} />
                      </td>
                      <td style={TD}>
                        <Tag color={TAG[c]}>{t(`reporting.count.${c}`)}</Tag>
                      </td>
                      <td style={TD}>{date(r.dueDate)}</td>
                      <td style={TD}>{date(r.submittedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {!q.loading && !rows.length && <EmptyState>{t('progress.noChildren')}</EmptyState>}
        </Flex>
      )}
    </Card>
  );
}

/** The units in the subtree whose projection misses their target, worst first. */
export function AtRiskCard({ planId, unitId, period, limit }: { planId: string; unitId: string; period?: string | null; limit?: number }) {
  const { t, value: fmt } = useI18n();
  const q = useQuery(AtRiskQuery, { variables: { planId, unitId, period: period ?? null } });
  const rows = (q.data?.atRisk ?? []).slice(0, limit);
  return (
    <Card title={t('reporting.atRisk')} data-testid="at-risk">
      {q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Flex vertical gap={0}>
          {q.loading && <Loading />}
          {!q.loading && !rows.length && <EmptyState>{t('reporting.atRiskEmpty')}</EmptyState>}
          {rows.length > 0 && (
            <ol style={{ margin: 0, paddingLeft: 20 }}>
              {rows.map((r) => (
                <li key={`${r.unit.id}:${r.indicator.id}`} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0', overflowWrap: 'anywhere' }}>
                  <Link to={`/progress?${new URLSearchParams({ planId, indicatorId: r.indicator.id, unitId: r.unit.id })}`} style={{ textDecoration: 'underline' }}>
                    {r.unit.name}
                  </Link>
                  {' — '}
                  {r.indicator.name}
                  <br />
                  <Typography.Text type="secondary">
                    {t('progress.col.target')}: {r.target ? fmt(r.target.value, r.indicator.unitOfMeasure) : '—'} · {t('reporting.projected')}:{' '}
                  </Typography.Text>
                  <Typography.Text type="danger">{r.projected === null || r.projected === undefined ? '—' : fmt(r.projected, r.indicator.unitOfMeasure)}</Typography.Text>
                </li>
              ))}
            </ol>
          )}
        </Flex>
      )}
    </Card>
  );
}
