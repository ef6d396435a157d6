// The closed loop (闭环) over HTTP, as each role: intake → dispatch → accept → reply → follow-up → close, and a reopen.
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

describe('the closed loop', () => {
  it('runs from intake to closed, and a supervisor reopens it for re-dispatch', async () => {
    const reg = await h.register();
    expect(reg.__typename).toBe('RegisterCasePayload');
    expect(reg.case.status).toBe('RECEIVED');
    expect(reg.case.code).toMatch(/^MP\d{8}-\d{4}$/);
    expect(reg.claimCode).toMatch(/^GL-/);
    const caseId = reg.case.id;

    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId, version: reg.case.version,
      lead: { departmentId: await h.refId('Department', 'PSB-110105'), instructions: '请核实' },
      assists: [{ departmentId: await h.refId('Department', 'EDU-110108') }],
    }, `... on DispatchCasePayload { case { status } dispatches { id role status } }`);
    expect(d.case.status).toBe('DISPATCHED');
    const lead = d.dispatches.find((x: any) => x.role === 'LEAD');

    expect((await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: lead.id })).status).toBe('ACCEPTED');
    expect((await h.getCase(caseId)).status).toBe('IN_PROGRESS');

    const reply = await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: lead.id, result: '已约谈涉事学生家长', measures: '学校加强管理', outcome: 'SUBSTANTIATED' });
    expect(reply.status).toBe('REPLIED');
    expect((await h.getCase(caseId)).status).toBe('REPLIED');

    const fu = await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId, respondent: 'REPORTER', resolved: true, satisfaction: 'SATISFIED' }, `... on RecordFollowUpPayload { case { status } }`);
    expect(fu.case.status).toBe('FOLLOWED_UP');

    const closed = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId });
    expect(closed).toMatchObject({ status: 'CLOSED' });

    const reopened = await h.mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId, reason: '同一学生再次被欺凌' });
    expect(reopened.status).toBe('REOPENED');
    expect(reopened.availableActions).toContain('DISPATCH');
    const again = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { case { status } dispatches { role status } }`);
    expect(again.case.status).toBe('DISPATCHED');

    const token = await t.login('operator');
    const tl = await t.gql(`query($id: ID!) { node(id: $id) { ... on Case { timeline { action actor } } } }`, { id: caseId }, token);
    const actions = tl.data.node.timeline.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.register', 'case.dispatch', 'dispatch.create', 'dispatch.accept', 'case.leadAccepts', 'dispatch.reply', 'case.followUpResolved', 'case.close', 'case.reopen']));
  });
});
