// Intake (registerCase) over HTTP: who may register, idempotent transfers under concurrency, case codes by
// the Beijing day, mandatory reporters, subjects and alerts, reporter contact and its audit, text search,
// and that a failed mutation leaves nothing behind.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';
import { caseWhere } from '../../server/modules/cases/queries.js';
import { cases } from '../../schema/index.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
let intakeToken: string;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
  const r = await h.query('admin', `mutation($i: IssueApiTokenInput!) { issueApiToken(input: $i) { __typename
    ... on IssuedApiToken { secret apiToken { kind } } ... on Error { code message } } }`, { i: { kind: 'INTAKE', name: '12345 总线转办' } });
  expect(r.data.issueApiToken).toMatchObject({ __typename: 'IssuedApiToken', apiToken: { kind: 'INTAKE' } });
  intakeToken = r.data.issueApiToken.secret;
});
afterAll(() => t?.close());

const MONDAY_10_BEIJING = '2026-06-15T02:00:00Z';
beforeEach(() => t.clock.set(MONDAY_10_BEIJING));

const transfer = (input: Record<string, unknown> = {}) => h.register({ channel: 'TRANSFER_12345', ...input }, intakeToken);
const countCases = () => h.countRows('cases');
const countAudit = () => h.countRows('audit_events');

describe('who registers', () => {
  it('the desk registers any channel; an INTAKE token only transfers (TRANSFER_12345) and can do nothing else', async () => {
    const byOperator = await h.register({ channel: 'WALK_IN' });
    expect(byOperator).toMatchObject({ __typename: 'RegisterCasePayload', replayed: false, case: { status: 'RECEIVED' } });

    const before = await countCases();
    const wrongChannel = await h.register({ channel: 'HOTLINE' }, intakeToken);
    expect(wrongChannel).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'channel' });
    expect(await countCases()).toBe(before);

    const transferred = await transfer({ summary: '12345转办：学生遭受欺凌' });
    expect(transferred).toMatchObject({ __typename: 'RegisterCasePayload', replayed: false, case: { status: 'RECEIVED' } });
    expect(transferred.claimCode).toMatch(/^GL-/);
    expect(await countCases()).toBe(before + 1);
    const [row] = await t.database.rows<{ intake_token_id: string | null; channel: string }>(sql`select intake_token_id, channel from cases where code = ${transferred.case.code}`);
    expect(row!.channel).toBe('TRANSFER_12345');
    expect(row!.intake_token_id).not.toBeNull();

    for (const [what, q] of [
      ['cases', `{ cases(first: 5) { totalCount } }`],
      ['dispatches', `{ dispatches(first: 5) { totalCount } }`],
      ['node', `query { node(id: "${transferred.case.id}") { id } }`],
      ['subjectAlerts', `{ subjectAlerts(first: 5) { totalCount } }`],
      ['caseByCode', `{ caseByCode(code: "${transferred.case.code}") { id } }`],
    ]) {
      const r = await h.query(intakeToken, q!);
      expect(r.errors?.[0]?.extensions?.code, `${what} as the INTAKE token`).toBe('FORBIDDEN');
      expect(r.data?.[what!] ?? null).toBeNull();
    }
    const dispatch = await h.mutate(intakeToken, 'dispatchCase', 'DispatchCaseInput', { caseId: transferred.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { case { status } }`);
    expect(dispatch).toMatchObject({ code: 'FORBIDDEN' });
    expect((await h.getCase(transferred.case.id)).status).toBe('RECEIVED');

    for (const role of ['police', 'analyst', 'secretary', 'admin']) {
      const r = await h.register({}, role); // a top-level error: the helper hands back the raw result
      expect(r.errors?.[0]?.extensions?.code, `registerCase as ${role}`).toBe('FORBIDDEN');
    }
    expect(await countCases()).toBe(before + 1);
  });
});

describe('idempotent transfers and case codes', () => {
  it('20 concurrent transfers with one idempotency key make exactly one case; 19 are replays of it', async () => {
    const key = 'T12345-20260615-000042';
    const [casesBefore, auditBefore] = [await countCases(), await countAudit()];
    const answers = await Promise.all(Array.from({ length: 20 }, () => transfer({ idempotencyKey: key, summary: '重复转办同一工单' })));
    for (const a of answers) expect(a.__typename, JSON.stringify(a)).toBe('RegisterCasePayload');
    const codes = new Set(answers.map((a) => a.case.code));
    expect(codes.size).toBe(1);
    expect(new Set(answers.map((a) => a.case.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.claimCode)).size).toBe(1);
    expect(answers.filter((a) => a.replayed)).toHaveLength(19);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);

    expect(await countCases()).toBe(casesBefore + 1);
    expect(await h.countRows('cases', sql`code = ${[...codes][0]}`)).toBe(1);
    expect(await h.countRows('idempotency_keys', sql`key = ${key}`)).toBe(1);
    expect(await h.countRows('audit_events', sql`action = 'case.register'`)).toBe(
      (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from cases`))[0]!.n,
    );
    expect(await countAudit()).toBe(auditBefore + 1);

    // Later retries still answer with the first case.
    const late = await transfer({ idempotencyKey: key, summary: '重复转办同一工单' });
    expect(late).toMatchObject({ replayed: true, case: { id: answers[0].case.id } });
    expect(await countCases()).toBe(casesBefore + 1);

    // ...even when the category has been closed since: a retry answers what the first call did.
    const closeCategory = (active: boolean) => t.database.db.execute(sql`update case_categories set active = ${active} where id = (select category_id from cases where code = ${[...codes][0]})`);
    await closeCategory(false);
    try {
      expect(await transfer({ idempotencyKey: key, summary: '重复转办同一工单' })).toMatchObject({ replayed: true, case: { id: answers[0].case.id } });
      expect(await transfer({ idempotencyKey: `${key}-new`, summary: '新工单' })).toMatchObject({ code: 'NOT_FOUND', field: 'categoryId' });
    } finally {
      await closeCategory(true);
    }
  });

  it('20 concurrent registrations get unique, sequential codes of the Beijing day', async () => {
    t.clock.set('2026-04-01T02:00:00Z');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => h.register({ summary: `并发登记 ${i}` }, i % 2 ? 'operator' : 'supervisor')));
    for (const a of answers) expect(a.__typename, JSON.stringify(a)).toBe('RegisterCasePayload');
    const codes = answers.map((a) => a.case.code).sort();
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `MP20260401-${String(i + 1).padStart(4, '0')}`));
    expect(await h.countRows('cases', sql`received_day = '2026-04-01'`)).toBe(20);
  });

  it('a call at 07:30 Beijing time belongs to that Beijing day, not to the previous UTC day', async () => {
    t.clock.set('2026-03-09T23:30:00Z');
    const early = await h.register({ summary: '清晨来电' });
    expect(early.case.code).toBe('MP20260310-0001');
    expect(early.case.receivedDay).toBe('2026-03-10');

    t.clock.set('2026-03-10T15:59:59Z'); // 23:59:59 in Beijing
    const late = await h.register({ summary: '深夜来电' });
    expect(late.case.code).toBe('MP20260310-0002');
    expect(late.case.receivedDay).toBe('2026-03-10');

    t.clock.set('2026-03-10T16:00:00Z'); // midnight in Beijing
    const next = await h.register({ summary: '午夜来电' });
    expect(next.case.code).toBe('MP20260311-0001');
    expect(next.case.receivedDay).toBe('2026-03-11');
  });
});

describe('reporters', () => {
  it('a mandatory reporter gets a receipt code; anyone else does not', async () => {
    const teacher = await h.register({ reporter: { name: '陈老师', phone: '13600000000', relationToMinor: 'TEACHER', organization: '某小学', mandatoryReporter: true } });
    expect(teacher.receiptCode).toMatch(/^MR-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const neighbour = await h.register({ reporter: { name: '赵先生', relationToMinor: 'NEIGHBOUR' } });
    expect(neighbour.receiptCode).toBeNull();

    const read = async (id: string) => (await h.query('operator', `query($id: ID!) { node(id: $id) { ... on Case { reporter { mandatoryReporter mandatoryReceiptCode } } } }`, { id })).data.node.reporter;
    expect(await read(teacher.case.id)).toEqual({ mandatoryReporter: true, mandatoryReceiptCode: teacher.receiptCode });
    expect(await read(neighbour.case.id)).toEqual({ mandatoryReporter: false, mandatoryReceiptCode: null });
  });

  it('an anonymous reporter has no name or phone; a group category is refused; nothing is created', async () => {
    const before = await countCases();
    const named = await h.register({ reporter: { anonymous: true, name: '不愿透露' } });
    expect(named).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'reporter.anonymous' });
    const withPhone = await h.register({ reporter: { anonymous: true, phone: '13500000000' } });
    expect(withPhone).toMatchObject({ code: 'VALIDATION', field: 'reporter.anonymous' });
    const group = await h.register({ categoryId: await h.refId('CaseCategory', 'SCHOOL') });
    expect(group).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'categoryId' });
    expect(await countCases()).toBe(before);
    expect(await h.countRows('reporters')).toBe(await h.countRows('cases'));

    const anonymous = await h.register({ reporter: { anonymous: true } });
    expect(anonymous.__typename).toBe('RegisterCasePayload');
    const r = await h.query('operator', `query($id: ID!) { node(id: $id) { ... on Case { reporter { anonymous name phone hasSafeContact } } } }`, { id: anonymous.case.id });
    expect(r.data.node.reporter).toEqual({ anonymous: true, name: null, phone: null, hasSafeContact: false });
  });

  it('reporter contact: the operator sees it, a department only with consent; every read is audited', async () => {
    const withoutConsent = await h.dispatched('PSB-110105', { input: { reporter: { name: '刘女士', phone: '13811112222', consentToShareContact: false } } });
    const withConsent = await h.dispatched('PSB-110105', { input: { reporter: { name: '孙先生', phone: '13933334444', consentToShareContact: true } } });
    const contact = async (as: string, id: string) =>
      (await h.query(as, `query($id: ID!) { node(id: $id) { ... on Case { reporter { consentToShareContact name phone } } } }`, { id })).data.node.reporter;
    const reads = () => h.countRows('audit_events', sql`action = 'personal_data.read' and entity = 'Reporter'`);

    let n = await reads();
    expect(await contact('operator', withoutConsent.caseId)).toEqual({ consentToShareContact: false, name: '刘女士', phone: '13811112222' });
    expect(await reads()).toBe(n + 1);
    const [event] = await t.database.rows<{ actor_label: string; fields: string[]; detail: unknown }>(sql`select actor_label, fields, detail from audit_events where action = 'personal_data.read' order by id desc limit 1`);
    expect(event).toMatchObject({ actor_label: 'operator', fields: ['Reporter.name', 'Reporter.phone'] });
    expect(JSON.stringify(event)).not.toContain('刘女士');

    n = await reads();
    expect(await contact('police', withoutConsent.caseId)).toEqual({ consentToShareContact: false, name: null, phone: null });
    expect(await reads()).toBe(n);

    expect(await contact('police', withConsent.caseId)).toEqual({ consentToShareContact: true, name: '孙先生', phone: '13933334444' });
    expect(await reads()).toBe(n + 1);
    const [policeEvent] = await t.database.rows<{ actor_label: string }>(sql`select actor_label from audit_events where action = 'personal_data.read' order by id desc limit 1`);
    expect(policeEvent!.actor_label).toBe('police');

    // A list reads each reporter once: one event per record read.
    n = await reads();
    const list = await h.query('operator', `query { a: node(id: ${JSON.stringify(withoutConsent.caseId)}) { ... on Case { reporter { name } } } b: node(id: ${JSON.stringify(withConsent.caseId)}) { ... on Case { reporter { name phone } } } }`);
    expect(list.data.a.reporter.name).toBe('刘女士');
    expect(list.data.b.reporter).toEqual({ name: '孙先生', phone: '13933334444' });
    expect(await reads()).toBe(n + 2);
  });
});

describe('subjects', () => {
  it('a minor named by three different callers (name + birth year + district) is one subject: one alert at the third report, for supervisors', async () => {
    const haidian = await h.refId('District', '110108');
    const minor = (name = '李小明', birthYear = 2015) => ({ name, birthYear, guardianName: '李某' });
    const report = (caller: string, m: Record<string, unknown>, districtId = haidian) =>
      h.register({ districtId, summary: `${caller}反映孩子疑似被打`, minors: [m], reporter: { name: caller, phone: '13000000000' } });

    // Near misses: another birth year, another district — other children.
    const otherYear = await report('周女士', minor('李小明', 2016));
    const otherDistrict = await report('吴先生', minor(), await h.refId('District', '110105'));
    expect(otherYear.alertsRaised + otherDistrict.alertsRaised).toBe(0);

    const alertsBefore = await h.countRows('subject_alerts');
    const first = await report('王老师', minor());
    const second = await report('邻居张阿姨', minor());
    expect([first.alertsRaised, second.alertsRaised]).toEqual([0, 0]);
    expect(await h.countRows('subject_alerts')).toBe(alertsBefore);
    const third = await report('社区网格员', minor('李 小明')); // spacing does not make another child
    expect(third.alertsRaised).toBe(1);
    expect(await h.countRows('subject_alerts')).toBe(alertsBefore + 1);
    const ids = [first.case.id, second.case.id, third.case.id];

    const subjectsOf = async (id: string) =>
      (await h.query('operator', `query($id: ID!) { node(id: $id) { ... on Case { subjects { subjectId kind reportCount } linkedCases { id } } } }`, { id })).data.node;
    const views = await Promise.all(ids.map(subjectsOf));
    expect(new Set(views.map((v) => v.subjects.find((s: any) => s.kind === 'MINOR').subjectId)).size).toBe(1);
    expect(views[0].subjects.find((s: any) => s.kind === 'MINOR').reportCount).toBe(3);
    ids.forEach((id, i) => expect(views[i].linkedCases.map((c: any) => c.id).sort(), `linkedCases of report ${i + 1}`).toEqual(ids.filter((x) => x !== id).sort()));
    const decoy = await subjectsOf(otherYear.case.id);
    expect(decoy.linkedCases).toEqual([]);
    expect(decoy.subjects.find((s: any) => s.kind === 'MINOR').reportCount).toBe(1);

    const alertsQuery = `{ subjectAlerts(first: 10) { totalCount edges { node { id reportCount subjectKind cases(first: 5) { edges { node { id } } } } } } }`;
    const sup = await h.query('supervisor', alertsQuery);
    expect(sup.errors, JSON.stringify(sup.errors)).toBeUndefined();
    const ours = sup.data.subjectAlerts.edges.filter((e: any) => e.node.cases.edges.some((c: any) => ids.includes(c.node.id)));
    expect(ours).toHaveLength(1);
    expect(ours[0].node.reportCount).toBe(3);
    expect(ours[0].node.subjectKind).toBe('MINOR');
    expect(ours[0].node.cases.edges.map((c: any) => c.node.id).sort()).toEqual([...ids].sort());
    const op = await h.query('operator', alertsQuery);
    expect(op.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(op.data?.subjectAlerts ?? null).toBeNull();

    // A fourth report counts but raises no second alert.
    const fourth = await report('学校保安', minor());
    expect(fourth.alertsRaised).toBe(0);
    expect(await h.countRows('subject_alerts')).toBe(alertsBefore + 1);
    expect((await subjectsOf(fourth.case.id)).subjects.find((s: any) => s.kind === 'MINOR').reportCount).toBe(4);
  });
});

describe('text search', () => {
  it('finds 欺凌 in summaries and narratives, and only there; one character works too', async () => {
    const a = await h.register({ summary: '学生在校遭受欺凌', narrative: '' });
    const b = await h.register({ summary: '家庭矛盾', narrative: '孩子长期被同学欺凌，不敢上学' });
    const c = await h.register({ summary: '孩子凌晨未归', narrative: '家长说孩子常被人欺负' }); // 欺 and 凌, never 欺凌
    const d = await h.register({ summary: '网络沉迷', narrative: '孩子整夜玩游戏' });
    const e = await h.register({ summary: '同学欺负他到凌晨', narrative: '' }); // 欺…凌, as a LIKE pattern would match

    const search = async (term: string) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const r: any = await h.query('operator', `query($f: CaseFilter, $after: String) { cases(first: 100, after: $after, filter: $f) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { f: term ? { search: term } : {}, after });
        expect(r.errors).toBeUndefined();
        ids.push(...r.data.cases.edges.map((e: any) => e.node.id));
        if (!r.data.cases.pageInfo.hasNextPage) return ids;
        after = r.data.cases.pageInfo.endCursor;
      }
    };

    const found = await search('欺凌');
    expect(found).toEqual(expect.arrayContaining([a.case.id, b.case.id]));
    expect(found).not.toContain(c.case.id);
    expect(found).not.toContain(d.case.id);
    // Exactly the cases whose summary or narrative holds the phrase.
    const expected = await t.database.rows<{ id: string }>(sql`select id from cases where summary like '%欺凌%' or narrative like '%欺凌%'`);
    expect(found.length).toBe(expected.length);

    const oneChar = await search('凌');
    expect(oneChar).toEqual(expect.arrayContaining([a.case.id, b.case.id, c.case.id]));
    expect(oneChar).not.toContain(d.case.id);
    expect(await search('游戏')).toContain(d.case.id);
    expect(await search('游戏')).not.toContain(a.case.id);
    expect(found).not.toContain(e.case.id);
    expect(await search('!!')).toEqual([]);
    expect(await search('%')).toEqual([]);
    // Wildcards are literal characters, not patterns.
    expect(await search('欺%凌')).toEqual([]);
    expect(await search('欺_凌')).toEqual([]);
    // The case code is searchable too.
    expect(await search(a.case.code)).toEqual([a.case.id]);
  });

  it('the search is served by the GIN index cases_search_idx', async () => {
    const where = await caseWhere(t.serviceContext(), { search: '欺凌' });
    const plan = await t.database.db.transaction(async (tx) => {
      await t.database.rows(sql`set local enable_seqscan = off`, tx);
      return t.database.rows<Record<string, string>>(sql`explain select ${cases.id} from ${cases} where ${where}`, tx);
    });
    const text = plan.map((row) => Object.values(row).join(' ')).join('\n');
    expect(text).toContain('cases_search_idx');
  });
});

describe('atomic writes', () => {
  it('a failed mutation leaves no row and no audit event behind', async () => {
    const reg = await h.register();
    const snapshot = async () => ({
      cases: await h.countRows('cases'), dispatches: await h.countRows('dispatches'), audit: await countAudit(),
      reporters: await h.countRows('reporters'), subjects: await h.countRows('subjects'), counters: await h.countRows('case_code_counters'),
    });
    const before = await snapshot();
    const caseBefore = await h.getCase(reg.case.id);

    await t.database.db.execute(sql`update departments set active = false where code = 'CULT'`);
    const [inactive] = await t.database.rows<{ id: string }>(sql`select id from departments where code = 'CULT'`);
    const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
    const sel = `... on DispatchCasePayload { case { status } }`;
    const toInactive = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, lead: { departmentId: globalId('Department', inactive!.id) } }, sel);
    expect(toInactive).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'departmentId' });
    const toUnknown = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId: reg.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') }, assists: [{ departmentId: globalId('Department', '00000000-0000-4000-8000-000000000000') }],
    }, sel);
    expect(toUnknown).toMatchObject({ code: 'NOT_FOUND', field: 'departmentId' });
    const twice = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId: reg.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') }, assists: [{ departmentId: await h.refId('Department', 'PSB-110105') }],
    }, sel);
    expect(twice).toMatchObject({ code: 'VALIDATION', field: 'departmentId' });

    const badCategory = await h.register({ categoryId: globalId('CaseCategory', '00000000-0000-4000-8000-000000000000'), minors: [{ name: '不存在的孩子', birthYear: 2014 }] });
    expect(badCategory).toMatchObject({ code: 'NOT_FOUND', field: 'categoryId' });
    const badDistrict = await h.register({ districtId: globalId('District', '00000000-0000-4000-8000-000000000000'), minors: [{ name: '不存在的孩子', birthYear: 2014 }] });
    expect(badDistrict).toMatchObject({ code: 'NOT_FOUND', field: 'districtId' });

    expect(await snapshot()).toEqual(before);
    const caseAfter = await h.getCase(reg.case.id);
    expect(caseAfter).toMatchObject({ status: 'RECEIVED', version: caseBefore.version, dispatches: [] });

    // The next registration takes the next number: the failed ones consumed none.
    const next = await h.register();
    const seq = (code: string) => Number(code.split('-')[1]);
    expect(seq(next.case.code)).toBe(seq(reg.case.code) + 1);
  });
});
