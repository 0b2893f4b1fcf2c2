import { DomainError, MAX_COUNT, figureRange, isAllowedScore, scoreOptions, type Measure, type ScoreStep } from '@chitieu/domain';

/**
 * The figure a row carries for its measure, or the reason it is not acceptable: counts (b, a,
 * a COUNT value) lie in 0..1e12, a score or a PERCENT value in 0..100 (a value alone: b and a
 * without it are refused as valueMissing), and nothing is non-finite. recordResults and
 * the spreadsheet import both go through here, so no path stores Infinity or a sum that could
 * overflow (5,000 rows × 1e12 is far below 1.8e308).
 */
export function checkResultValues(measure: Measure, r: { numerator?: number | null; denominator?: number | null; value?: number | null }) {
  const finite = (x: number | null | undefined) => x === null || x === undefined || Number.isFinite(x);
  if (!finite(r.numerator) || !finite(r.denominator) || !finite(r.value)) return { error: 'notANumber' as const };
  if (measure === 'RATE') {
    const b = r.numerator ?? null;
    const a = r.denominator ?? null;
    if (b === null || a === null) return { error: 'rateNeedsBoth' as const };
    if (b < 0 || a < 0 || b > a || a > MAX_COUNT) return { error: 'rateRange' as const };
    return { numerator: b, denominator: a, value: a > 0 ? (100 * b) / a : null };
  }
  const v = r.value ?? null;
  if (v === null) return { error: 'valueMissing' as const };
  if (v < 0 || v > figureRange(measure).max) return { error: 'valueRange' as const };
  return { numerator: null, denominator: null, value: v };
}

/**
 * INVALID_SCORE when an indicator with scoring steps is given a score none of its steps gives
 * ("100 / 50 / 0" allowed, 75 refused); null otherwise. Without steps any 0..100 is a score.
 */
export function scoreIssue(indicator: { measure: Measure; scoring?: readonly ScoreStep[] | null }, value: number | null): DomainError | null {
  const rule = indicator.scoring ?? [];
  if (indicator.measure !== 'SCORE' || !rule.length || value === null || isAllowedScore(rule, value)) return null;
  return new DomainError('INVALID_SCORE', { value, options: scoreOptions(rule).join(' / ') });
}
