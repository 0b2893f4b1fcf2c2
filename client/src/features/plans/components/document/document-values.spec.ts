import { describe, expect, it } from 'vitest';
import { translate } from '../../../../app/i18n';
import { headingsProblem } from './HeadingsModal';
import { recipientLines } from './DocumentFormModal';
import { fromResponsible, RESPONSIBLE_GROUPS, responsibleKey, toResponsibleInput } from './responsible';
import { fromRow, toRowInput, type PlanRowData } from './row-values';

describe('responsible entries', () => {
  it('send a picked unit by id, a group by its kinds, typed words alone for the server to resolve', () => {
    expect(toResponsibleInput({ text: ' Sở Nội vụ ', unitId: '12', kinds: [] })).toEqual({ text: 'Sở Nội vụ', unitId: '12' });
    expect(toResponsibleInput({ text: 'UBND cấp xã', unitId: null, kinds: ['WARD', 'COMMUNE'] })).toEqual({ text: 'UBND cấp xã', kinds: ['WARD', 'COMMUNE'] });
    expect(toResponsibleInput({ text: 'Công an tỉnh', unitId: null, kinds: [] })).toEqual({ text: 'Công an tỉnh' });
  });

  it('keep the words as written when read back, with what they name', () => {
    const read = fromResponsible({ text: 'Sở TT&TT', kinds: [], unit: { id: '7' } });
    expect(read).toEqual({ text: 'Sở TT&TT', unitId: '7', kinds: [] });
    expect(responsibleKey(read)).toBe('unit:7');
    expect(responsibleKey({ text: 'x', unitId: null, kinds: ['TOWN', 'DISTRICT'] })).toBe(responsibleKey({ text: 'y', unitId: null, kinds: ['DISTRICT', 'TOWN'] }));
    expect(responsibleKey({ text: 'Công an tỉnh', unitId: null, kinds: [] })).toBe('Công an tỉnh');
  });

  it('name the groups in the document language whatever the screen language', () => {
    const districts = RESPONSIBLE_GROUPS.find((g) => g.kinds.includes('DISTRICT'))!;
    expect(translate('vi', districts.key)).toBe('UBND các huyện, thị xã, thành phố');
    expect([...districts.kinds].sort()).toEqual(['DISTRICT', 'PROVINCIAL_CITY', 'TOWN']);
    expect(RESPONSIBLE_GROUPS.find((g) => g.kinds.includes('PROVINCIAL_AGENCY'))!.kinds).toEqual(['PROVINCIAL_AGENCY']);
  });
});

describe('a plan row in the form', () => {
  const row: PlanRowData = {
    id: 'r1',
    section: 'II.',
    position: '1',
    scope: 'OWN',
    legalBasis: 'Quyết định 766',
    note: null,
    factLabels: ['Số TTHC mức độ 3, 4'],
    floors: [{ kind: 'COMMUNE', value: 40 }],
    lead: [{ text: 'Sở Nội vụ', kinds: [], unit: { id: '2', name: 'Sở Nội vụ' } }],
    coordinating: [{ text: 'Các sở, ban, ngành', kinds: ['PROVINCIAL_AGENCY'], unit: null }],
    indicator: {
      id: 'i1',
      code: 'C',
      name: 'N',
      measure: 'RATE',
      comparator: 'AT_LEAST',
      unitOfMeasure: '%',
      hardMinimum: null,
      numeratorLabel: null,
      denominatorLabel: null,
    },
  };

  it('goes back unchanged: every field the row has is sent, blanks as null', () => {
    const values = fromRow(row);
    expect(values.note).toBe('');
    expect(toRowInput('p1', 'i1', values)).toEqual({
      planId: 'p1',
      indicatorId: 'i1',
      section: 'II.',
      position: '1',
      scope: 'OWN',
      floors: [{ kind: 'COMMUNE', value: 40 }],
      lead: [{ text: 'Sở Nội vụ', unitId: '2' }],
      coordinating: [{ text: 'Các sở, ban, ngành', kinds: ['PROVINCIAL_AGENCY'] }],
      legalBasis: 'Quyết định 766',
      note: null,
      factLabels: ['Số TTHC mức độ 3, 4'],
      frequency: null,
      dueDay: null,
    });
  });

  it('drops blank fact columns and trims the words', () => {
    const input = toRowInput('p1', 'i1', { ...fromRow(row), section: null, position: '  ', note: ' ghi chú ', factLabels: [' Cột A ', ' '] });
    expect(input).toMatchObject({ section: null, position: null, note: 'ghi chú', factLabels: ['Cột A'] });
  });
});

describe('headings and recipients as typed', () => {
  it('refuses a blank heading and a position used twice, whatever its length', () => {
    const long = 'x'.repeat(300);
    expect(headingsProblem([{ position: 'I', text: long }])).toBeNull();
    expect(headingsProblem([{ position: 'I', text: ' ' }])).toEqual({ key: 'headings.required' });
    expect(headingsProblem([{ position: ' ', text: 'a' }])).toEqual({ key: 'headings.required' });
    expect(
      headingsProblem([
        { position: 'I.', text: 'a' },
        { position: ' I. ', text: 'b' },
      ]),
    ).toEqual({ key: 'headings.duplicate', position: 'I.' });
  });

  it('reads recipients one per line, blank lines dropped', () => {
    expect(recipientLines('Như Điều 3;\n\n  Bộ Nội vụ;  \nLưu: VT.')).toEqual(['Như Điều 3;', 'Bộ Nội vụ;', 'Lưu: VT.']);
    expect(recipientLines('')).toEqual([]);
  });
});
