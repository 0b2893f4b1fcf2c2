/**
 * Re-importing any file the product exported changes nothing: on the demo, each export that holds
 * unit figures — the annex (depth 1 and 2), the progress workbook, the import templates — is
 * downloaded and imported back for real (dryRun false), through the mapping step when it holds
 * several indicators: nothing created or updated, and the stored targets and results identical
 * before and after (read through GraphQL). indicators.xlsx holds indicator rows, no unit figures:
 * importing it is refused with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, progress, targets, type Demo } from '../../support/documents';

type Column = { index: number; label: string; role: string; indicatorId: string | null };
type Summary = { rows: number; matched: number; errors: number; created: number; updated: number; unchanged: number; skipped: number; applied: boolean };
type Row = { name: string; status: string; issues: { code: string; message: string }[] };
type Body = {
  rows?: Row[];
  summary: Summary;
  parts?: { indicatorId: string; rows: Row[]; summary: Summary }[];
  headerLine?: number;
  columns?: Column[];
  error?: { code: string; message: string };
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(await testDatabases())('re-importing the product’s exports on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tok: string;
  let plan22: string;
  let indicators: string[];

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tok = await s.login('tinh.daklak');
    plan22 = d.plan(2022);
    indicators = [d.indicator('DLK22-DIGITIZATION'), d.indicator('DLK22-ONLINE-RATE')];
  });
  afterAll(async () => s?.close());

  async function download(path: string): Promise<Buffer> {
    const res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${tok}` } });
    expect(res.status, path).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }
  async function post(path: string, query: Record<string, string | boolean>, file: Buffer): Promise<{ status: number; body: Body }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: XLSX_TYPE }), 'xuat.xlsx');
    const res = await fetch(`${s.url}/import/${path}?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${tok}` },
    });
    return { status: res.status, body: (await res.json()) as Body };
  }

  /** Every stored target of the plan, and the province's progress for the year: what must not move. */
  async function snapshot() {
    const stored = [];
    for (const indicatorId of indicators) stored.push(await targets(s, tok, { planId: plan22, indicatorId }));
    const figures = [];
    for (const indicatorId of indicators) figures.push(await progress(s, tok, { planId: plan22, indicatorId, unitId: d.unit('66'), period: '2022' }));
    return { stored, figures };
  }

  const rowsOf = (b: Body) => b.rows ?? b.parts!.flatMap((p) => p.rows);

  /** The file imported for real through the mapping step as detected; nothing changes. */
  async function reimportMapped(file: Buffer): Promise<Body> {
    const detected = (await post('targets/columns', { planId: plan22 }, file)).body;
    expect(detected.columns, JSON.stringify(detected)).toBeDefined();
    const columns = JSON.stringify({ headerLine: detected.headerLine, columns: detected.columns!.map(({ index, role, indicatorId }) => ({ index, role, indicatorId })) });
    const dry = await post('targets', { planId: plan22, columns, dryRun: true }, file);
    // Lines without a figure (units the plan gives no target) are left out, with a warning; none changes.
    const changing = rowsOf(dry.body).filter((r) => r.status !== 'unchanged' && r.status !== 'skipped');
    expect(changing.map((r) => [r.name, r.status, r.issues.map((i) => i.message)])).toEqual([]);
    const res = await post('targets', { planId: plan22, columns }, file);
    expect(res.status).toBe(200);
    return res.body;
  }

  it.each([1, 2])('the annex at depth %d: both indicators detected, re-imported with nothing changed', async (depth) => {
    const before = await snapshot();
    const file = await download(`/export/plans/${plan22}/annex.xlsx?depth=${depth}`);
    const body = await reimportMapped(file);
    expect(body.parts!.map((p) => p.indicatorId).sort()).toEqual([...indicators].sort());
    expect(body.summary).toMatchObject({ errors: 0, created: 0, updated: 0, applied: true });
    expect(body.summary.unchanged).toBeGreaterThan(0);
    expect(body.summary.unchanged + body.summary.skipped).toBe(body.summary.rows);
    expect(await snapshot()).toEqual(before);
  });

  it('the progress workbook: its "Kết quả" is not read as a baseline; targets re-imported with nothing changed', async () => {
    const before = await snapshot();
    const online = indicators[1];
    const file = await download(`/export/progress.xlsx?${new URLSearchParams({ planId: plan22, indicatorId: online, unitId: d.unit('66'), period: '2022' })}`);
    const res = await post('targets', { planId: plan22, indicatorId: online }, file);
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ errors: 0, created: 0, updated: 0, applied: true });
    // The province's own line (the total) has no target of its own: left out, not written.
    expect(res.body.summary.unchanged).toBe(d.childrenOf('66').length);
    expect(await snapshot()).toEqual(before);
  });

  it.each(['targets', 'baselines', 'results'] as const)('the %s template, as the product fills it, changes nothing', async (kindPath) => {
    const before = await snapshot();
    const online = indicators[1];
    const file = await download(`/import/templates/${kindPath}.xlsx?planId=${plan22}&indicatorId=${online}`);
    const res = await post(kindPath, { planId: plan22, indicatorId: online, period: '2022' }, file);
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ errors: 0, created: 0, updated: 0, applied: true });
    expect(await snapshot()).toEqual(before);
  });

  it('indicators.xlsx holds no unit figures: refused with a clear message, not misread', async () => {
    const file = await download(`/export/plans/${plan22}/indicators.xlsx`);
    const res = await post('targets', { planId: plan22, indicatorId: indicators[1] }, file);
    expect(res.status).toBe(400);
    expect(res.body.error!.code).toBe('NO_UNIT_COLUMN');
    expect(res.body.error!.message).toMatch(/không có cột đơn vị/);
    const inspect = await post('targets/columns', { planId: plan22 }, file);
    expect(inspect.status).toBe(400);
    expect(inspect.body.error!.code).toBe('NO_UNIT_COLUMN');
  });
});
