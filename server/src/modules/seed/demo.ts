import type { DataSource, EntityManager } from 'typeorm';
import {
  isDistrictLevel,
  resolveResponsible,
  UnitNameIndex,
  type Comparator,
  type DocumentKind,
  type FigureScope,
  type Measure,
  type ResponsibleRef,
  type UnitKind,
} from '@chitieu/domain';
import units from './data/daklak-units.json';
import decision2022 from './data/daklak-2022.json';
import plan2023 from './data/daklak-2023.json';
import plan2024 from './data/daklak-2024.json';
import { Unit } from '../units/unit.entity';
import { User } from '../auth/user.entity';
import { Indicator, type ScoreStep } from '../indicators/indicator.entity';
import { Plan } from '../plans/plan.entity';
import { PlanIndicatorRow } from '../plans/plan-indicator.entity';
import { PlanTask } from '../plans/plan-task.entity';
import { Target } from '../targets/target.entity';
import { ResultRow } from '../results/result.entity';
import { AuditLog, type AuditChange } from '../audit/audit-log';
import { snapshot } from '../targets/target-rows';
import type { Actor } from '../../common/scope';
import type { Logger } from '../../common/logger';
import { random } from './random';
import { seedReformDemo } from './reform-demo';
import { seedOfficesDemo } from './offices-demo';
import { createServices } from '../../services';

/** Demo accounts, printed at first start. One password for all: it is a demo. */
import type { IndicatorSeed, PlanSeed, ResponsibleSeed, RowSeed } from './demo-data';

export const DEMO_PASSWORD = 'chitieu-demo';
export const DEMO_ACCOUNTS = [
  { username: 'tinh.daklak', role: 'PROVINCE_ADMIN', unitCode: '66', displayName: 'Văn phòng UBND tỉnh Đắk Lắk' },
  { username: 'huyen.krongana', role: 'UNIT_MANAGER', unitCode: '655', displayName: 'UBND huyện Krông A Na' },
  { username: 'xa.buontrap', role: 'UNIT_REPORTER', unitCode: '24538', displayName: 'UBND thị trấn Buôn Trấp' },
  // Two more districts, so that the province sees acknowledgements and proposals from more than one (issue #15).
  { username: 'huyen.buondon', role: 'UNIT_MANAGER', unitCode: '647', displayName: 'UBND huyện Buôn Đôn' },
  { username: 'huyen.cukuin', role: 'UNIT_MANAGER', unitCode: '657', displayName: 'UBND huyện Cư Kuin' },
  { username: 'phantich.daklak', role: 'ANALYST', unitCode: '66', displayName: 'Chuyên viên phân tích, Sở TT&TT' },
] as const;

/** No units yet: an administrator bootstrapped from the environment does not make a database non-empty. */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Unit).count()) === 0;
}

/** SEED=demo: loads Đắk Lắk into an empty database; an existing database is left as it is. */
/** SEED=demo: loads Đắk Lắk into an empty database; an existing database is left as it is. */
export async function seedDemoIfEmpty(ds: DataSource, log: Logger, opts: { reform?: boolean } = {}): Promise<boolean> {
  if (!(await isEmpty(ds))) return false;
  const started = Date.now();
  const summary = await ds.transaction((m) => seedDemo(ds, m));
  log.info({ ...summary, ms: Date.now() - started }, 'demo data loaded: Đắk Lắk (2022 decision, 2023 and 2024 plans)');
  if (opts.reform ?? true) {
    const reform = await seedReformDemo(ds);
    log.info({ ...reform, ms: Date.now() - started }, 'demo data loaded: the 2025 reform (Đắk Lắk with Phú Yên, two tiers) and a 2026 plan');
  }
  log.info({ accounts: DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role}, ${a.displayName})`) }, `demo accounts — password for all: ${DEMO_PASSWORD}`);
  return true;
}

export async function seedDemo(ds: DataSource, m: EntityManager) {
  // The same services the server wires (services.ts): units insert, auth creates the accounts.
  const { units: unitsService, auth } = createServices(ds, { sessionHours: 12 });
  const now = new Date();
  const byCode = new Map<string, Unit>();
  const add = async (code: string | null, name: string, kind: UnitKind, parent: Unit | null) => {
    const unit = await unitsService.insert(m, { code, name, kind, parent });
    if (code) byCode.set(code, unit);
    return unit;
  };

  // Units: the province, its 18 agencies, its 15 district-level units and their 184 communes.
  const province = await add(units.province.code, units.province.name, 'PROVINCE', null);
  for (const a of decision2022.agencies) await add(a.code, a.name, 'PROVINCIAL_AGENCY', province);
  for (const d of units.districts) {
    const district = await add(d.code, d.name, d.kind as UnitKind, province);
    for (const c of d.communes) await add(c.code, c.name, c.kind as UnitKind, district);
  }

  // Accounts first: the 2024 draft is written by the province's own administrator.
  const accounts = new Map<string, User>();
  for (const a of DEMO_ACCOUNTS) {
    const user = await auth.insertUser(m.getRepository(User), {
      username: a.username,
      password: DEMO_PASSWORD,
      role: a.role,
      unitId: byCode.get(a.unitCode)!.id,
      displayName: a.displayName,
    });
    accounts.set(a.username, user);
  }
  const provinceAdmin = accounts.get(DEMO_ACCOUNTS.find((a) => a.role === 'PROVINCE_ADMIN')!.username)!;
  const asProvinceAdmin = {
    actor: {
      userId: provinceAdmin.id,
      username: provinceAdmin.username,
      displayName: provinceAdmin.displayName,
      role: provinceAdmin.role,
      unitId: province.id,
      unitPath: province.path,
      sessionId: 0,
    } satisfies Actor,
    requestId: 'seed:demo',
  };

  // Lead and coordinating units: the document's words, with the unit or the kinds they name.
  const index = new UnitNameIndex([...byCode.values()]);
  const responsible = (list: ResponsibleSeed[] | undefined): ResponsibleRef[] =>
    (list ?? []).map((r) => ({ ...resolveResponsible(r.means ?? r.text, index, province), text: r.text }));

  // Indicators of the province's own catalogue.
  const indicatorRepo = m.getRepository(Indicator);
  const addIndicator = async (s: IndicatorSeed, notes: string | null = null) => {
    const indicator = indicatorRepo.create({
      code: s.code,
      name: s.name,
      measure: s.measure as Measure,
      comparator: s.comparator as Comparator,
      unitOfMeasure: s.unitOfMeasure ?? (s.measure === 'RATE' ? '%' : ''),
      numeratorLabel: s.numeratorLabel ?? null,
      denominatorLabel: s.denominatorLabel ?? null,
      hardMinimum: null,
      legalBasis: s.legalBasis ?? null,
      notes,
      scoring: (s.scoring?.map((x) => ({ when: x.when, score: x.score })) as ScoreStep[] | undefined) ?? null,
      ownerUnitId: province.id,
      createdAt: now,
    });
    await indicatorRepo.insert(indicator);
    return indicator;
  };

  const planRepo = m.getRepository(Plan);
  const addPlan = async (p: PlanSeed) => {
    const legalBasis = Array.isArray(p.legalBasis) ? p.legalBasis.join('\n') : (p.legalBasis ?? null);
    const plan = planRepo.create({
      issuerId: province.id,
      year: p.year,
      title: p.title,
      documentKind: p.documentKind as DocumentKind,
      documentNumber: p.documentNumber,
      documentDate: p.documentDate,
      legalBasis,
      signer: p.signer?.length ? p.signer.join('\n') : null,
      recipientList: p.recipients?.length ? p.recipients : null,
      headingList: p.headings?.length ? p.headings.map((h) => ({ position: h.position, text: h.text })) : null,
      status: p.status === 'ISSUED' ? 'ISSUED' : 'DRAFT',
      subAssignmentDeadline: p.subAssignmentDeadline,
      issuedAt: p.status === 'ISSUED' ? now : null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await planRepo.insert(plan);
    return plan;
  };
  let sortOrder = 0;
  const addPlanIndicator = async (plan: Plan, indicator: Indicator, r: RowSeed) => {
    const row = m.getRepository(PlanIndicatorRow).create({
      planId: plan.id,
      indicatorId: indicator.id,
      section: r.section,
      position: r.position,
      floors: r.floors ?? [],
      sortOrder: sortOrder++,
      scope: (r.scope ?? 'SUBTREE') as FigureScope,
      lead: responsible(r.lead),
      coordinating: responsible(r.coordinating),
      legalBasis: r.rowLegalBasis ?? null,
      note: r.noteAsWritten ?? null,
      factLabels: r.factLabels?.length ? r.factLabels : null,
    });
    await m.getRepository(PlanIndicatorRow).insert(row);
    return row;
  };

  const targets: Partial<Target>[] = [];
  const target = (plan: Plan, indicator: Indicator, unit: Unit, value: number, extra: Partial<Target> = {}): Partial<Target> => ({
    planId: plan.id,
    indicatorId: indicator.id,
    unitId: unit.id,
    unitPath: unit.path,
    value,
    comparator: indicator.comparator,
    baseline: null,
    baselineSource: null,
    referenceValue: null,
    referenceLabel: null,
    origin: 'MANUAL',
    parentTargetId: null,
    assignedById: province.id,
    note: null,
    facts: null,
    late: false,
    version: 1,
    updatedById: null,
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  const addTarget = (...args: Parameters<typeof target>) => targets.push(target(...args));

  // 2022: the decision, ISSUED, with its annex. Điều 2 names who leads and coordinates every row.
  const p22 = decision2022.plan;
  const plan22 = await addPlan(p22);
  const ind22 = new Map<string, Indicator>();
  const facts22 = new Map<string, { label: string; rowField: string }[]>();
  for (const s of decision2022.indicators) {
    const indicator = await addIndicator(s);
    ind22.set(s.key, indicator);
    facts22.set(s.key, s.facts);
    const floors = s.code === decision2022.communeFloorsIndicator ? Object.entries(decision2022.communeFloors).map(([kind, value]) => ({ kind: kind as UnitKind, value })) : [];
    await addPlanIndicator(plan22, indicator, { ...s, lead: p22.lead, coordinating: p22.coordinating, factLabels: s.facts.map((f) => f.label), floors });
  }
  const rowUnit = (r: { agencyCode?: string | null; code?: string | null }) => byCode.get((r.agencyCode ?? r.code)!)!;
  // The annex's extra columns of a row ("Số lượng TTHC mức độ 3, 4"), as the target's facts.
  const factsOf = (key: string, r: Record<string, unknown>) => {
    const list = facts22.get(key)!;
    return list.length ? list.map((f) => ({ label: f.label, value: (r[f.rowField] as number | null) ?? null })) : null;
  };
  for (const r of decision2022.rows) {
    const unit = rowUnit(r);
    addTarget(plan22, ind22.get('digitization')!, unit, r.digitization, { origin: 'RULE', facts: factsOf('digitization', r) });
    addTarget(plan22, ind22.get('online_rate')!, unit, r.target2022, {
      baseline: r.baseline2021,
      baselineSource: r.baseline2021 === null ? 'Không có hồ sơ phát sinh năm 2021' : 'Tỷ lệ trực tuyến thực tế năm 2021, trích xuất iGate',
      origin: r.origin === 'RULE' ? 'RULE' : 'MANUAL',
      facts: factsOf('online_rate', r),
    });
  }

  // 2023: Kế hoạch 91/KH-UBND, its 9 indicators with targets per kind.
  const p23 = plan2023.plan;
  const plan23 = await addPlan({ ...p23, legalBasis: p23.legalBasisDefault });
  const agencies = decision2022.agencies.map((a) => byCode.get(a.code)!);
  const districts = units.districts.map((d) => byCode.get(d.code)!);
  for (const s of plan2023.indicators) {
    const indicator = await addIndicator(s as IndicatorSeed);
    await addPlanIndicator(plan23, indicator, { ...s, position: s.stt });
    for (const t of s.targets) {
      const receivers = t.appliesTo === 'PROVINCIAL_AGENCY' ? agencies : t.appliesTo === 'DISTRICT_LEVEL' ? districts : [...agencies, ...districts];
      const note = 'noteAsWritten' in t ? (t.noteAsWritten as string) : null;
      for (const u of receivers) addTarget(plan23, indicator, u, t.value, { comparator: t.comparator as Comparator, note });
    }
  }
  for (let i = 0; i < targets.length; i += 200) await m.getRepository(Target).insert(targets.slice(i, i + 200));

  // 2024: a DRAFT plan with province-wide targets (reference values cited) and its tasks, written
  // by the province's administrator: its rows are audited under that account, as the API would.
  const audit: AuditChange[] = [];
  const p24 = plan2024.plan;
  const plan24 = await addPlan(p24);
  audit.push({ entity: 'plan', entityId: plan24.id, action: 'create', unitPath: province.path, before: null, after: plan24 });
  const targets24: Target[] = [];
  for (const s of plan2024.targets) {
    const indicator = await addIndicator(s as IndicatorSeed);
    const row = await addPlanIndicator(plan24, indicator, { ...s, position: s.stt });
    audit.push({ entity: 'plan_indicator', entityId: row.id, action: 'create', unitPath: province.path, before: null, after: row });
    const t = m
      .getRepository(Target)
      .create(
        target(plan24, indicator, province, s.value, { referenceValue: s.reference?.value ?? null, referenceLabel: s.reference?.label ?? null, updatedById: provinceAdmin.id }),
      );
    await m.getRepository(Target).insert(t);
    targets24.push(t);
  }
  for (const [i, t] of plan2024.tasks.entries()) {
    const task = m.getRepository(PlanTask).create({
      planId: plan24.id,
      position: t.stt,
      content: t.content,
      lead: responsible(t.lead),
      coordinating: responsible(t.coordinating),
      timeFrame: t.time,
      deliverable: t.deliverable,
      sortOrder: i,
    });
    await m.getRepository(PlanTask).insert(task);
    audit.push({ entity: 'plan_task', entityId: task.id, action: 'create', unitPath: province.path, before: null, after: task });
  }
  for (const t of targets24) audit.push({ entity: 'target', entityId: t.id, action: 'create', unitPath: t.unitPath, before: null, after: snapshot(t) });
  await new AuditLog().record(m, asProvinceAdmin, audit);

  // 2022 results: monthly online-rate figures for every agency, district office and commune.
  const rnd = random(2022);
  const online = ind22.get('online_rate')!;
  const results: Partial<ResultRow>[] = [];
  const reporters: Unit[] = [...agencies, ...districts, ...[...byCode.values()].filter((u) => u.level === 3)];
  for (const u of reporters) {
    const row = decision2022.rows.find((r) => rowUnit(r) === u);
    const level = row?.baseline2021 ?? (u.kind === 'WARD' ? 85 : u.kind === 'TOWNSHIP' ? 65 : isDistrictLevel(u.kind) ? 60 : 45);
    for (let month = 1; month <= 12; month++) {
      const denominator = Math.round((u.level === 3 ? 40 : 120) * (0.5 + rnd()));
      const rate = Math.min(100, Math.max(0, level + (rnd() - 0.4) * 20));
      results.push({
        unitId: u.id,
        indicatorId: online.id,
        period: `2022-${String(month).padStart(2, '0')}`,
        unitPath: u.path,
        numerator: Math.round((denominator * rate) / 100),
        denominator,
        value: null,
        source: 'IMPORT',
        updatedById: null,
        updatedAt: now,
      });
    }
  }
  for (const r of results) r.value = r.denominator ? (100 * r.numerator!) / r.denominator : null;
  for (let i = 0; i < results.length; i += 500) await m.getRepository(ResultRow).insert(results.slice(i, i + 500));
  await seedOfficesDemo(m, { plan: plan22, online, digitization: ind22.get('digitization')!, byCode, accounts, province });

  return { units: byCode.size, plans: 3, targets: targets.length + targets24.length, results: results.length, accounts: DEMO_ACCOUNTS.length };
}
