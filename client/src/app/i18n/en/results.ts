import type { results as vi } from '../vi/results';

/** English messages for entering results: every key of ../vi/results.ts, no other. */
export const results: Record<keyof typeof vi, string> = {
  'results.title': 'Enter results',
  'results.plan': 'Plan',
  'results.indicator': 'Indicator',
  'results.month': 'Month',
  'results.numerator': 'Numerator (b)',
  'results.denominator': 'Denominator (a)',
  'results.rate': 'Rate b/a',
  'results.value': 'Value',
  'results.score': 'Score',
  'results.count': 'Count',
  'results.noDossiers': 'No dossiers arose',
  'results.bAboveA': 'b cannot be larger than a.',
  'results.submit': 'Record results',
  'results.saved': 'Recorded {count} results for {month}.',
  'results.nothing': 'No row has been filled in.',
  'results.pickFirst': 'Pick a plan, an indicator and a month to enter results.',
  'results.noPlans': 'No plan to report on yet. Once the level above issues a plan you can enter results here.',
  'results.labels': 'b: {b} · a: {a}',
  'results.invalid': 'Enter a non-negative number.',
};
