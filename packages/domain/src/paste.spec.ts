/**
 * Pasting the 2022 decision's annex into the matrix: the decision lists agencies first, the
 * matrix districts first; lines are matched by name, so each unit gets its own row's numbers.
 */
import { describe, expect, it } from 'vitest';
import decision from '../../../test/fixtures/daklak-2022-target-decision.json';
import register from '../../../server/src/modules/seed/data/daklak-units.json';
import { defaultPasteRoles } from './paste-roles';
import { matchPasteLines, planPaste, readPasteCell, readPasteLayout, splitTsv, type PasteRole, type PasteUnit } from './paste';
import { unitNameKey, type UnitKind } from './units';

const DIG = 'indicator-digitization';
const ONL = 'indicator-online';

// The matrix's rows as the demo stores them: districts (register names) first, then agencies.
const districts: PasteUnit[] = register.districts.map((d) => ({ id: `u${d.code}`, code: d.code, name: d.name, kind: d.kind as UnitKind }));
const agencies: PasteUnit[] = decision.rows
  .filter((r) => r.group === 'AGENCY')
  .map((r, i) => ({ id: `a${i}`, code: `66.A${i}`, name: r.name, kind: 'PROVINCIAL_AGENCY' as const }));
const matrix = [...districts, ...agencies];
const unitOf = (name: string) => matrix.find((u) => unitNameKey(u.name) === unitNameKey(name))!;

/** The annex as Excel copies it: STT, name, procedures, digitization, baseline 2021, target 2022, with group headings. */
function annex(withHeader: boolean): string {
  const lines: string[] = [];
  if (withHeader)
    lines.push(
      ['STT', 'Tên đơn vị', decision.columns.procedures, decision.columns.digitization, 'Tỷ lệ trực tuyến thực tế năm 2021 (%)', decision.columns.target2022]
        .map((h) => (h.includes('\n') ? `"${h}"` : h))
        .join('\t'),
    );
  const vi = (n: number | null) => (n === null ? 'Không phát sinh hồ sơ' : `${String(n).replace('.', ',')}%`);
  for (const group of ['AGENCY', 'DISTRICT']) {
    lines.push(`${group === 'AGENCY' ? 'I' : 'II'}\t${group === 'AGENCY' ? 'Sở, ban, ngành' : 'UBND cấp huyện'}\t\t\t\t`);
    for (const r of decision.rows.filter((x) => x.group === group)) lines.push([r.stt, r.name, r.procedures, vi(r.digitization), vi(r.baseline2021), vi(r.target2022)].join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}

describe('splitTsv', () => {
  it('reads tabs, CRLF, quoted cells with line breaks and quotes, and drops the trailing newline', () => {
    expect(splitTsv('a\tb\r\n"x\r\ny"\t"say ""hi"""\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x\r\ny', 'say "hi"'],
    ]);
    expect(splitTsv('"unclosed\t1\n2')).toEqual([['"unclosed', '1'], ['2']]);
  });
});

describe('readPasteCell', () => {
  it.each([
    ['99,96%', { kind: 'number', value: 99.96 }],
    [' 1.200 ', { kind: 'number', value: 1200 }],
    ['', { kind: 'empty' }],
    ['Không phát sinh hồ sơ', { kind: 'noDossier' }],
    ['không có hồ sơ phát sinh', { kind: 'noDossier' }],
    ['abc', { kind: 'text', text: 'abc' }],
  ])('%j', (text, cell) => expect(readPasteCell(text)).toEqual(cell));
});

describe('the 2022 annex pasted into a matrix that lists districts first', () => {
  const roles: PasteRole[] = [
    { kind: 'skip' },
    { kind: 'skip' },
    { kind: 'skip' },
    { kind: 'target', indicatorId: DIG },
    { kind: 'baseline', indicatorId: ONL },
    { kind: 'target', indicatorId: ONL },
  ];

  it.each([true, false])('matches every line by name (header %s), never by position', (withHeader) => {
    const layout = readPasteLayout(annex(withHeader), matrix);
    expect(layout.header !== null).toBe(withHeader);
    expect(layout.unitColumn).toBe(1);
    expect(layout.columns).toEqual(['order', 'unitName', 'number', 'number', 'number', 'number']);
    const lines = matchPasteLines(layout, matrix);
    expect(lines.filter((l) => l.heading)).toHaveLength(2);
    expect(lines.flatMap((l) => l.errors)).toEqual([]);

    const plan = planPaste(lines, roles, []);
    const dig = new Map(plan.writes.find((w) => w.indicatorId === DIG)!.targets.map((t) => [t.unitId, t]));
    const onl = new Map(plan.writes.find((w) => w.indicatorId === ONL)!.targets.map((t) => [t.unitId, t]));
    for (const r of decision.rows) {
      const unit = unitOf(r.name);
      expect(dig.get(unit.id)).toEqual({ unitId: unit.id, value: r.digitization, expectedVersion: 0 });
      // "Không phát sinh hồ sơ" on a new target: no baseline, nothing to clear.
      expect(onl.get(unit.id)).toEqual({ unitId: unit.id, value: r.target2022, expectedVersion: 0, ...(r.baseline2021 === null ? {} : { baseline: r.baseline2021 }) });
    }
    expect(plan.targets).toBe(decision.rows.length * 2);
    expect(plan.baselines).toBe(decision.rows.filter((r) => r.baseline2021 !== null).length);
  });

  const indicators = [
    { id: DIG, name: decision.indicators[0].name, measure: 'RATE' as const },
    { id: ONL, name: decision.indicators[1].name, measure: 'RATE' as const },
  ];

  it('by default, maps the columns by the indicators their headers name, and skips the count of procedures', () => {
    const layout = readPasteLayout(annex(true), matrix);
    // Started on the online rate: the headers still decide.
    expect(defaultPasteRoles(layout, indicators, ONL)).toEqual(roles);
  });

  it('without a header: the indicator the paste started on, then the next; a column a rate cannot take is skipped', () => {
    const layout = readPasteLayout(annex(false), matrix);
    expect(defaultPasteRoles(layout, indicators, DIG)).toEqual([
      { kind: 'skip' },
      { kind: 'skip' },
      { kind: 'skip' },
      { kind: 'target', indicatorId: DIG },
      { kind: 'target', indicatorId: ONL },
      { kind: 'skip' },
    ]);
  });

  it('keeps a stored target, sends its version, and clears a baseline pasted as "Không phát sinh hồ sơ"', () => {
    const row = decision.rows.find((r) => r.baseline2021 === null)!;
    const unit = unitOf(row.name);
    const layout = readPasteLayout(`${row.name}\t\tKhông phát sinh hồ sơ`, matrix);
    const lines = matchPasteLines(layout, matrix);
    const current = [{ unitId: unit.id, indicatorId: ONL, value: 42, baseline: 7, version: 3 }];
    const plan = planPaste(lines, [{ kind: 'skip' }, { kind: 'target', indicatorId: ONL }, { kind: 'baseline', indicatorId: ONL }], current);
    expect(plan.writes).toEqual([{ indicatorId: ONL, targets: [{ unitId: unit.id, value: 42, baseline: null, expectedVersion: 3 }] }]);
    expect(plan.targets).toBe(0);
    expect(plan.baselines).toBe(1);
  });
});

describe('lines that are not written', () => {
  const reform: PasteUnit[] = [
    { id: 'c1', code: '24181', name: 'Xã Ea Rốk', kind: 'COMMUNE' },
    { id: 'c2', code: '24184', name: 'Xã Krông Na', kind: 'COMMUNE' },
    { id: 'w1', code: '24118', name: 'Phường Tân Lập', kind: 'WARD' },
  ];
  const target: PasteRole[] = [{ kind: 'skip' }, { kind: 'target', indicatorId: ONL }];
  const codes = (text: string, units = reform) => {
    const lines = matchPasteLines(readPasteLayout(text, units), units);
    return { lines, plan: planPaste(lines, target, []) };
  };

  it('a name of another kind of unit is an error, never a match', () => {
    const { lines, plan } = codes('UBND huyện Ea Rốk\t50\nPhường Tân Lập\t80');
    expect(lines[0].unit).toBeNull();
    expect(lines[0].errors).toEqual([{ code: 'UNIT_KIND_DIFFERS', params: { name: 'UBND huyện Ea Rốk', unitName: 'Xã Ea Rốk' } }]);
    expect(plan.writes).toEqual([{ indicatorId: ONL, targets: [{ unitId: 'w1', value: 80, expectedVersion: 0 }] }]);
  });

  it('a name matching nothing, two lines for one unit, a cell that is not a number', () => {
    const { plan } = codes('Xã Không Có\t50\nXã Ea Rốk\t60\nEa Rốk\t61\nPhường Tân Lập\tnhiều');
    expect(plan.lines.map((l) => l.errors.map((e) => e.code))).toEqual([['UNIT_NOT_FOUND'], ['UNIT_DUPLICATE'], ['UNIT_DUPLICATE'], ['NOT_A_NUMBER']]);
    expect(plan.writes).toEqual([]);
  });

  it('matches by code when the block has codes', () => {
    const { lines, plan } = codes('24184\t45,5\n24118\t80');
    expect(lines.map((l) => l.unit?.id)).toEqual(['c2', 'w1']);
    expect(plan.writes[0].targets.map((t) => [t.unitId, t.value])).toEqual([
      ['c2', 45.5],
      ['w1', 80],
    ]);
  });

  it('without a unit column, matches by position in the matrix order; lines beyond the rows are errors', () => {
    const layout = readPasteLayout('50\n60\n70\n80', reform);
    expect(layout.unitColumn).toBeNull();
    const lines = matchPasteLines(layout, reform);
    expect(lines.map((l) => l.unit?.id ?? null)).toEqual(['c1', 'c2', 'w1', null]);
    expect(lines[3].errors.map((e) => e.code)).toEqual(['NO_ROW']);
    const plan = planPaste(lines, [{ kind: 'target', indicatorId: ONL }], []);
    expect(plan.writes[0].targets.map((t) => t.value)).toEqual([50, 60, 70]);
  });

  it('a baseline for a unit without a target and no target pasted: "chưa có chỉ tiêu"', () => {
    const lines = matchPasteLines(readPasteLayout('Xã Ea Rốk\t12,5', reform), reform);
    const plan = planPaste(lines, [{ kind: 'skip' }, { kind: 'baseline', indicatorId: ONL }], []);
    expect(plan.lines[0].errors.map((e) => e.code)).toEqual(['NO_TARGET']);
    expect(plan.writes).toEqual([]);
  });
});
