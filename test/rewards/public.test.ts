// The no-login surface: the notice board, the claim-code lookup, the claim and objections. It shows no
// identity and no case detail, it is rate-limited per client address, and nothing else answers without a login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/schema.js';
import { publicLimiter } from '../../server/modules/rewards/types.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rewardSteps } from '../support/reward-steps.js';

let t: TestApp;
let s: ReturnType<typeof rewardSteps>;

const REPORTER = { name: '欧阳娜娜', phone: '13698765432', organization: '星光幼儿园', relationToMinor: 'NEIGHBOUR', hasSafeContact: false, consentToShareContact: false };
const SUMMARY = '某小区儿童长期被独自锁在家中';
const NARRATIVE = '邻居反映该户两名儿童白天被锁在家中无人照看，多次听到哭声';
const SUBMITTER = '王小明';
const PAYEE = { name: '欧阳收款', phone: '13122223333', idNumber: '110105199001011234', bankName: '建设银行', bankAccount: '6217000011112222' };

const tip = { caseId: '', caseCode: '', claimCode: '', recordId: '', recordCode: '' };
const sug = { suggestionId: '', suggestionCode: '', claimCode: '', recordId: '', recordCode: '' };
let secrets: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  s = rewardSteps(t);
  // A tip-off reward under notice, its case carrying a named reporter, a summary and a narrative.
  const c = await s.h.dispatched('PSB-110105', { reply: true, input: { reporter: REPORTER, summary: SUMMARY, narrative: NARRATIVE } });
  s.h.must(await s.h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: c.caseId, reason: '无安全联系方式，不回访' }), 'Case', 'close');
  const rec = s.h.must(await s.nominate({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: await s.standardId('RPT-L2'), proposedAmount: 80000 }), 'RewardRecord', 'nominate');
  s.h.must(await s.throughCommittee(rec.id), 'RewardRecord', 'through committee');
  Object.assign(tip, { caseId: c.caseId, caseCode: c.code, claimCode: c.claimCode, recordId: rec.id, recordCode: (await s.record(rec.id)).code });

  // A suggestion reward under notice, its submitter named.
  const e = await s.effectiveSuggestion(SUBMITTER);
  const srec = s.h.must(await s.nominate({ kind: 'SUGGESTION_REWARD', basisSuggestionId: e.suggestionId, standardId: await s.standardId('SUG-L2'), proposedAmount: 50000 }), 'RewardRecord', 'nominate');
  s.h.must(await s.throughCommittee(srec.id), 'RewardRecord', 'through committee');
  const sv = await s.h.query('operator', `query($id: ID!) { node(id: $id) { ... on Suggestion { code title content } } }`, { id: e.suggestionId });
  Object.assign(sug, { suggestionId: e.suggestionId, suggestionCode: sv.data.node.code, claimCode: e.claimCode, recordId: srec.id, recordCode: (await s.record(srec.id)).code });

  secrets = [
    REPORTER.name, REPORTER.phone, REPORTER.organization, SUMMARY, NARRATIVE, tip.caseCode, tip.claimCode,
    SUBMITTER, '小明', '13900000000', '某社区', sv.data.node.title, sv.data.node.content, sug.suggestionCode, sug.claimCode,
    PAYEE.name, PAYEE.phone, PAYEE.idNumber, PAYEE.bankAccount,
  ];
});
afterAll(() => t?.close());

function expectNoIdentity(text: string) {
  for (const secret of secrets) expect(text, `response leaks ${secret}`).not.toContain(secret);
}

const STATUS = `query($c: String!) { rewardClaimStatus(claimCode: $c) { __typename ... on QueryRewardClaimStatusSuccess { data { recordCode status noticeEndsAt claimed grantedAt } } ... on Error { code message field } ... on RateLimitedError { retryAfterSeconds } } }`;
const CLAIM = `mutation($i: ClaimRewardInput!) { claimReward(input: $i) { __typename ... on ClaimRewardPayload { recordCodes } ... on Error { code message field } ... on RateLimitedError { retryAfterSeconds } } }`;
const OBJECT = `mutation($i: FileNoticeObjectionInput!) { fileNoticeObjection(input: $i) { __typename ... on FileNoticeObjectionPayload { received } ... on Error { code message field } ... on RateLimitedError { retryAfterSeconds } } }`;

async function typeFields(name: string) {
  const res = await s.pub(`query($n: String!) { __type(name: $n) { fields { name } } }`, { n: name });
  return res.data.__type.fields.map((f: any) => f.name).sort();
}

describe('the notice board', () => {
  it('shows no name, phone, organisation or case detail: a tip-off shows its record code only, a suggestion 王*', async () => {
    const board = await s.pub(`{ publicNotices { code kind nomineeMasked amount honourType standardName noticeStartsAt noticeEndsAt } }`);
    expect(board.errors).toBeUndefined();
    const notices = board.data.publicNotices;
    expect(notices).toContainEqual(expect.objectContaining({ code: tip.recordCode, kind: 'REPORT_REWARD', nomineeMasked: null, amount: 80000 }));
    expect(notices).toContainEqual(expect.objectContaining({ code: sug.recordCode, kind: 'SUGGESTION_REWARD', nomineeMasked: '王*', amount: 50000 }));
    expectNoIdentity(board.text);
    expect(await typeFields('PublicNotice')).toEqual(['amount', 'code', 'honourType', 'kind', 'nomineeMasked', 'noticeEndsAt', 'noticeStartsAt', 'standardName']);
  });
});

describe('the claim-code lookup', () => {
  it('an unknown code is NOT_FOUND', async () => {
    const res = await s.pub(STATUS, { c: 'GL-NOSUCHCODE' });
    expect(res.data.rewardClaimStatus).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'claimCode' });
  });

  it('a good code lists only recordCode, status, noticeEndsAt, claimed and grantedAt', async () => {
    const res = await s.pub(STATUS, { c: tip.claimCode });
    const data = res.data.rewardClaimStatus.data;
    expect(data).toEqual([{ recordCode: tip.recordCode, status: 'PUBLIC_NOTICE', noticeEndsAt: expect.any(String), claimed: false, grantedAt: null }]);
    expect(await typeFields('RewardClaimStatus')).toEqual(['claimed', 'grantedAt', 'noticeEndsAt', 'recordCode', 'status']);
    expectNoIdentity(res.text);
    // Lower-case and padded codes are the same code.
    const loose = await s.pub(STATUS, { c: ` ${tip.claimCode.toLowerCase()} ` });
    expect(loose.data.rewardClaimStatus.data[0].recordCode).toBe(tip.recordCode);
  });
});

describe('claiming and objecting', () => {
  it('claimReward answers only the record codes, never the details given', async () => {
    expect((await s.pub(CLAIM, { i: { claimCode: 'GL-NOSUCHCODE', ...PAYEE } })).data.claimReward).toMatchObject({ code: 'NOT_FOUND', field: 'claimCode' });
    const res = await s.pub(CLAIM, { i: { claimCode: tip.claimCode, ...PAYEE } });
    expect(res.data.claimReward).toEqual({ __typename: 'ClaimRewardPayload', recordCodes: [tip.recordCode] });
    expectNoIdentity(res.text);
    const status = await s.pub(STATUS, { c: tip.claimCode });
    expect(status.data.rewardClaimStatus.data[0]).toMatchObject({ claimed: true, status: 'PUBLIC_NOTICE' });
    expectNoIdentity(status.text);
    // Only the secretary reads the payee back.
    const payee = async (as: string) => (await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { payee { name bankAccount } } } }`, { id: tip.recordId }, await t.login(as))).data.node.payee;
    expect(await payee('secretary')).toEqual({ name: PAYEE.name, bankAccount: PAYEE.bankAccount });
    expect(await payee('supervisor')).toBeNull();
    expect(await payee('chair')).toBeNull();
  });

  it('fileNoticeObjection answers only that it was received', async () => {
    const res = await s.pub(OBJECT, { i: { recordCode: sug.recordCode, body: `我认识${SUBMITTER}，此建议非其首创` } });
    expect(res.data.fileNoticeObjection).toEqual({ __typename: 'FileNoticeObjectionPayload', received: true });
    expectNoIdentity(res.text);
    expect(res.text).not.toContain('此建议非其首创');
    const board = await s.pub(`{ publicNotices { code kind nomineeMasked amount honourType standardName noticeStartsAt noticeEndsAt } }`);
    expectNoIdentity(board.text);
  });
});

describe('rate limits on the public surface', () => {
  /** Sends up to 25 requests from one address; the index of the first RATE_LIMITED answer. */
  async function floodUntilLimited(send: (ip: string) => Promise<{ __typename: string; code?: string; retryAfterSeconds?: number }>) {
    const ip = '203.0.113.77';
    for (let i = 0; i < 25; i++) {
      const res = await send(ip);
      if (res.code === 'RATE_LIMITED') {
        expect(res.__typename).toBe('RateLimitedError');
        expect(res.retryAfterSeconds).toBeGreaterThan(0);
        return { at: i, ip };
      }
      expect(res.__typename).not.toBe('RateLimitedError');
    }
    return { at: -1, ip };
  }

  it('rewardClaimStatus, claimReward and fileNoticeObjection are limited per client address', async () => {
    const lookups = [
      (ip: string) => s.pub(STATUS, { c: 'GL-GUESS0000' }, ip).then((r) => r.data.rewardClaimStatus),
      (ip: string) => s.pub(CLAIM, { i: { claimCode: 'GL-GUESS0000', name: '某人' } }, ip).then((r) => r.data.claimReward),
      (ip: string) => s.pub(OBJECT, { i: { recordCode: 'RW2026-9999', body: '反复提交的异议内容' } }, ip).then((r) => r.data.fileNoticeObjection),
    ];
    for (const send of lookups) {
      const { at, ip } = await floodUntilLimited(send);
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(25);
      // Another address is still answered; the limited one again once the window has passed.
      expect((await send('203.0.113.78')).code).toBe('NOT_FOUND');
      expect((await send(ip)).code).toBe('RATE_LIMITED');
    }
    t.clock.advanceHours(1);
    for (const send of lookups) expect((await send('203.0.113.77')).code).toBe('NOT_FOUND');
  });
});

describe('rate limit on the notice board', () => {
  const BOARD = `{ publicNotices { code } }`;

  it('publicNotices answers the first N calls from one address in the window; call N+1 is RATE_LIMITED', async () => {
    const ip = '203.0.113.90';
    for (let i = 0; i < publicLimiter.limit; i++) {
      const res = await s.pub(BOARD, {}, ip);
      expect(res.errors, `call ${i + 1}`).toBeUndefined();
      expect(res.data.publicNotices.map((n: { code: string }) => n.code)).toContain(tip.recordCode);
    }
    const limited = await s.pub(BOARD, {}, ip);
    const extensions = limited.errors?.[0]?.extensions as { code?: string; retryAfterSeconds?: number } | undefined;
    expect(extensions?.code).toBe('RATE_LIMITED');
    expect(extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.data).toBeNull();
    expect(limited.text).not.toContain(tip.recordCode);
    // Another address is still answered; the limited one again once the window has passed.
    expect((await s.pub(BOARD, {}, '203.0.113.91')).errors).toBeUndefined();
    t.clock.advanceHours(Math.ceil(publicLimiter.windowMs / 3_600_000));
    expect((await s.pub(BOARD, {}, ip)).errors).toBeUndefined();
  });
});

describe('nothing else answers without a login', () => {
  it('only login, publicNotices, rewardClaimStatus, claimReward and fileNoticeObjection are public in the schema', () => {
    const open: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root) continue;
      for (const [name, field] of Object.entries(root.getFields())) {
        const scopes = (field.extensions as { pothosOptions?: { authScopes?: Record<string, unknown> } }).pothosOptions?.authScopes;
        if (scopes && typeof scopes === 'object' && scopes.public) open.push(`${root.name}.${name}`);
      }
    }
    expect(open.sort()).toEqual(['Mutation.claimReward', 'Mutation.fileNoticeObjection', 'Mutation.login', 'Query.publicNotices', 'Query.rewardClaimStatus']);
  });

  it('queries and mutations without a login are UNAUTHENTICATED', async () => {
    const calls: [string, string, Record<string, unknown>?][] = [
      ['rewardRecords', `{ rewardRecords(first: 5) { totalCount edges { node { id } } } }`],
      ['rewardBudget', `{ rewardBudget { total } }`],
      ['rewardStandards', `{ rewardStandards { id } }`],
      ['committeeConfig', `{ committeeConfig { noticeDays } }`],
      ['suggestions', `{ suggestions(first: 5) { totalCount } }`],
      ['cases', `{ cases(first: 5) { totalCount } }`],
      ['node', `query($id: ID!) { node(id: $id) { id } }`, { id: tip.recordId }],
      ['nominateReward', `mutation($i: NominateRewardInput!) { nominateReward(input: $i) { __typename } }`, { i: { kind: 'REPORT_REWARD', basisCaseId: tip.caseId, standardId: 'x', proposedAmount: 1, justification: '测试' } }],
      ['reviewReward', `mutation($i: ReviewRewardInput!) { reviewReward(input: $i) { __typename } }`, { i: { recordId: tip.recordId } }],
      ['castCommitteeVote', `mutation($i: CastCommitteeVoteInput!) { castCommitteeVote(input: $i) { __typename } }`, { i: { recordId: tip.recordId, decision: 'APPROVE', noConflict: true } }],
      ['startPublicNotice', `mutation($i: StartPublicNoticeInput!) { startPublicNotice(input: $i) { __typename } }`, { i: { recordId: tip.recordId } }],
      ['grantReward', `mutation($i: GrantRewardInput!) { grantReward(input: $i) { __typename } }`, { i: { recordId: tip.recordId, paymentReference: 'PAY-X' } }],
      ['revokeReward', `mutation($i: RevokeRewardInput!) { revokeReward(input: $i) { __typename } }`, { i: { recordId: tip.recordId, reason: '测试' } }],
      ['decideObjection', `mutation($i: DecideObjectionInput!) { decideObjection(input: $i) { __typename } }`, { i: { objectionId: '00000000-0000-0000-0000-000000000000', uphold: true, note: '测试' } }],
      ['setRewardBudget', `mutation($i: SetRewardBudgetInput!) { setRewardBudget(input: $i) { __typename } }`, { i: { year: 2026, total: 1 } }],
      ['submitSuggestion', `mutation($i: SubmitSuggestionInput!) { submitSuggestion(input: $i) { __typename } }`, { i: { title: '匿名建议', content: '匿名建议内容' } }],
    ];
    for (const [name, query, variables] of calls) {
      const res = await s.pub(query, variables);
      expect(res.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
      expect(res.data?.[name] ?? null, name).toBeNull();
    }
    // Nothing was changed by those calls.
    expect((await s.record(tip.recordId)).status).toBe('PUBLIC_NOTICE');
    expect((await s.budget()).total).toBe(50000000);
  });
});
