import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translate } from './index';
import { vi } from './vi';

/** The {name} placeholders a message fills in. */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  const viKeys = Object.keys(vi).sort();
  const enKeys = Object.keys(en).sort();

  it('have every key in both languages', () => {
    expect(enKeys).toEqual(viKeys);
  });

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('fill in the same placeholders in both languages', () => {
    for (const key of viKeys) expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(vi[key as keyof typeof vi]));
  });

  it('are read through translate, Vietnamese by default', () => {
    expect(translate('vi', 'cascade.summaryOk', { created: 2, updated: 1 })).toBe(vi['cascade.summaryOk'].replace('{created}', '2').replace('{updated}', '1'));
    expect(translate('en', 'nav.accounts')).toBe('Accounts');
  });
});
