// The committee: votes with a no-conflict affirmation or recusal, quorum over eligible members, majority,
// the standard's range, second approval, the budget, and what members may see — over HTTP as each role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { rewardSteps } from '../support/reward-steps.js';

let t: TestApp;
let s: ReturnType<typeof rewardSteps>;
beforeAll(async () => {
  t = await createTestApp();
  s = rewardSteps(t);
});
afterAll(() => t?.close());

const VOTE = `... on CommitteeVote { decision recused round noConflictAffirmed }`;

describe('votes', () => {
  it('a vote without the no-conflict affirmation is VALIDATION; so is neither a decision nor a recusal', async () => {
    const n = await s.inCommittee();
    const bare = await s.call('member1', 'castCommitteeVote', 'CastCommitteeVoteInput', { recordId: n.recordId, decision: 'APPROVE' }, VOTE);
    expect(bare).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'noConflict' });
    const denied = await s.call('member1', 'castCommitteeVote', 'CastCommitteeVoteInput', { recordId: n.recordId, decision: 'APPROVE', noConflict: false }, VOTE);
    expect(denied).toMatchObject({ code: 'VALIDATION', field: 'noConflict' });
    const nothing = await s.call('member1', 'castCommitteeVote', 'CastCommitteeVoteInput', { recordId: n.recordId, noConflict: true }, VOTE);
    expect(nothing).toMatchObject({ code: 'VALIDATION', field: 'decision' });
    expect((await s.record(n.recordId)).votes).toEqual([]);
    const ok = await s.vote('member1', n.recordId, 'APPROVE');
    expect(ok).toMatchObject({ __typename: 'CommitteeVote', decision: 'APPROVE', round: 1 });
    expect((await s.record(n.recordId)).votes).toEqual([{ member: 'member1', round: 1, decision: 'APPROVE', recused: false, noConflictAffirmed: true }]);
  });

  it('a second vote (or a vote after recusing) by the same member in the same round is CONFLICT', async () => {
    const n = await s.inCommittee();
    expect((await s.vote('member1', n.recordId, 'APPROVE')).decision).toBe('APPROVE');
    const again = await s.vote('member1', n.recordId, 'REJECT');
    expect(again).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect((await s.vote('member2', n.recordId, null, { recuse: true })).recused).toBe(true);
    expect(await s.vote('member2', n.recordId, 'APPROVE')).toMatchObject({ code: 'CONFLICT' });
    const rec = await s.record(n.recordId);
    expect(rec.votes).toHaveLength(2);
    expect(rec.votes.find((v: any) => v.member === 'member1').decision).toBe('APPROVE');
  });

  it('five concurrent votes by one member: exactly one counts, the others CONFLICT', async () => {
    const n = await s.inCommittee();
    const results = await Promise.all(['APPROVE', 'REJECT', 'APPROVE', 'ABSTAIN', 'APPROVE'].map((d) => s.vote('member3', n.recordId, d)));
    expect(results.filter((x) => x.__typename === 'CommitteeVote')).toHaveLength(1);
    for (const x of results.filter((y) => y.__typename !== 'CommitteeVote')) expect(x).toMatchObject({ code: 'CONFLICT' });
    expect((await s.record(n.recordId)).votes).toHaveLength(1);
  });

  it('only committee members vote; a record not in committee takes no votes', async () => {
    const n = await s.nominated();
    expect(await s.vote('member1', n.recordId, 'APPROVE')).toMatchObject({ code: 'INVALID_TRANSITION' });
    const c = await s.inCommittee();
    for (const who of ['supervisor', 'secretary', 'admin']) expect((await s.vote(who, c.recordId, 'APPROVE')).code, who).toBe('FORBIDDEN');
  });
});

describe('finalizing', () => {
  it('the chair cannot finalize without quorum: 3 of the 4 eligible members must vote (recusals do not count)', async () => {
    const n = await s.inCommittee();
    await s.vote('member1', n.recordId, 'APPROVE');
    await s.vote('member2', n.recordId, 'APPROVE');
    await s.vote('member3', n.recordId, null, { recuse: true });
    const before = await s.budget();
    const early = await s.finalize(n.recordId);
    expect(early).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(early.message).toMatch(/quorum/i);
    const rec = await s.record(n.recordId);
    expect(rec.status).toBe('IN_COMMITTEE');
    expect(rec.tally).toMatchObject({ eligibleMembers: 4, quorumNeeded: 3, voted: 2, recused: 1, quorumMet: false });
    expect((await s.budget()).committed).toBe(before.committed);

    await s.vote('chair', n.recordId, 'APPROVE');
    expect((await s.record(n.recordId)).tally).toMatchObject({ voted: 3, quorumMet: true, majorityApproves: true });
    expect(await s.finalize(n.recordId)).toMatchObject({ status: 'APPROVED', finalAmount: 20000 });
  });

  it('only the chair finalizes', async () => {
    const n = await s.voted();
    for (const who of ['member1', 'secretary', 'supervisor']) {
      const res = await s.call(who, 'finalizeRewardDecision', 'FinalizeRewardDecisionInput', { recordId: n.recordId }, `... on RewardRecord { status }`);
      expect(res.code, who).toBe('FORBIDDEN');
    }
    expect((await s.record(n.recordId)).status).toBe('IN_COMMITTEE');
  });

  it('a majority of REJECT rejects, and commits nothing', async () => {
    const n = await s.inCommittee();
    await s.vote('member1', n.recordId, 'APPROVE');
    await s.vote('member2', n.recordId, 'REJECT');
    await s.vote('member3', n.recordId, 'REJECT');
    const before = await s.budget();
    expect(await s.finalize(n.recordId)).toMatchObject({ status: 'REJECTED', finalAmount: null });
    expect((await s.budget()).committed).toBe(before.committed);
    const trail = await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { trail { action } } } }`, { id: n.recordId }, await t.login('secretary'));
    expect(trail.data.node.trail.map((e: any) => e.action)).toContain('reward.reject');
  });

  it("a final amount outside the standard's range is VALIDATION on finalAmount; inside, it is recorded and committed", async () => {
    const n = await s.voted({ standard: 'RPT-L3', amount: 20000 }); // RPT-L3: 0–50000
    const before = await s.budget();
    expect(await s.finalize(n.recordId, { finalAmount: 50001 })).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'finalAmount' });
    const still = await s.record(n.recordId);
    expect(still).toMatchObject({ status: 'IN_COMMITTEE', finalAmount: null });
    expect((await s.budget()).committed).toBe(before.committed);
    expect(await s.finalize(n.recordId, { finalAmount: 45000 })).toMatchObject({ status: 'APPROVED', finalAmount: 45000 });
    const after = await s.budget();
    expect(after.committed).toBe(before.committed + 45000);
    expect(after.remaining).toBe(before.remaining - 45000);
  });

  it('over the second-approval threshold (300000 fen) the record awaits the chair’s second approval; at it, it does not', async () => {
    const b0 = await s.budget();
    const over = await s.voted({ standard: 'RPT-L1', amount: 400000 }); // RPT-L1: 200000–500000
    expect(await s.finalize(over.recordId)).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', finalAmount: 400000 });
    expect((await s.budget()).committed).toBe(b0.committed + 400000);
    expect(await s.finalize(over.recordId, {})).toMatchObject({ code: 'VALIDATION', field: 'approve' });
    const member = await s.call('member1', 'finalizeRewardDecision', 'FinalizeRewardDecisionInput', { recordId: over.recordId, approve: true }, `... on RewardRecord { status }`);
    expect(member.code).toBe('FORBIDDEN');
    expect(await s.finalize(over.recordId, { approve: true })).toMatchObject({ status: 'APPROVED', finalAmount: 400000 });
    expect((await s.budget()).committed).toBe(b0.committed + 400000);

    const at = await s.voted({ standard: 'RPT-L1', amount: 300000 });
    expect(await s.finalize(at.recordId)).toMatchObject({ status: 'APPROVED', finalAmount: 300000 });
    expect((await s.budget()).committed).toBe(b0.committed + 700000);
  });

  it('refusing the second approval rejects the record and releases the committed amount', async () => {
    const n = await s.voted({ standard: 'RPT-L1', amount: 350000 });
    const before = await s.budget();
    expect((await s.finalize(n.recordId)).status).toBe('AWAITING_SECOND_APPROVAL');
    expect((await s.budget()).committed).toBe(before.committed + 350000);
    expect(await s.finalize(n.recordId, { approve: false, note: '金额偏高' })).toMatchObject({ status: 'REJECTED' });
    const after = await s.budget();
    expect(after.committed).toBe(before.committed);
    expect(after.remaining).toBe(before.remaining);
  });

  it('the budget bounds finalizing: beyond what remains is refused, exactly what remains fits', async () => {
    const n = await s.voted({ standard: 'RPT-L2', amount: 150000 }); // RPT-L2: 50000–200000
    const b = await s.budget();
    const small = await s.setBudget(b.committed + b.granted + 100000);
    expect(small).toMatchObject({ __typename: 'RewardBudget', remaining: 100000 });
    const refused = await s.finalize(n.recordId);
    expect(refused).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', field: 'finalAmount' });
    expect(await s.record(n.recordId)).toMatchObject({ status: 'IN_COMMITTEE', finalAmount: null });
    expect((await s.budget()).committed).toBe(b.committed);
    expect(await s.finalize(n.recordId, { finalAmount: 100000 })).toMatchObject({ status: 'APPROVED', finalAmount: 100000 });
    expect(await s.budget()).toMatchObject({ committed: b.committed + 100000, remaining: 0 });
    // The fund cannot be set below what is committed and granted.
    expect(await s.setBudget(b.committed + b.granted + 99999)).toMatchObject({ code: 'VALIDATION', field: 'total' });
    expect(await s.setBudget(b.total)).toMatchObject({ total: b.total });
  });
});

describe('what committee members see', () => {
  const REPORTER = { name: '钱多多', phone: '13512345678', organization: '朝阳某物业公司', relationToMinor: 'NEIGHBOUR', hasSafeContact: false, consentToShareContact: false };

  it('records reach members only from IN_COMMITTEE on, pseudonymised with conflict attributes and never the name or phone', async () => {
    const n = await s.nominated({ reporter: REPORTER });
    const hidden = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: n.recordId }, await t.login('member1'));
    expect(hidden.data?.node ?? null).toBeNull();
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = async (as: string) => (await t.gql(`{ rewardRecords(first: 100) { edges { node { id status } } } }`, {}, await t.login(as))).data.rewardRecords.edges.map((e: any) => e.node.id);
    expect(await list('member1')).not.toContain(n.recordId);
    expect(await list('chair')).not.toContain(n.recordId);
    expect(await list('secretary')).toContain(n.recordId);

    await s.review(n.recordId);
    expect(await list('member1')).not.toContain(n.recordId); // UNDER_REVIEW: still not theirs
    await s.review(n.recordId, true);
    expect(await list('member1')).toContain(n.recordId);

    const seen = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on RewardRecord { id code status nomineePseudonym justification proposedAmount
        conflictAttributes { district { code } relationToCase organization } payee { name phone bankAccount } basisCase { id code summary } basisSuggestion { id }
        standard { code version } votes { member decision } trail { action actor detail } } } }`,
      { id: n.recordId },
      await t.login('member1'),
    );
    const node = seen.data.node;
    expect(node.status).toBe('IN_COMMITTEE');
    expect(node.nomineePseudonym).toMatch(/^N-[0-9A-F]{6}$/);
    expect(node.conflictAttributes).toEqual({ district: { code: '110105' }, relationToCase: 'NEIGHBOUR', organization: '朝阳某物业公司' });
    expect(node.payee).toBeNull();
    expect(node.basisCase).toBeNull();
    for (const secret of [REPORTER.name, REPORTER.phone, n.claimCode, n.code]) expect(seen.text).not.toContain(secret);
    // The pseudonym is stable per record.
    const again = await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { nomineePseudonym } } }`, { id: n.recordId }, await t.login('member2'));
    expect(again.data.node.nomineePseudonym).toBe(node.nomineePseudonym);
  });

  it('roles without reward business see no records', async () => {
    for (const who of ['analyst', 'operator', 'police', 'admin']) {
      const res = await t.gql(`{ rewardRecords(first: 5) { totalCount } }`, {}, await t.login(who));
      expect(res.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
  });

  it("pendingMyVote lists exactly the records in committee the member has not voted on or recused from this round", async () => {
    const a = await s.inCommittee();
    const b = await s.inCommittee();
    const c = await s.inCommittee();
    await s.vote('member1', a.recordId, 'APPROVE');
    await s.vote('member1', c.recordId, null, { recuse: true });
    await s.vote('member2', b.recordId, 'REJECT');

    const pending = async (as: string) => {
      const res = await t.gql(`{ rewardRecords(first: 100, filter: { pendingMyVote: true }) { totalCount edges { node { id status } } } }`, {}, await t.login(as));
      const ids = res.data.rewardRecords.edges.map((e: any) => e.node.id).sort();
      expect(res.data.rewardRecords.totalCount).toBe(ids.length);
      return ids;
    };
    // The expected inbox, from every record in committee and its votes (read as the secretary).
    const expected = async (member: string) => {
      const res = await t.gql(`{ rewardRecords(first: 100, filter: { status: [IN_COMMITTEE] }) { edges { node { id round votes { member round } } } } }`, {}, await t.login('secretary'));
      return res.data.rewardRecords.edges.map((e: any) => e.node).filter((r: any) => !r.votes.some((v: any) => v.member === member && v.round === r.round)).map((r: any) => r.id).sort();
    };
    const m1 = await pending('member1');
    expect(m1).toContain(b.recordId);
    expect(m1).not.toContain(a.recordId);
    expect(m1).not.toContain(c.recordId);
    expect(m1).toEqual(await expected('member1'));
    const m2 = await pending('member2');
    expect(m2).toEqual(expect.arrayContaining([a.recordId, c.recordId]));
    expect(m2).not.toContain(b.recordId);
    expect(m2).toEqual(await expected('member2'));
    expect(await pending('member3')).toEqual(await expected('member3'));

    // The inbox's vote flags and buttons read the member's votes once per page, not once per record,
    // and agree: a member who voted or recused this round is not offered VOTE.
    const token = await t.login('member1');
    const INBOX = `query($n: Int!) { rewardRecords(first: $n, filter: { status: [IN_COMMITTEE] }) { edges { node { id myVoteCast availableActions } } } }`;
    const page = async (n: number) => {
      const before = t.database.statements.length;
      const r = await t.gql(INBOX, { n }, token);
      expect(r.errors).toBeUndefined();
      return { statements: t.database.statements.length - before, edges: r.data.rewardRecords.edges as { node: { id: string; myVoteCast: boolean; availableActions: string[] } }[] };
    };
    await page(1); // the session's first request also reads the user
    const [one, three] = [await page(1), await page(3)];
    expect(three.edges).toHaveLength(3);
    expect(three.statements).toBe(one.statements);
    for (const { node } of three.edges) expect(node.availableActions.includes('VOTE'), node.id).toBe(!node.myVoteCast);
    expect(three.edges.map((e) => e.node.myVoteCast)).toContain(true);
  });
});

describe('recusal: whoever nominated, reviewed or handled the basis may not vote', () => {
  const USER = `... on User { id username }`;
  async function createUser(username: string, roles: string[], departmentCode?: string) {
    const departmentId = departmentCode ? await s.h.refId('Department', departmentCode) : undefined;
    return s.h.must(await s.call('admin', 'createUser', 'CreateUserInput', { username, displayName: username, password: 'guardline-demo', roles, departmentId }, USER), 'User', `create ${username}`);
  }

  it('a committee member who registered, dispatched or handled the basis case votes FORBIDDEN, may recuse, and is not counted as eligible', async () => {
    await createUser('cm.intake', ['COMMITTEE_MEMBER', 'OPERATOR']);
    await createUser('cm.dispatch', ['COMMITTEE_MEMBER', 'OPERATOR']);
    await createUser('cm.handler', ['COMMITTEE_MEMBER', 'DEPARTMENT_HANDLER'], 'PSB-110105');
    const reg = s.h.must(await s.h.register({ reporter: { anonymous: true, hasSafeContact: false } }, 'cm.intake'), 'RegisterCasePayload', 'register');
    const d = s.h.must(
      await s.h.mutate('cm.dispatch', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, lead: { departmentId: await s.h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { dispatches { id role } }`),
      'DispatchCasePayload', 'dispatch',
    );
    s.h.must(await s.h.mutate('cm.handler', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: d.dispatches[0].id }), 'Dispatch', 'accept');
    s.h.must(await s.h.mutate('cm.handler', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: d.dispatches[0].id, result: '已核实', outcome: 'SUBSTANTIATED' }), 'Dispatch', 'reply');
    s.h.must(await s.h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: reg.case.id, reason: '匿名来电，无法回访' }), 'Case', 'close');
    const rec = s.h.must(await s.nominate({ kind: 'REPORT_REWARD', basisCaseId: reg.case.id, standardId: await s.standardId('RPT-L3'), proposedAmount: 20000 }), 'RewardRecord', 'nominate');
    await s.review(rec.id);
    await s.review(rec.id, true);

    for (const who of ['cm.intake', 'cm.dispatch', 'cm.handler']) {
      const vote = await s.vote(who, rec.id, 'APPROVE');
      expect(vote, who).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'decision' });
    }
    expect((await s.vote('cm.intake', rec.id, null, { recuse: true })).recused).toBe(true);
    // Seven accounts hold committee roles; three are conflicted here: quorum is 60% of the 4 eligible.
    const view = await s.record(rec.id);
    expect(view.tally).toMatchObject({ eligibleMembers: 4, quorumNeeded: 3, voted: 0, recused: 1 });
    for (const m of ['member1', 'member2']) await s.vote(m, rec.id, 'APPROVE');
    expect((await s.finalize(rec.id)).message).toMatch(/quorum/i);
    await s.vote('chair', rec.id, 'APPROVE');
    expect((await s.finalize(rec.id)).status).toBe('APPROVED');
    expect(view.votes).toEqual([{ member: 'cm.intake', round: 1, decision: null, recused: true, noConflictAffirmed: false }]);

    // On a record whose basis they never touched, the same members vote.
    const other = await s.inCommittee();
    expect((await s.vote('cm.intake', other.recordId, 'APPROVE')).decision).toBe('APPROVE');
    expect((await s.record(other.recordId)).tally).toMatchObject({ eligibleMembers: 7, quorumNeeded: 5 });
  });

  it('a committee member who nominated or reviewed the record votes FORBIDDEN', async () => {
    await createUser('cm.nominator', ['COMMITTEE_MEMBER', 'SUPERVISOR']);
    await createUser('cm.reviewer', ['COMMITTEE_MEMBER', 'REWARD_SECRETARY']);
    const c = await s.rewardableCase();
    const rec = s.h.must(await s.call('cm.nominator', 'nominateReward', 'NominateRewardInput', { kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: await s.standardId('RPT-L3'), proposedAmount: 20000, justification: '线索属实' }, `... on RewardRecord { id status }`), 'RewardRecord', 'nominate');
    const REVIEW = `... on ReviewRewardPayload { record { status } }`;
    await s.call('cm.reviewer', 'reviewReward', 'ReviewRewardInput', { recordId: rec.id }, REVIEW);
    expect((await s.call('cm.reviewer', 'reviewReward', 'ReviewRewardInput', { recordId: rec.id, eligible: true }, REVIEW)).record.status).toBe('IN_COMMITTEE');
    for (const who of ['cm.nominator', 'cm.reviewer']) {
      expect(await s.vote(who, rec.id, 'APPROVE'), who).toMatchObject({ code: 'FORBIDDEN' });
      expect((await s.vote(who, rec.id, null, { recuse: true })).recused, who).toBe(true);
    }
    expect((await s.record(rec.id)).tally).toMatchObject({ recused: 2, voted: 0 });
    expect((await s.record(rec.id)).tally.eligibleMembers).toBe(7); // 9 committee accounts, 2 conflicted
  });

  it('a chair who handled the basis may not give the second approval', async () => {
    await createUser('cm.chair2', ['COMMITTEE_CHAIR', 'OPERATOR']);
    const reg = s.h.must(await s.h.register({ reporter: { anonymous: true, hasSafeContact: false } }, 'cm.chair2'), 'RegisterCasePayload', 'register');
    const d = s.h.must(await s.h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, lead: { departmentId: await s.h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { dispatches { id } }`), 'DispatchCasePayload', 'dispatch');
    await s.h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: d.dispatches[0].id });
    await s.h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: d.dispatches[0].id, result: '已核实', outcome: 'SUBSTANTIATED' });
    s.h.must(await s.h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: reg.case.id, reason: '匿名来电，无法回访' }), 'Case', 'close');
    const rec = s.h.must(await s.nominate({ kind: 'REPORT_REWARD', basisCaseId: reg.case.id, standardId: await s.standardId('RPT-L1'), proposedAmount: 400000 }), 'RewardRecord', 'nominate');
    await s.review(rec.id);
    await s.review(rec.id, true);
    for (const m of ['member1', 'member2', 'member3', 'chair', 'cm.intake', 'cm.dispatch']) await s.vote(m, rec.id, 'APPROVE');
    const finalizeAs = (as: string, input: Record<string, unknown>) => s.call(as, 'finalizeRewardDecision', 'FinalizeRewardDecisionInput', { recordId: rec.id, ...input }, `... on RewardRecord { status finalAmount }`);
    expect(await finalizeAs('cm.chair2', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await finalizeAs('chair', {})).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', finalAmount: 400000 });
    expect(await finalizeAs('cm.chair2', { approve: true })).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect((await s.record(rec.id)).status).toBe('AWAITING_SECOND_APPROVAL');
    expect(await finalizeAs('chair', { approve: true })).toMatchObject({ status: 'APPROVED' });
  });
});
