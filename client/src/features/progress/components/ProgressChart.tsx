import { Column } from '@ant-design/plots';
import { useI18n } from '../../../app/i18n';
import type { ProgressRowFragment } from '../../../gql/graphql';
import { EmptyState } from '../../../app/components/States';

/** The children's results as bars, the parent's target as a line across them. Lazy-loaded. */
export function ProgressChart({ rows, target, unitOfMeasure }: { rows: readonly ProgressRowFragment[]; target: number | null; unitOfMeasure: string }) {
  const { t, value } = useI18n();
  const data = rows.filter((r) => r.rolledUp.value !== null).map((r) => ({ unit: r.unit.name, value: r.rolledUp.value as number, status: t(`status.${r.status}`) }));
  // Each child's own target, drawn as a tick across its bar (children may have different targets).
  const targets = rows.filter((r) => r.rolledUp.value !== null && r.target).map((r) => ({ unit: r.unit.name, target: r.target!.value, status: t(`status.${r.status}`) }));
  if (!data.length) return <EmptyState>{t('progress.chartEmpty')}</EmptyState>;
  return (
    <Column
      height={440}
      data={data}
      xField="unit"
      yField="value"
      colorField="status"
      scale={{ color: { domain: [t('status.ACHIEVED'), t('status.NOT_ACHIEVED')], range: ['#389e0d', '#cf1322'] } }}
      axis={{ x: { labelAutoRotate: true, labelAutoHide: false, title: false }, y: { title: unitOfMeasure || false, labelFormatter: (v: number) => value(v) } }}
      tooltip={{ items: [{ channel: 'y', name: t('progress.chartValue'), valueFormatter: (v: number) => value(v, unitOfMeasure) }] }}
      annotations={[
        {
          type: 'point',
          data: targets,
          xField: 'unit',
          yField: 'target',
          colorField: undefined,
          encode: { shape: 'hyphen', size: 10 },
          style: { stroke: '#1554b4', lineWidth: 3 },
          tooltip: { items: [{ channel: 'y', name: t('progress.chartTarget'), valueFormatter: (v: number) => value(v, unitOfMeasure) }] },
        },
        ...(target === null
          ? []
          : [
              {
                type: 'lineY',
                data: [target],
                style: { stroke: '#1677ff', lineWidth: 2, lineDash: [6, 4] },
                label: { text: `${t('progress.chartTarget')} ${value(target, unitOfMeasure)}`, position: 'left', dy: -8, style: { fill: '#1677ff' } },
              },
            ]),
      ]}
      legend={{ color: { position: 'top', itemMarker: 'square' } }}
    />
  );
}

/** One unit's monthly figures as bars, the target and the year-end projection as lines. Lazy-loaded. */
export function TrendChart({
  points,
  target,
  projected,
  unitOfMeasure,
}: {
  points: readonly { month: string; value: number }[];
  target: number | null;
  projected: number | null;
  unitOfMeasure: string;
}) {
  const { t, value } = useI18n();
  if (!points.length) return <EmptyState>{t('reporting.trendEmpty')}</EmptyState>;
  const line = (v: number, label: string, stroke: string, dash: number[]) => ({
    type: 'lineY',
    data: [v],
    style: { stroke, lineWidth: 2, lineDash: dash },
    label: { text: `${label} ${value(v, unitOfMeasure)}`, position: 'left', dy: -8, style: { fill: stroke } },
  });
  return (
    <Column
      height={320}
      data={points as { month: string; value: number }[]}
      xField="month"
      yField="value"
      style={{ fill: '#1677ff' }}
      axis={{ x: { title: false }, y: { title: unitOfMeasure || false, labelFormatter: (v: number) => value(v) } }}
      tooltip={{ items: [{ channel: 'y', name: t('reporting.trendValue'), valueFormatter: (v: number) => value(v, unitOfMeasure) }] }}
      annotations={[
        ...(target === null ? [] : [line(target, t('reporting.trendTarget'), '#389e0d', [6, 4])]),
        ...(projected === null ? [] : [line(projected, t('reporting.trendProjected'), '#d46b08', [2, 3])]),
      ]}
    />
  );
}
