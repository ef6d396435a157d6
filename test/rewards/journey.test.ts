// The acceptance journeys of the reward workflow, over HTTP, each leaving a complete trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { rewardHelpers } from '../support/rewards.js';

let t: TestApp;
let r: ReturnType<typeof rewardHelpers>;
beforeAll(async () => {
  t = await createTestApp();
  r = rewardHelpers(t);
});
afterAll(() => t?.close());

describe('reward journeys', () => {
  it('suggestion → effective → nominated → reviewed → voted → finalized → notice → objection upheld → re-voted → notice → claimed → granted', async () => {
    const s = await r.effectiveSuggestion();
    expect(s.status).toBe('EFFECTIVE');
    const rec = await r.nominate({ kind: 'SUGGESTION_REWARD', basisSuggestionId: s.suggestionId, standardId: await r.standardId('SUG-L2'), proposedAmount: 50000 });
    expect(rec.status).toBe('NOMINATED');
    const opened = await r.review(rec.id);
    expect(opened.record.status).toBe('UNDER_REVIEW');
    expect(opened.eligibility).toMatchObject({ eligible: true });
    expect((await r.review(rec.id, true)).record.status).toBe('IN_COMMITTEE');
    for (const m of ['member1', 'member2', 'member3']) expect((await r.vote(m, rec.id, 'APPROVE')).decision).toBe('APPROVE');
    expect((await r.finalize(rec.id, { finalAmount: 60000 })).status).toBe('APPROVED');
    const onNotice = await r.notice(rec.id);
    expect(onNotice.status).toBe('PUBLIC_NOTICE');

    const board = await t.gql(`{ publicNotices { code kind nomineeMasked amount } }`);
    const code = (await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { code } } }`, { id: rec.id }, await t.login('secretary'))).data.node.code;
    expect(board.data.publicNotices).toContainEqual(expect.objectContaining({ code, nomineeMasked: '王*', amount: 60000 }));
    expect(board.text).not.toContain('王小明');
    expect(board.text).not.toContain('13900000000');

    const obj = await t.gql(`mutation($i: FileNoticeObjectionInput!) { fileNoticeObjection(input: $i) { __typename ... on Error { code message } } }`, { i: { recordCode: code, body: '该建议此前已有他人提出' } });
    expect(obj.data.fileNoticeObjection.__typename).toBe('FileNoticeObjectionPayload');
    const pending = await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { objections { id status } } } }`, { id: rec.id }, await t.login('secretary'));
    const objectionId = pending.data.node.objections[0].id;
    const upheld = await r.call('secretary', 'decideObjection', 'DecideObjectionInput', { objectionId, uphold: true, note: '需委员会复议' }, `... on NoticeObjection { status }`);
    expect(upheld.status).toBe('UPHELD');
    const back = await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { status round finalAmount } } }`, { id: rec.id }, await t.login('secretary'));
    expect(back.data.node).toMatchObject({ status: 'IN_COMMITTEE', round: 2, finalAmount: null });

    for (const m of ['member1', 'member2', 'chair']) await r.vote(m, rec.id, 'APPROVE');
    expect((await r.finalize(rec.id, { finalAmount: 50000 })).status).toBe('APPROVED');
    await r.notice(rec.id);
    expect((await r.claim(s.claimCode)).recordCodes).toContain(code);
    t.clock.advanceHours(24 * 8);
    const granted = await r.grant(rec.id);
    expect(granted.status).toBe('GRANTED');

    const trail = await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { trail { action actor } } } }`, { id: rec.id }, await t.login('secretary'));
    const actions = trail.data.node.trail.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['reward.nominate', 'reward.startReview', 'reward.findEligible', 'reward.vote', 'reward.approve', 'reward.startNotice', 'reward.objection_upheld', 'reward.upholdObjection', 'reward.claim', 'reward.grant']));
    const budget = await t.gql(`{ rewardBudget { committed granted remaining total } }`, {}, await t.login('secretary'));
    expect(budget.data.rewardBudget).toMatchObject({ committed: 0, granted: 50000 });
  });

  it('a tip-off reward from a closed case is claimed by the anonymous reporter with the claim code', async () => {
    const c = await r.rewardableCase();
    const rec = await r.nominate({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: await r.standardId('RPT-L3'), proposedAmount: 20000 });
    expect(rec.status).toBe('NOMINATED');
    await r.throughCommittee(rec.id);
    const status = await t.gql(`query($c: String!) { rewardClaimStatus(claimCode: $c) { __typename ... on QueryRewardClaimStatusSuccess { data { recordCode status claimed } } ... on Error { code } } }`, { c: c.claimCode });
    expect(status.data.rewardClaimStatus.data[0]).toMatchObject({ status: 'PUBLIC_NOTICE', claimed: false });
    const board = await t.gql(`{ publicNotices { code kind nomineeMasked } }`);
    const mine = board.data.publicNotices.find((n: any) => n.kind === 'REPORT_REWARD');
    expect(mine.nomineeMasked).toBeNull();
    expect(board.text).not.toContain(c.code);
    await r.claim(c.claimCode);
    t.clock.advanceHours(24 * 8);
    expect((await r.grant(rec.id)).status).toBe('GRANTED');
    const after = await t.gql(`query($c: String!) { rewardClaimStatus(claimCode: $c) { ... on QueryRewardClaimStatusSuccess { data { status claimed } } } }`, { c: c.claimCode });
    expect(after.data.rewardClaimStatus.data[0]).toMatchObject({ status: 'GRANTED', claimed: true });
  });
});
