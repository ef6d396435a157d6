// Public notice (公示), objections, claiming, exactly-once grants within the budget, revocation, and a
// reopened basis case — over HTTP as each role, with the injected clock moving through notice windows.
import { sql } from 'drizzle-orm';
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

const DAY = 24;
const RESULT = `... on RewardRecord { id status round finalAmount flaggedForReview noticeStartsAt noticeEndsAt revokeReason recoverAmount } ... on InvalidTransitionError { currentState }`;
const grant = (recordId: string, ref = 'PAY-001') => s.call('secretary', 'grantReward', 'GrantRewardInput', { recordId, paymentReference: ref }, RESULT);
const objections = async (recordId: string) => (await s.record(recordId)).objections as { id: string; round: number; status: string }[];
const decide = (objectionId: string, uphold: boolean, as = 'secretary') =>
  s.call(as, 'decideObjection', 'DecideObjectionInput', { objectionId, uphold, note: uphold ? '异议成立，退回委员会' : '异议不成立' }, `... on NoticeObjection { id status round } ... on InvalidTransitionError { currentState }`);
/** Past the end of every notice started so far. */
const pastNotice = () => t.clock.advanceHours(7 * DAY + 1);

describe('public notice', () => {
  it('lasts at least the configured number of days', async () => {
    const cfg = await t.gql(`{ committeeConfig { noticeDays } }`, {}, await t.login('admin'));
    expect(cfg.data.committeeConfig.noticeDays).toBe(7);
    const n = await s.approved();
    for (const days of [0, 6]) {
      const short = await s.call('secretary', 'startPublicNotice', 'StartPublicNoticeInput', { recordId: n.recordId, days }, RESULT);
      expect(short, `${days} days`).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'days' });
    }
    expect((await s.record(n.recordId)).status).toBe('APPROVED');
    expect((await s.call('chair', 'startPublicNotice', 'StartPublicNoticeInput', { recordId: n.recordId }, RESULT)).code).toBe('FORBIDDEN');
    const started = await s.call('secretary', 'startPublicNotice', 'StartPublicNoticeInput', { recordId: n.recordId, days: 7 }, RESULT);
    expect(started.status).toBe('PUBLIC_NOTICE');
    expect(Date.parse(started.noticeEndsAt) - Date.parse(started.noticeStartsAt)).toBe(7 * 86_400_000);
    expect(Date.parse(started.noticeStartsAt)).toBe(t.clock.now().getTime());
    // A longer notice is fine; a record not APPROVED cannot start one.
    const m = await s.approved();
    expect((await s.call('secretary', 'startPublicNotice', 'StartPublicNoticeInput', { recordId: m.recordId, days: 10 }, RESULT)).status).toBe('PUBLIC_NOTICE');
    const again = await s.call('secretary', 'startPublicNotice', 'StartPublicNoticeInput', { recordId: m.recordId, days: 10 }, RESULT);
    expect(again).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'PUBLIC_NOTICE' });
  });

  it('an objection outside the notice window (before it starts, after it ends, or an unknown code) is NOT_FOUND', async () => {
    const n = await s.approved();
    const code = (await s.record(n.recordId)).code;
    expect(await s.object(code)).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'recordCode' });
    await s.notice(n.recordId);
    expect(await s.object(code)).toMatchObject({ __typename: 'FileNoticeObjectionPayload', received: true });
    expect(await s.object('RW2026-9999')).toMatchObject({ code: 'NOT_FOUND' });
    pastNotice();
    expect(await s.object(code)).toMatchObject({ code: 'NOT_FOUND', field: 'recordCode' });
    expect(await objections(n.recordId)).toEqual([expect.objectContaining({ round: 1, status: 'PENDING' })]);
  });

  it('a dismissed objection leaves the record in PUBLIC_NOTICE with its amount committed', async () => {
    const n = await s.onNotice({ amount: 25000 });
    expect((await s.object(n.recordCode)).received).toBe(true);
    const [o] = await objections(n.recordId);
    expect((await decide(o!.id, false, 'chair')).code).toBe('FORBIDDEN');
    const before = await s.budget();
    expect(await decide(o!.id, false)).toMatchObject({ status: 'DISMISSED' });
    expect(await s.record(n.recordId)).toMatchObject({ status: 'PUBLIC_NOTICE', round: 1, finalAmount: 25000 });
    expect((await s.budget()).committed).toBe(before.committed);
    // Decided once: deciding again is an illegal move.
    expect(await decide(o!.id, true)).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'DISMISSED' });
    expect((await s.record(n.recordId)).status).toBe('PUBLIC_NOTICE');
  });

  it('an upheld objection returns the record to IN_COMMITTEE in a new round: old votes kept with their round, the amount released', async () => {
    const n = await s.onNotice({ amount: 30000 });
    expect((await s.object(n.recordCode)).received).toBe(true);
    const [o] = await objections(n.recordId);
    const before = await s.budget();
    expect(await decide(o!.id, true)).toMatchObject({ status: 'UPHELD', round: 1 });

    const rec = await s.record(n.recordId);
    expect(rec).toMatchObject({ status: 'IN_COMMITTEE', round: 2, finalAmount: null, noticeEndsAt: null });
    expect(rec.votes).toHaveLength(3);
    expect(rec.votes.every((v: any) => v.round === 1 && v.decision === 'APPROVE')).toBe(true);
    expect(rec.tally).toMatchObject({ voted: 0, quorumMet: false });
    const after = await s.budget();
    expect(after.committed).toBe(before.committed - 30000);
    expect(after.remaining).toBe(before.remaining + 30000);
    const board = await s.pub(`{ publicNotices { code } }`);
    expect(board.data.publicNotices.map((x: any) => x.code)).not.toContain(n.recordCode);

    // The members vote afresh: the record is back in their inbox, and a new vote is not a duplicate.
    const inbox = await t.gql(`{ rewardRecords(first: 100, filter: { pendingMyVote: true }) { edges { node { id } } } }`, {}, await t.login('member1'));
    expect(inbox.data.rewardRecords.edges.map((e: any) => e.node.id)).toContain(n.recordId);
    expect(await s.vote('member1', n.recordId, 'APPROVE')).toMatchObject({ decision: 'APPROVE', round: 2 });
    expect((await s.record(n.recordId)).votes).toHaveLength(4);
  });
});

describe('granting', () => {
  it('is refused before the notice ends, and allowed from its end', async () => {
    const n = await s.onNotice();
    expect((await s.claim(n.claimCode)).recordCodes).toEqual([n.recordCode]);
    t.clock.advanceHours(7 * DAY - 1);
    const early = await grant(n.recordId);
    expect(early).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(early.message).toMatch(/notice runs until/);
    expect((await s.record(n.recordId)).status).toBe('PUBLIC_NOTICE');
    t.clock.advanceHours(1);
    expect((await grant(n.recordId)).status).toBe('GRANTED');
  });

  it('is refused while an objection is pending', async () => {
    const n = await s.onNotice();
    await s.claim(n.claimCode);
    expect((await s.object(n.recordCode)).received).toBe(true);
    pastNotice();
    const blocked = await grant(n.recordId);
    expect(blocked).toMatchObject({ code: 'CONFLICT' });
    expect(blocked.message).toMatch(/objection is pending/);
    const [o] = await objections(n.recordId);
    await decide(o!.id, false);
    expect((await grant(n.recordId)).status).toBe('GRANTED');
  });

  it('is refused before the claim-code holder has claimed', async () => {
    const n = await s.onNotice();
    pastNotice();
    const unclaimed = await grant(n.recordId);
    expect(unclaimed).toMatchObject({ code: 'CONFLICT' });
    expect(unclaimed.message).toMatch(/Not claimed/);
    expect((await s.claim(n.claimCode)).recordCodes).toEqual([n.recordCode]);
    expect((await grant(n.recordId)).status).toBe('GRANTED');
  });

  it('20 concurrent grants of one record: exactly one GRANTED, the budget spent once', async () => {
    const n = await s.onNotice({ amount: 35000 });
    await s.claim(n.claimCode);
    pastNotice();
    const before = await s.budget();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => grant(n.recordId, `PAY-C-${i}`)));
    const granted = results.filter((x) => x.__typename === 'RewardRecord' && x.status === 'GRANTED');
    expect(granted).toHaveLength(1);
    const others = results.filter((x) => x.__typename !== 'RewardRecord');
    expect(others).toHaveLength(19);
    for (const o of others) expect(o).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'GRANTED' });
    const after = await s.budget();
    expect(after.granted).toBe(before.granted + 35000);
    expect(after.committed).toBe(before.committed - 35000);
    expect(await s.h.countRows('audit_events', sql`action = 'reward.grant' and entity_id = ${s.rawId(n.recordId)}`)).toBe(1);
  });

  it('concurrent finalizations near the budget limit: exactly as many succeed as fit; grants never exceed the fund', async () => {
    const ready = [];
    for (let i = 0; i < 5; i++) ready.push(await s.voted({ amount: 40000 }));
    const b0 = await s.budget();
    await s.setBudget(b0.committed + b0.granted + 3 * 40000 + 10000);
    const results = await Promise.all(ready.map((n) => s.finalize(n.recordId)));
    const approved = results.filter((x) => x.status === 'APPROVED');
    const refused = results.filter((x) => x.__typename === 'ConflictError');
    expect(approved).toHaveLength(3);
    expect(refused).toHaveLength(2);
    for (const x of refused) expect(x).toMatchObject({ code: 'CONFLICT', field: 'finalAmount' });
    const b1 = await s.budget();
    expect(b1.committed).toBe(b0.committed + 120000);
    expect(b1.remaining).toBe(10000);
    expect(b1.committed + b1.granted).toBeLessThanOrEqual(b1.total);

    // The three that fit go on notice, are claimed, and are granted concurrently.
    const winners = ready.filter((_, i) => results[i]!.status === 'APPROVED');
    for (const w of winners) {
      await s.notice(w.recordId);
      await s.claim(w.claimCode);
    }
    pastNotice();
    const grants = await Promise.all(winners.flatMap((w) => [grant(w.recordId, 'PAY-A'), grant(w.recordId, 'PAY-B')]));
    expect(grants.filter((g) => g.status === 'GRANTED')).toHaveLength(3);
    const b2 = await s.budget();
    expect(b2.granted).toBe(b1.granted + 120000);
    expect(b2.committed).toBe(b1.committed - 120000);
    expect(b2.committed + b2.granted).toBeLessThanOrEqual(b2.total);
    expect(b2.remaining).toBe(10000);
    // The two refused are still in committee.
    for (const n of ready.filter((_, i) => results[i]!.status !== 'APPROVED')) expect((await s.record(n.recordId)).status).toBe('IN_COMMITTEE');
    await s.setBudget(b0.total);
  });
});

describe('revocation', () => {
  it('the secretary proposes (reason, amount to recover), then the chair co-signs; the chair cannot go first', async () => {
    const n = await s.onNotice({ amount: 30000 });
    expect(await s.call('secretary', 'revokeReward', 'RevokeRewardInput', { recordId: n.recordId, reason: '尚未发放' }, RESULT)).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'PUBLIC_NOTICE' });
    await s.claim(n.claimCode);
    pastNotice();
    expect((await grant(n.recordId)).status).toBe('GRANTED');

    const first = await s.call('chair', 'revokeReward', 'RevokeRewardInput', { recordId: n.recordId, reason: '主任先撤销' }, RESULT);
    expect(first).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect((await s.call('member1', 'revokeReward', 'RevokeRewardInput', { recordId: n.recordId, reason: '委员撤销' }, RESULT)).code).toBe('FORBIDDEN');
    expect(await s.call('secretary', 'revokeReward', 'RevokeRewardInput', { recordId: n.recordId }, RESULT)).toMatchObject({ code: 'VALIDATION', field: 'reason' });
    expect(await s.call('secretary', 'revokeReward', 'RevokeRewardInput', { recordId: n.recordId, reason: '线索系伪造', recoverAmount: 30001 }, RESULT)).toMatchObject({ code: 'VALIDATION', field: 'recoverAmount' });
    expect((await s.record(n.recordId)).revokeReason).toBeNull();

    const proposed = await s.call('secretary', 'revokeReward', 'RevokeRewardInput', { recordId: n.recordId, reason: '线索系伪造', recoverAmount: 30000 }, RESULT);
    expect(proposed).toMatchObject({ status: 'GRANTED', revokeReason: '线索系伪造', recoverAmount: 30000 });
    expect((await s.call('secretary', 'revokeReward', 'RevokeRewardInput', { recordId: n.recordId }, RESULT)).code).toBe('FORBIDDEN');
    const cosigned = await s.call('chair', 'revokeReward', 'RevokeRewardInput', { recordId: n.recordId }, RESULT);
    expect(cosigned).toMatchObject({ status: 'REVOKED', revokeReason: '线索系伪造', recoverAmount: 30000 });
    const trail = await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { trail { action actor detail } } } }`, { id: n.recordId }, await t.login('secretary'));
    const actions = trail.data.node.trail.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['reward.revoke_proposed', 'reward.revoke']));
    const revoke = trail.data.node.trail.find((e: any) => e.action === 'reward.revoke');
    expect(JSON.parse(revoke.detail)).toMatchObject({ reason: '线索系伪造', recoverAmount: 30000, to: 'REVOKED' });
  });
});

describe('a reopened basis case', () => {
  const reopen = (caseId: string, flag?: boolean) =>
    s.h.mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId, reason: '举报人再次来电反映新情况', ...(flag === undefined ? {} : { flagRewardForReview: flag }) });

  it('is refused unless the reward is flagged; the flag blocks the grant until the secretary re-reviews an eligible basis', async () => {
    const n = await s.onNotice();
    await s.claim(n.claimCode);
    for (const flag of [undefined, false]) {
      const refused = await reopen(n.caseId, flag);
      expect(refused).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', field: 'flagRewardForReview' });
    }
    expect((await s.h.getCase(n.caseId)).status).toBe('CLOSED');
    expect((await s.record(n.recordId)).flaggedForReview).toBe(false);

    expect((await reopen(n.caseId, true)).status).toBe('REOPENED');
    const flagged = await s.record(n.recordId);
    expect(flagged).toMatchObject({ status: 'PUBLIC_NOTICE', flaggedForReview: true });
    expect(flagged.flagReason).toMatch(/举报人再次来电反映新情况/);

    pastNotice();
    const blocked = await grant(n.recordId);
    expect(blocked).toMatchObject({ code: 'CONFLICT' });
    expect(blocked.message).toMatch(/review/);

    // While the case is open again the basis does not qualify: the secretary cannot clear the flag.
    const REVIEW = `... on ReviewRewardPayload { record { id status flaggedForReview } eligibility { eligible caseStatus } }`;
    const premature = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId, eligible: true }, REVIEW);
    expect(premature).toMatchObject({ code: 'CONFLICT', field: 'eligible' });
    expect((await s.record(n.recordId)).flaggedForReview).toBe(true);
    expect((await grant(n.recordId)).code).toBe('CONFLICT');

    // Re-handled (重办) and closed again, substantiated: the re-review clears the flag, and the grant goes through.
    const d = s.h.must(await s.h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: n.caseId, lead: { departmentId: await s.h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { dispatches { id role } }`), 'DispatchCasePayload', 'redispatch');
    const lead = d.dispatches.find((x: any) => x.role === 'LEAD').id;
    s.h.must(await s.h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: lead }), 'Dispatch', 'accept');
    s.h.must(await s.h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: lead, result: '再次核实属实', outcome: 'SUBSTANTIATED' }), 'Dispatch', 'reply');
    s.h.must(await s.h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: n.caseId, reason: '匿名来电，无法回访' }), 'Case', 'close');
    const cleared = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId, eligible: true, note: '重办后仍属实' }, REVIEW);
    expect(cleared).toMatchObject({ record: { status: 'PUBLIC_NOTICE', flaggedForReview: false }, eligibility: { eligible: true, caseStatus: 'CLOSED' } });
    expect((await grant(n.recordId)).status).toBe('GRANTED');
  });

  it('a flagged record found no longer eligible is rejected and its amount released', async () => {
    const n = await s.onNotice({ amount: 15000 });
    expect((await reopen(n.caseId, true)).status).toBe('REOPENED');
    const before = await s.budget();
    const res = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId, eligible: false, note: '重办后不属实' }, `... on ReviewRewardPayload { record { status } }`);
    expect(res.record.status).toBe('REJECTED');
    expect((await s.budget()).committed).toBe(before.committed - 15000);
  });
});
