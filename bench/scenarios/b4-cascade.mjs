/**
 * B4 — cascade: one province to all its agencies and districts, then every district to its
 * communes, for 30 indicators, through the cascade code (TargetsService.cascadeMany: the code of
 * cascadeTargets, batched), on a fresh plan each run; then the same again with other defaults
 * (the update path). The national generation's target writes are reported beside it.
 */
import { server } from '../lib/env.mjs';
import { summarize } from '../lib/stats.mjs';

export async function b4({ databaseUrl, fixture, generation, runs = 3 }) {
  const { loadConfig } = server('config/config');
  const { openDataSource } = server('db/data-source');
  const { createServices } = server('services');
  const { createLoaders } = server('common/loaders');
  const config = loadConfig({ DATABASE_URL: databaseUrl, SEED: 'none' });
  const ds = await openDataSource(config.database);
  try {
    const { province } = fixture;
    const [admin] = await ds.query('SELECT id, username FROM app_user WHERE username = ?', [`tinh.${province.code}`]);
    const actor = { userId: admin.id, username: admin.username, displayName: null, role: 'PROVINCE_ADMIN', unitId: province.id, unitPath: province.path, sessionId: 0 };
    // Services wired once, as the server does; a fresh context (loaders) per step.
    const services = createServices(ds, { sessionHours: 12 });
    const ctx = () => ({ requestId: 'bench-b4', locale: 'vi', actor, ip: 'bench', loaders: createLoaders(ds) });
    const indicators = await ds.query("SELECT id, measure FROM indicator WHERE ownerUnitId IS NULL AND code LIKE 'QG-%' ORDER BY id");
    const children = await ds.query('SELECT id, kind FROM unit WHERE parentId = ? ORDER BY id', [province.id]);
    const districts = children.filter((c) => c.kind !== 'PROVINCIAL_AGENCY');
    const defaults = (shift, kinds) => kinds.map((kind, k) => ({ kind, value: Math.min(95, 60 + ((k * 7 + shift) % 30)) }));
    const level1 = (planId, shift) =>
      indicators.map((i) => ({
        planId: String(planId),
        indicatorId: String(i.id),
        parentUnitId: String(province.id),
        defaults: defaults(shift, ['PROVINCIAL_AGENCY', 'PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT']),
      }));
    const level2 = (planId, shift) =>
      districts.flatMap((d) =>
        indicators.map((i) => ({ planId: String(planId), indicatorId: String(i.id), parentUnitId: String(d.id), defaults: defaults(shift, ['WARD', 'TOWNSHIP', 'COMMUNE']) })),
      );
    const cascadeAll = async (planId, shift) => {
      const t = performance.now();
      const c = ctx();
      const a = await services.targets.cascadeMany(c, level1(planId, shift));
      const b = await services.targets.cascadeMany(c, level2(planId, shift));
      const all = [...a, ...b];
      if (all.some((r) => !r.applied)) throw new Error(`B4: a cascade was refused: ${JSON.stringify(all.find((r) => !r.applied).issues.slice(0, 2))}`);
      return { ms: performance.now() - t, created: all.reduce((s, r) => s + r.created, 0), updated: all.reduce((s, r) => s + r.updated, 0) };
    };
    const fresh = [];
    const updates = [];
    for (let run = 0; run < runs; run++) {
      const c = ctx();
      const plan = await services.plans.create(c, { issuerId: String(province.id), year: 2030 + run, title: `B4 ${run}` });
      for (const i of indicators) await services.plans.addIndicator(c, { planId: String(plan.id), indicatorId: String(i.id) });
      fresh.push(await cascadeAll(plan.id, 0));
      updates.push(await cascadeAll(plan.id, 5));
    }
    const rows = fresh[0].created;
    const createStats = summarize(
      fresh.map((f) => f.ms),
      fresh.reduce((s, f) => s + f.ms, 0),
    );
    const updateStats = summarize(
      updates.map((f) => f.ms),
      updates.reduce((s, f) => s + f.ms, 0),
    );
    const national = generation ? { targets: generation.targets, ms: generation.ms.targets, perSecond: Math.round(generation.targets / (generation.ms.targets / 1000)) } : null;
    return {
      id: 'B4',
      title: `cascade ${province.name}: province → ${children.length} children → communes, ${indicators.length} indicators (${rows} rows)`,
      ours: { ...createStats, rps: Math.round(rows / (createStats.p50 / 1000)) },
      update: { ...updateStats, rows: updates[0].updated },
      rows,
      national,
      budget: '≤ 1 s on MariaDB for the province; national generation of ~400k targets ≤ 60 s',
      met: createStats.p50 <= 1000 && updateStats.p50 <= 1000 && (!national || national.ms <= 60_000),
    };
  } finally {
    await ds.destroy();
  }
}
