import { describe, expect, it } from 'vitest';
import { parsePeriod } from '@chitieu/domain';
import type { FigureWrite } from '../../results/results.service';
import { foldTargetIssues, planTargetWrites } from './check-targets';
import { changedFigures, checkFigures, checkPeriods } from './check-results';
import { writeResults } from './write';
import { importOutcome } from './outcome';
import { markDuplicates, type ImportUnit, type Work } from './work';
import type { AuthedContext } from '../../../common/context';

const unit = (id: number): ImportUnit => ({ id, code: null, name: `Xã ${id}`, kind: 'COMMUNE', path: `1.${id}.`, parentId: 1 });
const work = (n: number, u: ImportUnit | null, values: Work['values'], period = ''): Work => ({
  line: n,
  code: '',
  name: u?.name ?? '?',
  period,
  values,
  issues: [],
  empty: false,
  unit: u,
  planned: null,
});
const codes = (w: Work) => w.issues.map((i) => i.code);

describe('planTargetWrites', () => {
  it('targets: new units are created, changed figures updated, the same figure unchanged', () => {
    const lines = [work(2, unit(1), { target: 90 }), work(3, unit(2), { target: 95, baseline: 80 }), work(4, unit(3), { target: 70 })];
    const stored = new Map([
      [2, { value: 90, baseline: 70, version: 3 }],
      [3, { value: 70, baseline: null, version: 1 }],
    ]);
    const writes = planTargetWrites(lines, stored, 'targets', 'vi');
    expect(lines.map((w) => w.planned)).toEqual(['created', 'updated', 'unchanged']);
    expect([...writes.values()]).toEqual([
      { unitId: '1', value: 90, expectedVersion: 0 },
      { unitId: '2', value: 95, baseline: 80, expectedVersion: 3 },
    ]);
  });

  it('baselines: a unit without a target is NO_TARGET; the target keeps its value', () => {
    const lines = [work(2, unit(1), { baseline: 50 }), work(3, unit(2), { baseline: null }), work(4, unit(3), { baseline: 60 })];
    const writes = planTargetWrites(
      lines,
      new Map([
        [2, { value: 90, baseline: 40, version: 2 }],
        [3, { value: 80, baseline: 60, version: 1 }],
      ]),
      'baselines',
      'en',
    );
    expect(codes(lines[0])).toEqual(['NO_TARGET']);
    expect(lines.map((w) => w.planned)).toEqual([null, 'updated', 'unchanged']);
    expect([...writes.values()]).toEqual([{ unitId: '2', value: 90, baseline: null, expectedVersion: 2 }]);
  });

  it('leaves out lines without a unit, without a figure or with an error', async () => {
    const dup = [work(2, unit(1), { target: 1 }), work(3, unit(1), { target: 2 }), work(4, null, { target: 3 }), { ...work(5, unit(4), {}), empty: true }];
    await markDuplicates(dup, (w) => String(w.unit.id), 'vi');
    expect(codes(dup[1])).toEqual(['DUPLICATE_ROW']);
    expect([...planTargetWrites(dup, new Map(), 'targets', 'vi').keys()]).toEqual([dup[0]]);
  });
});

describe('foldTargetIssues', () => {
  it('puts an issue on the line of its unit, once, and the others on the file, once', () => {
    const lines = [work(2, unit(1), { target: 1 }) as Work & { unit: ImportUnit }];
    const file: Work['issues'] = [];
    const issue = { unitId: '1', code: 'OUT_OF_RANGE', severity: 'ERROR' as const, message: 'quá 100' };
    const other = { unitId: '9', code: 'SUM_MISMATCH', severity: 'WARNING' as const, message: 'tổng' };
    foldTargetIssues(lines, [issue, issue, other, other], file);
    expect(lines[0].issues).toEqual([{ code: 'OUT_OF_RANGE', severity: 'ERROR', message: 'quá 100' }]);
    expect(file).toEqual([{ code: 'SUM_MISMATCH', severity: 'WARNING', message: 'tổng' }]);
  });
});

describe('results checks', () => {
  it('normalises periods, takes the request period for lines without one and refuses bad ones', async () => {
    const lines = [work(2, unit(1), { value: 1 }, '05/2022'), work(3, unit(2), { value: 1 }), work(4, unit(3), { value: 1 }, 'tháng năm')];
    await checkPeriods(lines, '2022-Q2', 'vi');
    expect(lines.map((w) => w.period)).toEqual(['2022-05', '2022-Q2', 'THÁNG NĂM']);
    expect(lines.map(codes)).toEqual([[], [], ['BAD_PERIOD']]);
  });

  it('checks figures for the measure, worded for a figure', async () => {
    const lines = [work(2, unit(1), { numerator: 5, denominator: 10 }, '2022'), work(3, unit(2), { numerator: 12, denominator: 10 }, '2022')];
    const figures = await checkFigures(lines, 'RATE', 'en');
    expect([...figures.keys()]).toEqual([lines[0]]);
    expect(figures.get(lines[0])).toMatchObject({ numerator: 5, denominator: 10, period: { key: '2022' } });
    expect(codes(lines[1])).toEqual(['OUT_OF_RANGE']);
  });

  it('refuses a score none of the indicator’s steps gives (INVALID_SCORE, naming the allowed scores), and PERCENT counts without a value', async () => {
    const scoring = [
      { when: 'Trong 15 ngày', score: 100 },
      { when: 'Sau 30 ngày', score: 50 },
      { when: 'Còn lại', score: 0 },
    ];
    const lines = [work(2, unit(1), { value: 75 }, '2022'), work(3, unit(2), { value: 50 }, '2022'), work(4, unit(3), { value: 0 }, '2022')];
    const figures = await checkFigures(lines, { measure: 'SCORE', scoring }, 'en');
    expect([...figures.keys()]).toEqual([lines[1], lines[2]]);
    expect(codes(lines[0])).toEqual(['INVALID_SCORE']);
    expect(lines[0].issues[0].message).toContain(scoring.map((s) => s.score).join(' / '));
    // Without steps any score in 0..100 is taken.
    const free = [work(2, unit(1), { value: 75 }, '2022')];
    expect([...(await checkFigures(free, { measure: 'SCORE', scoring: null }, 'en')).keys()]).toEqual(free);
    const percent = [work(2, unit(1), { numerator: 9, denominator: 10 }, '2022'), work(3, unit(2), { value: 101 }, '2022'), work(4, unit(3), { value: 92.5 }, '2022')];
    const kept = await checkFigures(percent, 'PERCENT', 'en');
    expect([...kept.keys()]).toEqual([percent[2]]);
    expect(percent.map(codes)).toEqual([['OUT_OF_RANGE'], ['OUT_OF_RANGE'], []]);
  });

  it('tells new, changed and unchanged figures apart', () => {
    const lines = [work(2, unit(1), {}), work(3, unit(2), {}), work(4, unit(3), {})];
    const f = (u: number, value: number): FigureWrite => ({ unit: unit(u), period: parsePeriod('2022'), numerator: null, denominator: null, value });
    const figures = new Map([
      [lines[0], f(1, 5)],
      [lines[1], f(2, 6)],
      [lines[2], f(3, 7)],
    ]);
    // Decimal columns come back from MariaDB as strings.
    const recorded = new Map([
      ['2|2022', { numerator: null, denominator: null, value: '6' as unknown as number }],
      ['3|2022', { numerator: null, denominator: null, value: 8 }],
    ]);
    const changed = changedFigures(figures, recorded);
    expect(lines.map((w) => w.planned)).toEqual(['created', 'unchanged', 'updated']);
    expect(changed.map((c) => c.unit.id)).toEqual([1, 3]);
  });
});

describe('write and outcome', () => {
  const saved: unknown[] = [];
  const results = { save: async (_ctx: AuthedContext, _id: number, rows: FigureWrite[]) => void saved.push(rows) };
  const ctx = {} as AuthedContext;

  it('a dry run and a blocked commit write nothing; skipInvalid writes the good lines', async () => {
    const bad = work(3, null, {});
    bad.issues.push({ code: 'UNIT_NOT_FOUND', severity: 'ERROR', message: 'x' });
    const lines = [work(2, unit(1), {}), bad];
    expect(await writeResults(ctx, results, 1, lines, [], { dryRun: true, skipInvalid: true })).toBe(false);
    expect(await writeResults(ctx, results, 1, lines, [], { dryRun: false, skipInvalid: false })).toBe(false);
    expect(await writeResults(ctx, results, 1, lines, [], { dryRun: false, skipInvalid: true })).toBe(true);
    expect(saved).toEqual([]); // nothing changed, nothing to save
  });

  it('counts lines by status; a commit that did not write changed nothing', async () => {
    const lines = [work(2, unit(1), {}), work(3, unit(2), {}), { ...work(4, unit(3), {}), empty: true }];
    lines[0].planned = 'created';
    lines[1].planned = 'unchanged';
    const written = await importOutcome(lines, [], { kind: 'targets', dryRun: false }, true);
    expect(written.rows.map((r) => r.status)).toEqual(['created', 'unchanged', 'skipped']);
    expect(written.summary).toMatchObject({ rows: 3, matched: 3, created: 1, unchanged: 1, skipped: 1, applied: true });
    const refused = await importOutcome(lines, [], { kind: 'targets', dryRun: false }, false);
    expect(refused.summary).toMatchObject({ created: 0, unchanged: 1, applied: false });
    expect(refused.rows[0]).not.toHaveProperty('period');
  });
});
