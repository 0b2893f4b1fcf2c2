import { describe, expect, it } from 'vitest';
import { classifyHeader, cleanCell, csvRowsWithHeader, findHeader, isGroupOrTotalRow, normalizePeriod, parseLines, partHeading, type HeaderSpec } from './import-parse';
import { headerLabels, indicatorOfHeader } from './import-columns';

const targets: HeaderSpec = { kind: 'targets', measure: 'RATE', year: 2022 };
const baselines: HeaderSpec = { kind: 'baselines', measure: 'RATE', year: 2022 };
const results: HeaderSpec = { kind: 'results', measure: 'RATE', year: 2022, numeratorLabel: 'Số hồ sơ tiếp nhận trực tuyến', denominatorLabel: null };
const scores: HeaderSpec = { kind: 'results', measure: 'SCORE', year: 2022 };

describe('classifyHeader', () => {
  it.each<[string, HeaderSpec, string | null]>([
    ['Mã', targets, 'code'],
    ['Mã đơn vị', results, 'code'],
    ['MA DON VI', results, 'code'],
    ['Tên đơn vị', targets, 'name'],
    ['Cơ quan/đơn vị', targets, 'name'],
    ['Cơ quan, đơn vị', results, 'name'],
    ['Unit', results, 'name'],
    ['STT', targets, 'ignore'],
    ['Chỉ tiêu', targets, 'target'],
    ['Chỉ tiêu giao năm 2022 (%)', targets, 'target'],
    ['Kết quả 2021', targets, 'baseline'],
    ['Cơ sở', baselines, 'baseline'],
    ['Tỷ lệ hồ sơ trực tuyến năm 2021 (%)', targets, 'baseline'],
    ['Tỷ lệ năm 2022', targets, null],
    ['Số hồ sơ trực tuyến', results, 'numerator'],
    ['Số hồ sơ tiếp nhận trực tuyến', results, 'numerator'],
    ['Tổng số hồ sơ', results, 'denominator'],
    ['Tổng số hồ sơ tiếp nhận (a)', results, 'denominator'],
    ['Hồ sơ trực tuyến (b)', results, 'numerator'],
    ['Tỷ lệ (%)', results, 'ignore'],
    ['Kỳ báo cáo', results, 'period'],
    ['Điểm', scores, 'value'],
    ['Ghi chú', targets, null],
  ])('%j (%s) → %s', (text, spec, want) => expect(classifyHeader(text, spec)).toBe(want));
});

describe('findHeader and parseLines', () => {
  const sheet = [
    ['UBND TỈNH ĐẮK LẮK'],
    ['BIỂU GIAO CHỈ TIÊU NĂM 2022'],
    [],
    ['STT', 'Cơ quan, đơn vị', 'Kết quả 2021', 'Chỉ tiêu 2022'],
    ['I', 'CÁC SỞ, BAN, NGÀNH', '', ''],
    ['1', 'Sở Công Thương', '99,96%', '99'],
    ['2', 'Ban Quản lý các Khu công nghiệp tỉnh', 'Không có hồ sơ phát sinh', '50'],
    ['II', 'UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ', '', ''],
    ['3', 'UBND huyện Krông Ana', '51.04', '53'],
    ['4', 'UBND huyện Lắk', 'abc', '1.000'],
    ['5', 'UBND huyện Ea Kar', '', ''],
    [],
    ['', 'Tổng cộng', '', '500'],
  ];

  it('skips title rows, group rows, totals and blank lines; reads both notations', () => {
    const header = findHeader(sheet, targets)!;
    expect(header.index).toBe(3);
    const lines = parseLines(sheet, header, targets, 'vi');
    expect(lines.map((l) => [l.line, l.name, l.values, l.issues.map((i) => i.code)])).toEqual([
      [6, 'Sở Công Thương', { target: 99, baseline: 99.96 }, []],
      [7, 'Ban Quản lý các Khu công nghiệp tỉnh', { target: 50, baseline: null }, []],
      [9, 'UBND huyện Krông Ana', { target: 53, baseline: 51.04 }, []],
      [10, 'UBND huyện Lắk', { target: 1000 }, ['BAD_NUMBER']],
      [11, 'UBND huyện Ea Kar', {}, ['NO_VALUE']],
    ]);
  });

  it('needs the columns of the kind', () => {
    expect(findHeader([['Tên đơn vị', 'Chỉ tiêu']], results)).toBeNull();
    expect(findHeader([['Chỉ tiêu', 'Kết quả 2021']], targets)).toBeNull();
  });

  it('reads results: "Không có hồ sơ phát sinh" is a = 0, a blank line has no figure, b without a is missing', () => {
    const rows = [
      ['Mã', 'Tên đơn vị', 'Số hồ sơ trực tuyến', 'Tổng số hồ sơ'],
      ['24538', 'Thị trấn Buôn Trấp', '1.234', '1.500'],
      ['', 'Xã Dray Sáp', 'Không có hồ sơ phát sinh', ''],
      ['', 'Xã Ea Na', '', ''],
      ['', 'Xã Ea Bông', '5', ''],
      ['', 'Xã Bình Hòa', '', '0'],
    ];
    const lines = parseLines(rows, findHeader(rows, results)!, results, 'en');
    expect(lines.map((l) => [l.code, l.values, l.issues.map((i) => i.code)])).toEqual([
      ['24538', { numerator: 1234, denominator: 1500 }, []],
      ['', { numerator: 0, denominator: 0 }, []],
      ['', {}, ['NO_VALUE']],
      ['', {}, ['MISSING_VALUE']],
      ['', { numerator: 0, denominator: 0 }, []],
    ]);
    expect(lines[3].issues[0].message).toBe('Column “Tổng số hồ sơ” is empty');
  });

  it('finds the delimiter that gives a header (semicolons, decimal commas, a title with commas)', () => {
    const text = '\uFEFFKết quả, tháng 5;;\nTên đơn vị;Số hồ sơ trực tuyến;Tổng số hồ sơ\nXã Ea Na;99,5;100\n';
    const { rows, header } = csvRowsWithHeader(text, results);
    expect(header?.index).toBe(1);
    expect(parseLines(rows, header!, results, 'vi')[0].values).toEqual({ numerator: 99.5, denominator: 100 });
  });
});

describe('small readers', () => {
  it.each([
    ['I. CÁC SỞ, BAN, NGÀNH', '', true],
    ['A. Khối huyện', '', true],
    ['Tổng cộng', '', true],
    ['CÁC SỞ', 'II', true],
    ['Sở Y tế', '3', false],
    ['Xã Ea Na', '', false],
    ['Công an tỉnh', '18', false],
    ['Cộng:', '', true],
  ])('group or total %j (STT %j) → %s', (name, stt, want) => expect(isGroupOrTotalRow(name, stt)).toBe(want));

  it.each([
    ['2022', '2022'],
    ['2022-q2', '2022-Q2'],
    ['05/2022', '2022-05'],
    ['5/2022', '2022-05'],
    ['Quý 2/2022', '2022-Q2'],
  ])('period %j → %j', (text, want) => expect(normalizePeriod(text)).toBe(want));
});

describe('several indicators in one sheet', () => {
  const digi = { id: '1', code: 'DLK22-DIGITIZATION', name: 'Số hóa hồ sơ, kết quả giải quyết TTHC còn hiệu lực' };
  const online = { id: '2', code: 'DLK22-ONLINE-RATE', name: 'Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến' };
  const decision = [
    ['STT', 'Tên đơn vị', 'Số lượng TTHC', 'Mức giao chỉ tiêu số hóa (%)', 'Tỷ lệ trực tuyến thực tế năm 2021 (%)', 'Mức giao chỉ tiêu tỷ lệ trực tuyến năm 2022 (%)'],
    ['1', 'Sở Công Thương', '118', '50', '99,96', '99'],
  ];

  it('names the indicator a header holds, or none when unsure', () => {
    expect(indicatorOfHeader('Mức giao chỉ tiêu số hóa (%)', [digi, online])).toBe('1');
    expect(indicatorOfHeader('Tỷ lệ trực tuyến thực tế năm 2021 (%)', [digi, online])).toBe('2');
    expect(indicatorOfHeader('Chỉ tiêu', [digi, online])).toBeNull();
  });

  it('takes the requested indicator’s own columns, never another’s', () => {
    const forOnline = findHeader(decision, { ...targets, indicator: online, others: [digi] })!;
    expect(forOnline.columns.get('target')!.col).toBe(5);
    expect(forOnline.columns.get('baseline')!.col).toBe(4);
    const forDigi = findHeader(decision, { ...targets, indicator: digi, others: [online] })!;
    expect(forDigi.columns.get('target')!.col).toBe(3);
    expect(forDigi.columns.has('baseline')).toBe(false);
  });

  it('refuses two target columns that name no indicator (AMBIGUOUS_COLUMNS), never a guess', () => {
    const sheet = [
      ['Tên đơn vị', 'Chỉ tiêu 2022', 'Chỉ tiêu bổ sung'],
      ['Sở Công Thương', '50', '60'],
    ];
    expect(() => findHeader(sheet, { ...targets, indicator: online, others: [digi] })).toThrow(expect.objectContaining({ code: 'AMBIGUOUS_COLUMNS', status: 422 }));
  });

  it('reads a two-row header (the annex): the indicator over its columns, the role under it', () => {
    const annex = [
      ['STT', 'Cơ quan, đơn vị', digi.name, online.name, ''],
      ['', '', 'Mức giao năm 2022', 'Thực hiện năm 2021', 'Mức giao năm 2022'],
    ];
    expect(headerLabels(annex, 1, cleanCell)).toEqual([
      'STT',
      'Cơ quan, đơn vị',
      `${digi.name} — Mức giao năm 2022`,
      `${online.name} — Thực hiện năm 2021`,
      `${online.name} — Mức giao năm 2022`,
    ]);
    const header = findHeader(annex, { ...targets, indicator: online, others: [digi] })!;
    expect([header.index, header.columns.get('target')!.col, header.columns.get('baseline')!.col]).toEqual([1, 4, 3]);
  });

  it('knows part headings: "1. UBND huyện …" is a parent, "I. …" a section', () => {
    expect(partHeading('1. UBND thành phố Buôn Ma Thuột', '')).toBe('UBND thành phố Buôn Ma Thuột');
    expect(partHeading('I', 'CÁC SỞ, BAN, NGÀNH')).toBe('');
    expect(partHeading('3', 'Sở Công Thương')).toBeNull();
  });
});
