import { Form, Select } from 'antd';

/** The plan picker of the dashboard, results entry and imports: "2022 — title", newest first as given. */
export function PlanSelect({
  plans,
  value,
  onChange,
  label,
  width = 320,
}: {
  plans: readonly { id: string; year: number; title: string }[];
  value: string | undefined;
  onChange: (id: string) => void;
  label: string;
  width?: number;
}) {
  return (
    <Select
      style={{ width, maxWidth: '100%' }}
      value={value}
      onChange={onChange}
      options={plans.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }))}
      popupMatchSelectWidth={false}
      aria-label={label}
    />
  );
}

/** The indicator picker beside it: the plan's indicators as the decision numbers them ("2. Tỷ lệ …"). */
export function IndicatorSelect({
  indicators,
  value,
  onChange,
  label,
  loading,
  width = 360,
}: {
  indicators: readonly { position?: string | null; indicator: { id: string; name: string } }[];
  value: string | undefined;
  onChange: (id: string) => void;
  label: string;
  loading?: boolean;
  width?: number;
}) {
  return (
    <Select
      style={{ width, maxWidth: '100%' }}
      value={value}
      loading={loading}
      onChange={onChange}
      options={indicators.map((i) => ({ value: i.indicator.id, label: `${i.position ? `${i.position}. ` : ''}${i.indicator.name}` }))}
      popupMatchSelectWidth={false}
      aria-label={label}
    />
  );
}

/**
 * The two pickers as form items, each labelled once for sight and screen readers: the pages that
 * work on one indicator of one plan (the dashboard, results entry, imports) start with them.
 */
export function PlanIndicatorItems(props: {
  plans: readonly { id: string; year: number; title: string }[];
  planId: string | undefined;
  onPlan: (id: string) => void;
  indicators: readonly { position?: string | null; indicator: { id: string; name: string } }[];
  indicatorId: string | undefined;
  onIndicator: (id: string) => void;
  loading?: boolean;
  labels: { plan: string; indicator: string };
  widths?: { plan?: number; indicator?: number };
}) {
  const { labels, widths } = props;
  return (
    <>
      <Form.Item label={labels.plan}>
        <PlanSelect plans={props.plans} value={props.planId} onChange={props.onPlan} label={labels.plan} width={widths?.plan} />
      </Form.Item>
      <Form.Item label={labels.indicator}>
        <IndicatorSelect
          indicators={props.indicators}
          value={props.indicatorId}
          loading={props.loading}
          onChange={props.onIndicator}
          label={labels.indicator}
          width={widths?.indicator}
        />
      </Form.Item>
    </>
  );
}
