import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { ImportPreview } from './ImportPreview';
import type { ImportOutcome } from '../imports.api';

const answer: ImportOutcome = {
  rows: [
    {
      line: 2,
      name: 'UBND huyện Krông Ana',
      code: null,
      unit: { id: '44', code: '655', name: 'Huyện Krông A Na' },
      values: { target: 53, baseline: 51.04 },
      issues: [],
      status: 'created',
    },
    {
      line: 3,
      name: 'Huyện Không Tồn Tại',
      code: null,
      unit: null,
      values: { target: 50 },
      status: 'invalid',
      issues: [{ code: 'UNIT_NOT_FOUND', severity: 'ERROR', message: 'Không tìm thấy đơn vị “Huyện Không Tồn Tại” trong kế hoạch' }],
    },
    {
      line: 4,
      name: 'Sở Nội vụ',
      code: null,
      unit: { id: '9', code: '66.SNV', name: 'Sở Nội vụ' },
      values: { target: 87, baseline: 92.57 },
      status: 'updated',
      issues: [{ code: 'BELOW_BASELINE', severity: 'WARNING', message: 'Chỉ tiêu 87% thấp hơn kết quả thực hiện năm trước 92,57%' }],
    },
    {
      line: 5,
      name: 'UBND huyện Cư Kuin',
      code: null,
      unit: { id: '50', code: '657', name: 'Huyện Cư Kuin' },
      values: { target: 10 },
      status: 'invalid',
      issues: [{ code: 'BELOW_FLOOR', severity: 'ERROR', message: 'Chỉ tiêu 10% thấp hơn mức sàn 40%' }],
    },
    {
      line: 6,
      name: 'Ban Quản lý các Khu công nghiệp tỉnh',
      code: null,
      unit: { id: '20', code: '66.BQLKCN', name: 'Ban Quản lý các Khu công nghiệp tỉnh' },
      values: { target: 50, baseline: null },
      issues: [],
      status: 'unchanged',
    },
  ],
  summary: { rows: 5, matched: 4, errors: 2, warnings: 1, created: 1, updated: 1, unchanged: 1, skipped: 2, applied: false, dryRun: true },
  issues: [],
};

const bodyRows = () => screen.getAllByRole('row').slice(1);

describe('ImportPreview', () => {
  it('shows the lines with errors first, then warnings, then the rest, each in file order', () => {
    renderWithProviders(<ImportPreview answer={answer} unitOfMeasure="%" />);
    expect(bodyRows().map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['3', '5', '4', '2', '6']);
  });

  it('writes every issue with its message beside its line, and the unit it matched', () => {
    renderWithProviders(<ImportPreview answer={answer} unitOfMeasure="%" />);
    const [notFound, belowFloor] = bodyRows();
    expect(within(notFound).getByText('Không tìm thấy đơn vị “Huyện Không Tồn Tại” trong kế hoạch')).toBeTruthy();
    expect(within(notFound).getByText('Không xác định')).toBeTruthy();
    expect(within(belowFloor).getByText('Chỉ tiêu 10% thấp hơn mức sàn 40%')).toBeTruthy();
    expect(within(belowFloor).getByText('Huyện Cư Kuin (657)')).toBeTruthy();
    expect(screen.getByText('Chỉ tiêu 53% · Cơ sở 51,04%')).toBeTruthy();
    expect(screen.getByText('Chỉ tiêu 50% · Cơ sở không phát sinh hồ sơ')).toBeTruthy();
  });

  it('counts the lines and says nothing is saved yet on a check', () => {
    renderWithProviders(<ImportPreview answer={answer} />);
    expect(screen.getByTestId('import-summary').textContent).toContain('Dòng lỗi: 2');
    expect(screen.getByText('Đây là kết quả kiểm tra: chưa có dữ liệu nào được ghi.')).toBeTruthy();
  });

  it('can hide the lines without issues', () => {
    renderWithProviders(<ImportPreview answer={answer} />);
    fireEvent.click(screen.getByLabelText('Chỉ xem dòng có vấn đề'));
    expect(bodyRows()).toHaveLength(3);
  });

  it('reads in English, after a commit', () => {
    renderWithProviders(<ImportPreview answer={{ ...answer, summary: { ...answer.summary, dryRun: false, applied: true } }} />, { locale: 'en' });
    expect(screen.getByText('Saved: 1 new, 1 updated, 1 unchanged.')).toBeTruthy();
    expect(screen.getAllByText('Error')).toHaveLength(2);
  });

  it('says the late warning once above the table, not on every line', () => {
    const late = { code: 'PAST_DEADLINE' as const, severity: 'WARNING' as const, message: 'Giao sau hạn 30/06/2022' };
    const lateAnswer = { ...answer, rows: answer.rows.map((r) => ({ ...r, issues: [...r.issues, late] })) };
    renderWithProviders(<ImportPreview answer={lateAnswer} />);
    expect(screen.getAllByText(late.message, { exact: false })).toHaveLength(1);
    expect(screen.getByText(`Cảnh báo: ${late.message}`)).toBeTruthy();
  });
});
