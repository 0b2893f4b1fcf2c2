import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { UnitKind } from '@chitieu/domain';
import { annexGroups, annexTitle, annexWorkbook, attachedTo, roman, unitLabel, type AnnexData, type AnnexRow } from './annex.workbook';
import { periodLabel, progressWorkbook, type ProgressSheetData, type ProgressSheetRow } from './progress.workbook';
import { decimalsOf, figureFormat, gapFormat } from './xlsx-style';
import { contentDisposition } from './rest';

/** Writes a workbook to bytes and reads it back, as a user's spreadsheet program would. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back.worksheets[0];
}

const row = (name: string, kind: UnitKind, cells: AnnexRow['cells'] = {}): AnnexRow => ({ name, kind, cells });

describe('number formats', () => {
  it.each([
    [99, 0, '0"%"'],
    [97.4, 1, '0.0"%"'],
    [99.96, 2, '0.00"%"'],
    [84.27381, 2, '0.00"%"'],
  ])('%s has %i decimals and shows as %s', (value, decimals, format) => {
    expect(decimalsOf(value)).toBe(decimals);
    expect(figureFormat(value, '%')).toBe(format);
  });

  it('writes the comparator of a target that is not "at least", and counts with thousands', () => {
    expect(figureFormat(80, '%', 'GREATER_THAN')).toBe('"> "0"%"');
    expect(figureFormat(5, '%', 'AT_MOST')).toBe('"≤ "0"%"');
    expect(figureFormat(80, '%', 'AT_LEAST')).toBe('0"%"');
    expect(figureFormat(1200, '')).toBe('#,##0');
    expect(figureFormat(12.5, '')).toBe('#,##0.0');
  });

  it('signs gaps', () => {
    expect(gapFormat(1.25)).toBe('+0.00;-0.00;0');
    expect(gapFormat(-3)).toBe('+0;-0;0');
  });
});

describe('annex parts', () => {
  it('groups rows into sections named by the kinds present, keeping their order', () => {
    const rows = [
      row('Xã Ea Na', 'COMMUNE'),
      row('Sở Y tế', 'PROVINCIAL_AGENCY'),
      row('Huyện Lắk', 'DISTRICT'),
      row('Thị trấn Buôn Trấp', 'TOWNSHIP'),
      row('Sở Tư pháp', 'PROVINCIAL_AGENCY'),
      row('Thành phố Buôn Ma Thuột', 'PROVINCIAL_CITY'),
      row('Phòng Nội vụ', 'DISTRICT_AGENCY'),
    ];
    expect(annexGroups(rows).map((g) => [g.heading, g.rows.map((r) => r.name)])).toEqual([
      ['CÁC SỞ, BAN, NGÀNH', ['Sở Y tế', 'Sở Tư pháp']],
      ['CÁC PHÒNG, BAN CHUYÊN MÔN', ['Phòng Nội vụ']],
      ['UBND CÁC HUYỆN, THÀNH PHỐ', ['Huyện Lắk', 'Thành phố Buôn Ma Thuột']],
      ['UBND CÁC XÃ, THỊ TRẤN', ['Xã Ea Na', 'Thị trấn Buôn Trấp']],
    ]);
    // Two tiers (after 1 July 2025): communes, wards and special zones straight under the province.
    expect(annexGroups([row('Phường Tân An', 'WARD'), row('Xã Hòa Phú', 'COMMUNE'), row('Đặc khu Phú Quý', 'SPECIAL_ZONE')]).map((g) => g.heading)).toEqual([
      'UBND CÁC XÃ, PHƯỜNG, ĐẶC KHU',
    ]);
  });

  it('names local governments by their people’s committee', () => {
    expect(unitLabel('Thành phố Buôn Ma Thuột', 'PROVINCIAL_CITY')).toBe('UBND thành phố Buôn Ma Thuột');
    expect(unitLabel('Thị trấn Buôn Trấp', 'TOWNSHIP')).toBe('UBND thị trấn Buôn Trấp');
    expect(unitLabel('Tỉnh Đắk Lắk', 'PROVINCE')).toBe('UBND tỉnh Đắk Lắk');
    expect(unitLabel('UBND huyện Lắk', 'DISTRICT')).toBe('UBND huyện Lắk');
    expect(unitLabel('Krông Bông', 'DISTRICT')).toBe('UBND Krông Bông');
    expect(unitLabel('Sở Y tế', 'PROVINCIAL_AGENCY')).toBe('Sở Y tế');
  });

  it('numbers sections in Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 14].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'XIV']);
  });

  it('says which document the annex goes with', () => {
    const issuer = { name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE' as const };
    expect(attachedTo({ documentNumber: '1234/QĐ-UBND', documentDate: '2022-05-20', year: 2022, issuer })).toBe(
      '(Kèm theo Quyết định số 1234/QĐ-UBND ngày 20/5/2022 của UBND tỉnh Đắk Lắk)',
    );
    expect(attachedTo({ documentNumber: '91/KH-UBND', documentDate: null, year: 2023, issuer })).toBe(
      '(Kèm theo Kế hoạch số 91/KH-UBND ngày       /      /2023 của UBND tỉnh Đắk Lắk)',
    );
    expect(attachedTo({ documentNumber: null, documentDate: null, year: 2026, issuer })).toBeNull();
  });

  it('titles the annex in capitals without "Về việc"', () => {
    expect(annexTitle('Về việc giao chỉ tiêu số hóa năm 2022 trên địa bàn tỉnh Đắk Lắk')).toBe('GIAO CHỈ TIÊU SỐ HÓA NĂM 2022 TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK');
  });
});

describe('annexWorkbook', () => {
  const data: AnnexData = {
    year: 2023,
    title: 'Thực hiện các chỉ tiêu năm 2023',
    documentNumber: '91/KH-UBND',
    documentDate: '2023-03-10',
    issuer: { name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE' },
    assigner: null,
    indicators: [
      { id: 1, position: '3', name: 'Tỷ lệ thanh toán trực tuyến', measure: 'RATE', unitOfMeasure: '%' },
      { id: 2, position: '4', name: 'Tỷ lệ hồ sơ trực tuyến', measure: 'RATE', unitOfMeasure: '%' },
    ],
    rows: [
      row('Sở Y tế', 'PROVINCIAL_AGENCY', {
        1: { value: 80, comparator: 'GREATER_THAN', baseline: null, baselineNote: null },
        2: { value: 99, comparator: 'AT_LEAST', baseline: 99.96, baselineNote: null },
      }),
      row('Huyện Lắk', 'DISTRICT', { 2: { value: 50, comparator: 'AT_LEAST', baseline: null, baselineNote: 'Không có hồ sơ phát sinh năm 2022' } }),
      row('Xã Ea Na', 'COMMUNE'),
    ],
  };

  it('writes title rows, a two-row header with a baseline column only where one is known, numbered sections and print setup', async () => {
    const ws = await roundTrip(annexWorkbook(data));
    const v = (r: number, c: number) => ws.getCell(r, c).value;
    expect([v(1, 1), v(2, 1), v(3, 1)]).toEqual(['Phụ lục', 'THỰC HIỆN CÁC CHỈ TIÊU NĂM 2023', '(Kèm theo Kế hoạch số 91/KH-UBND ngày 10/3/2023 của UBND tỉnh Đắk Lắk)']);
    // Row 4 blank; header on 5 and 6: indicator 1 has one column, indicator 2 two (baseline, target).
    expect([1, 2, 3, 4, 5].map((c) => v(5, c))).toEqual(['STT', 'Cơ quan, đơn vị', '3. Tỷ lệ thanh toán trực tuyến', '4. Tỷ lệ hồ sơ trực tuyến', '4. Tỷ lệ hồ sơ trực tuyến']);
    expect([3, 4, 5].map((c) => v(6, c))).toEqual(['Mức giao năm 2023', 'Thực hiện năm 2022', 'Mức giao năm 2023']);
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(
      expect.arrayContaining(['A1:E1', 'A2:E2', 'A3:E3', 'A5:A6', 'B5:B6', 'D5:E5', 'A7:E7', 'A9:E9', 'A11:E11']),
    );
    expect([7, 8, 9, 10, 11, 12].map((r) => [v(r, 1), v(r, 2)])).toEqual([
      ['I. CÁC SỞ, BAN, NGÀNH', 'I. CÁC SỞ, BAN, NGÀNH'], // a merged row reads the same in every cell
      [1, 'Sở Y tế'],
      ['II. UBND CÁC HUYỆN', 'II. UBND CÁC HUYỆN'],
      [1, 'UBND huyện Lắk'],
      ['III. UBND CÁC XÃ', 'III. UBND CÁC XÃ'],
      [1, 'UBND xã Ea Na'],
    ]);
    expect(ws.getCell(8, 3)).toMatchObject({ value: 80, numFmt: '"> "0"%"' });
    expect(ws.getCell(8, 4)).toMatchObject({ value: 99.96, numFmt: '0.00"%"' });
    expect(ws.getCell(8, 5)).toMatchObject({ value: 99, numFmt: '0"%"' });
    expect([v(10, 3), v(10, 4), v(10, 5)]).toEqual([null, 'Không có hồ sơ phát sinh năm 2022', 50]);
    expect([v(12, 3), v(12, 4), v(12, 5)]).toEqual([null, null, null]);
    expect(ws.getCell(12, 5).border).toMatchObject({ top: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:6' });
    expect(ws.headerFooter.oddFooter).toContain('&P/&N');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 6 });
  });

  it('names the assigning unit of a sub-assignment and leaves out the document line when the plan has none', async () => {
    const ws = await roundTrip(annexWorkbook({ ...data, documentNumber: null, documentDate: null, assigner: { name: 'Huyện Krông A Na', kind: 'DISTRICT' } }));
    expect(ws.getCell(3, 1).value).toBe('Mức giao của UBND huyện Krông A Na cho các đơn vị trực thuộc');
    expect(ws.getCell(5, 1).value).toBe('STT');
  });
});

describe('progressWorkbook', () => {
  const node = (name: string, extra: Partial<ProgressSheetRow> = {}): ProgressSheetRow => ({
    name,
    target: null,
    numerator: null,
    denominator: null,
    value: null,
    status: 'NO_DATA',
    gap: null,
    rank: null,
    belowHardMinimum: false,
    fromPredecessors: false,
    ...extra,
  });
  const data: ProgressSheetData = {
    plan: { year: 2022, title: 'Giao chỉ tiêu 2022' },
    indicator: { position: '2', name: 'Tỷ lệ hồ sơ trực tuyến', measure: 'RATE', unitOfMeasure: '%', hardMinimum: 50 },
    unit: { name: 'Huyện Krông A Na' },
    period: '2022-Q2',
    total: node('Huyện Krông A Na', {
      target: { value: 53, comparator: 'AT_LEAST' },
      numerator: 51,
      denominator: 101,
      value: 5100 / 101,
      status: 'NOT_ACHIEVED',
      gap: 5100 / 101 - 53,
      belowHardMinimum: false,
    }),
    children: [
      node('Thị trấn Buôn Trấp', { target: { value: 60, comparator: 'AT_LEAST' }, numerator: 9, denominator: 10, value: 90, status: 'ACHIEVED', gap: 30, rank: 1 }),
      node('Xã Ea Na', {
        target: { value: 40, comparator: 'AT_LEAST' },
        numerator: 3,
        denominator: 10,
        value: 30,
        status: 'NOT_ACHIEVED',
        gap: -10,
        rank: 2,
        belowHardMinimum: true,
      }),
      node('Xã Dray Sáp', { target: { value: 40, comparator: 'AT_LEAST' }, numerator: 0, denominator: 0, status: 'NOT_APPLICABLE' }),
      node('Xã Bình Hòa', { status: 'NO_TARGET' }),
    ],
    exportedAt: new Date('2022-07-01T07:05:00Z'),
  };

  it('writes the title, the unit then its ranked children, statuses in Vietnamese and unrounded figures', async () => {
    const ws = await roundTrip(progressWorkbook(data));
    const line = (r: number) => ws.getRow(r).values as unknown[];
    expect(ws.getCell('A1').value).toBe('TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU');
    expect([2, 3, 4, 5].map((r) => ws.getCell(r, 1).value)).toEqual([
      'Kế hoạch: Giao chỉ tiêu 2022 (năm 2022)',
      'Chỉ tiêu: 2. Tỷ lệ hồ sơ trực tuyến',
      'Đơn vị: Huyện Krông A Na — Kỳ: Quý 2/2022',
      'Số liệu tại thời điểm xuất: 1/7/2022 14:05',
    ]);
    expect(line(7).slice(1)).toEqual([
      'STT',
      'Đơn vị',
      'Mức giao',
      'b (đạt)',
      'a (tổng)',
      'Kết quả',
      'Trạng thái',
      'Chênh lệch (điểm %)',
      'Xếp hạng',
      'Dưới mức tối thiểu bắt buộc (50%)',
    ]);
    expect(line(8).slice(2)).toEqual(['Huyện Krông A Na', 53, 51, 101, 5100 / 101, 'Không đạt', 5100 / 101 - 53]);
    expect(ws.getCell(8, 1).value).toBeNull();
    expect(ws.getCell(8, 2).font.bold).toBe(true);
    expect(line(9).slice(1)).toEqual([1, 'Thị trấn Buôn Trấp', 60, 9, 10, 90, 'Đạt', 30, 1]);
    expect(line(10).slice(1)).toEqual([2, 'Xã Ea Na', 40, 3, 10, 30, 'Không đạt', -10, 2, 'Có']);
    expect(line(11).slice(1)).toEqual([3, 'Xã Dray Sáp', 40, 0, 0, undefined, 'Không phát sinh hồ sơ']);
    expect(line(12).slice(1)).toEqual([4, 'Xã Bình Hòa', undefined, undefined, undefined, undefined, 'Chưa giao chỉ tiêu']);
    expect(ws.getCell(8, 6).numFmt).toBe('0.00"%"');
    expect(ws.getCell(8, 8).numFmt).toBe('+0.00;-0.00;0');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '7:7' });
  });

  it('has no b and a columns for a score, nor a hard-minimum column without one', async () => {
    const ws = await roundTrip(progressWorkbook({ ...data, indicator: { ...data.indicator, measure: 'SCORE', unitOfMeasure: 'điểm', hardMinimum: null } }));
    expect((ws.getRow(7).values as unknown[]).slice(1)).toEqual(['STT', 'Đơn vị', 'Mức giao', 'Kết quả', 'Trạng thái', 'Chênh lệch', 'Xếp hạng']);
  });

  it('notes figures that include units merged away, only when some do', async () => {
    const ws = await roundTrip(progressWorkbook({ ...data, children: [{ ...data.children[0], fromPredecessors: true }, data.children[1]] }));
    expect(ws.getCell(7, 11).value).toBe('Ghi chú');
    expect([ws.getCell(9, 11).value, ws.getCell(10, 11).value]).toEqual(['Gồm số liệu của đơn vị trước sắp xếp', null]);
  });

  it('words periods', () => {
    expect(['2022', '2022-Q3', '2022-05'].map(periodLabel)).toEqual(['Năm 2022', 'Quý 3/2022', 'Tháng 5/2022']);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name (RFC 5987)', () => {
    expect(contentDisposition('Phụ lục 2022 - Huyện Krông A Na.xlsx')).toBe(
      `attachment; filename="Phu luc 2022 - Huyen Krong A Na.xlsx"; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%202022%20-%20Huy%E1%BB%87n%20Kr%C3%B4ng%20A%20Na.xlsx`,
    );
    expect(contentDisposition('Tiến độ "x"; y.xlsx')).toContain('filename="Tien do _x__ y.xlsx"');
    expect(contentDisposition("Huyện M'Đrắk.xlsx")).toContain("filename=\"Huyen M'Drak.xlsx\"; filename*=UTF-8''Huy%E1%BB%87n%20M%27%C4%90r%E1%BA%AFk.xlsx");
  });
});
