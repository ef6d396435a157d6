// RewardRecord.availableActions is exactly what the API accepts: through a record's life, at each
// state and for each reward role, every listed move is then made and accepted, and every mutation
// none of whose moves is listed is refused and leaves the record unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, rewardRecords, users } from '../../schema/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rewardSteps } from '../support/reward-steps.js';

let t: TestApp;
let s: ReturnType<typeof rewardSteps>;
beforeAll(async () => {
  t = await createTestApp();
  s = rewardSteps(t);
});
afterAll(() => t?.close());

const ROLES = ['supervisor', 'secretary', 'member1', 'chair'] as const;
type Who = (typeof ROLES)[number];
const NOTICE_OVER_HOURS = 8 * 24;

/** Each mutation, with the moves it makes and an input that would make them. */
const MUTATIONS = [
  { name: 'reviewReward', type: 'ReviewRewardInput', moves: ['REVIEW'], input: {} },
  { name: 'castCommitteeVote', type: 'CastCommitteeVoteInput', moves: ['VOTE'], input: { decision: 'APPROVE', noConflict: true } },
  { name: 'finalizeRewardDecision', type: 'FinalizeRewardDecisionInput', moves: ['FINALIZE', 'SECOND_APPROVAL'], input: { approve: true } },
  { name: 'startPublicNotice', type: 'StartPublicNoticeInput', moves: ['START_NOTICE'], input: {} },
  { name: 'grantReward', type: 'GrantRewardInput', moves: ['GRANT'], input: { paymentReference: 'PAY-AA-1' } },
  { name: 'revokeReward', type: 'RevokeRewardInput', moves: ['PROPOSE_REVOCATION', 'COSIGN_REVOCATION'], input: { reason: '复核发现事实不符', recoverAmount: 0 } },
];

async function actions(recordId: string, who: Who): Promise<string[]> {
  // a record the role may not see (committee members before IN_COMMITTEE) offers it nothing
  return (await s.record(recordId, who, 'availableActions'))?.availableActions ?? [];
}

async function row(recordId: string) {
  const [r] = await t.database.db.select({ status: rewardRecords.status, version: rewardRecords.version }).from(rewardRecords).where(eq(rewardRecords.id, s.rawId(recordId)));
  return r!;
}

/**
 * At the record's current state: each role's list is `expected`, and each mutation none of whose moves
 * the role was offered is refused (a typed error or FORBIDDEN) with the record unchanged.
 */
async function agree(recordId: string, expected: Record<Who, string[]>) {
  for (const who of ROLES) {
    const offered = await actions(recordId, who);
    expect(offered, `${who} at ${(await row(recordId)).status}`).toEqual(expected[who]);
    for (const m of MUTATIONS.filter((m) => !m.moves.some((x) => offered.includes(x)))) {
      const before = await row(recordId);
      const r = await s.call(who, m.name, m.type, { recordId, ...m.input }, '');
      expect(r.code, `${who} ${m.name} at ${before.status} must be refused`).toMatch(/^(FORBIDDEN|INVALID_TRANSITION|CONFLICT)$/);
      expect(await row(recordId)).toEqual(before);
    }
  }
}

const none: Record<Who, string[]> = { supervisor: [], secretary: [], member1: [], chair: [] };

describe('RewardRecord.availableActions', () => {
  it('lists exactly the moves the API accepts, from nomination to revocation', async () => {
    const n = await s.nominated();
    const id = n.recordId;

    await agree(id, { ...none, secretary: ['REVIEW'] });
    s.h.must(await s.review(id), 'ReviewRewardPayload', 'open the review');
    await agree(id, { ...none, secretary: ['REVIEW'] });
    expect(s.h.must(await s.review(id, true), 'ReviewRewardPayload', 'find eligible').record.status).toBe('IN_COMMITTEE');

    await agree(id, { ...none, member1: ['VOTE'], chair: ['VOTE', 'FINALIZE'] });
    for (const m of ['member1', 'member2', 'member3', 'chair']) s.h.must(await s.vote(m, id, 'APPROVE'), 'CommitteeVote', `vote ${m}`);
    // having voted, neither may vote again this round
    await agree(id, { ...none, chair: ['FINALIZE'] });
    expect(s.h.must(await s.finalize(id), 'RewardRecord', 'finalize').status).toBe('APPROVED');

    await agree(id, { ...none, secretary: ['START_NOTICE'] });
    s.h.must(await s.notice(id), 'RewardRecord', 'notice');

    // GRANT is offered while the notice runs: the wait is the move's own check, a warning in the panel
    await agree(id, { ...none, secretary: ['GRANT'] });
    await s.claim(n.claimCode);
    t.clock.advanceHours(NOTICE_OVER_HOURS);
    expect(s.h.must(await s.grant(id), 'RewardRecord', 'grant').status).toBe('GRANTED');

    await agree(id, { ...none, secretary: ['PROPOSE_REVOCATION'] });
    const revoke = (who: Who) => s.call(who, 'revokeReward', 'RevokeRewardInput', { recordId: id, reason: '复核发现事实不符', recoverAmount: 0 }, '... on RewardRecord { status }');
    s.h.must(await revoke('secretary'), 'RewardRecord', 'propose revocation');
    await agree(id, { ...none, chair: ['COSIGN_REVOCATION'] });
    expect(s.h.must(await revoke('chair'), 'RewardRecord', 'co-sign').status).toBe('REVOKED');
    await agree(id, none);
  });

  it('a chair who handled the basis is offered a vote (to recuse) but not the decision', async () => {
    const n = await s.inCommittee();
    // as if the chair had acted on the basis case (conflicts are read from the audit trail)
    const [chair] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'chair'));
    await t.database.db.insert(auditEvents).values({ actorKind: 'USER', actorId: chair!.id, actorLabel: 'chair', action: 'case.close', entity: 'Case', entityId: s.rawId(n.caseId) });
    expect(await actions(n.recordId, 'chair')).toEqual(['VOTE']);
    expect(await s.finalize(n.recordId)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
