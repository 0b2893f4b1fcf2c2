import { Button, Checkbox, Flex, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { useI18n } from '../../../../app/i18n';
import type { UnitKind } from '../../../../gql/graphql';
import type { CascadeWizardState } from '../useCascadeWizard';

/** Step 2: floors and defaults per kind of child, the baseline policy and the options. */
export function RuleStep({ wizard: w }: { wizard: CascadeWizardState }) {
  const { t, locale, num } = useI18n();
  const { rule, updateRule, setKind, planFloorOf } = w;
  const decimalSeparator = locale === 'vi' ? ',' : '.';
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Table
        size="small"
        pagination={false}
        rowKey={(k) => k}
        dataSource={w.kinds}
        title={() => (
          <Typography.Text type="secondary">
            {t('cascade.floorsHelp')} {t('cascade.defaultsHelp')}
          </Typography.Text>
        )}
        columns={[
          { title: t('common.kind'), key: 'kind', render: (_, k: UnitKind) => t(`kind.${k}`) },
          {
            title: t('cascade.floors'),
            key: 'floor',
            render: (_, k: UnitKind) => (
              <Space>
                <InputNumber
                  aria-label={`${t('cascade.floors')} ${t(`kind.${k}`)}`}
                  min={planFloorOf(k) ?? 0}
                  max={w.indicator?.measure === 'COUNT' ? undefined : 100}
                  value={rule.floors[k] ?? null}
                  onChange={(v) => setKind('floors', k, v)}
                  decimalSeparator={decimalSeparator}
                />
                {planFloorOf(k) !== null && <Typography.Text type="secondary">{t('cascade.floorFromPlan', { value: num(planFloorOf(k)) })}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('cascade.defaults'),
            key: 'default',
            render: (_, k: UnitKind) => (
              <InputNumber
                aria-label={`${t('cascade.defaults')} ${t(`kind.${k}`)}`}
                min={0}
                value={rule.defaults[k] ?? null}
                onChange={(v) => setKind('defaults', k, v)}
                decimalSeparator={decimalSeparator}
              />
            ),
          },
        ]}
      />
      <Flex vertical gap={8}>
        <Space>
          <Switch checked={rule.usePolicy} onChange={(usePolicy) => updateRule({ usePolicy })} aria-label={t('cascade.policy')} />
          <Typography.Text strong>{t('cascade.policy')}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">{t('cascade.policyHelp')}</Typography.Text>
        {rule.usePolicy && (
          <Space wrap>
            <span>{t('cascade.uplift')}</span>
            <InputNumber aria-label={t('cascade.uplift')} value={rule.uplift} onChange={(v) => updateRule({ uplift: v ?? 0 })} decimalSeparator={decimalSeparator} />
            <span>{t('cascade.cap')}</span>
            <InputNumber aria-label={t('cascade.cap')} value={rule.cap} onChange={(cap) => updateRule({ cap })} decimalSeparator={decimalSeparator} />
            <Checkbox checked={rule.fromResults} onChange={(e) => updateRule({ fromResults: e.target.checked })}>
              {t('cascade.fromResults', { year: w.lastYear })}
            </Checkbox>
          </Space>
        )}
        {rule.usePolicy && (
          <Flex vertical gap={2}>
            <Checkbox checked={rule.reachParent} disabled={!w.parentTarget} onChange={(e) => updateRule({ reachParent: e.target.checked })}>
              {t('cascade.reachParent')}
            </Checkbox>
            <Typography.Text type="secondary">{w.parentTarget ? t('cascade.reachParentHelp') : t('cascade.noParentTarget')}</Typography.Text>
          </Flex>
        )}
        <Checkbox checked={rule.notBelowParent} onChange={(e) => updateRule({ notBelowParent: e.target.checked })}>
          {t('cascade.notBelowParent')}
        </Checkbox>
        <Checkbox checked={rule.keepManual} onChange={(e) => updateRule({ keepManual: e.target.checked })}>
          {t('cascade.keepManual')}
        </Checkbox>
      </Flex>
      <Space>
        <Button onClick={() => w.setStep(0)}>{t('common.back')}</Button>
        <Button type="primary" onClick={w.dryRun} loading={w.running}>
          {t('cascade.dryRun')}
        </Button>
      </Space>
    </Flex>
  );
}
