import { Alert, Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { MatrixIndicator, MatrixTarget, MatrixUnit } from './TargetMatrix';

const SHOWN = 4;

export interface MissingTargetsProps {
  indicators: readonly MatrixIndicator[];
  /** The units the viewer must assign to (its children in the plan's structure). */
  units: readonly MatrixUnit[];
  targets: readonly Pick<MatrixTarget, 'unit' | 'indicator'>[];
  deadline: string | null;
  /** ISO day to compare the deadline with (today by default). */
  today?: string;
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * For the unit that sub-assigns: the deadline, and what is still missing — per indicator, the
 * children without a target yet (docs/spec/domain.md: a late sub-assignment is saved but
 * flagged).
 */
export function MissingTargets({ indicators, units, targets, deadline, today = todayIso() }: MissingTargetsProps) {
  const { t, date } = useI18n();
  const has = new Set(targets.map((tg) => `${tg.unit.id}:${tg.indicator.id}`));
  const rows = indicators.map((ind) => {
    const missing = units.filter((u) => !has.has(`${u.id}:${ind.id}`));
    return { ind, missing };
  });
  const total = units.length;
  const allDone = rows.every((r) => r.missing.length === 0);
  const past = !!deadline && deadline < today;

  const when = !deadline
    ? t('missing.noDeadline')
    : `${t('missing.deadline', { date: date(deadline) })} — ${past ? t('missing.pastDeadline') : t('missing.daysLeft', { days: daysBetween(today, deadline) })}`;

  return (
    <Alert
      type={allDone ? 'success' : past ? 'warning' : 'info'}
      showIcon
      title={when}
      description={
        allDone ? (
          t('missing.allDone', { total })
        ) : (
          <Flex vertical gap={2} role="list" aria-label={t('missing.title')}>
            <Typography.Text strong>{t('missing.title')}</Typography.Text>
            {rows.map(({ ind, missing }) => {
              const label = `${ind.position ? `${ind.position}. ` : ''}${ind.name}`;
              const names =
                missing
                  .slice(0, SHOWN)
                  .map((u) => u.name)
                  .join(', ') + (missing.length > SHOWN ? ` ${t('missing.andMore', { count: missing.length - SHOWN })}` : '');
              return (
                <div role="listitem" key={ind.id} data-missing={missing.length}>
                  {missing.length ? t('missing.some', { indicator: label, missing: missing.length, total, units: names }) : t('missing.done', { indicator: label, total })}
                </div>
              );
            })}
          </Flex>
        )
      }
    />
  );
}
