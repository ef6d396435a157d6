// Who sees and moves which case, over HTTP, as each role (DESIGN.md "Roles": default deny). A department
// reaches only the cases dispatched to it or below it — by list, by id, through nested fields and by
// acting — and only while its dispatch holds the case; roles without case records get FORBIDDEN and
// never a reporter's or a child's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;

/** Personal data registered in this file: none of it may reach a role that may not read it. */
const PD = {
  reporterA: '赵红梅', phoneA: '13811112222',
  reporterB: '钱建国', phoneB: '13933334444',
  reporterC: '周晓燕', phoneC: '13755556666',
  minor: '孙小宝', minorC: '吴小雨', school: '朝阳实验小学', schoolC: '海淀第一中学', guardian: '孙大伟',
};
const PERSONAL = Object.values(PD);

/** A and B are about the same child at the same school; C and D about another. */
const MINOR_A = { name: PD.minor, birthYear: 2014, school: PD.school };
const MINOR_C = { name: PD.minorC, birthYear: 2012, school: PD.schoolC };

interface Made { caseId: string; code: string; dispatchId: string; version: number }
/** A: Chaoyang police's; B: Haidian education's (same child as A); C: Haidian police's; D: the city police bureau's own. */
let A: Made, B: Made, C: Made, D: Made;

async function as(who: string): Promise<string> {
  return who.startsWith('glt_') || who.startsWith('gls_') ? who : t.login(who);
}
async function q(who: string | null, query: string, variables: Record<string, unknown> = {}) {
  return t.gql(query, variables, who ? await as(who) : null);
}

async function make(lead: string, reporter: { name: string; phone: string; consent?: boolean }, minor: { name: string; birthYear: number; school: string }): Promise<Made> {
  const reg = await h.register({
    reporter: { name: reporter.name, phone: reporter.phone, relationToMinor: 'PARENT', consentToShareContact: reporter.consent ?? false, hasSafeContact: true },
    minors: [{ name: minor.name, birthYear: minor.birthYear, school: minor.school, guardianName: PD.guardian }],
  });
  expect(reg.__typename).toBe('RegisterCasePayload');
  const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, lead: { departmentId: await h.refId('Department', lead) } },
    `... on DispatchCasePayload { case { version } dispatches { id } }`);
  expect(d.dispatches).toHaveLength(1);
  return { caseId: reg.case.id, code: reg.case.code, dispatchId: d.dispatches[0].id, version: d.case.version };
}

const CASES = `query($f: CaseFilter) { cases(first: 100, filter: $f) { totalCount edges { node { id code } } } }`;
const DISPATCHES = `query($f: DispatchFilter) { dispatches(first: 100, filter: $f) { totalCount edges { node { id department { code } case { code } } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Case { code summary } ... on Dispatch { status case { code } } } }`;
const BY_CODE = `query($c: String!) { caseByCode(code: $c) { id code } }`;

async function caseCodes(who: string, filter?: Record<string, unknown>) {
  const r = await q(who, CASES, { f: filter });
  expect(r.errors, r.text).toBeUndefined();
  const codes = r.data.cases.edges.map((e: any) => e.node.code) as string[];
  expect(r.data.cases.totalCount).toBe(codes.length);
  return codes;
}
async function dispatchIds(who: string, filter?: Record<string, unknown>) {
  const r = await q(who, DISPATCHES, { f: filter });
  expect(r.errors, r.text).toBeUndefined();
  expect(r.data.dispatches.totalCount).toBe(r.data.dispatches.edges.length);
  return r.data.dispatches.edges.map((e: any) => e.node) as { id: string; department: { code: string }; case: { code: string } }[];
}
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
  A = await make('PSB-110105', { name: PD.reporterA, phone: PD.phoneA }, MINOR_A);
  B = await make('EDU-110108', { name: PD.reporterB, phone: PD.phoneB }, MINOR_A);
  C = await make('PSB-110108', { name: PD.reporterC, phone: PD.phoneC }, MINOR_C);
  D = await make('PSB', { name: PD.reporterC, phone: PD.phoneC }, MINOR_C);
});
afterAll(() => t?.close());

describe('department A (police, PSB-110105) and department B (education, EDU-110108)', () => {
  it('lists: each department lists only its own cases and dispatches, and a filter cannot widen that', async () => {
    expect(await caseCodes('police')).toEqual([A.code]);
    expect(await caseCodes('education')).toEqual([B.code]);
    // Filtering by the other department, by the other's code or by the other's case finds nothing.
    expect(await caseCodes('police', { departmentId: await h.refId('Department', 'EDU-110108') })).toEqual([]);
    expect(await caseCodes('police', { search: B.code })).toEqual([]);
    expect(await caseCodes('education', { search: A.code })).toEqual([]);

    const police = await dispatchIds('police');
    expect(police.map((d) => d.id)).toEqual([A.dispatchId]);
    expect(police[0]).toMatchObject({ department: { code: 'PSB-110105' }, case: { code: A.code } });
    expect((await dispatchIds('education')).map((d) => d.id)).toEqual([B.dispatchId]);
    expect(await dispatchIds('police', { caseId: B.caseId })).toEqual([]);
    expect(await dispatchIds('police', { departmentId: await h.refId('Department', 'EDU-110108') })).toEqual([]);
  });

  it('by id: node() answers NOT_FOUND for the other department\'s case and dispatch, and shows nothing of them', async () => {
    for (const id of [B.caseId, B.dispatchId]) {
      const r = await q('police', NODE, { id });
      expect(r.data?.node ?? null).toBeNull();
      expect(code(r)).toBe('NOT_FOUND');
      expect(r.text).not.toContain(B.code);
      expect(r.text).not.toContain('学生在校遭受欺凌');
    }
    for (const id of [A.caseId, A.dispatchId]) {
      const r = await q('education', NODE, { id });
      expect(r.data?.node ?? null).toBeNull();
      expect(code(r)).toBe('NOT_FOUND');
    }
    // Positive control: their own case and dispatch do resolve.
    expect((await q('police', NODE, { id: A.caseId })).data.node).toMatchObject({ __typename: 'Case', code: A.code });
    expect((await q('police', NODE, { id: A.dispatchId })).data.node).toMatchObject({ __typename: 'Dispatch', status: 'PENDING', case: { code: A.code } });
    expect((await q('education', NODE, { id: B.caseId })).data.node).toMatchObject({ __typename: 'Case', code: B.code });
  });

  it('nested: caseByCode, linkedCases (a shared child) and a dispatch\'s case never lead into the other department\'s case', async () => {
    expect((await q('police', BY_CODE, { c: B.code })).data.caseByCode).toBeNull();
    expect((await q('police', BY_CODE, { c: B.code.toLowerCase() })).data.caseByCode).toBeNull();
    expect((await q('education', BY_CODE, { c: A.code })).data.caseByCode).toBeNull();
    expect((await q('police', BY_CODE, { c: A.code })).data.caseByCode).toEqual({ id: A.caseId, code: A.code });

    // A and B are about the same child: the desk sees the link, each department only its own side.
    const LINKED = `query($id: ID!) { node(id: $id) { ... on Case { code subjects { kind reportCount } linkedCases { id code } } } }`;
    const desk = await q('operator', LINKED, { id: A.caseId });
    expect(desk.data.node.linkedCases).toEqual([{ id: B.caseId, code: B.code }]);
    expect(desk.data.node.subjects).toEqual(expect.arrayContaining([{ kind: 'MINOR', reportCount: 2 }, { kind: 'SCHOOL', reportCount: 2 }]));
    const police = await q('police', LINKED, { id: A.caseId });
    expect(police.errors).toBeUndefined();
    expect(police.data.node.linkedCases).toEqual([]);
    expect(police.text).not.toContain(B.code);
    expect((await q('education', LINKED, { id: B.caseId })).data.node.linkedCases).toEqual([]);

    // Through the case's dispatches and back to their case: still only A.
    const ROUND = `query($id: ID!) { node(id: $id) { ... on Case { dispatches { id case { code linkedCases { code } } } mergeGroupRoot { code } } } }`;
    const round = await q('police', ROUND, { id: A.caseId });
    expect(round.errors).toBeUndefined();
    expect(round.data.node).toEqual({ dispatches: [{ id: A.dispatchId, case: { code: A.code, linkedCases: [] } }], mergeGroupRoot: { code: A.code } });
  });

  it('acting: every department move on the other\'s dispatch is a typed FORBIDDEN and changes nothing', async () => {
    const sel = `... on Dispatch { id status }`;
    const moves: [string, string, Record<string, unknown>, string?][] = [
      ['acceptDispatch', 'AcceptDispatchInput', { dispatchId: B.dispatchId }],
      // A stale version must not tell the other department anything either: still FORBIDDEN.
      ['acceptDispatch', 'AcceptDispatchInput', { dispatchId: B.dispatchId, version: 99 }],
      ['returnDispatch', 'ReturnDispatchInput', { dispatchId: B.dispatchId, reason: '不归我们管' }],
      ['replyDispatch', 'ReplyDispatchInput', { dispatchId: B.dispatchId, result: '已处理', outcome: 'SUBSTANTIATED' }],
      ['requestExtension', 'RequestExtensionInput', { dispatchId: B.dispatchId, reason: '需要更多时间', requestedReplyBy: '2026-07-30T00:00:00Z' }, `... on ExtensionRequest { id }`],
    ];
    for (const [name, type, input, selection] of moves) {
      const r = await h.mutate('police', name, type, input, selection ?? sel);
      expect(r, `${name} ${JSON.stringify(input)}`).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    }
    const summon = await t.gql(`mutation($i: SummonDepartmentsInput!) { summonDepartments(input: $i) { __typename ... on Error { code } } }`,
      { i: { dispatchId: B.dispatchId, departments: [{ departmentId: await h.refId('Department', 'PSB-110105') }] } }, await t.login('police'));
    expect(summon.data.summonDepartments).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(await h.mutate('education', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: A.dispatchId }, sel)).toMatchObject({ __typename: 'ForbiddenError' });

    // Nothing moved: B's dispatch is still pending at version 1, its case still DISPATCHED, no department event on it.
    const b = await q('operator', `query($id: ID!) { node(id: $id) { ... on Dispatch { status version extensions { id } case { status timeline { action } } } } }`, { id: B.dispatchId });
    expect(b.data.node).toMatchObject({ status: 'PENDING', version: 1, extensions: [], case: { status: 'DISPATCHED' } });
    const actions = b.data.node.case.timeline.map((e: any) => e.action);
    expect(actions).toEqual(['case.register', 'case.dispatch', 'dispatch.create']);
    expect((await h.getCase(A.caseId)).dispatches[0].status).toBe('PENDING');
  });
});

describe('the desk', () => {
  it('operator and supervisor see every case and dispatch, by list, id and code', async () => {
    for (const who of ['operator', 'supervisor']) {
      expect(new Set(await caseCodes(who))).toEqual(new Set([A.code, B.code, C.code, D.code]));
      expect(new Set((await dispatchIds(who)).map((d) => d.id))).toEqual(new Set([A.dispatchId, B.dispatchId, C.dispatchId, D.dispatchId]));
      for (const m of [A, B]) {
        expect((await q(who, NODE, { id: m.caseId })).data.node).toMatchObject({ __typename: 'Case', code: m.code });
        expect((await q(who, NODE, { id: m.dispatchId })).data.node).toMatchObject({ __typename: 'Dispatch', case: { code: m.code } });
        expect((await q(who, BY_CODE, { c: m.code })).data.caseByCode.id).toBe(m.caseId);
      }
      // ...and the reporter's contact, for the call back.
      const rep = await q(who, `query($id: ID!) { node(id: $id) { ... on Case { reporter { name phone } } } }`, { id: B.caseId });
      expect(rep.data.node.reporter).toEqual({ name: PD.reporterB, phone: PD.phoneB });
    }
  });
});

describe('partners and department trees', () => {
  it('a DEPARTMENT API token for PSB-110105 gets exactly the police handler\'s view', async () => {
    const issued = await q('admin', `mutation($i: IssueApiTokenInput!) { issueApiToken(input: $i) { __typename ... on IssuedApiToken { secret } ... on Error { code } } }`,
      { i: { name: '朝阳分局警务系统', kind: 'DEPARTMENT', departmentId: await h.refId('Department', 'PSB-110105') } });
    const token = issued.data.issueApiToken.secret as string;
    expect(token).toMatch(/^glt_/);

    expect(await caseCodes(token)).toEqual(await caseCodes('police'));
    expect(await caseCodes(token)).toEqual([A.code]);
    expect(await dispatchIds(token)).toEqual(await dispatchIds('police'));
    for (const id of [B.caseId, B.dispatchId, C.caseId, D.caseId]) {
      const r = await q(token, NODE, { id });
      expect(r.data?.node ?? null).toBeNull();
      expect(code(r)).toBe('NOT_FOUND');
    }
    expect((await q(token, BY_CODE, { c: B.code })).data.caseByCode).toBeNull();
    expect((await q(token, NODE, { id: A.caseId })).data.node.code).toBe(A.code);
    expect(await h.mutate(token, 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: B.dispatchId })).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    // Same personal-data rule as the handler: no consent, no reporter contact; the child's name for finding the child.
    const pd = await q(token, `query($id: ID!) { node(id: $id) { ... on Case { reporter { name phone } subjects { name } } } }`, { id: A.caseId });
    expect(pd.data.node.reporter).toEqual({ name: null, phone: null });
    expect(pd.data.node.subjects).toEqual(expect.arrayContaining([{ name: PD.minor }]));
    // And the same moves.
    const acts = await q(token, `query($id: ID!) { node(id: $id) { ... on Dispatch { availableActions } } }`, { id: A.dispatchId });
    expect(acts.data.node.availableActions).toEqual(['ACCEPT', 'RETURN', 'REQUEST_EXTENSION']);
  });

  it('a handler of the city bureau PSB sees its district branches\' cases; a branch never sees the bureau\'s', async () => {
    const created = await q('admin', `mutation($i: CreateUserInput!) { createUser(input: $i) { __typename ... on User { username department { code } } ... on Error { code message } } }`, {
      i: { username: 'psb-city', displayName: '市公安局 值班民警', password: DEMO_PASSWORD, roles: ['DEPARTMENT_HANDLER'], departmentId: await h.refId('Department', 'PSB') },
    });
    expect(created.data.createUser).toMatchObject({ __typename: 'User', department: { code: 'PSB' } });

    expect(new Set(await caseCodes('psb-city'))).toEqual(new Set([A.code, C.code, D.code]));
    expect(new Set((await dispatchIds('psb-city')).map((d) => d.department.code))).toEqual(new Set(['PSB-110105', 'PSB-110108', 'PSB']));
    expect((await q('psb-city', NODE, { id: C.caseId })).data.node.code).toBe(C.code);
    const b = await q('psb-city', NODE, { id: B.caseId });
    expect(b.data?.node ?? null).toBeNull();
    expect(code(b)).toBe('NOT_FOUND');
    // The branch does not see up the tree.
    expect((await q('police', NODE, { id: D.caseId })).data?.node ?? null).toBeNull();
    expect(await caseCodes('police')).not.toContain(D.code);
    // The bureau may act on its branch's dispatch.
    const acts = await q('psb-city', `query($id: ID!) { node(id: $id) { ... on Dispatch { availableActions } } }`, { id: C.dispatchId });
    expect(acts.data.node.availableActions).toEqual(['ACCEPT', 'RETURN', 'REQUEST_EXTENSION']);
    expect(await h.mutate('psb-city', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: C.dispatchId })).toMatchObject({ __typename: 'Dispatch', status: 'ACCEPTED' });
    expect(await h.mutate('psb-city', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: B.dispatchId })).toMatchObject({ __typename: 'ForbiddenError' });
  });
});

describe('roles without case records', () => {
  const ROLES = ['analyst', 'secretary', 'member1', 'member2', 'chair', 'admin'];

  it('get FORBIDDEN on cases, dispatches, case and dispatch nodes and caseByCode', async () => {
    for (const who of ROLES) {
      for (const [query, vars] of [
        [CASES, {}], [DISPATCHES, {}], [NODE, { id: A.caseId }], [NODE, { id: B.dispatchId }], [BY_CODE, { c: A.code }],
        [`query($id: ID!) { node(id: $id) { ... on Case { reporter { name phone } subjects { name guardianName school } } } }`, { id: A.caseId }],
      ] as const) {
        const r = await q(who, query, vars);
        expect(code(r), `${who}: ${query}`).toBe('FORBIDDEN');
        expect(r.data?.node ?? r.data?.cases ?? r.data?.dispatches ?? r.data?.caseByCode ?? null, `${who}: ${query}`).toBeNull();
      }
    }
  });

  it('cannot move cases or dispatches either', async () => {
    for (const who of ROLES) {
      expect(await h.mutate(who, 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: B.dispatchId }), who).toMatchObject({ code: 'FORBIDDEN' });
      expect(await h.mutate(who, 'dispatchCase', 'DispatchCaseInput', { caseId: A.caseId, lead: { departmentId: await h.refId('Department', 'EDU-110108') } }, `... on DispatchCasePayload { case { id } }`), who).toMatchObject({ code: 'FORBIDDEN' });
      expect(await h.mutate(who, 'recordFollowUp', 'RecordFollowUpInput', { caseId: A.caseId, respondent: 'OTHER', resolved: true }, `... on RecordFollowUpPayload { case { id } }`), who).toMatchObject({ code: 'FORBIDDEN' });
      expect(await h.mutate(who, 'closeCase', 'CloseCaseInput', { caseId: A.caseId, reason: '已解答' }), who).toMatchObject({ code: 'FORBIDDEN' });
      const reg = await h.register({ summary: '不应登记' }, who);
      expect(reg.errors?.[0]?.extensions?.code ?? reg.code, who).toBe('FORBIDDEN');
    }
    expect(await caseCodes('operator', { search: '不应登记' })).toEqual([]);
    expect((await h.getCase(A.caseId)).dispatches).toMatchObject([{ id: A.dispatchId, status: 'PENDING', department: { code: 'PSB-110105' } }]);
  });

  it('never receive a reporter\'s name or phone or a child\'s name, whatever they ask', async () => {
    const probes: [string, Record<string, unknown>][] = [
      [`{ cases(first: 100) { edges { node { code reporter { name phone organization } subjects { name guardianName school } } } } }`, {}],
      [`{ dispatches(first: 100) { edges { node { case { reporter { name phone } subjects { name } } } } } }`, {}],
      [`query($id: ID!) { node(id: $id) { ... on Case { reporter { name phone } subjects { name guardianName school } linkedCases { reporter { name phone } } } } }`, { id: A.caseId }],
      [`query($id: ID!) { node(id: $id) { ... on Dispatch { case { reporter { name phone } subjects { name } } } } }`, { id: B.dispatchId }],
      [`query($c: String!) { caseByCode(code: $c) { reporter { name phone } subjects { name } } }`, { c: B.code }],
      [`{ me { username displayName roles } departments(first: 100) { totalCount } }`, {}],
    ];
    for (const who of ROLES) {
      for (const [query, vars] of probes) {
        const r = await q(who, query, vars);
        for (const secret of PERSONAL) expect(r.text, `${who} read ${secret} via ${query}`).not.toContain(secret);
        expect(r.text).not.toContain(A.code);
      }
    }
    // Control: the same probes as the operator do carry the names, so the absence above is the rule at work.
    const op = await q('operator', probes[0]![0]);
    for (const secret of [PD.reporterA, PD.phoneA, PD.reporterB, PD.phoneB, PD.minor, PD.minorC]) expect(op.text).toContain(secret);
  });
});

describe('access follows the dispatch', () => {
  it('a returned dispatch no longer gives the department the case; re-dispatching gives it back', async () => {
    const r = await make('PSB-110105', { name: PD.reporterA, phone: PD.phoneA }, MINOR_C);
    expect(await caseCodes('police')).toContain(r.code);
    const ret = await h.mutate('police', 'returnDispatch', 'ReturnDispatchInput', { dispatchId: r.dispatchId, reason: '不属于本单位管辖' });
    expect(ret).toMatchObject({ __typename: 'Dispatch', status: 'RETURNED' });

    expect(await caseCodes('police')).not.toContain(r.code);
    const byId = await q('police', NODE, { id: r.caseId });
    expect(byId.data?.node ?? null).toBeNull();
    expect(code(byId)).toBe('NOT_FOUND');
    expect((await q('police', BY_CODE, { c: r.code })).data.caseByCode).toBeNull();
    // The department keeps its own record of the returned dispatch — but it leads to no case any more,
    // and its queue still loads.
    const queue = await q('police', `{ dispatches(first: 100) { edges { node { id status case { code summary } } } } }`);
    expect(queue.data?.dispatches, queue.text).toBeTruthy();
    const returned = queue.data.dispatches.edges.find((e: any) => e.node.id === r.dispatchId)?.node;
    expect(returned).toEqual({ id: r.dispatchId, status: 'RETURNED', case: null });
    expect(queue.text).not.toContain(r.code);
    const node = await q('police', `query($id: ID!) { node(id: $id) { ... on Dispatch { status returnReason availableActions case { code } } } }`, { id: r.dispatchId });
    expect(node.data.node).toEqual({ status: 'RETURNED', returnReason: '不属于本单位管辖', availableActions: [], case: null });

    // Re-dispatched to the same department, it is theirs again.
    const again = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: r.caseId, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { dispatches { id } }`);
    expect(again.dispatches).toHaveLength(1);
    expect(await caseCodes('police')).toContain(r.code);
    expect((await q('police', NODE, { id: r.caseId })).data.node.code).toBe(r.code);
  });

  it('a withdrawn dispatch no longer gives the department the case, even after it accepted', async () => {
    const w = await make('PSB-110105', { name: PD.reporterA, phone: PD.phoneA }, MINOR_C);
    expect(await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: w.dispatchId })).toMatchObject({ status: 'ACCEPTED' });
    expect((await q('police', BY_CODE, { c: w.code })).data.caseByCode.id).toBe(w.caseId);
    const wd = await h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId: w.dispatchId, reason: '派错单位' });
    expect(wd).toMatchObject({ __typename: 'Dispatch', status: 'WITHDRAWN' });

    expect(await caseCodes('police')).not.toContain(w.code);
    expect((await q('police', BY_CODE, { c: w.code })).data.caseByCode).toBeNull();
    const byId = await q('police', NODE, { id: w.caseId });
    expect(byId.data?.node ?? null).toBeNull();
    expect(code(byId)).toBe('NOT_FOUND');
    // Its moves are gone too: replying to a withdrawn dispatch is an illegal transition.
    expect(await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: w.dispatchId, result: '已处理', outcome: 'SUBSTANTIATED' }))
      .toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', currentState: 'WITHDRAWN' });
    // The desk still sees the case, back at RECEIVED for re-dispatch.
    expect((await h.getCase(w.caseId)).status).toBe('RECEIVED');
  });
});

describe('merged into a case the department cannot see', () => {
  it('the merged case stays the department\'s, but its mergedInto and mergeGroupRoot are null, and its lists still load', async () => {
    // Y (education's) is the earlier report; X (police's, replied) is merged into it.
    const y = await make('EDU-110108', { name: PD.reporterB, phone: PD.phoneB }, MINOR_C);
    const x = await make('PSB-110105', { name: PD.reporterA, phone: PD.phoneA }, MINOR_C);
    expect(await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: x.dispatchId })).toMatchObject({ status: 'ACCEPTED' });
    expect(await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: x.dispatchId, result: '已处理', outcome: 'SUBSTANTIATED' })).toMatchObject({ status: 'REPLIED' });
    const merged = await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: x.caseId, intoCaseId: y.caseId, reason: '同一事件重复来电' }, `... on Case { status mergedInto { code } mergeGroupRoot { code } }`);
    expect(merged).toMatchObject({ status: 'MERGED', mergedInto: { code: y.code }, mergeGroupRoot: { code: y.code } });

    const list = await q('police', `{ cases(first: 100) { edges { node { code status mergedInto { code } mergeGroupRoot { code } } } } }`);
    expect(list.errors, list.text).toBeUndefined();
    const mine = list.data.cases.edges.map((e: any) => e.node);
    expect(mine.find((c: any) => c.code === x.code)).toEqual({ code: x.code, status: 'MERGED', mergedInto: null, mergeGroupRoot: null });
    expect(list.text).not.toContain(y.code);
    const queue = await q('police', `{ dispatches(first: 100) { edges { node { id case { code mergeGroupRoot { code } } } } } }`);
    expect(queue.errors, queue.text).toBeUndefined();
    expect(queue.data.dispatches.edges.find((e: any) => e.node.id === x.dispatchId).node.case).toEqual({ code: x.code, mergeGroupRoot: null });
    // The earlier case's department sees its own case as its own root.
    const edu = await q('education', `query($id: ID!) { node(id: $id) { ... on Case { mergeGroupRoot { code } mergedInto { code } } } }`, { id: y.caseId });
    expect(edu.data.node).toEqual({ mergeGroupRoot: { code: y.code }, mergedInto: null });
  });
});

describe('anonymous requests', () => {
  it('get UNAUTHENTICATED for everything but login', async () => {
    const dept = await h.refId('Department', 'PSB-110105');
    const queries: [string, Record<string, unknown>][] = [
      [CASES, {}], [DISPATCHES, {}], [NODE, { id: A.caseId }], [NODE, { id: A.dispatchId }], [BY_CODE, { c: A.code }],
      [`{ me { username } }`, {}], [`{ departments(first: 1) { totalCount } }`, {}], [`{ districts { code } }`, {}],
      [`{ caseCategories { code } }`, {}], [`{ subjectAlerts(first: 1) { totalCount } }`, {}], [`{ users(first: 1) { totalCount } }`, {}],
      [`query($c: ID!) { suggestedDepartments(categoryId: $c) { code } }`, { c: await h.refId('CaseCategory', 'SCHOOL-BULLYING') }],
    ];
    for (const [query, vars] of queries) {
      const r = await q(null, query, vars);
      expect(code(r), query).toBe('UNAUTHENTICATED');
      expect(Object.values(r.data ?? {}).filter((v) => v !== null), query).toEqual([]);
      for (const secret of PERSONAL) expect(r.text).not.toContain(secret);
    }
    const mutations: [string, string, Record<string, unknown>][] = [
      ['registerCase', 'RegisterCaseInput', { channel: 'HOTLINE', kind: 'REPORT', categoryId: await h.refId('CaseCategory', 'SCHOOL-BULLYING'), domain: 'SCHOOL', summary: '匿名' }],
      ['dispatchCase', 'DispatchCaseInput', { caseId: A.caseId, lead: { departmentId: dept } }],
      ['acceptDispatch', 'AcceptDispatchInput', { dispatchId: A.dispatchId }],
      ['returnDispatch', 'ReturnDispatchInput', { dispatchId: A.dispatchId, reason: '不归我们' }],
      ['replyDispatch', 'ReplyDispatchInput', { dispatchId: A.dispatchId, result: '已处理' }],
      ['withdrawDispatch', 'WithdrawDispatchInput', { dispatchId: A.dispatchId, reason: '派错' }],
      ['recordFollowUp', 'RecordFollowUpInput', { caseId: A.caseId, respondent: 'OTHER', resolved: true }],
      ['closeCase', 'CloseCaseInput', { caseId: A.caseId }],
      ['reopenCase', 'ReopenCaseInput', { caseId: A.caseId, reason: '再次来电' }],
      ['invalidateCase', 'InvalidateCaseInput', { caseId: A.caseId, reason: '恶意来电' }],
      ['issueApiToken', 'IssueApiTokenInput', { name: 'x', kind: 'INTAKE' }],
      ['createUser', 'CreateUserInput', { username: 'intruder', displayName: 'x', password: 'long-enough-pass', roles: ['ADMIN'] }],
    ];
    for (const [name, type, input] of mutations) {
      const r = await t.gql(`mutation($i: ${type}!) { ${name}(input: $i) { __typename } }`, { i: input });
      expect(code(r), name).toBe('UNAUTHENTICATED');
      expect(r.data?.[name] ?? null, name).toBeNull();
    }
    // An unknown or forged credential is not anonymity: 401.
    const forged = await t.gql(CASES, {}, 'gls_forged.token');
    expect(forged.status).toBe(401);
    expect(code(forged)).toBe('UNAUTHENTICATED');
    // Nothing moved.
    expect((await h.getCase(A.caseId)).dispatches[0].status).toBe('PENDING');

    const login = await t.gql(`mutation { login(input: { username: "operator", password: "${DEMO_PASSWORD}" }) { __typename ... on LoginPayload { token } } }`);
    expect(login.data.login.__typename).toBe('LoginPayload');
    expect(login.data.login.token).toBeTruthy();
  });
});

describe('availableActions', () => {
  const CASE_ACTIONS = `query($id: ID!) { node(id: $id) { ... on Case { status availableActions } } }`;
  const DISPATCH_ACTIONS = `query($id: ID!) { node(id: $id) { ... on Dispatch { status role availableActions } } }`;
  const caseActions = async (who: string, id: string) => (await q(who, CASE_ACTIONS, { id })).data.node.availableActions as string[];
  const dispatchActions = async (who: string, id: string) => {
    const r = await q(who, DISPATCH_ACTIONS, { id });
    expect(r.errors, r.text).toBeUndefined();
    return r.data.node.availableActions as string[];
  };

  it('on a case: only the desk\'s legal moves for its state; the supervisor\'s extra moves only for the supervisor', async () => {
    const reg = await h.register();
    const id = reg.case.id;
    expect(await caseActions('operator', id)).toEqual(['DISPATCH']);
    expect(await caseActions('supervisor', id)).toEqual(['DISPATCH', 'MERGE', 'INVALIDATE']);
    const help = await h.register({ kind: 'HELP_REQUEST', reporter: { anonymous: true } });
    expect(await caseActions('operator', help.case.id)).toEqual(['DISPATCH', 'ANSWER_DIRECTLY']);

    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: id, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { dispatches { id } }`);
    const dispatchId = d.dispatches[0].id;
    expect(await caseActions('operator', id)).toEqual([]);
    expect(await caseActions('supervisor', id)).toEqual(['MERGE', 'INVALIDATE']);
    // The department sees the case but has no case-level moves (its moves are on the dispatch).
    expect(await caseActions('police', id)).toEqual([]);

    await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId });
    await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId, result: '已处理', outcome: 'SUBSTANTIATED' });
    // REPLIED, reporter reachable safely: the follow-up call, not closing without one (closeCase would refuse it).
    expect(await caseActions('operator', id)).toEqual(['RECORD_FOLLOW_UP']);
    const refused = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: id, reason: '不回访' });
    expect(refused).toMatchObject({ code: 'INVALID_TRANSITION' });

    await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: id, respondent: 'REPORTER', resolved: true, satisfaction: 'SATISFIED' }, `... on RecordFollowUpPayload { case { status } }`);
    expect(await caseActions('operator', id)).toEqual(['CLOSE']);
    await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: id });
    expect(await caseActions('operator', id)).toEqual([]);
    expect(await caseActions('supervisor', id)).toEqual(['REOPEN']);
  });

  it('on a case whose reporter is anonymous, REPLIED offers closing without a follow-up — and it works', async () => {
    const { caseId } = await h.dispatched('PSB-110105', { reply: true, input: { reporter: { anonymous: true } } });
    expect(await caseActions('operator', caseId)).toEqual(['RECORD_FOLLOW_UP', 'CLOSE_WITHOUT_FOLLOW_UP']);
    expect(await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId, reason: '匿名来电，无法回访' })).toMatchObject({ status: 'CLOSED' });
  });

  it('on a dispatch: the department\'s moves only for its own dispatch and state; the desk only withdraws', async () => {
    const reg = await h.register();
    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId: reg.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') }, assists: [{ departmentId: await h.refId('Department', 'EDU-110108') }],
    }, `... on DispatchCasePayload { dispatches { id role } }`);
    const lead = d.dispatches.find((x: any) => x.role === 'LEAD').id;
    const assist = d.dispatches.find((x: any) => x.role === 'ASSIST').id;

    expect(await dispatchActions('police', lead)).toEqual(['ACCEPT', 'RETURN', 'REQUEST_EXTENSION']);
    expect(await dispatchActions('operator', lead)).toEqual(['WITHDRAW']);
    expect(await dispatchActions('supervisor', lead)).toEqual(['WITHDRAW']);
    // The lead department sees the assist on its case (through the case), but may not move it.
    const viaCase = await q('police', `query($id: ID!) { node(id: $id) { ... on Case { dispatches { id department { code } availableActions } } } }`, { id: reg.case.id });
    expect(viaCase.data.node.dispatches).toEqual(expect.arrayContaining([
      { id: lead, department: { code: 'PSB-110105' }, availableActions: ['ACCEPT', 'RETURN', 'REQUEST_EXTENSION'] },
      { id: assist, department: { code: 'EDU-110108' }, availableActions: [] },
    ]));
    expect(await dispatchActions('education', assist)).toEqual(['ACCEPT', 'RETURN', 'REQUEST_EXTENSION']);

    await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: lead });
    expect(await dispatchActions('police', lead)).toEqual(['REPLY', 'SUMMON', 'REQUEST_EXTENSION']);
    await h.mutate('education', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: assist });
    // Only the lead summons.
    expect(await dispatchActions('education', assist)).toEqual(['REPLY', 'REQUEST_EXTENSION']);
    expect(await dispatchActions('operator', assist)).toEqual(['WITHDRAW']);

    await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: lead, result: '已处理', outcome: 'SUBSTANTIATED' });
    expect(await dispatchActions('police', lead)).toEqual([]);
    expect(await dispatchActions('operator', lead)).toEqual([]);
  });
});
