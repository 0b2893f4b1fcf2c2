import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseDecimal } from '@chitieu/domain';
import { cellText, isPercentFormat, readXlsxRows } from './sheets';

describe('percentage formats', () => {
  it('scale only where % is a format code, not a quoted or escaped sign', () => {
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat('0.00\\%')).toBe(false);
    expect(isPercentFormat('#,##0.00" %";[Red]-0%')).toBe(true);
    expect(isPercentFormat(undefined)).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
  });

  it('read back from a workbook: a value written in percent with a literal sign stays as written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    const cases = [
      { value: 98.06, numFmt: '0.00"%"', expected: 98.06 },
      { value: 0.9806, numFmt: '0.00%', expected: 98.06 },
      { value: 98.06, numFmt: '0.00', expected: 98.06 },
    ];
    cases.forEach((c, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = c.value;
      cell.numFmt = c.numFmt;
    });
    const rows = await readXlsxRows(Buffer.from(await wb.xlsx.writeBuffer()), 'vi');
    cases.forEach((c, i) => expect(parseDecimal(rows[i][0], 'vi')).toBeCloseTo(c.expected, 10));
    expect(cellText(98.06, 'vi', '0.00"%"')).toBe('98,06');
  });
});
