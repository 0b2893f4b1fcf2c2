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
  const labels = { headers: ['Đơn vị', 'Chỉ tiêu', 'b', 'a', 'Kết quả', 'Trạng thái', 'Chênh lệch', 'Xếp hạng'], status: (s: string) => (s === 'ACHIEVED' ? 'Đạt' : 'Chưa có số liệu'), comparator: () => '≥' };

  it('starts with a UTF-8 BOM and keeps Vietnamese as it is', () => {
    const csv = progressCsv([row('Thị trấn Buôn Trấp', 99.96, 'ACHIEVED')], labels, 'vi');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Thị trấn Buôn Trấp;≥ 80;999,6;1000;99,96;Đạt;19,96;1');
  });

  it('uses commas and decimal points in English, quoting what needs it', () => {
    const csv = progressCsv([row('Xã "A", B', null, 'NO_DATA')], labels, 'en');
    expect(csv.split('\r\n')[1]).toBe('"Xã ""A"", B",≥ 80,,,,Chưa có số liệu,,1');
  });
});
