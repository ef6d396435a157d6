// Extra building blocks for the reward rule tests (on top of rewards.ts), all over HTTP as the role:
// reading a record, the budget and the committee tally, public calls from a chosen client address,
// and a record brought to a given stage.
import type { TestApp } from './app.js';
import { rewardHelpers } from './rewards.js';

export const RECORD_VIEW = `id code status version round kind proposedAmount finalAmount flaggedForReview flagReason revokeReason recoverAmount
  noticeStartsAt noticeEndsAt grantedAt nomineePseudonym standard { id code version status minAmount maxAmount }
  tally { eligibleMembers quorumNeeded voted recused approve reject abstain quorumMet majorityApproves }
  votes { member round decision recused noConflictAffirmed } objections { id round status }`;

export function rewardSteps(t: TestApp) {
  const r = rewardHelpers(t);
  const { h } = r;
  let ipSeq = 0;

  /** A record as `as` sees it (null when invisible to them). */
  async function record(id: string, as = 'secretary', fields = RECORD_VIEW) {
    const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { ${fields} } } }`, { id }, await t.login(as));
    return res.data?.node ?? null;
  }

  async function budget(as = 'secretary') {
    const res = await t.gql(`{ rewardBudget { year total committed granted remaining } }`, {}, await t.login(as));
    return res.data.rewardBudget as { year: number; total: number; committed: number; granted: number; remaining: number };
  }

  async function setBudget(total: number) {
    const b = await budget();
    return r.call('admin', 'setRewardBudget', 'SetRewardBudgetInput', { year: b.year, total }, `... on RewardBudget { total committed granted remaining }`);
  }

  /** A fresh client address, so the public surface's per-address rate limit never mixes tests. */
  const freshIp = () => `198.51.100.${++ipSeq}`;

  /** A public (no-login) operation from a client address. */
  function pub(query: string, variables?: Record<string, unknown>, ip = freshIp()) {
    return t.gql(query, variables, null, { 'x-forwarded-for': ip });
  }

  async function claim(claimCode: string, ip = freshIp()) {
    const res = await pub(
      `mutation($i: ClaimRewardInput!) { claimReward(input: $i) { __typename ... on ClaimRewardPayload { recordCodes } ... on Error { code message field } } }`,
      { i: { claimCode, name: '李四', phone: '13300001111', bankName: '工商银行', bankAccount: '6222000000000000' } },
      ip,
    );
    return res.data.claimReward;
  }

  async function object(recordCode: string, body = '该奖励的事实有出入，请复核', ip = freshIp()) {
    const res = await pub(
      `mutation($i: FileNoticeObjectionInput!) { fileNoticeObjection(input: $i) { __typename ... on FileNoticeObjectionPayload { received } ... on Error { code message field } } }`,
      { i: { recordCode, body } },
      ip,
    );
    return res.data.fileNoticeObjection;
  }

  /** A closed, substantiated tip-off case nominated (NOMINATED). */
  async function nominated(opts: { standard?: string; amount?: number; reporter?: Record<string, unknown> } = {}) {
    const c = await r.rewardableCase(opts.reporter);
    const rec = h.must(await r.nominate({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: await r.standardId(opts.standard ?? 'RPT-L3'), proposedAmount: opts.amount ?? 20000 }), 'RewardRecord', 'nominate');
    return { ...c, recordId: rec.id as string };
  }

  /** …reviewed eligible: IN_COMMITTEE. */
  async function inCommittee(opts: Parameters<typeof nominated>[0] = {}) {
    const n = await nominated(opts);
    h.must(await r.review(n.recordId), 'ReviewRewardPayload', 'open review');
    const found = h.must(await r.review(n.recordId, true), 'ReviewRewardPayload', 'find eligible');
    if (found.record.status !== 'IN_COMMITTEE') throw new Error(`review reached ${found.record.status}`);
    return n;
  }

  /** …three approvals: ready to finalize. */
  async function voted(opts: Parameters<typeof nominated>[0] = {}) {
    const n = await inCommittee(opts);
    for (const m of ['member1', 'member2', 'member3']) h.must(await r.vote(m, n.recordId, 'APPROVE'), 'CommitteeVote', `vote ${m}`);
    return n;
  }

  /** …finalized (APPROVED, the amount committed). */
  async function approved(opts: Parameters<typeof nominated>[0] = {}) {
    const n = await voted(opts);
    const f = h.must(await r.finalize(n.recordId), 'RewardRecord', 'finalize');
    if (f.status !== 'APPROVED') throw new Error(`finalize reached ${f.status}`);
    return n;
  }

  /** …under public notice, with its public record code. */
  async function onNotice(opts: Parameters<typeof nominated>[0] = {}) {
    const n = await approved(opts);
    h.must(await r.notice(n.recordId), 'RewardRecord', 'notice');
    const rec = await record(n.recordId);
    return { ...n, recordCode: rec.code as string, noticeEndsAt: rec.noticeEndsAt as string };
  }

  /** The database id inside a global (Relay) id. */
  const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

  return { ...r, rawId, record, budget, setBudget, freshIp, pub, claim, object, nominated, inCommittee, voted, approved, onNotice };
}
