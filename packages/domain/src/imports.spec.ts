import { describe, expect, it } from 'vitest';
import { IMPORT_ISSUE_SEVERITY, IMPORT_MESSAGES, importMessage, isNoDossierText } from './index';

describe('import messages', () => {
  it('speak both languages for every code', () => {
    for (const [code, m] of Object.entries(IMPORT_MESSAGES)) {
      expect(m.vi, code).toBeTruthy();
      expect(m.en, code).toBeTruthy();
    }
    for (const code of Object.keys(IMPORT_ISSUE_SEVERITY)) expect(IMPORT_MESSAGES, code).toHaveProperty(code);
  });

  it('fill their parameters', () => {
    expect(importMessage('UNIT_NOT_FOUND', { name: 'Xã Không Có', code: null }, 'vi')).toBe('Không tìm thấy đơn vị “Xã Không Có” trong kế hoạch');
    expect(importMessage('BAD_NUMBER', { column: 'Chỉ tiêu', text: 'abc' }, 'en')).toBe('Column “Chỉ tiêu”: “abc” is not a number');
  });

  it('fall back to the API’s messages for the API’s codes', () => {
    expect(importMessage('BELOW_FLOOR', { value: 10, floor: 40 }, 'vi')).toBe('Chỉ tiêu 10% thấp hơn mức sàn 40%');
  });
});

describe('isNoDossierText', () => {
  it.each([
    'Không có hồ sơ phát sinh',
    'không có hồ sơ phát sinh.',
    'KHÔNG PHÁT SINH',
    'Không có hồ sơ'.normalize('NFD'),
    'No dossiers arose',
    'Không phát sinh hồ sơ',
    'không  phát sinh  hồ sơ',
    'Chưa phát sinh hồ sơ',
    'KPS',
    // As the annex writes a target's baseline note.
    'Không có hồ sơ phát sinh năm 2021',
  ])('%j', (t) => expect(isNoDossierText(t)).toBe(true));
  it.each(['', '0', 'Không', 'abc', 'Phát sinh hồ sơ', 'Không đạt'])('not %j', (t) => expect(isNoDossierText(t)).toBe(false));
});
