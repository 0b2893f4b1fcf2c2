import { describe, expect, it } from 'vitest';
import { groupRows, sameSection } from './grouping';

const row = (id: string, section: string | null) => ({ id, section });

describe('groupRows', () => {
  const headings = [
    { position: 'I.', text: 'Chỉ tiêu về cải cách thủ tục hành chính' },
    { position: 'II', text: 'Chỉ tiêu về chuyển đổi số' },
  ];

  it('puts each row under the heading its section names, in the headings order and the rows order', () => {
    const rows = [row('a', 'II'), row('b', 'I'), row('c', 'II.'), row('d', 'I.')];
    const groups = groupRows(headings, rows);
    expect(groups.map((g) => [g.heading?.position, g.rows.map((r) => r.id)])).toEqual([
      ['I.', ['b', 'd']],
      ['II', ['a', 'c']],
    ]);
  });

  it('keeps rows under no heading (or a heading since removed) in a last group of their own', () => {
    const groups = groupRows(headings, [row('a', null), row('b', 'III'), row('c', 'I')]);
    expect(groups.at(-1)).toEqual({ heading: null, rows: [row('a', null), row('b', 'III')] });
    expect(groups[0].rows).toEqual([row('c', 'I')]);
  });

  it('is one group without heading when the plan has no headings', () => {
    const rows = [row('a', '1'), row('b', null)];
    expect(groupRows([], rows)).toEqual([{ heading: null, rows }]);
    expect(groupRows([], [])).toEqual([{ heading: null, rows: [] }]);
  });

  it('keeps empty headings (the document prints them)', () => {
    expect(groupRows(headings, []).map((g) => g.heading?.position)).toEqual(['I.', 'II']);
  });

  it('reads "I" and "I." as the same position, and nothing as no position', () => {
    expect(sameSection('I', 'I.')).toBe(true);
    expect(sameSection(' 2.1 ', '2.1')).toBe(true);
    expect(sameSection('I', 'II')).toBe(false);
    expect(sameSection(null, 'I')).toBe(false);
  });
});
