import { describe, expect, it } from 'vitest';
import { ERROR_CODES, IMPORT_ISSUE_SEVERITY, ISSUE_CODES, LOCALES } from '../codes';
import { MESSAGE_CATALOGUES, httpMessage, importMessage, isReasonKey, issueMessage, notificationMessage, reasonMessage, storedText } from './catalogue';
import { HTTP_MESSAGES } from './http';
import { IMPORT_MESSAGES } from './imports';
import { MESSAGES, VARIANTS } from './issues';
import { REASON_MESSAGES } from './reasons';

/** The placeholders of a template, "{value}%" kept apart from "{value}" (it prints a unit). */
function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}(%?)/g)].map((m) => m[1] + m[2]).sort();
}

/** Each [optional part]'s placeholders, in order: vi and en must drop the same parts for the same missing parameters. */
function optionalParts(template: string): string[][] {
  return [...template.matchAll(/\[([^\]]*)\]/g)].map((m) => placeholders(m[1]));
}

const entries = Object.entries(MESSAGE_CATALOGUES).flatMap(([table, messages]) => Object.entries(messages).map(([key, texts]) => ({ name: `${table}.${key}`, table, texts })));

describe('the message catalogue', () => {
  it('has every table and every entry', () => {
    expect(Object.keys(MESSAGE_CATALOGUES).sort()).toEqual(['documents', 'http', 'imports', 'issues', 'notifications', 'reasons', 'sheets', 'stored', 'variants']);
    expect(entries.length).toBeGreaterThan(80);
  });

  it.each(entries)('$name has a non-empty text in every language and no other', ({ texts }) => {
    expect(Object.keys(texts).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      expect(typeof texts[locale]).toBe('string');
      expect(texts[locale].trim()).not.toBe('');
      expect(texts[locale]).toBe(texts[locale].trim());
    }
  });

  it.each(entries)('$name names the same placeholders and optional parts in vi and en', ({ texts }) => {
    expect(placeholders(texts.vi)).toEqual(placeholders(texts.en));
    expect(optionalParts(texts.vi)).toEqual(optionalParts(texts.en));
    for (const locale of LOCALES) {
      // Brackets open and close in turn: an unclosed one would swallow the rest of the sentence.
      expect(texts[locale].replace(/\[[^[\]]*\]/g, ''), locale).not.toMatch(/[[\]]/);
    }
  });

  it('has a message for every issue, error and import code', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...ISSUE_CODES, ...ERROR_CODES].sort());
    for (const code of Object.keys(IMPORT_ISSUE_SEVERITY)) expect(IMPORT_MESSAGES, code).toHaveProperty(code);
  });

  it('keeps the import codes apart from the API codes, and every variant on a known code', () => {
    for (const code of Object.keys(IMPORT_MESSAGES)) expect(MESSAGES, code).not.toHaveProperty(code);
    for (const key of Object.keys(VARIANTS)) expect(Object.keys(MESSAGES), key).toContain(key.split(':')[0]);
  });

  it('writes reasons as plain fragments: no optional parts or units, which reasonMessage does not read', () => {
    for (const [key, texts] of Object.entries(REASON_MESSAGES)) {
      for (const locale of LOCALES) expect(texts[locale], `${key}.${locale}`).not.toMatch(/[[\]]|\}%/);
    }
  });
});

describe('the lookups', () => {
  it('fills a reason with its parameters as given, and returns an unknown key as it is', () => {
    expect(reasonMessage('limit', { max: 1000 }, 'vi')).toBe('mỗi trang tối đa 1000 dòng');
    expect(reasonMessage('limit', { max: 1000 }, 'en')).toBe('at most 1000 rows a page');
    expect(reasonMessage('missingParameter', { name: 'plan' }, 'vi')).toBe('thiếu tham số plan');
    expect(reasonMessage('missingParameter', { name: 'plan' }, 'en')).toBe('missing plan');
    expect(reasonMessage('limit', {}, 'en')).toBe('at most  rows a page');
    expect(reasonMessage('đã viết sẵn', null, 'vi')).toBe('đã viết sẵn');
  });

  it('finds only its own keys: a request naming an Object member finds nothing', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(isReasonKey(key), key).toBe(false);
      expect(reasonMessage(key, {}, 'vi')).toBe(key);
      expect(issueMessage(key as never, {}, 'vi')).toBe(key);
      expect(importMessage(key as never, {}, 'en')).toBe(key);
    }
    expect(isReasonKey('passwordCommon')).toBe(true);
    expect(isReasonKey(42)).toBe(false);
  });

  it('answers the REST refusals in both languages', () => {
    expect(httpMessage('SIGN_IN_REQUIRED', {}, 'vi')).toBe('Vui lòng đăng nhập.');
    expect(httpMessage('SIGN_IN_REQUIRED', {}, 'en')).toBe('Please sign in.');
    expect(httpMessage('CSRF_REFUSED', {}, 'vi')).toBe(HTTP_MESSAGES.CSRF_REFUSED.vi);
    expect(httpMessage('CSRF_REFUSED', null, 'en')).toContain('cross-site request forgery');
  });

  it('writes a stored text in Vietnamese unless told, a year as a year', () => {
    expect(storedText('baselineFromResults', { year: 2024 })).toBe('Kết quả năm 2024');
    expect(storedText('baselineFromResultsWithPredecessors', { year: 2025 })).toBe('Kết quả năm 2025 (gồm số liệu của các đơn vị trước sắp xếp)');
    expect(storedText('baselineFromResults', { year: 2024 }, 'en')).toBe('Results of 2024');
  });

  it('reads an import code from its own table and an API code from the issues', () => {
    expect(importMessage('BAD_PERIOD', { period: '2024-Q5' }, 'en')).toBe(issueMessage('INVALID_PERIOD', { period: '2024-Q5' }, 'en'));
    expect(importMessage('MISSING_VALUE', { column: 'Chỉ tiêu' }, 'vi')).toBe('Thiếu giá trị ở cột “Chỉ tiêu”');
    expect(importMessage('BELOW_FLOOR', { value: 80, floor: 90 }, 'vi')).toBe('Chỉ tiêu 80% thấp hơn mức sàn 90%');
  });

  it("renders a notification in the reader's language: numbers, dates, and a note only when there is one", () => {
    const params = { indicator: 'DLK22-ONLINE-RATE', unit: 'Huyện Buôn Đôn', to: 72.5 };
    expect(notificationMessage('ADJUSTMENT_REJECTED', { ...params, note: 'Giữ nguyên' }, 'vi')).toBe(
      'Đề xuất điều chỉnh chỉ tiêu DLK22-ONLINE-RATE của Huyện Buôn Đôn thành 72,5 không được chấp nhận. Ghi chú: Giữ nguyên',
    );
    expect(notificationMessage('ADJUSTMENT_ACCEPTED', { ...params, note: null }, 'en')).toBe(
      'The proposal to change the target DLK22-ONLINE-RATE of Huyện Buôn Đôn to 72.5 was accepted.',
    );
    expect(notificationMessage('REMINDER_SUB_ASSIGNMENT', { plan: 'KH 2026', deadline: '2026-12-05', days: 2 }, 'vi')).toContain('ngày 05/12/2026 (còn 2 ngày)');
    expect(notificationMessage('NO_SUCH_KIND', {}, 'vi')).toBe('NO_SUCH_KIND');
  });
});
