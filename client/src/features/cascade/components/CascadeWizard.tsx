import { Flex, Steps } from 'antd';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/components/States';
import { DoneStep } from './steps/DoneStep';
import { PickStep } from './steps/PickStep';
import { PreviewStep } from './steps/PreviewStep';
import { RuleStep } from './steps/RuleStep';
import { STEPS, useCascadeWizard, type CascadeWizardProps } from './useCascadeWizard';

export type { CascadeWizardProps } from './useCascadeWizard';

const SCREENS = [PickStep, RuleStep, PreviewStep, DoneStep];

/**
 * The cascade wizard (docs/spec/domain.md, "Cascading"): pick an indicator and the assigning unit,
 * set the rule (floors, defaults, baseline policy), preview every child with a dry run, apply in
 * one transaction. Typed overrides are checked in place with the same rules the server uses.
 * The state and transitions live in `useCascadeWizard`; each step is its own screen.
 */
export function CascadeWizard(props: CascadeWizardProps) {
  const { t } = useI18n();
  const wizard = useCascadeWizard(props);
  if (!props.indicators.length || !props.parents.length) return <EmptyState>{t('plan.ind.empty')}</EmptyState>;
  const Screen = SCREENS[wizard.step];
  return (
    <Flex vertical gap={24}>
      <Steps current={wizard.step} items={STEPS.map((s) => ({ title: t(`cascade.step.${s}`) }))} />
      <Screen wizard={wizard} />
    </Flex>
  );
}
