import { describe, expect, it } from 'vitest';
import { relativeTime } from './time';

describe('relativeTime', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');
  it('says nothing under a minute and past a week', () => {
    expect(relativeTime('2026-12-03T09:59:30Z', 'en', now)).toBeNull();
    expect(relativeTime('2026-11-25T09:00:00Z', 'en', now)).toBeNull();
  });
  it('counts minutes, hours and days back', () => {
    expect(relativeTime('2026-12-03T09:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-12-03T07:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(relativeTime('2026-12-01T10:00:00Z', 'en', now)).toBe('2 days ago');
  });
});
