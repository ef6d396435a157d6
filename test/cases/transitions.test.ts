// The case and dispatch workflows over HTTP, driven by their transition tables: every legal move works,
// every illegal one is a typed error with the right code (INVALID_TRANSITION naming the current state,
// FORBIDDEN, VALIDATION naming the field, STALE_VERSION naming the current version) and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES, DISPATCH_STATUSES, type CaseStatus, type DispatchStatus } from '../../schema/enums.js';
import { caseMachine, type CaseAction } from '../../server/modules/cases/machine.js';
import { dispatchMachine, type DispatchAction } from '../../server/modules/dispatch/machine.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
let anchorId: string;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
  // The earliest report of the file: every later case may merge into it.
  anchorId = h.must(await h.register({ summary: '最早的举报' }), 'RegisterCasePayload', 'anchor').case.id;
});
afterAll(() => t?.close());

const CASE_VIEW = `id code status version resolution closeReason statusReason dispatchBy availableActions
  mergedInto { id } mergeGroupRoot { id }
  dispatches { id role status round version acceptBy replyBy returnReason withdrawReason replyOutcome summonedBy { id } department { code } }`;

async function caseView(id: string, as = 'operator') {
  const r = await h.query(as, `query($id: ID!) { node(id: $id) { ... on Case { ${CASE_VIEW} } } }`, { id });
  return r.data?.node ?? null;
}

async function dispatchView(id: string, as = 'operator') {
  const r = await h.query(as, `query($id: ID!) { node(id: $id) { ... on Dispatch { id status version role round replyBy
    extensions { id status requestedReplyBy } case { id status } } } }`, { id });
  return r.data?.node ?? null;
}

const dept = (code: string) => h.refId('Department', code);

/** The cases the tables need: a named reporter who can be called back safely, an anonymous one, a help request. */
type Variant = 'standard' | 'anonymous' | 'help';
const VARIANTS: Record<Variant, { input?: Record<string, unknown>; respondent?: string }> = {
  standard: {},
  anonymous: { input: { reporter: { anonymous: true } }, respondent: 'OTHER' },
  help: { input: { kind: 'HELP_REQUEST', summary: '家长咨询孩子入学救助政策' } },
};

interface Built { caseId: string; dispatchId: string | null }

/** One API call per table action. Lead actions act on the case's lead dispatch, as its department. */
const CASE_MOVES: Record<CaseAction, { variant: Variant; run: (c: Built) => Promise<any> }> = {
  dispatch: { variant: 'standard', run: async (c) => h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: c.caseId, lead: { departmentId: await dept('EDU-110108') } }, `... on DispatchCasePayload { case { status } }`) },
  leadAccepts: { variant: 'standard', run: (c) => h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: c.dispatchId }) },
  leadReturns: { variant: 'standard', run: (c) => h.mutate('police', 'returnDispatch', 'ReturnDispatchInput', { dispatchId: c.dispatchId, reason: '不属于本单位职责' }) },
  leadWithdrawn: { variant: 'standard', run: (c) => h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId: c.dispatchId, reason: '派错单位' }) },
  leadReplies: { variant: 'standard', run: (c) => h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: c.dispatchId, result: '已核实处置', outcome: 'SUBSTANTIATED' }) },
  followUpResolved: { variant: 'standard', run: (c) => h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: c.caseId, respondent: 'REPORTER', resolved: true, satisfaction: 'SATISFIED' }, `... on RecordFollowUpPayload { case { status } }`) },
  followUpUnresolved: { variant: 'standard', run: (c) => h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: c.caseId, respondent: 'REPORTER', resolved: false }, `... on RecordFollowUpPayload { case { status } }`) },
  close: { variant: 'standard', run: (c) => h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: c.caseId }) },
  closeWithoutFollowUp: { variant: 'anonymous', run: (c) => h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: c.caseId, reason: '匿名来电，无法回访' }) },
  answerDirectly: { variant: 'help', run: (c) => h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: c.caseId, reason: '已当场告知救助申请流程' }) },
  reopen: { variant: 'standard', run: (c) => h.mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId: c.caseId, reason: '家长再次来电' }) },
  merge: { variant: 'standard', run: (c) => h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: c.caseId, intoCaseId: anchorId, reason: '同一事件重复举报' }) },
  invalidate: { variant: 'standard', run: (c) => h.mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId: c.caseId, reason: '恶意骚扰来电' }) },
};

/** Lead actions are refused by the dispatch table first (the lead's state follows the case's). */
const LEAD_ACTIONS: CaseAction[] = ['leadAccepts', 'leadReturns', 'leadWithdrawn', 'leadReplies'];
/** States where the same mutation makes a different, legal move (closeCase from FOLLOWED_UP is `close`). */
const SAME_MUTATION_LEGAL: Partial<Record<CaseAction, CaseStatus[]>> = {
  closeWithoutFollowUp: ['FOLLOWED_UP'],
  answerDirectly: ['FOLLOWED_UP'],
};

describe('the transition tables are the design', () => {
  // DESIGN.md, "Workflows": the tests below are generated from the tables, so the tables themselves are pinned here.
  it('case: RECEIVED → DISPATCHED → IN_PROGRESS → REPLIED → FOLLOWED_UP → CLOSED, with returns, re-dispatch, merges and invalidation', () => {
    const OPEN = ['RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED'];
    const table = Object.fromEntries(Object.entries(caseMachine.table).map(([a, tr]) => [a, { from: [...tr.from].sort(), to: tr.to }]));
    expect(table).toEqual({
      dispatch: { from: ['RECEIVED', 'REOPENED'], to: 'DISPATCHED' },
      leadAccepts: { from: ['DISPATCHED'], to: 'IN_PROGRESS' },
      leadReturns: { from: ['DISPATCHED'], to: 'RECEIVED' },
      leadWithdrawn: { from: ['DISPATCHED', 'IN_PROGRESS'], to: 'RECEIVED' },
      leadReplies: { from: ['IN_PROGRESS'], to: 'REPLIED' },
      followUpResolved: { from: ['REPLIED'], to: 'FOLLOWED_UP' },
      followUpUnresolved: { from: ['REPLIED'], to: 'REOPENED' },
      close: { from: ['FOLLOWED_UP'], to: 'CLOSED' },
      closeWithoutFollowUp: { from: ['REPLIED'], to: 'CLOSED' },
      answerDirectly: { from: ['RECEIVED'], to: 'CLOSED' },
      reopen: { from: ['CLOSED'], to: 'REOPENED' },
      merge: { from: [...OPEN].sort(), to: 'MERGED' },
      invalidate: { from: [...OPEN].sort(), to: 'INVALID' },
    });
  });

  it('dispatch: PENDING → ACCEPTED → REPLIED; PENDING → RETURNED; any open → WITHDRAWN', () => {
    const table = Object.fromEntries(Object.entries(dispatchMachine.table).map(([a, tr]) => [a, { from: [...tr.from].sort(), to: tr.to }]));
    expect(table).toEqual({
      accept: { from: ['PENDING'], to: 'ACCEPTED' },
      return: { from: ['PENDING'], to: 'RETURNED' },
      reply: { from: ['ACCEPTED'], to: 'REPLIED' },
      withdraw: { from: ['ACCEPTED', 'PENDING'], to: 'WITHDRAWN' },
    });
  });
});

describe('the case transition table over HTTP', () => {
  it('covers every action', () => {
    expect(Object.keys(CASE_MOVES).sort()).toEqual(Object.keys(caseMachine.table).sort());
  });

  for (const [action, { from, to }] of Object.entries(caseMachine.table) as unknown as [CaseAction, { from: CaseStatus[]; to: CaseStatus }][]) {
    for (const state of from) {
      it(`${action}: ${state} → ${to}`, async () => {
        const move = CASE_MOVES[action];
        const c = await h.caseIn(state, VARIANTS[move.variant]);
        const before = await caseView(c.caseId);
        const r = await move.run(c);
        expect(r.code, JSON.stringify(r)).toBeUndefined();
        const after = await caseView(c.caseId);
        expect(after.status).toBe(to);
        expect(after.version).toBeGreaterThan(before.version);
      });
    }
  }

  const built = new Map<string, Awaited<ReturnType<typeof h.caseIn>>>();
  const caseFor = async (variant: Variant, state: CaseStatus) => {
    const key = `${variant}:${state}`;
    if (!built.has(key)) built.set(key, await h.caseIn(state, VARIANTS[variant]));
    return built.get(key)!;
  };

  for (const [action, { from }] of Object.entries(caseMachine.table) as unknown as [CaseAction, { from: CaseStatus[] }][]) {
    if (LEAD_ACTIONS.includes(action)) continue;
    const illegal = CASE_STATUSES.filter((s) => !from.includes(s) && !(SAME_MUTATION_LEGAL[action] ?? []).includes(s));
    it(`${action} is refused from ${illegal.join(', ')}`, async () => {
      const move = CASE_MOVES[action];
      for (const state of illegal) {
        const c = await caseFor(move.variant, state);
        const r = await move.run(c);
        expect(r, `${action} from ${state}`).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', currentState: state });
        expect(r.message).toMatch(/^Case in state/);
        const after = await caseView(c.caseId);
        expect(after.status).toBe(state);
        expect(after.version, `${action} from ${state} left a write behind`).toBe(c.version);
      }
    });
  }
});

describe('the dispatch transition table over HTTP', () => {
  /** A lead dispatch (of a fresh case) in `state`. */
  async function dispatchIn(state: DispatchStatus) {
    const caseState: CaseStatus = state === 'ACCEPTED' ? 'IN_PROGRESS' : state === 'REPLIED' ? 'REPLIED' : 'DISPATCHED';
    const c = await h.caseIn(caseState);
    if (state === 'RETURNED') h.must(await h.mutate('police', 'returnDispatch', 'ReturnDispatchInput', { dispatchId: c.dispatchId, reason: '不属于本单位' }), 'Dispatch', 'return');
    if (state === 'WITHDRAWN') h.must(await h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId: c.dispatchId, reason: '派错单位' }), 'Dispatch', 'withdraw');
    const d = await dispatchView(c.dispatchId!);
    expect(d.status).toBe(state);
    return { ...c, dispatchId: c.dispatchId!, version: d.version as number };
  }

  const DISPATCH_MOVES: Record<DispatchAction, (dispatchId: string) => Promise<any>> = {
    accept: (dispatchId) => h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId }),
    return: (dispatchId) => h.mutate('police', 'returnDispatch', 'ReturnDispatchInput', { dispatchId, reason: '不属于本单位职责' }),
    reply: (dispatchId) => h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId, result: '已核实处置', outcome: 'NOT_SUBSTANTIATED' }),
    withdraw: (dispatchId) => h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId, reason: '派错单位' }),
  };

  it('covers every action', () => {
    expect(Object.keys(DISPATCH_MOVES).sort()).toEqual(Object.keys(dispatchMachine.table).sort());
  });

  for (const [action, { from, to }] of Object.entries(dispatchMachine.table) as unknown as [DispatchAction, { from: DispatchStatus[]; to: DispatchStatus }][]) {
    for (const state of from) {
      it(`${action}: ${state} → ${to}`, async () => {
        const d = await dispatchIn(state);
        const r = await DISPATCH_MOVES[action](d.dispatchId);
        expect(r).toMatchObject({ __typename: 'Dispatch', status: to, version: d.version + 1 });
      });
    }
  }

  const built = new Map<DispatchStatus, Awaited<ReturnType<typeof dispatchIn>>>();
  const dispatchFor = async (state: DispatchStatus) => {
    if (!built.has(state)) built.set(state, await dispatchIn(state));
    return built.get(state)!;
  };

  for (const [action, { from }] of Object.entries(dispatchMachine.table) as unknown as [DispatchAction, { from: DispatchStatus[] }][]) {
    const illegal = DISPATCH_STATUSES.filter((s) => !from.includes(s));
    it(`${action} is refused from ${illegal.join(', ')}`, async () => {
      for (const state of illegal) {
        const d = await dispatchFor(state);
        const r = await DISPATCH_MOVES[action](d.dispatchId);
        expect(r, `${action} from ${state}`).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', currentState: state });
        expect(r.message).toMatch(/^Dispatch in state/);
        const after = await dispatchView(d.dispatchId);
        expect(after).toMatchObject({ status: state, version: d.version });
      }
    });
  }

  it('summons only from an ACCEPTED lead, and extensions only on an open dispatch', async () => {
    for (const state of DISPATCH_STATUSES.filter((s) => s !== 'ACCEPTED')) {
      const d = await dispatchFor(state);
      const r = await h.mutate('police', 'summonDepartments', 'SummonDepartmentsInput', { dispatchId: d.dispatchId, departments: [{ departmentId: await dept('CIV-110105') }] }, `... on MutationSummonDepartmentsSuccess { data { id } }`);
      expect(r, `summon from ${state}`).toMatchObject({ code: 'INVALID_TRANSITION', currentState: state });
    }
    for (const state of DISPATCH_STATUSES.filter((s) => s !== 'PENDING' && s !== 'ACCEPTED')) {
      const d = await dispatchFor(state);
      const r = await h.mutate('police', 'requestExtension', 'RequestExtensionInput', { dispatchId: d.dispatchId, reason: '需要更多时间调查', requestedReplyBy: '2027-01-01T00:00:00Z' }, `... on ExtensionRequest { id }`);
      expect(r, `extension from ${state}`).toMatchObject({ code: 'INVALID_TRANSITION', currentState: state });
    }
  });
});

describe('return, withdraw and summon', () => {
  it('a return (退单) needs a reason, sends the case back to RECEIVED, and it can be re-dispatched', async () => {
    const c = await h.caseIn('DISPATCHED');
    const noReason = await h.mutate('police', 'returnDispatch', 'ReturnDispatchInput', { dispatchId: c.dispatchId, reason: ' ' });
    expect(noReason).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'reason' });
    expect((await caseView(c.caseId)).status).toBe('DISPATCHED');

    const r = await h.mutate('police', 'returnDispatch', 'ReturnDispatchInput', { dispatchId: c.dispatchId, reason: '属于教育部门职责' });
    expect(r).toMatchObject({ __typename: 'Dispatch', status: 'RETURNED' });
    const back = await caseView(c.caseId);
    expect(back.status).toBe('RECEIVED');
    expect(back.availableActions).toContain('DISPATCH');
    expect(back.dispatches[0]).toMatchObject({ status: 'RETURNED', returnReason: '属于教育部门职责' });
    // The returning department no longer holds the case.
    expect((await h.query('police', `query($id: ID!) { node(id: $id) { id } }`, { id: c.caseId })).data?.node ?? null).toBeNull();

    const again = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: c.caseId, lead: { departmentId: await dept('EDU-110108') } }, `... on DispatchCasePayload { case { status } dispatches { role status round department { code } } }`);
    expect(again.case.status).toBe('DISPATCHED');
    expect(again.dispatches).toEqual([{ role: 'LEAD', status: 'PENDING', round: 2, department: { code: 'EDU-110108' } }]);
    expect((await h.mutate('education', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: (await caseView(c.caseId)).dispatches.find((d: any) => d.round === 2).id })).status).toBe('ACCEPTED');
    expect((await caseView(c.caseId)).status).toBe('IN_PROGRESS');
  });

  it('withdrawing the lead sends the case back to RECEIVED; withdrawing an assist leaves it', async () => {
    const reg = h.must(await h.register(), 'RegisterCasePayload', 'register');
    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId: reg.case.id, lead: { departmentId: await dept('PSB-110105') }, assists: [{ departmentId: await dept('EDU-110108') }],
    }, `... on DispatchCasePayload { dispatches { id role } }`);
    const lead = d.dispatches.find((x: any) => x.role === 'LEAD');
    const assist = d.dispatches.find((x: any) => x.role === 'ASSIST');
    h.must(await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: lead.id }), 'Dispatch', 'accept');

    expect(await h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId: assist.id, reason: '无需协办' })).toMatchObject({ status: 'WITHDRAWN' });
    expect((await caseView(reg.case.id)).status).toBe('IN_PROGRESS');

    const noReason = await h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId: lead.id, reason: '' });
    expect(noReason).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(await h.mutate('police', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId: lead.id, reason: '派错单位' })).toMatchObject({ code: 'FORBIDDEN' });

    expect(await h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId: lead.id, reason: '派错单位' })).toMatchObject({ status: 'WITHDRAWN' });
    const c = await caseView(reg.case.id);
    expect(c.status).toBe('RECEIVED');
    expect(c.dispatches.find((x: any) => x.id === lead.id).withdrawReason).toBe('派错单位');
  });

  it('the lead summons (吹哨) others: ASSIST dispatches of the same round with summonedBy', async () => {
    const c = await h.caseIn('IN_PROGRESS');
    const sel = `... on MutationSummonDepartmentsSuccess { data { id role status round summonedBy { id } department { code } } }`;
    const r = await h.mutate('police', 'summonDepartments', 'SummonDepartmentsInput', {
      dispatchId: c.dispatchId, departments: [{ departmentId: await dept('EDU-110108'), instructions: '请学校配合' }, { departmentId: await dept('CIV-110105') }],
    }, sel);
    expect(r.__typename).toBe('MutationSummonDepartmentsSuccess');
    expect(r.data).toHaveLength(2);
    for (const d of r.data) expect(d).toMatchObject({ role: 'ASSIST', status: 'PENDING', round: 1, summonedBy: { id: c.dispatchId } });
    expect(r.data.map((d: any) => d.department.code).sort()).toEqual(['CIV-110105', 'EDU-110108']);
    // The summoned department sees the case in its queue now.
    const queue = await h.query('education', `{ dispatches(first: 50) { edges { node { id case { id } } } } }`);
    expect(queue.data.dispatches.edges.map((e: any) => e.node.case?.id)).toContain(c.caseId);
    // The case does not move; a department already on it cannot be summoned twice.
    expect((await caseView(c.caseId)).status).toBe('IN_PROGRESS');
    const twice = await h.mutate('police', 'summonDepartments', 'SummonDepartmentsInput', { dispatchId: c.dispatchId, departments: [{ departmentId: await dept('EDU-110108') }] }, sel);
    expect(twice).toMatchObject({ code: 'CONFLICT', field: 'departmentId' });
    // Only the lead summons, and only its own department.
    const assistId = r.data.find((d: any) => d.department.code === 'EDU-110108').id;
    h.must(await h.mutate('education', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: assistId }), 'Dispatch', 'accept assist');
    const byAssist = await h.mutate('education', 'summonDepartments', 'SummonDepartmentsInput', { dispatchId: assistId, departments: [{ departmentId: await dept('HLTH-110105') }] }, sel);
    expect(byAssist).toMatchObject({ code: 'VALIDATION', field: 'dispatchId' });
    const notOwn = await h.mutate('education', 'summonDepartments', 'SummonDepartmentsInput', { dispatchId: c.dispatchId, departments: [{ departmentId: await dept('HLTH-110105') }] }, sel);
    expect(notOwn).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('replies and follow-ups', () => {
  it("the lead's reply needs an outcome; an ASSIST's accept and reply do not move the case", async () => {
    const reg = h.must(await h.register(), 'RegisterCasePayload', 'register');
    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId: reg.case.id, lead: { departmentId: await dept('PSB-110105') }, assists: [{ departmentId: await dept('EDU-110108') }],
    }, `... on DispatchCasePayload { dispatches { id role } }`);
    const lead = d.dispatches.find((x: any) => x.role === 'LEAD');
    const assist = d.dispatches.find((x: any) => x.role === 'ASSIST');

    expect(await h.mutate('education', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: assist.id })).toMatchObject({ status: 'ACCEPTED' });
    expect((await caseView(reg.case.id)).status).toBe('DISPATCHED');
    expect(await h.mutate('education', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: assist.id, result: '学校已配合调查' })).toMatchObject({ status: 'REPLIED' });
    expect((await caseView(reg.case.id)).status).toBe('DISPATCHED');

    h.must(await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: lead.id }), 'Dispatch', 'accept lead');
    const noOutcome = await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: lead.id, result: '已处理' });
    expect(noOutcome).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'outcome' });
    expect((await caseView(reg.case.id)).status).toBe('IN_PROGRESS');
    expect((await dispatchView(lead.id)).status).toBe('ACCEPTED');

    expect(await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: lead.id, result: '已处理', outcome: 'SUBSTANTIATED' })).toMatchObject({ status: 'REPLIED' });
    const c = await caseView(reg.case.id);
    expect(c.status).toBe('REPLIED');
    expect(c.dispatches.find((x: any) => x.id === lead.id).replyOutcome).toBe('SUBSTANTIATED');
  });

  it('an unresolved or DISSATISFIED follow-up reopens the case by itself, with a new dispatch deadline', async () => {
    for (const [resolved, satisfaction] of [[false, null], [true, 'DISSATISFIED'], [false, 'SATISFIED']] as const) {
      const c = await h.caseIn('REPLIED');
      const before = await caseView(c.caseId);
      t.clock.advanceHours(1);
      const r = await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: c.caseId, respondent: 'REPORTER', resolved, satisfaction }, `... on RecordFollowUpPayload { case { status dispatchBy availableActions } followUp { resolved satisfaction } }`);
      expect(r.case.status, `resolved=${resolved} satisfaction=${satisfaction}`).toBe('REOPENED');
      expect(r.case.availableActions).toContain('DISPATCH');
      expect(new Date(r.case.dispatchBy).getTime()).toBeGreaterThan(new Date(before.dispatchBy).getTime());
      const again = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: c.caseId, lead: { departmentId: await dept('PSB-110105') } }, `... on DispatchCasePayload { case { status } dispatches { round } }`);
      expect(again).toMatchObject({ case: { status: 'DISPATCHED' }, dispatches: [{ round: 2 }] });
    }
    // Resolved and basically satisfied: the loop goes on to FOLLOWED_UP.
    const ok = await h.caseIn('REPLIED');
    const r = await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: ok.caseId, respondent: 'REPORTER', resolved: true, satisfaction: 'BASICALLY_SATISFIED' }, `... on RecordFollowUpPayload { case { status } }`);
    expect(r.case.status).toBe('FOLLOWED_UP');
  });

  it('follow-up obeys safe contact: no call to an anonymous reporter or to an involved guardian; instructions must be confirmed', async () => {
    const anon = await h.caseIn('REPLIED', VARIANTS.anonymous);
    const toAnon = await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: anon.caseId, respondent: 'REPORTER', resolved: true }, `... on RecordFollowUpPayload { case { status } }`);
    expect(toAnon).toMatchObject({ code: 'FORBIDDEN', field: 'respondent' });

    const noSafe = await h.caseIn('REPLIED', { input: { reporter: { name: '王先生', phone: '13900000000', hasSafeContact: false } } });
    const toNoSafe = await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: noSafe.caseId, respondent: 'REPORTER', resolved: true }, `... on RecordFollowUpPayload { case { status } }`);
    expect(toNoSafe).toMatchObject({ code: 'FORBIDDEN', field: 'respondent' });

    const family = await h.caseIn('REPLIED', { input: { guardianInvolved: true, perpetratorRelation: 'PARENT', reporter: { name: '邻居', phone: '13700000000', safeContactInstructions: '工作日白天打手机' } } });
    const toGuardian = await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: family.caseId, respondent: 'GUARDIAN', resolved: true }, `... on RecordFollowUpPayload { case { status } }`);
    expect(toGuardian).toMatchObject({ code: 'FORBIDDEN', field: 'respondent' });
    const unconfirmed = await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: family.caseId, respondent: 'REPORTER', resolved: true }, `... on RecordFollowUpPayload { case { status } }`);
    expect(unconfirmed).toMatchObject({ code: 'VALIDATION', field: 'safeContactObserved' });
    for (const c of [anon, noSafe, family]) expect((await caseView(c.caseId)).version).toBe(c.version);
    const n = await h.countRows('follow_ups');
    const confirmed = await h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', { caseId: family.caseId, respondent: 'REPORTER', resolved: true, safeContactObserved: true }, `... on RecordFollowUpPayload { case { status } }`);
    expect(confirmed.case.status).toBe('FOLLOWED_UP');
    expect(await h.countRows('follow_ups')).toBe(n + 1);
  });
});

describe('closing', () => {
  it('REPLIED → CLOSED without follow-up only for an anonymous reporter or one with no safe contact, with the reason', async () => {
    const anon = await h.caseIn('REPLIED', VARIANTS.anonymous);
    expect((await caseView(anon.caseId)).availableActions).toContain('CLOSE_WITHOUT_FOLLOW_UP');
    const noReason = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: anon.caseId });
    expect(noReason).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'reason' });
    expect((await caseView(anon.caseId)).status).toBe('REPLIED');
    const closed = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: anon.caseId, reason: '匿名来电，无法回访' }, `... on Case { status resolution closeReason closedAt }`);
    expect(closed).toMatchObject({ status: 'CLOSED', resolution: 'ANONYMOUS_REPORTER', closeReason: '匿名来电，无法回访' });
    expect(closed.closedAt).not.toBeNull();

    const noSafe = await h.caseIn('REPLIED', { input: { reporter: { name: '王先生', hasSafeContact: false } } });
    const closed2 = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: noSafe.caseId, reason: '无安全联系方式' }, `... on Case { status resolution closeReason }`);
    expect(closed2).toMatchObject({ status: 'CLOSED', resolution: 'NO_SAFE_CONTACT', closeReason: '无安全联系方式' });

    const callable = await h.caseIn('REPLIED');
    expect((await caseView(callable.caseId)).availableActions).not.toContain('CLOSE_WITHOUT_FOLLOW_UP');
    const refused = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: callable.caseId, reason: '不想回访' });
    expect(refused).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', currentState: 'REPLIED' });
    expect((await caseView(callable.caseId)).status).toBe('REPLIED');
  });

  it('a consultation answered on the call closes RECEIVED → CLOSED (ANSWERED_DIRECTLY); a REPORT cannot', async () => {
    const consult = h.must(await h.register({ kind: 'CONSULTATION', categoryId: await h.refId('CaseCategory', 'LEGAL-ADVICE'), summary: '咨询监护权问题', reporter: { anonymous: true } }), 'RegisterCasePayload', 'register');
    expect(consult.case.availableActions).toContain('ANSWER_DIRECTLY');
    expect(consult.case.dispatchBy).toBeNull();
    const noAnswer = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: consult.case.id });
    expect(noAnswer).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const closed = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: consult.case.id, reason: '已告知相关法律规定' }, `... on Case { status resolution closeReason }`);
    expect(closed).toEqual({ __typename: 'Case', status: 'CLOSED', resolution: 'ANSWERED_DIRECTLY', closeReason: '已告知相关法律规定' });

    const report = h.must(await h.register(), 'RegisterCasePayload', 'register');
    expect(report.case.availableActions).not.toContain('ANSWER_DIRECTLY');
    const refused = await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: report.case.id, reason: '已当场答复' });
    expect(refused).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', currentState: 'RECEIVED' });
    expect((await caseView(report.case.id)).status).toBe('RECEIVED');
  });

  it('only a supervisor reopens, only a CLOSED case, and with a reason', async () => {
    const closed = await h.caseIn('CLOSED');
    expect(await h.mutate('operator', 'reopenCase', 'ReopenCaseInput', { caseId: closed.caseId, reason: '再次来电' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId: closed.caseId, reason: '' })).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect((await caseView(closed.caseId)).status).toBe('CLOSED');
    const replied = await h.caseIn('REPLIED');
    expect(await h.mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId: replied.caseId, reason: '再次来电' })).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'REPLIED' });
    const r = await h.mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId: closed.caseId, reason: '同一学生再次被欺凌' }, `... on Case { status statusReason closedAt }`);
    expect(r).toEqual({ __typename: 'Case', status: 'REOPENED', statusReason: '同一学生再次被欺凌', closedAt: null });
  });
});

describe('merge and invalidate (supervisor only)', () => {
  it('merges only into the earliest report, withdraws the open dispatches and records the group', async () => {
    const first = h.must(await h.register({ summary: '同一事件第一次举报' }), 'RegisterCasePayload', 'first');
    t.clock.advanceHours(0.5);
    const second = h.must(await h.register({ summary: '同一事件第二次举报' }), 'RegisterCasePayload', 'second');
    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId: second.case.id, lead: { departmentId: await dept('PSB-110105') }, assists: [{ departmentId: await dept('EDU-110108') }],
    }, `... on DispatchCasePayload { dispatches { id } }`);
    expect(d.dispatches).toHaveLength(2);

    expect(await h.mutate('operator', 'mergeCase', 'MergeCaseInput', { caseId: second.case.id, intoCaseId: first.case.id, reason: '重复举报' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: second.case.id, intoCaseId: first.case.id, reason: '' })).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: first.case.id, intoCaseId: first.case.id, reason: '重复举报' })).toMatchObject({ code: 'VALIDATION', field: 'intoCaseId' });

    const wrongWay = await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: first.case.id, intoCaseId: second.case.id, reason: '重复举报' });
    expect(wrongWay).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'intoCaseId' });
    expect(wrongWay.message).toContain(`merge ${second.case.code} into ${first.case.code}`);
    expect((await caseView(first.case.id)).status).toBe('RECEIVED');
    expect((await caseView(second.case.id)).dispatches.map((x: any) => x.status)).toEqual(['PENDING', 'PENDING']);

    const merged = await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: second.case.id, intoCaseId: first.case.id, reason: '同一事件重复举报' }, `... on Case { status statusReason }`);
    expect(merged).toMatchObject({ status: 'MERGED', statusReason: '同一事件重复举报' });
    const s = await caseView(second.case.id);
    expect(s.mergedInto).toEqual({ id: first.case.id });
    expect(s.mergeGroupRoot).toEqual({ id: first.case.id });
    expect(s.dispatches.map((x: any) => x.status)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    expect(s.dispatches[0].withdrawReason).toContain(first.case.code);
    expect((await caseView(first.case.id)).mergeGroupRoot).toEqual({ id: first.case.id });
    // Neither department holds the merged case any longer.
    expect((await h.query('police', `{ dispatches(first: 100, filter: { status: [PENDING, ACCEPTED] }) { edges { node { id } } } }`)).data.dispatches.edges.map((e: any) => e.node.id)).not.toContain(s.dispatches[0].id);

    // A later report merged "into" a merged case lands on the group's root; merging it again is a conflict.
    t.clock.advanceHours(0.5);
    const third = h.must(await h.register({ summary: '同一事件第三次举报' }), 'RegisterCasePayload', 'third');
    const m3 = await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: third.case.id, intoCaseId: second.case.id, reason: '重复举报' }, `... on Case { status mergedInto { id } mergeGroupRoot { id } }`);
    expect(m3).toMatchObject({ status: 'MERGED', mergedInto: { id: first.case.id }, mergeGroupRoot: { id: first.case.id } });

    // A group follows its root into an earlier group.
    const fourth = h.must(await h.register({ summary: '另一组第一次' }), 'RegisterCasePayload', 'fourth');
    t.clock.advanceHours(0.5);
    const fifth = h.must(await h.register({ summary: '另一组第二次' }), 'RegisterCasePayload', 'fifth');
    h.must(await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: fifth.case.id, intoCaseId: fourth.case.id, reason: '重复举报' }), 'Case', 'merge fifth');
    h.must(await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: fourth.case.id, intoCaseId: first.case.id, reason: '与第一次举报为同一事件' }), 'Case', 'merge fourth');
    expect((await caseView(fifth.case.id)).mergeGroupRoot).toEqual({ id: first.case.id });
    const again = await h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: fifth.case.id, intoCaseId: first.case.id, reason: '重复举报' });
    expect(again.code).toMatch(/^(CONFLICT|INVALID_TRANSITION)$/);
  });

  it('invalidates with a reason, withdrawing open dispatches; never twice', async () => {
    const c = await h.caseIn('IN_PROGRESS');
    expect(await h.mutate('operator', 'invalidateCase', 'InvalidateCaseInput', { caseId: c.caseId, reason: '恶意来电' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId: c.caseId, reason: ' ' })).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'reason' });
    expect((await caseView(c.caseId)).status).toBe('IN_PROGRESS');
    const r = await h.mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId: c.caseId, reason: '恶意骚扰来电' }, `... on Case { status statusReason }`);
    expect(r).toMatchObject({ status: 'INVALID', statusReason: '恶意骚扰来电' });
    expect((await caseView(c.caseId)).dispatches.map((x: any) => x.status)).toEqual(['WITHDRAWN']);
    expect(await h.mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId: c.caseId, reason: '恶意骚扰来电' })).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'INVALID' });
  });
});

describe('roles', () => {
  it('departments act only on their own dispatches; the desk does not act for them; other roles do nothing', async () => {
    const c = await h.caseIn('DISPATCHED');
    for (const [name, type, extra] of [
      ['acceptDispatch', 'AcceptDispatchInput', {}],
      ['returnDispatch', 'ReturnDispatchInput', { reason: '不属于本单位' }],
      ['replyDispatch', 'ReplyDispatchInput', { result: '已处理', outcome: 'REFERRED' }],
    ] as const) {
      expect(await h.mutate('education', name, type, { dispatchId: c.dispatchId, ...extra }), `${name} by another department`).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
      expect(await h.mutate('operator', name, type, { dispatchId: c.dispatchId, ...extra }), `${name} by the desk`).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await h.mutate('police', 'dispatchCase', 'DispatchCaseInput', { caseId: c.caseId, lead: { departmentId: await dept('PSB-110105') } }, `... on DispatchCasePayload { case { status } }`)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.mutate('analyst', 'closeCase', 'CloseCaseInput', { caseId: c.caseId, reason: '测试' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await dispatchView(c.dispatchId!)).toMatchObject({ status: 'PENDING', version: 1 });
    expect((await caseView(c.caseId)).status).toBe('DISPATCHED');
  });
});

describe('optimistic concurrency', () => {
  it('a stale case or dispatch version is STALE_VERSION with the current version, and nothing moves', async () => {
    const reg = h.must(await h.register(), 'RegisterCasePayload', 'register');
    const seen = reg.case.version as number;
    // Someone else moves the case first.
    h.must(await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, version: seen, lead: { departmentId: await dept('PSB-110105') } }, `... on DispatchCasePayload { case { version } }`), 'DispatchCasePayload', 'dispatch');
    const now = await caseView(reg.case.id);
    expect(now.version).toBe(seen + 1);
    for (const [name, type, as, input] of [
      ['invalidateCase', 'InvalidateCaseInput', 'supervisor', { reason: '恶意来电' }],
      ['closeCase', 'CloseCaseInput', 'operator', { reason: '已处理' }],
      ['mergeCase', 'MergeCaseInput', 'supervisor', { intoCaseId: anchorId, reason: '重复举报' }],
    ] as const) {
      const r = await h.mutate(as, name, type, { caseId: reg.case.id, version: seen, ...input });
      expect(r, name).toMatchObject({ __typename: 'StaleVersionError', code: 'STALE_VERSION', currentVersion: seen + 1, field: 'version' });
    }
    expect(await caseView(reg.case.id)).toMatchObject({ status: 'DISPATCHED', version: seen + 1 });

    const dispatchId = now.dispatches[0].id;
    h.must(await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId, version: 1 }), 'Dispatch', 'accept');
    const stale = await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId, version: 1, result: '已处理', outcome: 'SUBSTANTIATED' });
    expect(stale).toMatchObject({ __typename: 'StaleVersionError', code: 'STALE_VERSION', currentVersion: 2 });
    expect(await dispatchView(dispatchId)).toMatchObject({ status: 'ACCEPTED', version: 2 });
    expect(await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId, version: 2, result: '已处理', outcome: 'SUBSTANTIATED' })).toMatchObject({ status: 'REPLIED', version: 3 });
  });
});

describe('deadline extensions', () => {
  it('the department asks, a supervisor approves, the reply-by moves; a second pending request is refused', async () => {
    const c = await h.caseIn('IN_PROGRESS');
    const d0 = await dispatchView(c.dispatchId!);
    const sel = `... on ExtensionRequest { id status requestedReplyBy }`;
    const earlier = await h.mutate('police', 'requestExtension', 'RequestExtensionInput', { dispatchId: c.dispatchId, reason: '需要调取监控', requestedReplyBy: new Date(new Date(d0.replyBy).getTime() - 3600_000).toISOString() }, sel);
    expect(earlier).toMatchObject({ code: 'VALIDATION', field: 'requestedReplyBy' });
    const noReason = await h.mutate('police', 'requestExtension', 'RequestExtensionInput', { dispatchId: c.dispatchId, reason: '', requestedReplyBy: '2027-01-01T00:00:00Z' }, sel);
    expect(noReason).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(await h.mutate('education', 'requestExtension', 'RequestExtensionInput', { dispatchId: c.dispatchId, reason: '需要调取监控', requestedReplyBy: '2027-01-01T00:00:00Z' }, sel)).toMatchObject({ code: 'FORBIDDEN' });

    const wanted = new Date(new Date(d0.replyBy).getTime() + 5 * 86400_000).toISOString();
    const ext = await h.mutate('police', 'requestExtension', 'RequestExtensionInput', { dispatchId: c.dispatchId, reason: '需要调取监控', requestedReplyBy: wanted }, sel);
    expect(ext).toMatchObject({ __typename: 'ExtensionRequest', status: 'PENDING', requestedReplyBy: wanted });
    const second = await h.mutate('police', 'requestExtension', 'RequestExtensionInput', { dispatchId: c.dispatchId, reason: '还需要更多时间', requestedReplyBy: new Date(new Date(wanted).getTime() + 86400_000).toISOString() }, sel);
    expect(second).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', field: 'dispatchId' });
    expect((await dispatchView(c.dispatchId!)).replyBy).toBe(d0.replyBy);

    const decide = (as: string, approve: boolean) => h.mutate(as, 'decideExtension', 'DecideExtensionInput', { extensionId: ext.id, approve, note: '同意' }, sel);
    expect(await decide('operator', true)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await decide('police', true)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await dispatchView(c.dispatchId!)).extensions).toEqual([{ id: ext.id, status: 'PENDING', requestedReplyBy: wanted }]);
    expect(await decide('supervisor', true)).toMatchObject({ status: 'APPROVED' });
    const d1 = await dispatchView(c.dispatchId!);
    expect(d1.replyBy).toBe(wanted);
    expect(d1.extensions).toEqual([{ id: ext.id, status: 'APPROVED', requestedReplyBy: wanted }]);
    expect(await decide('supervisor', false)).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'APPROVED' });

    // Decided: a new request may follow; a rejection leaves the reply-by where it is.
    const later = new Date(new Date(wanted).getTime() + 2 * 86400_000).toISOString();
    const ext2 = await h.mutate('police', 'requestExtension', 'RequestExtensionInput', { dispatchId: c.dispatchId, reason: '再延期', requestedReplyBy: later }, sel);
    expect(ext2).toMatchObject({ status: 'PENDING' });
    expect(await h.mutate('supervisor', 'decideExtension', 'DecideExtensionInput', { extensionId: ext2.id, approve: false, note: '不同意' }, sel)).toMatchObject({ status: 'REJECTED' });
    expect((await dispatchView(c.dispatchId!)).replyBy).toBe(wanted);
  });
});
