import { Select } from 'antd';

/** The plan picker of the dashboard, results entry and imports: "2022 — title", newest first as given. */
export function PlanSelect({ plans, value, onChange, label, width = 320 }: {
  plans: readonly { id: string; year: number; title: string }[];
  value: string | undefined;
  onChange: (id: string) => void;
  label: string;
  width?: number;
}) {
  return (
    <Select
      style={{ width }}
      value={value}
      onChange={onChange}
      options={plans.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }))}
      popupMatchSelectWidth={false}
      aria-label={label}
    />
  );
}

/** The indicator picker beside it: the plan's indicators as the decision numbers them ("2. Tỷ lệ …"). */
export function IndicatorSelect({ indicators, value, onChange, label, loading, width = 360 }: {
  indicators: readonly { position?: string | null; indicator: { id: string; name: string } }[];
  value: string | undefined;
  onChange: (id: string) => void;
  label: string;
  loading?: boolean;
  width?: number;
}) {
  return (
    <Select
      style={{ width }}
      value={value}
      loading={loading}
      onChange={onChange}
      options={indicators.map((i) => ({ value: i.indicator.id, label: `${i.position ? `${i.position}. ` : ''}${i.indicator.name}` }))}
      popupMatchSelectWidth={false}
      aria-label={label}
    />
  );
}
