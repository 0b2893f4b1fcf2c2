import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type GqlResponse, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, ok, setTargets, targets, type Demo } from '../../support/documents';

/**
 * Plans as the documents write them (issue #13): the document fields, rows with their responsible
 * units, headings and copies; district catalogues; a unit's responsibilities.
 */
const RESPONSIBLE = 'text kinds unit { id code }';
const ROW = `id section position floors { kind value } scope lead { ${RESPONSIBLE} } coordinating { ${RESPONSIBLE} } legalBasis note factLabels indicator { id code }`;
const TASK = `id position content timeFrame deliverable leads coordinators lead { ${RESPONSIBLE} } coordinating { ${RESPONSIBLE} }`;
const DOC = `id year title status documentNumber documentDate legalBasis documentKind signer recipients subAssignmentDeadline issuer { id code }
  headings { position text } indicators { ${ROW} } tasks { ${TASK} }`;

const CREATE_PLAN = `mutation($input: PlanInput!) { createPlan(input: $input) { ${DOC} } }`;
const UPDATE_PLAN = `mutation($id: ID!, $input: PlanUpdateInput!) { updatePlan(id: $id, input: $input) { ${DOC} } }`;
const ADD_ROW = `mutation($input: PlanIndicatorInput!) { addPlanIndicator(input: $input) { ${DOC} } }`;
const UPDATE_ROW = `mutation($input: PlanIndicatorInput!) { updatePlanIndicator(input: $input) { ${DOC} } }`;
const REMOVE_ROW = `mutation($planId: ID!, $indicatorId: ID!) { removePlanIndicator(planId: $planId, indicatorId: $indicatorId) { ${DOC} } }`;
const ADD_TASK = `mutation($input: PlanTaskInput!) { addPlanTask(input: $input) { ${TASK} } }`;
const HEADINGS = `mutation($planId: ID!, $headings: [PlanHeadingInput!]!) { setPlanHeadings(planId: $planId, headings: $headings) { ${DOC} } }`;
const COPY = `mutation($id: ID!, $year: Int!, $issuerId: ID) { copyPlan(id: $id, year: $year, issuerId: $issuerId) { ${DOC} } }`;
const ISSUE = `mutation($id: ID!) { issuePlan(id: $id) { ${DOC} } }`;
const PLAN = `query($id: ID!) { plan(id: $id) { ${DOC} } }`;
const AUDIT = 'query($entity: String, $entityId: ID) { auditLog(entity: $entity, entityId: $entityId) { action entity entityId before after } }';
const INDICATOR = 'id code name measure accumulation owner { id code }';
const CREATE_INDICATOR = `mutation($input: IndicatorInput!) { createIndicator(input: $input) { ${INDICATOR} } }`;
const UPDATE_INDICATOR = `mutation($id: ID!, $input: IndicatorInput!) { updateIndicator(id: $id, input: $input) { ${INDICATOR} } }`;
const INDICATORS = `{ indicators { ${INDICATOR} } }`;
const RESPONSIBILITIES = `query($code: String!, $year: Int) { unit(code: $code) { id responsibilities(year: $year) {
  plan { id } role position content text indicator { id } task { id } } } }`;

type Ref = { text: string; kinds: string[]; unit: { id: string; code: string } | null };
type Row = {
  id: string;
  section: string | null;
  position: string | null;
  floors: { kind: string; value: number }[];
  scope: string;
  lead: Ref[];
  coordinating: Ref[];
  legalBasis: string | null;
  note: string | null;
  factLabels: string[];
  indicator: { id: string; code: string };
};
type Task = { id: string; position: string | null; content: string; leads: string[]; coordinators: string[]; lead: Ref[]; coordinating: Ref[] };
type Doc = {
  id: string;
  year: number;
  title: string;
  status: string;
  documentNumber: string | null;
  documentDate: string | null;
  legalBasis: string | null;
  documentKind: string | null;
  signer: string | null;
  recipients: string[];
  subAssignmentDeadline: string | null;
  issuer: { id: string; code: string };
  headings: { position: string; text: string }[];
  indicators: Row[];
  tasks: Task[];
};
type Responsibility = { plan: { id: string }; role: string; position: string | null; content: string; text: string; indicator: { id: string } | null; task: { id: string } | null };

const GROUP = 'UBND các huyện, thị xã, thành phố';
const GROUP_KINDS = ['DISTRICT', 'PROVINCIAL_CITY', 'TOWN'];
const AGENCIES = 'Các sở, ban, ngành';
const UNKNOWN = 'Viễn thông Đắk Lắk';
const STTTT = 'Sở Thông tin và Truyền thông';
const sortKinds = (refs: Ref[]) => refs.map((r) => ({ ...r, kinds: [...r.kinds].sort() }));

describe.each(await testDatabases())('plans as documents on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let prov: string;
  let mgr: string;
  let other: string;
  let reporter: string;
  let online: string;
  let digitization: string;
  const data = <T>(res: GqlResponse<Record<string, T>>, field: string): T => ok(res)[field];
  const doc = async (id: string, token = prov) => data<Doc>(await s.gql(PLAN, { id }, token), 'plan');

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    prov = await s.login('tinh.daklak');
    mgr = await s.login('huyen.krongana');
    reporter = await s.login('xa.buontrap');
    ok(
      await s.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { username: 'quanly.643', password: 'documents-password-1', role: 'UNIT_MANAGER', unitId: d.unit('643') } },
        d.admin,
      ),
    );
    other = await s.login('quanly.643', 'documents-password-1');
    online = d.indicator('DLK22-ONLINE-RATE');
    digitization = d.indicator('DLK22-DIGITIZATION');
  });
  afterAll(async () => s?.close());

  const createPlan = async (input: Record<string, unknown>, token = prov) =>
    data<Doc>(await s.gql(CREATE_PLAN, { input: { issuerId: d.unit('66'), ...input } }, token), 'createPlan');

  it('updatePlan changes the fields given, keeps the omitted ones, clears the nulls, and is audited', async () => {
    const created = await createPlan({
      year: 2031,
      title: 'Kế hoạch cải cách hành chính năm 2031',
      documentNumber: '15/KH-UBND',
      documentKind: 'PLAN',
      legalBasis: 'Quyết định số 3003/QĐ-UBND ngày 30/12/2022',
      signer: 'KT. CHỦ TỊCH',
      recipients: ['Bộ Nội vụ', 'TT Tỉnh ủy'],
    });
    expect(created).toMatchObject({ documentKind: 'PLAN', signer: 'KT. CHỦ TỊCH', recipients: ['Bộ Nội vụ', 'TT Tỉnh ủy'], status: 'DRAFT' });
    const input = { title: 'Kế hoạch CCHC năm 2031 (sửa)', signer: null, recipients: ['Sở Nội vụ'], documentDate: '2031-01-15', documentKind: 'DECISION' };
    const updated = data<Doc>(await s.gql(UPDATE_PLAN, { id: created.id, input }, prov), 'updatePlan');
    expect(updated).toEqual({ ...created, ...input });
    expect(await doc(created.id)).toEqual(updated);

    // Cleared title, deadline before the document's date: refused, nothing changed.
    for (const bad of [{ title: null }, { title: '   ' }, { subAssignmentDeadline: '2031-01-01' }]) {
      expect(codes(await s.gql(UPDATE_PLAN, { id: created.id, input: bad }, prov)), JSON.stringify(bad)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await doc(created.id)).toEqual(updated);

    const audit = data<{ action: string; before: string; after: string }[]>(await s.gql(AUDIT, { entity: 'plan', entityId: created.id }, prov), 'auditLog');
    const entry = audit.find((a) => a.action === 'update');
    expect(entry, JSON.stringify(audit)).toBeDefined();
    expect(JSON.parse(entry!.before)).toMatchObject({ title: created.title, signer: created.signer });
    expect(JSON.parse(entry!.after)).toMatchObject({ title: input.title, signer: null, recipientList: input.recipients });

    // The district may not edit the province's draft (it does not see it); an issued plan is fixed.
    expect(codes(await s.gql(UPDATE_PLAN, { id: created.id, input: { title: 'x' } }, mgr))).toEqual(['NOT_FOUND']);
    await s.gql(ISSUE, { id: created.id }, prov);
    const late = await s.gql(UPDATE_PLAN, { id: created.id, input: { title: 'Sau khi ban hành' } }, prov);
    expect(codes(late)).toEqual(['CONFLICT']);
    expect(late.errors![0].extensions!.reason).toBe('PLAN_NOT_EDITABLE');
    expect((await doc(created.id)).title).toBe(input.title);
  });

  it('updatePlan moves a draft to another issuer the caller edits plans of, while it has no targets', async () => {
    const created = await createPlan({ year: 2035, title: 'Kế hoạch chuyển cho huyện năm 2035' });
    ok(await s.gql(ADD_ROW, { input: { planId: created.id, indicatorId: online } }, prov));
    const moved = data<Doc>(await s.gql(UPDATE_PLAN, { id: created.id, input: { issuerId: d.unit('655') } }, prov), 'updatePlan');
    expect(moved.issuer.code).toBe('655');
    // Now the district's own draft: its manager reads it, but may not hand it to its parent or a sibling.
    expect((await doc(created.id, mgr)).issuer.code).toBe('655');
    for (const code of ['66', '643']) {
      expect(codes(await s.gql(UPDATE_PLAN, { id: created.id, input: { issuerId: d.unit(code) } }, mgr)), code).toEqual(['NOT_FOUND']);
    }
    await setTargets(s, mgr, { planId: created.id, indicatorId: online, targets: [{ unitId: d.unit(d.childrenOf('655')[0]), value: 50 }] });
    const withTargets = await s.gql(UPDATE_PLAN, { id: created.id, input: { issuerId: d.unit('66') } }, prov);
    expect(codes(withTargets)).toEqual(['BAD_USER_INPUT']);
    expect(withTargets.errors![0].extensions!.params).toMatchObject({ reason: 'planHasTargets' });
    expect((await doc(created.id)).issuer.code).toBe('655');
  });

  describe('rows, headings, tasks and a copy', () => {
    let plan: string;
    const rowOnline = {
      section: 'I',
      position: '1',
      floors: [
        { kind: 'WARD', value: 80 },
        { kind: 'COMMUNE', value: 40 },
      ],
      scope: 'OWN',
      lead: [{ text: GROUP }, { text: STTTT }, { text: UNKNOWN }],
      coordinating: [{ text: AGENCIES }],
      legalBasis: 'Quyết định số 629/QĐ-UBND ngày 15/3/2022',
      note: 'Trích xuất trên Hệ thống iGate',
      factLabels: ['Số lượng TTHC mức độ 3, 4'],
    };

    beforeAll(async () => {
      plan = (await createPlan({ year: 2032, title: 'Kế hoạch chuyển đổi số năm 2032', documentNumber: '20/KH-UBND', subAssignmentDeadline: '2032-06-30' })).id;
    });

    it('stores a row as the document writes it, resolving the responsible units from their words', async () => {
      const after = data<Doc>(await s.gql(ADD_ROW, { input: { planId: plan, indicatorId: online, ...rowOnline } }, prov), 'addPlanIndicator');
      const row = after.indicators.find((r) => r.indicator.id === online)!;
      expect({ ...row, lead: sortKinds(row.lead), coordinating: sortKinds(row.coordinating) }).toEqual({
        id: row.id,
        indicator: { id: online, code: 'DLK22-ONLINE-RATE' },
        ...rowOnline,
        lead: [
          { text: GROUP, kinds: GROUP_KINDS, unit: null },
          { text: STTTT, kinds: [], unit: { id: d.unit('66.STTTT'), code: '66.STTTT' } },
          { text: UNKNOWN, kinds: [], unit: null },
        ],
        coordinating: [{ text: AGENCIES, kinds: ['PROVINCIAL_AGENCY'], unit: null }],
      });
    });

    it('keeps a unit or kinds given with the words, and refuses a unit out of sight', async () => {
      const lead = [
        { text: 'Phòng chuyên môn', kinds: ['DISTRICT_AGENCY'] },
        { text: 'Cơ quan thường trực', unitId: d.unit('66.SNV') },
      ];
      const after = data<Doc>(await s.gql(ADD_ROW, { input: { planId: plan, indicatorId: digitization, section: 'I', position: '2', lead } }, prov), 'addPlanIndicator');
      expect(after.indicators.find((r) => r.indicator.id === digitization)!.lead).toEqual([
        { text: lead[0].text, kinds: ['DISTRICT_AGENCY'], unit: null },
        { text: lead[1].text, kinds: [], unit: { id: d.unit('66.SNV'), code: '66.SNV' } },
      ]);
      const unseen = await s.gql(ADD_ROW, { input: { planId: plan, indicatorId: digitization, lead: [{ text: 'X', unitId: '999999' }] } }, prov);
      expect(codes(unseen)).toEqual(['NOT_FOUND']);
      expect((await doc(plan)).indicators.find((r) => r.indicator.id === digitization)!.lead).toHaveLength(2);
    });

    it('updatePlanIndicator changes the fields given on an existing row only', async () => {
      const before = (await doc(plan)).indicators.find((r) => r.indicator.id === online)!;
      const after = data<Doc>(
        await s.gql(UPDATE_ROW, { input: { planId: plan, indicatorId: online, note: 'Ghi chú mới', legalBasis: null, scope: 'OWN' } }, prov),
        'updatePlanIndicator',
      );
      expect(after.indicators.find((r) => r.indicator.id === online)).toEqual({ ...before, note: 'Ghi chú mới', legalBasis: null });
      const extra = createIndicatorInput('DOC-NOT-IN-PLAN');
      const absent = data<{ id: string }>(await s.gql(CREATE_INDICATOR, { input: extra }, prov), 'createIndicator').id;
      expect(codes(await s.gql(UPDATE_ROW, { input: { planId: plan, indicatorId: absent, note: 'x' } }, prov))).toEqual(['NOT_FOUND']);
      expect((await doc(plan)).indicators.map((r) => r.indicator.id)).toEqual([online, digitization]);
    });

    it('setPlanHeadings replaces the headings, of any length, and refuses a position twice', async () => {
      const long = `CẢI CÁCH THỦ TỤC HÀNH CHÍNH, ${'NÂNG CAO CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN VÀ DOANH NGHIỆP '.repeat(3)}`.slice(0, 120);
      expect(long).toHaveLength(120);
      const headings = [
        { position: 'I', text: long },
        { position: 'II', text: 'CHUYỂN ĐỔI SỐ' },
      ];
      expect(data<Doc>(await s.gql(HEADINGS, { planId: plan, headings }, prov), 'setPlanHeadings').headings).toEqual(headings);
      const twice = await s.gql(HEADINGS, { planId: plan, headings: [...headings, { position: 'I', text: 'Lặp' }] }, prov);
      expect(codes(twice)).toEqual(['BAD_USER_INPUT']);
      expect((await doc(plan)).headings).toEqual(headings);
    });

    it('resolves a task’s plain words too', async () => {
      const task = data<Task>(
        await s.gql(
          ADD_TASK,
          { input: { planId: plan, position: '1.1', content: 'Rà soát quy trình nội bộ', leads: ['Sở Nội vụ (cấp tỉnh)'], coordinators: [GROUP, UNKNOWN], timeFrame: 'Quý II' } },
          prov,
        ),
        'addPlanTask',
      );
      expect({ ...task, coordinating: sortKinds(task.coordinating) }).toMatchObject({
        leads: ['Sở Nội vụ (cấp tỉnh)'],
        coordinators: [GROUP, UNKNOWN],
        lead: [{ text: 'Sở Nội vụ (cấp tỉnh)', kinds: [], unit: { id: d.unit('66.SNV'), code: '66.SNV' } }],
        coordinating: [
          { text: GROUP, kinds: GROUP_KINDS, unit: null },
          { text: UNKNOWN, kinds: [], unit: null },
        ],
      });
    });

    it('lists them on the units they name: by unit, and by kind below the issuer', async () => {
      const source = await doc(plan);
      const rowOf = (id: string) => source.indicators.find((r) => r.indicator.id === id)!;
      const task = source.tasks[0];
      const mine = async (code: string) =>
        data<{ responsibilities: Responsibility[] }>(await s.gql(RESPONSIBILITIES, { code, year: 2032 }, prov), 'unit').responsibilities.filter((r) => r.plan.id === plan);
      const byRow = (id: string, role: string, text: string) => ({
        plan: { id: plan },
        role,
        position: rowOf(id).position,
        content: expect.any(String),
        text,
        indicator: { id },
        task: null,
      });
      const byTask = (role: string, text: string) => ({ plan: { id: plan }, role, position: task.position, content: task.content, text, indicator: null, task: { id: task.id } });

      expect(await mine('66.STTTT')).toEqual([byRow(online, 'LEAD', STTTT), byRow(online, 'COORDINATING', AGENCIES)]);
      expect(await mine('66.SNV')).toEqual([byRow(online, 'COORDINATING', AGENCIES), byRow(digitization, 'LEAD', 'Cơ quan thường trực'), byTask('LEAD', 'Sở Nội vụ (cấp tỉnh)')]);
      for (const code of ['655', '643', '644']) expect(await mine(code), code).toEqual([byRow(online, 'LEAD', GROUP), byTask('COORDINATING', GROUP)]);
      // A commune is named by none of the groups; the province is not below its own plan's issuer.
      expect(await mine('24538')).toEqual([]);
      expect(await mine('66')).toEqual([]);
    });

    it('removePlanIndicator drops the row and its targets, audited; DRAFT only', async () => {
      const written = await setTargets(s, prov, {
        planId: plan,
        indicatorId: digitization,
        targets: [
          { unitId: d.unit('655'), value: 60 },
          { unitId: d.unit('643'), value: 70 },
        ],
      });
      expect(written).toMatchObject({ applied: true, created: 2 });
      const row = (await doc(plan)).indicators.find((r) => r.indicator.id === digitization)!;
      const after = data<Doc>(await s.gql(REMOVE_ROW, { planId: plan, indicatorId: digitization }, prov), 'removePlanIndicator');
      expect(after.indicators.map((r) => r.indicator.id)).toEqual([online]);
      expect(await targets(s, prov, { planId: plan, indicatorId: digitization })).toEqual([]);
      const audit = data<{ action: string; entity: string; entityId: string }[]>(await s.gql(AUDIT, { entity: 'plan_indicator', entityId: row.id }, prov), 'auditLog');
      expect(audit.map((a) => a.action)).toContain('delete');
      const targetAudit = await Promise.all(
        written.targets.map(async (t) => data<{ action: string }[]>(await s.gql(AUDIT, { entity: 'target', entityId: t.id }, prov), 'auditLog').map((a) => a.action)),
      );
      for (const actions of targetAudit) expect(actions).toContain('delete');
      expect(codes(await s.gql(REMOVE_ROW, { planId: plan, indicatorId: digitization }, prov))).toEqual(['NOT_FOUND']);
    });

    it('copyPlan makes a DRAFT of another year with the rows, floors, headings and tasks, without targets', async () => {
      await setTargets(s, prov, { planId: plan, indicatorId: online, targets: [{ unitId: d.unit('655'), value: 55 }] });
      const source = await doc(plan);
      const copy = data<Doc>(await s.gql(COPY, { id: plan, year: 2033 }, prov), 'copyPlan');
      expect(copy.id).not.toBe(source.id);
      const withoutIds = (x: Doc) => ({ ...x, id: null, indicators: x.indicators.map((r) => ({ ...r, id: null })), tasks: x.tasks.map((t) => ({ ...t, id: null })) });
      expect(withoutIds(copy)).toEqual({
        ...withoutIds(source),
        year: 2033,
        title: source.title.replace('2032', '2033'),
        status: 'DRAFT',
        documentNumber: null,
        documentDate: null,
        subAssignmentDeadline: '2033-06-30',
      });
      expect(await targets(s, prov, { planId: copy.id })).toEqual([]);
      expect((await targets(s, prov, { planId: plan })).length).toBeGreaterThan(0);
      // Copies to an issuer the caller may not edit are refused.
      expect(codes(await s.gql(COPY, { id: plan, year: 2033, issuerId: d.unit('66') }, mgr))).toEqual(['NOT_FOUND']);
    });
  });

  function createIndicatorInput(code: string, extra: Record<string, unknown> = {}) {
    return { code, name: `Chỉ tiêu ${code}`, measure: 'RATE', comparator: 'AT_LEAST', ...extra };
  }

  describe('a district’s own catalogue', () => {
    it('lets the district create, use and issue its own indicator, which other districts do not see', async () => {
      const created = data<{ id: string; owner: { code: string }; accumulation: string }>(
        await s.gql(CREATE_INDICATOR, { input: createIndicatorInput('KA-LOCAL-1', { accumulation: 'CUMULATIVE' }) }, mgr),
        'createIndicator',
      );
      expect(created).toMatchObject({ owner: { code: '655' }, accumulation: 'CUMULATIVE' });
      // The same code again in that catalogue: CONFLICT; in the province's: allowed.
      expect(codes(await s.gql(CREATE_INDICATOR, { input: createIndicatorInput('KA-LOCAL-1') }, mgr))).toEqual(['CONFLICT']);
      expect(data<{ owner: { code: string } }>(await s.gql(CREATE_INDICATOR, { input: createIndicatorInput('KA-LOCAL-1') }, prov), 'createIndicator').owner.code).toBe('66');
      // Not the province's catalogue, nor another district's.
      expect(codes(await s.gql(CREATE_INDICATOR, { input: { ...createIndicatorInput('KA-X'), ownerId: d.unit('66') } }, mgr))).toEqual(['FORBIDDEN']);
      expect(codes(await s.gql(CREATE_INDICATOR, { input: { ...createIndicatorInput('KA-X'), ownerId: d.unit('643') } }, mgr))).toEqual(['NOT_FOUND']);

      const plan = data<Doc>(await s.gql(CREATE_PLAN, { input: { issuerId: d.unit('655'), year: 2034, title: 'Kế hoạch của huyện Krông A Na năm 2034' } }, mgr), 'createPlan').id;
      ok(await s.gql(ADD_ROW, { input: { planId: plan, indicatorId: created.id, section: 'I', position: '1' } }, mgr));
      const commune = d.childrenOf('655')[0];
      const written = await setTargets(s, mgr, { planId: plan, indicatorId: created.id, targets: [{ unitId: d.unit(commune), value: 75 }] });
      expect(written).toMatchObject({ applied: true, created: 1, issues: [] });
      expect(data<Doc>(await s.gql(ISSUE, { id: plan }, mgr), 'issuePlan').status).toBe('ISSUED');

      const codesSeenBy = async (token: string) => data<{ id: string }[]>(await s.gql(INDICATORS, {}, token), 'indicators').map((i) => i.id);
      expect(await codesSeenBy(mgr)).toContain(created.id);
      expect(await codesSeenBy(reporter)).toContain(created.id);
      expect(await codesSeenBy(prov)).toContain(created.id);
      expect(await codesSeenBy(other)).not.toContain(created.id);
      // Nor can it be put in another district's plan.
      const theirs = data<Doc>(await s.gql(CREATE_PLAN, { input: { issuerId: d.unit('643'), year: 2034, title: 'Kế hoạch của thành phố' } }, other), 'createPlan').id;
      expect(codes(await s.gql(ADD_ROW, { input: { planId: theirs, indicatorId: created.id } }, other))).toEqual(['NOT_FOUND']);

      // updateIndicator: the keeper of the catalogue; the measure stays once targets use it.
      const renamed = data<{ name: string }>(
        await s.gql(UPDATE_INDICATOR, { id: created.id, input: createIndicatorInput('KA-LOCAL-1', { name: 'Tên mới', accumulation: 'CUMULATIVE' }) }, mgr),
        'updateIndicator',
      );
      expect(renamed.name).toBe('Tên mới');
      expect(codes(await s.gql(UPDATE_INDICATOR, { id: created.id, input: createIndicatorInput('KA-LOCAL-1') }, other))).toEqual(['NOT_FOUND']);
      const measure = await s.gql(UPDATE_INDICATOR, { id: created.id, input: createIndicatorInput('KA-LOCAL-1', { measure: 'COUNT' }) }, mgr);
      expect(codes(measure)).toEqual(['BAD_USER_INPUT']);
      expect(measure.errors![0].extensions!.params).toMatchObject({ reason: 'measureInUse', targets: written.created });
      expect(data<{ measure: string; name: string }[]>(await s.gql(INDICATORS, {}, mgr), 'indicators').find((i) => i.name === 'Tên mới')?.measure).toBe('RATE');
      // The national catalogue: system administrators only.
      const national = data<{ id: string; owner: null }>(await s.gql(CREATE_INDICATOR, { input: createIndicatorInput('VN-DOC-1') }, d.admin), 'createIndicator');
      expect(national.owner).toBeNull();
      expect(codes(await s.gql(UPDATE_INDICATOR, { id: national.id, input: createIndicatorInput('VN-DOC-1', { name: 'Đổi' }) }, prov))).toEqual(['FORBIDDEN']);
    });

    it('lets a province administrator keep a district’s catalogue', async () => {
      const created = data<{ owner: { code: string } }>(
        await s.gql(CREATE_INDICATOR, { input: { ...createIndicatorInput('KA-BY-PROVINCE'), ownerId: d.unit('655') } }, prov),
        'createIndicator',
      );
      expect(created.owner.code).toBe('655');
      expect(codes(await s.gql(CREATE_INDICATOR, { input: { ...createIndicatorInput('KA-BY-PROVINCE-2'), ownerId: d.unit('24538') } }, prov))).toEqual(['BAD_USER_INPUT']);
    });
  });
});
