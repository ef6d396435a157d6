// Building blocks for reward tests over HTTP: an effective suggestion, a rewardable closed case, and
// each committee step.
import type { TestApp } from './app.js';
import { caseHelpers } from './cases.js';

export function rewardHelpers(t: TestApp) {
  const h = caseHelpers(t);

  async function call(as: string, name: string, inputType: string, input: Record<string, unknown>, selection: string) {
    const token = await t.login(as);
    const r = await t.gql(`mutation($i: ${inputType}!) { ${name}(input: $i) { __typename ${selection} ... on Error { code message field } } }`, { i: input }, token);
    if (r.errors) return { __typename: 'TopLevelError', code: r.errors[0]!.extensions?.code, message: r.errors[0]!.message };
    return r.data[name];
  }

  const RECORD = `... on RewardRecord { id status version round finalAmount noticeEndsAt }`;

  /** A suggestion submitted by the operator, evaluated by EDU-110108 and found EFFECTIVE. */
  async function effectiveSuggestion(submitterName = '王小明') {
    const sub = await call('operator', 'submitSuggestion', 'SubmitSuggestionInput', {
      title: '校门口设置护学岗', content: '上下学时段在校门口设置护学岗，减少校园周边欺凌', submitter: { name: submitterName, phone: '13900000000', organization: '某社区' },
    }, `... on SubmitSuggestionPayload { claimCode suggestion { id } }`);
    const id = sub.suggestion.id;
    await call('supervisor', 'assignSuggestion', 'AssignSuggestionInput', { suggestionId: id, departmentId: await h.refId('Department', 'EDU-110108') }, `... on Suggestion { status }`);
    await call('education', 'decideSuggestion', 'DecideSuggestionInput', { suggestionId: id, adopt: true, reply: '建议已采纳' }, `... on Suggestion { status }`);
    await call('education', 'recordImplementation', 'RecordImplementationInput', { suggestionId: id, note: '全区小学设护学岗', reply: '已实施' }, `... on Suggestion { status }`);
    const done = await call('education', 'assessSuggestionEffect', 'AssessSuggestionEffectInput', { suggestionId: id, effective: true, evidence: '周边欺凌来电下降', reply: '成效明显' }, `... on Suggestion { status }`);
    return { suggestionId: id as string, claimCode: sub.claimCode as string, status: done.status as string };
  }

  /** A tip-off case closed with a SUBSTANTIATED lead reply. */
  async function rewardableCase(reporter: Record<string, unknown> = { anonymous: true, hasSafeContact: false }) {
    const c = await h.dispatched('PSB-110105', { reply: true, input: { reporter } });
    await h.mutate('operator', 'closeCase', 'CloseCaseInput', { caseId: c.caseId, reason: '匿名来电，无法回访' });
    return c;
  }

  async function standardId(code: string) {
    const r = await t.gql(`{ rewardStandards { id code status } }`, {}, await t.login('supervisor'));
    return r.data.rewardStandards.find((s: any) => s.code === code && s.status === 'ACTIVE').id as string;
  }

  async function standards() {
    const r = await t.gql(`{ rewardStandards { id code kind minAmount maxAmount status } }`, {}, await t.login('supervisor'));
    return r.data.rewardStandards as { id: string; code: string; kind: string; minAmount: number; maxAmount: number; status: string }[];
  }

  const nominate = (input: Record<string, unknown>) => call('supervisor', 'nominateReward', 'NominateRewardInput', { justification: '线索重大', ...input }, RECORD);
  const review = (recordId: string, eligible?: boolean) =>
    call('secretary', 'reviewReward', 'ReviewRewardInput', { recordId, ...(eligible === undefined ? {} : { eligible }) }, `... on ReviewRewardPayload { record { id status } eligibility { eligible reason leadOutcome mandatoryReporter earlierReports } }`);
  const vote = (as: string, recordId: string, decision: string | null, extra: Record<string, unknown> = {}) =>
    call(as, 'castCommitteeVote', 'CastCommitteeVoteInput', { recordId, ...(decision ? { decision, noConflict: true } : {}), ...extra }, `... on CommitteeVote { decision recused round }`);
  const finalize = (recordId: string, extra: Record<string, unknown> = {}) => call('chair', 'finalizeRewardDecision', 'FinalizeRewardDecisionInput', { recordId, ...extra }, RECORD);
  const notice = (recordId: string) => call('secretary', 'startPublicNotice', 'StartPublicNoticeInput', { recordId }, RECORD);
  const grant = (recordId: string) => call('secretary', 'grantReward', 'GrantRewardInput', { recordId, paymentReference: 'PAY-2026-001', certificateNumber: 'CERT-001' }, RECORD);

  async function claim(claimCode: string) {
    const r = await t.gql(`mutation($i: ClaimRewardInput!) { claimReward(input: $i) { __typename ... on ClaimRewardPayload { recordCodes } ... on Error { code message } } }`, { i: { claimCode, name: '李四', bankName: '工商银行', bankAccount: '6222000000000000' } });
    return r.data?.claimReward ?? r;
  }

  /** Nominated → reviewed eligible → three votes → finalized → under notice. */
  async function throughCommittee(recordId: string, finalAmount?: number) {
    await review(recordId);
    await review(recordId, true);
    for (const m of ['member1', 'member2', 'member3']) await vote(m, recordId, 'APPROVE');
    await finalize(recordId, finalAmount === undefined ? {} : { finalAmount });
    return notice(recordId);
  }

  return { h, call, effectiveSuggestion, rewardableCase, standardId, standards, nominate, review, vote, finalize, notice, grant, claim, throughCommittee };
}
