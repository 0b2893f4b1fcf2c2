import { Button, Descriptions, Form, Select } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { ErrorState, Loading } from '../../../../app/components/States';
import type { CascadeWizardState } from '../useCascadeWizard';

/** Step 1: the indicator and the assigning unit, with the parent's target and its children count. */
export function PickStep({ wizard: w }: { wizard: CascadeWizardState }) {
  const { t, value: fmt } = useI18n();
  const { unitsQ, targetsQ, parentTarget, children } = w;
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('cascade.indicator')}>
        <Select
          aria-label={t('cascade.indicator')}
          value={w.indicatorId}
          onChange={w.chooseIndicator}
          options={w.indicators.map((i) => ({ value: i.id, label: `${i.position ? `${i.position}. ` : ''}${i.name}` }))}
        />
      </Form.Item>
      <Form.Item label={t('cascade.parent')}>
        <Select
          aria-label={t('cascade.parent')}
          value={w.parentId}
          onChange={w.chooseParent}
          options={w.parents.map((p) => ({ value: p.id, label: p.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {unitsQ.loading || targetsQ.loading ? (
        <Loading />
      ) : unitsQ.error || targetsQ.error ? (
        <ErrorState error={unitsQ.error ?? targetsQ.error} onRetry={() => void unitsQ.refetch()} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'target',
              label: t('cascade.parentTarget'),
              children: parentTarget ? `${t(`comparator.symbol.${parentTarget.comparator}`)} ${fmt(parentTarget.value, w.indicator?.unitOfMeasure)}` : t('cascade.noParentTarget'),
            },
            { key: 'children', label: t('common.unit'), children: children.length ? t('cascade.children', { count: children.length }) : t('cascade.noChildren') },
          ]}
        />
      )}
      <Button type="primary" disabled={!w.indicator || !children.length} onClick={w.enterRule}>
        {t('common.next')}
      </Button>
    </Form>
  );
}
