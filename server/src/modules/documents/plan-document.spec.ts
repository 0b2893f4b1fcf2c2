import { describe, expect, it } from 'vitest';
import type { UnitKind } from '@chitieu/domain';
import { annexColumns, annexSections, type AnnexIndicator, type AnnexRow } from '../spreadsheets/annex.workbook';
import { documentKindOf, figureText, floorLines, headingLines } from './plan-document';

describe('the words of a printed plan', () => {
  it('writes a figure with its comparator and a decimal comma, "%" only for rates', () => {
    expect(figureText(80, 'AT_LEAST', '%')).toBe('≥ 80%');
    expect(figureText(99.5, 'GREATER_THAN', '%')).toBe('> 99,5%');
    expect(figureText(5, 'AT_MOST', '%')).toBe('≤ 5%');
    expect(figureText(20, 'AT_LEAST', 'dịch vụ')).toBe('≥ 20');
    expect(figureText(120, 'EQUAL', '')).toBe('120');
  });

  it('writes floors one line per level when its kinds agree, one per kind when they differ', () => {
    expect(
      floorLines(
        [
          { kind: 'DISTRICT', value: 80 },
          { kind: 'TOWN', value: 80 },
          { kind: 'COMMUNE', value: 40 },
          { kind: 'WARD', value: 80 },
        ],
        'AT_LEAST',
        '%',
      ),
    ).toEqual(['Cấp huyện: ≥ 80%', 'Xã: ≥ 40%', 'Phường: ≥ 80%']);
    expect(floorLines([{ kind: 'PROVINCIAL_AGENCY', value: 50 }], 'AT_LEAST', '%')).toEqual(['Sở, ban, ngành: ≥ 50%']);
    expect(floorLines([], 'AT_LEAST', '%')).toEqual([]);
  });

  it('prints a numbered heading on one line and a worded one above its text', () => {
    expect(headingLines({ position: 'I', text: 'CHỈ TIÊU' })).toEqual(['I. CHỈ TIÊU']);
    expect(headingLines({ position: 'II.', text: 'NHIỆM VỤ' })).toEqual(['II. NHIỆM VỤ']);
    expect(headingLines({ position: '2.1', text: 'Số hóa' })).toEqual(['2.1. Số hóa']);
    expect(headingLines({ position: 'a)', text: 'Cấp tỉnh' })).toEqual(['a) Cấp tỉnh']);
    expect(headingLines({ position: 'Phụ lục', text: 'BIỂU MỨC GIAO' })).toEqual(['Phụ lục', 'BIỂU MỨC GIAO']);
  });

  it('tells a decision from a plan by its kind, else by its number’s symbol', () => {
    expect(documentKindOf({ documentKind: 'PLAN', documentNumber: '1/QĐ-UBND' })).toBe('PLAN');
    expect(documentKindOf({ documentKind: null, documentNumber: '629/QĐ-UBND' })).toBe('DECISION');
    expect(documentKindOf({ documentKind: null, documentNumber: '91/KH-UBND' })).toBe('PLAN');
    expect(documentKindOf({ documentKind: null, documentNumber: null })).toBe('PLAN');
  });
});

describe('the annex below the children', () => {
  const row = (name: string, kind: UnitKind, level = 1, parent: AnnexRow['parent'] = null, cells: AnnexRow['cells'] = {}): AnnexRow => ({ name, kind, level, parent, cells });
  const krongAna = { name: 'Huyện Krông A Na', kind: 'DISTRICT' as const };
  const lak = { name: 'Huyện Lắk', kind: 'DISTRICT' as const };
  const rows = [
    row('Sở Y tế', 'PROVINCIAL_AGENCY'),
    row('Huyện Krông A Na', 'DISTRICT'),
    row('Huyện Lắk', 'DISTRICT'),
    row('Thị trấn Buôn Trấp', 'TOWNSHIP', 2, krongAna),
    row('Xã Ea Na', 'COMMUNE', 2, krongAna),
    row('Xã Đắk Liêng', 'COMMUNE', 2, lak),
  ];

  it('adds a section per level, the units below listed under their parent in the parents’ order', () => {
    expect(annexSections(rows, true).map((s) => [s.heading, s.parts.map((p) => [p.parent, p.rows.map((r) => r.name)])])).toEqual([
      ['CÁC SỞ, BAN, NGÀNH', [[null, ['Sở Y tế']]]],
      ['UBND CẤP HUYỆN', [[null, ['Huyện Krông A Na', 'Huyện Lắk']]]],
      [
        'UBND CẤP XÃ',
        [
          ['UBND huyện Krông A Na', ['Thị trấn Buôn Trấp', 'Xã Ea Na']],
          ['UBND huyện Lắk', ['Xã Đắk Liêng']],
        ],
      ],
    ]);
    // One level: the sections the annex always had.
    expect(annexSections(rows.slice(0, 3)).map((s) => s.heading)).toEqual(['CÁC SỞ, BAN, NGÀNH', 'UBND CÁC HUYỆN']);
  });

  it('gives a row its fact columns before its figures, and a note column only when a target has a note', () => {
    const indicator: AnnexIndicator = { id: 7, position: '2', name: 'Tỷ lệ', measure: 'RATE', unitOfMeasure: '%', factLabels: ['Số lượng TTHC'] };
    const cell = { value: 80, comparator: 'AT_LEAST' as const, baseline: 70, baselineNote: null };
    const parts = (note: string | null) =>
      annexColumns({ indicators: [indicator], rows: [row('Sở Y tế', 'PROVINCIAL_AGENCY', 1, null, { 7: { ...cell, note } })] }).map((c) => c.part);
    expect(parts(null)).toEqual(['fact', 'baseline', 'target']);
    expect(parts('Huyện điểm')).toEqual(['fact', 'baseline', 'target', 'note']);
  });
});
