import { describe, expect, it } from 'vitest';
import { progressCsv } from './csv';
import type { ProgressRowFragment } from '../../gql/graphql';

const row = (name: string, value: number | null, status: ProgressRowFragment['status']): ProgressRowFragment => ({
  period: '2022',
  status,
  gap: value === null ? null : value - 80,
  rank: 1,
  belowHardMinimum: false,
  unit: { id: name, name, kind: 'COMMUNE' },
  target: { value: 80, comparator: 'AT_LEAST' },
  rolledUp: { numerator: value === null ? null : value * 10, denominator: value === null ? null : 1000, value, fromPredecessors: false },
});

describe('progressCsv', () => {
  const labels = {
    headers: ['Đơn vị', 'Chỉ tiêu', 'b', 'a', 'Kết quả', 'Trạng thái', 'Chênh lệch', 'Xếp hạng'],
    status: (s: string) => (s === 'ACHIEVED' ? 'Đạt' : 'Chưa có số liệu'),
    comparator: () => '≥',
  };

  it('starts with a UTF-8 BOM and keeps Vietnamese as it is', () => {
    const csv = progressCsv([row('Thị trấn Buôn Trấp', 99.96, 'ACHIEVED')], labels, 'vi');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Thị trấn Buôn Trấp;≥ 80;999,6;1000;99,96;Đạt;19,96;1');
  });

  it('uses commas and decimal points in English, quoting what needs it', () => {
    const csv = progressCsv([row('Xã "A", B', null, 'NO_DATA')], labels, 'en');
    expect(csv.split('\r\n')[1]).toBe('"Xã ""A"", B",≥ 80,,,,Chưa có số liệu,,1');
  });

  describe('neutralises what a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    const payloads = ['=HYPERLINK("http://evil.example","Bấm vào")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    for (const name of payloads) {
      it(`a unit named ${JSON.stringify(name)} is inert text, prefixed with a quote and quoted`, () => {
        for (const locale of ['vi', 'en'] as const) {
          const line = progressCsv([row(name, 50, 'ACHIEVED')], labels, locale).split('\r\n')[1];
          const sep = locale === 'vi' ? ';' : ',';
          const first = `"'${name.replace(/"/g, '""')}"${sep}`;
          expect(line.startsWith(first)).toBe(true);
        }
      });
    }

    it('keeps negative figures as numbers, not text', () => {
      const vi = progressCsv([row('Xã Ea Na', 76.5, 'NOT_ACHIEVED' as never)], labels, 'vi').split('\r\n')[1];
      expect(vi).toBe('Xã Ea Na;≥ 80;765;1000;76,5;Chưa có số liệu;-3,5;1');
      const en = progressCsv([row('Xã Ea Na', 76.5, 'NOT_ACHIEVED' as never)], labels, 'en').split('\r\n')[1];
      expect(en).toBe('Xã Ea Na,≥ 80,765,1000,76.5,Chưa có số liệu,-3.5,1');
    });

    it('neutralises a label that starts like a formula (a comparator written "=")', () => {
      const line = progressCsv([row('Xã A', 80, 'ACHIEVED')], { ...labels, comparator: () => '=' }, 'vi').split('\r\n')[1];
      expect(line).toBe(`Xã A;"'= 80";800;1000;80;Đạt;0;1`);
    });
  });
});
