import { useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Grid, Input, Table, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { rateValue } from '@chitieu/domain';
import { useI18n } from '../../../app/i18n';
import { parseDecimal } from '../../../app/numbers';
import type { Measure, ResultValueInput, UnitKind } from '../../../gql/graphql';
import { StateTag, type UnitReporting } from './StateTag';

export interface ResultIndicator {
  id: string;
  name: string;
  measure: Measure;
  unitOfMeasure: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
}

export interface ResultUnit {
  id: string;
  name: string;
  kind: UnitKind;
}

export interface RecordedFigure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

interface Draft {
  b: string;
  a: string;
  value: string;
}

type Checked = { state: 'empty' } | { state: 'invalid'; message: string } | { state: 'ok'; input: ResultValueInput; rate: number | null; noDossiers: boolean };

/**
 * Results of one indicator for one month, one row per unit. For a RATE the user types the
 * numerator b and the denominator a; the rate is computed as they type with the domain's
 * rateValue, and a = 0 reads "no dossiers arose" rather than 0%.
 */
export function ResultForm({
  indicator,
  units,
  recorded,
  submitting,
  onSubmit,
  reporting,
  actions,
  queued,
  note,
}: {
  indicator: ResultIndicator;
  units: readonly ResultUnit[];
  recorded?: ReadonlyMap<string, RecordedFigure>;
  submitting?: boolean;
  onSubmit(results: ResultValueInput[]): void | Promise<void>;
  /** Each unit's figure's state (and a returned figure's reason); an approved one is locked. */
  reporting?: ReadonlyMap<string, UnitReporting>;
  /** Submit, approve, return: what the viewer may do with a unit's figure. */
  actions?: (u: ResultUnit) => ReactNode;
  /** Figures typed offline and not sent yet: shown in the inputs instead of the recorded ones. */
  queued?: ReadonlyMap<string, RecordedFigure>;
  /** What a unit's row says of its figure typed offline ("Chưa gửi", a conflict). */
  note?: (u: ResultUnit) => ReactNode;
}) {
  const { t, locale, value: fmt } = useI18n();
  // A phone (390 px): one block per unit instead of a table that would scroll sideways.
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const isLocked = (unitId: string) => reporting?.get(unitId)?.state === 'APPROVED';
  const rate = indicator.measure === 'RATE';
  const show = (n: number | null | undefined) => (n === null || n === undefined ? '' : locale === 'vi' ? String(n).replace('.', ',') : String(n));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      units.map((u) => {
        const r = queued?.get(u.id) ?? recorded?.get(u.id);
        return [u.id, { b: show(r?.numerator), a: show(r?.denominator), value: rate ? '' : show(r?.value) }];
      }),
    ),
  );
  const [tried, setTried] = useState(false);

  const edit = (unitId: string, field: keyof Draft, text: string) => setDrafts((d) => ({ ...d, [unitId]: { ...d[unitId], [field]: text } }));

  function check(unitId: string): Checked {
    const d = drafts[unitId] ?? { b: '', a: '', value: '' };
    if (rate) {
      const b = parseDecimal(d.b, locale);
      const a = parseDecimal(d.a, locale);
      if (b === null && a === null) return { state: 'empty' };
      if (b === null || a === null || Number.isNaN(b) || Number.isNaN(a) || b < 0 || a < 0) return { state: 'invalid', message: t('results.invalid') };
      if (b > a) return { state: 'invalid', message: t('results.bAboveA') };
      return { state: 'ok', input: { unitId, numerator: b, denominator: a }, rate: rateValue(b, a), noDossiers: a === 0 };
    }
    const v = parseDecimal(d.value, locale);
    if (v === null) return { state: 'empty' };
    if (Number.isNaN(v) || v < 0) return { state: 'invalid', message: t('results.invalid') };
    return { state: 'ok', input: { unitId, value: v }, rate: null, noDossiers: false };
  }

  const checks = new Map(units.map((u) => [u.id, check(u.id)]));
  // A locked (approved) figure is not sent again: the server would refuse it.
  const open = units.filter((u) => !isLocked(u.id)).map((u) => checks.get(u.id)!);
  const ready = open.flatMap((c) => (c.state === 'ok' ? [c.input] : []));
  const invalid = open.some((c) => c.state === 'invalid');
  const allLocked = units.length > 0 && units.every((u) => isLocked(u.id));

  function submit() {
    setTried(true);
    if (invalid || !ready.length) return;
    void onSubmit(ready);
  }

  const numberInput = (u: ResultUnit, field: keyof Draft, label: string) => (
    <Input
      inputMode="decimal"
      aria-label={`${label} — ${u.name}`}
      value={drafts[u.id]?.[field] ?? ''}
      status={checks.get(u.id)?.state === 'invalid' ? 'error' : undefined}
      onChange={(e) => edit(u.id, field, e.target.value)}
      disabled={isLocked(u.id)}
      prefix={isLocked(u.id) ? <LockOutlined aria-hidden /> : undefined}
      style={{ maxWidth: 140, minHeight: compact ? 40 : undefined }}
    />
  );

  const computed = (u: ResultUnit) => {
    const c = checks.get(u.id)!;
    if (c.state === 'invalid') return <Typography.Text type="danger">{c.message}</Typography.Text>;
    if (c.state !== 'ok') return <Typography.Text type="secondary">—</Typography.Text>;
    if (c.noDossiers) return <Tag color="blue">{t('results.noDossiers')}</Tag>;
    return (
      <Typography.Text strong data-testid={`rate-${u.id}`}>
        {rate ? fmt(c.rate, '%') : fmt(c.input.value, indicator.unitOfMeasure)}
      </Typography.Text>
    );
  };

  const stateCell = (u: ResultUnit) => {
    const r = reporting?.get(u.id);
    return (
      <Flex vertical gap={4} align="start" data-testid={`state-${u.id}`}>
        {r && <StateTag reporting={r} />}
        {note?.(u)}
        {isLocked(u.id) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <LockOutlined aria-hidden /> {t('reporting.locked')}
          </Typography.Text>
        )}
        {actions && (
          <Flex wrap gap={8}>
            {actions(u)}
          </Flex>
        )}
      </Flex>
    );
  };
  const withState = !!reporting || !!actions || !!note;
  const valueLabel = indicator.measure === 'SCORE' ? t('results.score') : t('results.count');

  return (
    <Flex vertical gap={12}>
      {rate && (indicator.numeratorLabel || indicator.denominatorLabel) && (
        <Typography.Text type="secondary">{t('results.labels', { b: indicator.numeratorLabel ?? '', a: indicator.denominatorLabel ?? '' })}</Typography.Text>
      )}
      {compact ? (
        <Flex vertical gap={12}>
          {units.map((u) => (
            <section key={u.id} aria-label={u.name} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
              <Flex vertical gap={8}>
                <Typography.Text strong>{u.name}</Typography.Text>
                {rate ? (
                  <>
                    <label>
                      <Typography.Text type="secondary">{t('results.numerator')}</Typography.Text>
                      {numberInput(u, 'b', t('results.numerator'))}
                    </label>
                    <label>
                      <Typography.Text type="secondary">{t('results.denominator')}</Typography.Text>
                      {numberInput(u, 'a', t('results.denominator'))}
                    </label>
                  </>
                ) : (
                  <label>
                    <Typography.Text type="secondary">{valueLabel}</Typography.Text>
                    {numberInput(u, 'value', valueLabel)}
                  </label>
                )}
                <div>{computed(u)}</div>
                {withState && stateCell(u)}
              </Flex>
            </section>
          ))}
        </Flex>
      ) : (
        <Table<ResultUnit>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={units as ResultUnit[]}
          columns={[
            {
              title: t('common.unit'),
              key: 'unit',
              render: (_, u) => (
                <>
                  {u.name}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`kind.${u.kind}`)}
                  </Typography.Text>
                </>
              ),
            },
            ...(rate
              ? [
                  { title: t('results.numerator'), key: 'b', width: 170, render: (_: unknown, u: ResultUnit) => numberInput(u, 'b', t('results.numerator')) },
                  { title: t('results.denominator'), key: 'a', width: 170, render: (_: unknown, u: ResultUnit) => numberInput(u, 'a', t('results.denominator')) },
                ]
              : [
                  {
                    title: indicator.measure === 'SCORE' ? t('results.score') : t('results.count'),
                    key: 'value',
                    width: 170,
                    render: (_: unknown, u: ResultUnit) => numberInput(u, 'value', valueLabel),
                  },
                ]),
            {
              title: rate ? t('results.rate') : t('results.value'),
              key: 'computed',
              width: 200,
              render: (_, u) => computed(u),
            },
            ...(withState ? [{ title: t('reporting.col.state'), key: 'state', width: 260, render: (_: unknown, u: ResultUnit) => stateCell(u) }] : []),
          ]}
        />
      )}
      {tried && !ready.length && !invalid && <Alert type="info" showIcon title={t('results.nothing')} />}
      <div>
        <Button type="primary" onClick={submit} loading={submitting} disabled={invalid || allLocked} style={compact ? { minHeight: 44 } : undefined}>
          {t('results.submit')}
        </Button>
      </div>
    </Flex>
  );
}
