import { describe, expect, it } from 'vitest';
import { discard, enqueue, keepMine, useQueuedWrites } from './offline-queue';
import { renderHook, waitFor } from '@testing-library/react';

const NONE = { numerator: null, denominator: null, value: null };
const base = { userId: 'u1', planId: 'p1', indicatorId: 'i1', indicatorName: 'Tỷ lệ', period: '2022-09' };

describe('the offline queue (kept in memory where the test has no IndexedDB)', () => {
  it('merges a second entry for the same indicator and period, keeping what each unit was first based on', async () => {
    const { result } = renderHook(() => useQueuedWrites('u1'));
    await enqueue({ ...base, results: [{ unitId: 'a', unitName: 'A', numerator: 1, denominator: 2, value: null, basedOn: NONE }] });
    await enqueue({
      ...base,
      results: [
        { unitId: 'a', unitName: 'A', numerator: 3, denominator: 4, value: null, basedOn: { numerator: 1, denominator: 2, value: 50 } },
        { unitId: 'b', unitName: 'B', numerator: 5, denominator: 6, value: null, basedOn: NONE },
      ],
    });
    await waitFor(() => expect(result.current).toHaveLength(1));
    const [entry] = result.current;
    expect(entry.status).toBe('pending');
    expect(entry.results.map((r) => [r.unitId, r.numerator, r.basedOn])).toEqual([
      ['a', 3, NONE],
      ['b', 5, NONE],
    ]);
    // Another user's entries are not this user's.
    expect(renderHook(() => useQueuedWrites('u2')).result.current).toEqual([]);

    // "Keep mine": sent again without a basis, so it is the last word.
    await keepMine(entry.id);
    await waitFor(() => expect(result.current[0].results.every((r) => r.basedOn === null)).toBe(true));
    await discard(entry.id);
    await waitFor(() => expect(result.current).toEqual([]));
  });
});
