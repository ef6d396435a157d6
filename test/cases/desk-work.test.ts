// What counts as the desk's open work: a returned case gets a fresh dispatch deadline, a closed case
// withdraws its open assists and is never overdue, and a finished dispatch cannot be extended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
});
afterAll(() => t?.close());

const CASE = `query($id: ID!) { node(id: $id) { ... on Case { status dispatchBy dispatches { id role status } } } }`;

describe('desk work', () => {
  it("a returned case waits for re-dispatch with a new dispatch-by, counted from the return", async () => {
    const c = await h.dispatched('PSB-110105');
    const before = (await t.gql(CASE, { id: c.caseId }, await t.login('operator'))).data.node;
    t.clock.advanceHours(30);
    await h.mutate('police', 'returnDispatch', 'ReturnDispatchInput', { dispatchId: c.dispatchId, reason: '不属于本单位管辖' });
    const after = (await t.gql(CASE, { id: c.caseId }, await t.login('operator'))).data.node;
    expect(after.status).toBe('RECEIVED');
    expect(Date.parse(after.dispatchBy)).toBeGreaterThan(Date.parse(before.dispatchBy));
    expect(Date.parse(after.dispatchBy)).toBeGreaterThan(t.clock.now().getTime());
    const overdue = await t.gql(`{ cases(first: 50, filter: { overdue: true }) { edges { node { id } } } }`, {}, await t.login('operator'));
    expect(overdue.data.cases.edges.map((e: any) => e.node.id)).not.toContain(c.caseId);
  });

  it('closing withdraws open assists, and a closed case is never overdue', async () => {
    const reg = await h.register({ reporter: { anonymous: true, hasSafeContact: false } });
    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId: reg.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') }, assists: [{ departmentId: await h.refId('Department', 'EDU-110108') }],
    }, `... on DispatchCasePayload { dispatches { id role } }`);
    const lead = d.dispatches.find((x: any) => x.role === 'LEAD');
    await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: lead.id });
    await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: lead.id, result: '已处置', outcome: 'SUBSTANTIATED' });
    expect((await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: reg.case.id, reason: '匿名举报' })).status).toBe('CLOSED');
    const node = (await t.gql(CASE, { id: reg.case.id }, await t.login('operator'))).data.node;
    expect(node.dispatches.find((x: any) => x.role === 'ASSIST').status).toBe('WITHDRAWN');
    t.clock.advanceHours(24 * 60);
    const overdue = await t.gql(`{ cases(first: 100, filter: { overdue: true }) { edges { node { id status } } } }`, {}, await t.login('operator'));
    expect(overdue.data.cases.edges.every((e: any) => !['CLOSED', 'MERGED', 'INVALID'].includes(e.node.status))).toBe(true);
    expect(overdue.data.cases.edges.map((e: any) => e.node.id)).not.toContain(reg.case.id);
  });

  it('an extension cannot be granted on a dispatch that has already replied', async () => {
    const c = await h.dispatched('PSB-110105', { accept: true });
    const ask = await t.gql(`mutation($i: RequestExtensionInput!) { requestExtension(input: $i) { __typename ... on ExtensionRequest { id } } }`,
      { i: { dispatchId: c.dispatchId, reason: '等待鉴定', requestedReplyBy: new Date(t.clock.now().getTime() + 40 * 86_400_000).toISOString() } }, await t.login('police'));
    await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: c.dispatchId, result: '已处置', outcome: 'SUBSTANTIATED' });
    const decide = await t.gql(`mutation($i: DecideExtensionInput!) { decideExtension(input: $i) { __typename ... on InvalidTransitionError { currentState } } }`,
      { i: { extensionId: ask.data.requestExtension.id, approve: true } }, await t.login('supervisor'));
    expect(decide.data.decideExtension).toEqual({ __typename: 'InvalidTransitionError', currentState: 'REPLIED' });
  });
});

describe('explicit nulls', () => {
  it('an optional field sent as null counts as not given (registerCase, closeCase)', async () => {
    const reg = await h.register({ narrative: null, perpetratorRelation: null, street: null, kind: 'CONSULTATION' });
    expect(reg.__typename).toBe('RegisterCasePayload');
    const closed = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: reg.case.id, reason: '已当场解答', version: null });
    expect(closed.status).toBe('CLOSED');
  });
});
