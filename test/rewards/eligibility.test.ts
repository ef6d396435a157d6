// Who may be nominated, under which standard, and the secretary's audited eligibility read — over HTTP.
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

const records = () => s.h.countRows('reward_records');
const nominateEvents = () => s.h.countRows('audit_events', sql`action = 'reward.nominate'`);

/** A nomination that must be refused with `code` on `field`, leaving no record and no audit event. */
async function refused(input: Record<string, unknown>, code: string, field: string, message?: RegExp) {
  const [rowsBefore, eventsBefore] = [await records(), await nominateEvents()];
  const res = await s.nominate(input);
  expect(res.code, JSON.stringify(res)).toBe(code);
  expect(res.field).toBe(field);
  if (message) expect(res.message).toMatch(message);
  expect(await records()).toBe(rowsBefore);
  expect(await nominateEvents()).toBe(eventsBefore);
  return res;
}

const ANONYMOUS = { anonymous: true, hasSafeContact: false };

describe('tip-off nominations: the basis must qualify', () => {
  it('refuses a case that is not CLOSED, and takes the same case once it is closed', async () => {
    const c = await s.h.dispatched('PSB-110105', { reply: true, input: { reporter: ANONYMOUS } });
    expect((await s.h.getCase(c.caseId)).status).toBe('REPLIED');
    const input = { kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: await s.standardId('RPT-L3'), proposedAmount: 20000 };
    const res = await refused(input, 'CONFLICT', 'basisCaseId', /REPLIED, not CLOSED/);
    expect(res.__typename).toBe('ConflictError');

    s.h.must(await s.h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: c.caseId, reason: '匿名来电，无法回访' }), 'Case', 'close');
    const ok = await s.nominate(input);
    expect(ok).toMatchObject({ __typename: 'RewardRecord', status: 'NOMINATED' });
  });

  it('refuses a case whose lead reply is NOT_SUBSTANTIATED', async () => {
    const c = await s.h.dispatched('PSB-110105', { accept: true, input: { reporter: ANONYMOUS } });
    s.h.must(await s.h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: c.dispatchId, result: '经核查未发现侵害', outcome: 'NOT_SUBSTANTIATED' }), 'Dispatch', 'reply');
    s.h.must(await s.h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: c.caseId, reason: '匿名来电，无法回访' }), 'Case', 'close');
    expect((await s.h.getCase(c.caseId)).status).toBe('CLOSED');
    await refused({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: await s.standardId('RPT-L3'), proposedAmount: 20000 }, 'CONFLICT', 'basisCaseId', /not SUBSTANTIATED/);
  });

  it('refuses a report by a mandatory reporter (who had a duty to report)', async () => {
    const c = await s.rewardableCase({ name: '刘老师', phone: '13711112222', organization: '某小学', relationToMinor: 'TEACHER', mandatoryReporter: true, hasSafeContact: false });
    expect((await s.h.getCase(c.caseId)).status).toBe('CLOSED');
    await refused({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: await s.standardId('RPT-L3'), proposedAmount: 20000 }, 'CONFLICT', 'basisCaseId', /mandatory reporter/);
    // The same path without the duty qualifies.
    const control = await s.rewardableCase({ name: '刘女士', phone: '13711113333', relationToMinor: 'NEIGHBOUR', hasSafeContact: false });
    expect((await s.nominate({ kind: 'REPORT_REWARD', basisCaseId: control.caseId, standardId: await s.standardId('RPT-L3'), proposedAmount: 20000 })).status).toBe('NOMINATED');
  });

  it('one violation, one merge group: a later duplicate merged into the earlier report is not a basis; the root is, once', async () => {
    const root = await s.rewardableCase();
    t.clock.advanceHours(1);
    const dup = s.h.must(await s.h.register({ reporter: { name: '赵先生', phone: '13622223333', relationToMinor: 'NEIGHBOUR', hasSafeContact: false } }), 'RegisterCasePayload', 'register duplicate');
    const merged = s.h.must(await s.h.mutate('supervisor', 'mergeCase', 'MergeCaseInput', { caseId: dup.case.id, intoCaseId: root.caseId, reason: '同一事件重复来电' }), 'Case', 'merge');
    expect(merged.status).toBe('MERGED');
    const rpt = await s.standardId('RPT-L3');
    await refused({ kind: 'REPORT_REWARD', basisCaseId: dup.case.id, standardId: rpt, proposedAmount: 20000 }, 'CONFLICT', 'basisCaseId', /MERGED, not CLOSED/);

    // The earlier report is the group's first: it qualifies, and its review shows no earlier report.
    const first = await s.nominate({ kind: 'REPORT_REWARD', basisCaseId: root.caseId, standardId: rpt, proposedAmount: 20000 });
    expect(first.status).toBe('NOMINATED');
    const review = await s.review(first.id);
    expect(review.eligibility).toMatchObject({ eligible: true, earlierReports: [] });

    // One basis, one reward per nominee — even under another standard.
    await refused({ kind: 'REPORT_REWARD', basisCaseId: root.caseId, standardId: await s.standardId('RPT-L2'), proposedAmount: 60000 }, 'CONFLICT', 'basisCaseId', /one basis, one reward/);
  });
});

describe('one basis, one reward, under concurrent nominations', () => {
  it('five nominations of one case at once: exactly one NOMINATED, the others CONFLICT', async () => {
    const c = await s.rewardableCase();
    const rpt = await s.standardId('RPT-L3');
    const before = await records();
    const results = await Promise.all(Array.from({ length: 5 }, () => s.nominate({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: rpt, proposedAmount: 20000 })));
    expect(results.filter((x) => x.status === 'NOMINATED')).toHaveLength(1);
    const refusedAll = results.filter((x) => x.__typename !== 'RewardRecord');
    expect(refusedAll).toHaveLength(4);
    for (const x of refusedAll) expect(x).toMatchObject({ code: 'CONFLICT', field: 'basisCaseId' });
    expect(await records()).toBe(before + 1);
  });

  it('five nominations of one suggestion at once: exactly one NOMINATED', async () => {
    const e = await s.effectiveSuggestion('郑某');
    const sug = await s.standardId('SUG-L3');
    const results = await Promise.all(Array.from({ length: 5 }, () => s.nominate({ kind: 'SUGGESTION_REWARD', basisSuggestionId: e.suggestionId, standardId: sug, proposedAmount: 10000 })));
    expect(results.filter((x) => x.status === 'NOMINATED')).toHaveLength(1);
    for (const x of results.filter((y) => y.__typename !== 'RewardRecord')) expect(x).toMatchObject({ code: 'CONFLICT', field: 'basisSuggestionId' });
  });
});

describe('suggestion nominations', () => {
  async function suggestionIn(target: 'ADOPTED' | 'INEFFECTIVE') {
    const sub = await s.call('operator', 'submitSuggestion', 'SubmitSuggestionInput', { title: '增设心理咨询热线', content: '在学校设立心理咨询热线', submitter: { name: '周某', phone: '13912340000' } }, `... on SubmitSuggestionPayload { suggestion { id } }`);
    const id = sub.suggestion.id;
    await s.call('supervisor', 'assignSuggestion', 'AssignSuggestionInput', { suggestionId: id, departmentId: await s.h.refId('Department', 'EDU-110108') }, `... on Suggestion { status }`);
    let last = await s.call('education', 'decideSuggestion', 'DecideSuggestionInput', { suggestionId: id, adopt: true, reply: '建议已采纳' }, `... on Suggestion { status }`);
    if (target === 'INEFFECTIVE') {
      await s.call('education', 'recordImplementation', 'RecordImplementationInput', { suggestionId: id, note: '已开通热线', reply: '已实施' }, `... on Suggestion { status }`);
      last = await s.call('education', 'assessSuggestionEffect', 'AssessSuggestionEffectInput', { suggestionId: id, effective: false, evidence: '来电量无明显变化', reply: '成效不明显' }, `... on Suggestion { status }`);
    }
    expect(last.status).toBe(target);
    return id as string;
  }

  it('is refused unless the suggestion is EFFECTIVE', async () => {
    const sug = await s.standardId('SUG-L3');
    for (const target of ['ADOPTED', 'INEFFECTIVE'] as const) {
      await refused({ kind: 'SUGGESTION_REWARD', basisSuggestionId: await suggestionIn(target), standardId: sug, proposedAmount: 10000 }, 'CONFLICT', 'basisSuggestionId', new RegExp(`${target}, not EFFECTIVE`));
    }
    const effective = await s.effectiveSuggestion('钱某');
    expect((await s.nominate({ kind: 'SUGGESTION_REWARD', basisSuggestionId: effective.suggestionId, standardId: sug, proposedAmount: 10000 })).status).toBe('NOMINATED');
  });

  it("a standard of the other kind cannot be cited", async () => {
    const effective = await s.effectiveSuggestion('孙某');
    await refused({ kind: 'SUGGESTION_REWARD', basisSuggestionId: effective.suggestionId, standardId: await s.standardId('RPT-L3'), proposedAmount: 10000 }, 'VALIDATION', 'standardId');
  });
});

describe('standards and amounts', () => {
  it("refuses an amount outside the standard's range (both ends), accepts the bounds", async () => {
    const rpt2 = await s.standardId('RPT-L2'); // 50000–200000 fen
    const c = await s.rewardableCase();
    await refused({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: rpt2, proposedAmount: 49999 }, 'VALIDATION', 'proposedAmount', /50000 and 200000/);
    await refused({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: rpt2, proposedAmount: 200001 }, 'VALIDATION', 'proposedAmount', /50000 and 200000/);
    const ok = await s.nominate({ kind: 'REPORT_REWARD', basisCaseId: c.caseId, standardId: rpt2, proposedAmount: 200000 });
    expect(ok).toMatchObject({ status: 'NOMINATED' });
  });

  it('an active standard is never edited: the same code becomes version 2 as a DRAFT; a retired one cannot be cited, a record under it keeps its version', async () => {
    const STD = `... on RewardStandard { id stdCode: code version status minAmount maxAmount criteria }`;
    const base = { code: 'RPT-TEST', kind: 'REPORT_REWARD', level: 'T', nameZh: '测试标准', nameEn: 'Test standard', honourType: 'COMMENDATION_LETTER', validFrom: '2026-01-01' };
    const v1 = await s.call('admin', 'createRewardStandard', 'CreateRewardStandardInput', { ...base, criteria: '第一版标准', minAmount: 1000, maxAmount: 9000 }, STD);
    expect(v1).toMatchObject({ __typename: 'RewardStandard', version: 1, status: 'DRAFT' });

    // A DRAFT cannot be cited.
    const c1 = await s.rewardableCase();
    await refused({ kind: 'REPORT_REWARD', basisCaseId: c1.caseId, standardId: v1.id, proposedAmount: 5000 }, 'NOT_FOUND', 'standardId');

    expect((await s.call('admin', 'activateRewardStandard', 'RewardStandardIdInput', { id: v1.id }, STD)).status).toBe('ACTIVE');
    const rec = await s.nominate({ kind: 'REPORT_REWARD', basisCaseId: c1.caseId, standardId: v1.id, proposedAmount: 5000 });
    expect(rec.status).toBe('NOMINATED');

    // No edit exists: the only ways to touch a standard are create, activate and retire.
    const mutations = await t.gql(`{ __type(name: "Mutation") { fields { name } } }`, {}, await t.login('admin'));
    expect(mutations.data.__type.fields.map((f: any) => f.name).filter((n: string) => /RewardStandard/.test(n)).sort()).toEqual(['activateRewardStandard', 'createRewardStandard', 'retireRewardStandard']);

    // The same code again is version 2, a DRAFT; version 1 is untouched.
    const v2 = await s.call('admin', 'createRewardStandard', 'CreateRewardStandardInput', { ...base, criteria: '第二版标准', minAmount: 20000, maxAmount: 30000 }, STD);
    expect(v2).toMatchObject({ __typename: 'RewardStandard', stdCode: 'RPT-TEST', version: 2, status: 'DRAFT' });
    const list = await t.gql(`{ rewardStandards { id code version status minAmount maxAmount criteria } }`, {}, await t.login('admin'));
    expect(list.data.rewardStandards.find((x: any) => x.id === v1.id)).toMatchObject({ version: 1, status: 'ACTIVE', minAmount: 1000, maxAmount: 9000, criteria: '第一版标准' });

    // Retired: it cannot be cited any more.
    expect((await s.call('admin', 'retireRewardStandard', 'RewardStandardIdInput', { id: v1.id }, STD)).status).toBe('RETIRED');
    const c2 = await s.rewardableCase();
    await refused({ kind: 'REPORT_REWARD', basisCaseId: c2.caseId, standardId: v1.id, proposedAmount: 5000 }, 'NOT_FOUND', 'standardId');

    // The record nominated before keeps version 1, and version 1's range governs its final amount.
    const view = await s.record(rec.id);
    expect(view.standard).toMatchObject({ id: v1.id, code: 'RPT-TEST', version: 1, status: 'RETIRED', minAmount: 1000, maxAmount: 9000 });
    await s.review(rec.id);
    expect((await s.review(rec.id, true)).record.status).toBe('IN_COMMITTEE');
    for (const m of ['member1', 'member2', 'member3']) await s.vote(m, rec.id, 'APPROVE');
    expect((await s.finalize(rec.id, { finalAmount: 25000 })).field).toBe('finalAmount');
    expect(await s.finalize(rec.id, { finalAmount: 9000 })).toMatchObject({ status: 'APPROVED', finalAmount: 9000 });
  });
});

describe("the secretary's review", () => {
  const REVIEW = `... on ReviewRewardPayload { record { id status } eligibility { eligible reason caseStatus leadOutcome mandatoryReporter earlierReports suggestionStatus } }`;
  const readEvents = (id: string) => s.h.countRows('audit_events', sql`action = 'reward.eligibility_read' and entity_id = ${s.rawId(id)}`);

  it('only the secretary reviews; the review returns the eligibility facts and leaves a reward.eligibility_read event', async () => {
    const n = await s.nominated();
    for (const who of ['supervisor', 'chair', 'member1', 'admin', 'operator', 'analyst']) {
      const res = await s.call(who, 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId }, REVIEW);
      expect(res.code, who).toBe('FORBIDDEN');
    }
    expect(await readEvents(n.recordId)).toBe(0);
    expect((await s.record(n.recordId)).status).toBe('NOMINATED');

    const opened = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId }, REVIEW);
    expect(opened.record.status).toBe('UNDER_REVIEW');
    expect(opened.eligibility).toEqual({ eligible: true, reason: null, caseStatus: 'CLOSED', leadOutcome: 'SUBSTANTIATED', mandatoryReporter: false, earlierReports: [], suggestionStatus: null });
    expect(await readEvents(n.recordId)).toBe(1);
    const trail = await t.gql(`query($id: ID!) { node(id: $id) { ... on RewardRecord { trail { action actor } } } }`, { id: n.recordId }, await t.login('secretary'));
    expect(trail.data.node.trail.map((e: any) => e.action)).toContain('reward.eligibility_read');

    const found = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId, eligible: true }, REVIEW);
    expect(found.record.status).toBe('IN_COMMITTEE');
    expect(await readEvents(n.recordId)).toBe(2);
  });

  it('a suggestion basis reads the suggestion status', async () => {
    const eff = await s.effectiveSuggestion('吴某');
    const rec = await s.nominate({ kind: 'SUGGESTION_REWARD', basisSuggestionId: eff.suggestionId, standardId: await s.standardId('SUG-L3'), proposedAmount: 10000 });
    const opened = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: rec.id }, REVIEW);
    expect(opened.eligibility).toMatchObject({ eligible: true, suggestionStatus: 'EFFECTIVE', caseStatus: null, leadOutcome: null });
    expect(await readEvents(rec.id)).toBe(1);
  });

  it('a basis that stopped qualifying (case reopened) cannot be found eligible; it can be found ineligible', async () => {
    const n = await s.nominated();
    s.h.must(await s.h.mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId: n.caseId, reason: '举报人再次来电', flagRewardForReview: true }), 'Case', 'reopen');
    const opened = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId }, REVIEW);
    expect(opened.eligibility).toMatchObject({ eligible: false, caseStatus: 'REOPENED' });
    expect(opened.eligibility.reason).toMatch(/REOPENED, not CLOSED/);
    const wrong = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId, eligible: true }, REVIEW);
    expect(wrong).toMatchObject({ code: 'CONFLICT', field: 'eligible' });
    expect((await s.record(n.recordId)).status).toBe('UNDER_REVIEW');
    const rejected = await s.call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId: n.recordId, eligible: false, note: '案件重办中' }, REVIEW);
    expect(rejected.record.status).toBe('REJECTED');
  });
});
