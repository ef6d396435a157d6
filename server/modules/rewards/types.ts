// GraphQL: reward standards, records (pseudonymised for the committee), votes, the budget, and the
// public surface (notices, objections, claims).
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { HonourTypeEnum, ObjectionStatusEnum, RewardKindEnum, RewardStatusEnum, StandardStatusEnum, VoteDecisionEnum } from '../../graphql/enums.js';
import { decodeId } from '../../graphql/ids.js';
import { groupBy, rowsByIds, visibleByIds } from '../../graphql/loaders.js';
import { cases, committeeConfig, committeeVotes, noticeObjections, payees, reporterIdentities, reporters, rewardStandards, suggestionSubmitters, users } from '../../../schema/index.js';
import type { Context } from '../../context.js';
import { RateLimiter } from '../../shared/rate-limit.js';
import { beijingYear } from '../../shared/time.js';
import { CaseRef } from '../cases/types.js';
import { SuggestionRef } from '../suggestions/types.js';
import { DistrictRef } from '../departments/types.js';
import { setRewardBudget, updateCommitteeConfig } from './admin.js';
import { listRewardStandards, activateRewardStandard, createRewardStandard, retireRewardStandard, type StandardRow } from './standards.js';
import {
  castCommitteeVote, claimReward, decideObjection, fileNoticeObjection, finalizeRewardDecision, grantReward, nominateReward,
  revokeReward, reviewReward, startPublicNotice, tally, type RewardRow,
} from './service.js';
import { availableRewardMoves, REWARD_MOVES, viewerVoted } from './moves.js';
import { listRewardRecords, nomineePseudonym, publicNotices, rewardBudget, rewardClaimStatus, rewardTrail, visibleRecordsByIds } from './queries.js';

const rewardReaders = { anyRole: ['SUPERVISOR', 'REWARD_SECRETARY', 'COMMITTEE_MEMBER', 'COMMITTEE_CHAIR'] } as const;
const budgetReaders = { anyRole: ['SUPERVISOR', 'REWARD_SECRETARY', 'COMMITTEE_MEMBER', 'COMMITTEE_CHAIR', 'ADMIN'] } as const;
const publicSurface = { public: true } as const;
// The no-login surface is rate-limited per client address.
export const publicLimiter = new RateLimiter(20, 60_000);
const clientKey = (ctx: Context) => ctx.clientAddress ?? 'unknown';

export const RewardStandardRef = builder.loadableNode('RewardStandard', {
  description: 'A published reward rule (奖励标准), versioned; an active version is never edited.',
  id: { resolve: (s: StandardRow) => s.id },
  load: (ids: string[], ctx: Context) => rowsByIds<StandardRow>(ctx.db, rewardStandards, ids, 'RewardStandard'),
  fields: (t) => ({
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    kind: t.field({ type: RewardKindEnum, resolve: (s) => s.kind as never }),
    level: t.exposeString('level'),
    nameZh: t.exposeString('nameZh'),
    nameEn: t.exposeString('nameEn'),
    criteria: t.exposeString('criteria'),
    honourType: t.field({ type: HonourTypeEnum, resolve: (s) => s.honourType as never }),
    minAmount: t.exposeInt('minAmount', { description: 'Fen (分).' }),
    maxAmount: t.exposeInt('maxAmount', { description: 'Fen (分).' }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validTo: t.expose('validTo', { type: 'Date', nullable: true }),
    status: t.field({ type: StandardStatusEnum, resolve: (s) => s.status as never }),
  }),
});

const ConflictAttributes = builder.objectRef<{ districtId: string | null; organization: string | null; relation: string | null; ownerId: string; entity: string }>('NomineeConflictAttributes').implement({
  description: 'What a committee member needs to spot a conflict of interest, without the name.',
  fields: (t) => ({
    district: t.field({ type: DistrictRef, nullable: true, resolve: (a) => a.districtId }),
    relationToCase: t.exposeString('relation', { nullable: true }),
    organization: t.string({
      nullable: true,
      personalData: { kind: 'NOMINEE_ORGANIZATION', owner: (a: { ownerId: string; entity: string }) => ({ entity: a.entity, id: a.ownerId }) },
      resolve: (a) => a.organization,
    }),
  }),
});

const VoteRef = builder.objectRef<typeof committeeVotes.$inferSelect>('CommitteeVote').implement({
  fields: (t) => ({
    round: t.exposeInt('round'),
    decision: t.field({ type: VoteDecisionEnum, nullable: true, resolve: (v) => v.decision as never }),
    recused: t.exposeBoolean('recused'),
    noConflictAffirmed: t.exposeBoolean('noConflictAffirmed'),
    comment: t.exposeString('comment'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    member: t.string({
      description: 'The member (username).',
      resolve: async (v, _a, ctx) => (await ctx.db.select({ username: users.username }).from(users).where(eq(users.id, v.memberId)))[0]?.username ?? '',
    }),
  }),
});

const ObjectionRef = builder.objectRef<typeof noticeObjections.$inferSelect>('NoticeObjection').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    round: t.exposeInt('round'),
    body: t.exposeString('body'),
    status: t.field({ type: ObjectionStatusEnum, resolve: (o) => o.status as never }),
    filedAt: t.expose('filedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decisionNote: t.exposeString('decisionNote', { nullable: true }),
  }),
});

const TallyRef = builder.objectRef<Awaited<ReturnType<typeof tally>>>('CommitteeTally').implement({
  fields: (t) => ({
    eligibleMembers: t.exposeInt('eligibleMembers'),
    quorumNeeded: t.exposeInt('quorumNeeded'),
    voted: t.exposeInt('voted'),
    recused: t.exposeInt('recused'),
    approve: t.exposeInt('approve'),
    reject: t.exposeInt('reject'),
    abstain: t.exposeInt('abstain'),
    quorumMet: t.exposeBoolean('quorumMet'),
    majorityApproves: t.exposeBoolean('majorityApproves'),
  }),
});

const TrailEventRef = builder.objectRef<Awaited<ReturnType<typeof rewardTrail>>[number]>('RewardTrailEvent').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actorLabel'),
    action: t.exposeString('action'),
    detail: t.string({ nullable: true, resolve: (e) => (e.detail ? JSON.stringify(e.detail) : null) }),
  }),
});

const PayeeRef = builder.objectRef<typeof payees.$inferSelect>('Payee').implement({
  fields: (t) => {
    const field = (key: 'name' | 'phone' | 'idNumber' | 'bankName' | 'bankAccount') =>
      t.string({ nullable: true, personalData: { kind: 'PAYEE', owner: (p: typeof payees.$inferSelect) => ({ entity: 'RewardRecord', id: p.recordId }) }, resolve: (p) => p[key] });
    return { name: field('name'), phone: field('phone'), idNumber: field('idNumber'), bankName: field('bankName'), bankAccount: field('bankAccount') };
  },
});

export const RewardRecordRef = builder.loadableNode('RewardRecord', {
  description: 'One commendation (奖励记录), from nomination to grant.',
  id: { resolve: (r: RewardRow) => r.id },
  load: (ids: string[], ctx: Context) => visibleByIds(ids, 'RewardRecord', (valid) => visibleRecordsByIds(ctx, valid)),
  fields: (t) => ({
    code: t.exposeString('code'),
    kind: t.field({ type: RewardKindEnum, resolve: (r) => r.kind as never }),
    status: t.field({ type: RewardStatusEnum, resolve: (r) => r.status as never }),
    year: t.exposeInt('year'),
    round: t.exposeInt('round', { description: 'Committee round: an upheld objection starts a new one with the votes cleared.' }),
    standard: t.field({ type: RewardStandardRef, description: 'The version bound at nomination.', resolve: (r) => r.standardId }),
    proposedAmount: t.exposeInt('proposedAmount'),
    finalAmount: t.exposeInt('finalAmount', { nullable: true }),
    honourType: t.field({ type: HonourTypeEnum, resolve: (r) => r.honourType as never }),
    justification: t.exposeString('justification'),
    nomineePseudonym: t.string({ resolve: (r) => nomineePseudonym(r) }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
    noticeStartsAt: t.expose('noticeStartsAt', { type: 'DateTime', nullable: true }),
    noticeEndsAt: t.expose('noticeEndsAt', { type: 'DateTime', nullable: true }),
    grantReference: t.exposeString('grantReference', { nullable: true }),
    certificateNumber: t.exposeString('certificateNumber', { nullable: true }),
    grantedAt: t.expose('grantedAt', { type: 'DateTime', nullable: true }),
    revokeReason: t.exposeString('revokeReason', { nullable: true }),
    recoverAmount: t.exposeInt('recoverAmount', { nullable: true }),
    flaggedForReview: t.exposeBoolean('flaggedForReview'),
    flagReason: t.exposeString('flagReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    version: t.exposeInt('version'),
    basisCase: t.field({ type: CaseRef, nullable: true, description: 'Visible to roles that may see cases.', resolve: (r) => r.basisCaseId, authScopes: { anyRole: ['SUPERVISOR', 'OPERATOR'] }, unauthorizedResolver: () => null }),
    basisSuggestion: t.field({ type: SuggestionRef, nullable: true, resolve: (r) => r.basisSuggestionId, authScopes: { anyRole: ['SUPERVISOR', 'OPERATOR'] }, unauthorizedResolver: () => null }),
    conflictAttributes: t.field({
      type: ConflictAttributes,
      resolve: async (r, _a, ctx) => {
        if (r.basisCaseId) {
          const [row] = await ctx.db
            .select({ districtId: cases.districtId, relation: reporters.relationToMinor, organization: reporterIdentities.organization, reporterId: reporters.id })
            .from(cases).leftJoin(reporters, eq(reporters.id, cases.reporterId)).leftJoin(reporterIdentities, eq(reporterIdentities.reporterId, reporters.id))
            .where(eq(cases.id, r.basisCaseId));
          return { districtId: row?.districtId ?? null, relation: row?.relation ?? null, organization: row?.organization ?? null, ownerId: row?.reporterId ?? r.id, entity: 'Reporter' };
        }
        const [s] = await ctx.db.select({ organization: suggestionSubmitters.organization }).from(suggestionSubmitters).where(eq(suggestionSubmitters.suggestionId, r.basisSuggestionId!));
        return { districtId: null, relation: null, organization: s?.organization ?? null, ownerId: r.basisSuggestionId!, entity: 'Suggestion' };
      },
    }),
    tally: t.field({ type: TallyRef, resolve: (r, _a, ctx) => ctx.db.transaction((tx) => tally(tx, r)) }),
    myVoteCast: t.boolean({
      description: 'Has the viewer voted or recused in the current round?',
      // One read for the whole inbox, shared with availableActions.
      resolve: (r, _a, ctx) => viewerVoted(ctx, r),
    }),
    votes: t.loadableList({
      type: VoteRef,
      load: async (ids: string[], ctx: Context) => groupBy(ids, await ctx.db.select().from(committeeVotes).where(inArray(committeeVotes.recordId, ids)).orderBy(committeeVotes.createdAt), (v) => v.recordId),
      resolve: (r) => r.id,
    }),
    objections: t.loadableList({
      type: ObjectionRef,
      load: async (ids: string[], ctx: Context) => groupBy(ids, await ctx.db.select().from(noticeObjections).where(inArray(noticeObjections.recordId, ids)).orderBy(noticeObjections.filedAt), (o) => o.recordId),
      resolve: (r) => r.id,
    }),
    trail: t.field({ type: [TrailEventRef], description: 'The decision trail: who did what, when, with which standard version.', resolve: (r, _a, ctx) => rewardTrail(ctx, r.id) }),
    payee: t.field({
      type: PayeeRef,
      nullable: true,
      authScopes: { role: 'REWARD_SECRETARY' },
      unauthorizedResolver: () => null,
      resolve: async (r, _a, ctx) => (await ctx.db.select().from(payees).where(eq(payees.recordId, r.id)))[0] ?? null,
    }),
  }),
});

const RewardMoveEnum = builder.enumType('RewardRecordAction', { values: REWARD_MOVES, description: 'A move on a reward record (see RewardRecord.availableActions).' });

builder.objectFields(RewardRecordRef, (t) => ({
  availableActions: t.field({
    type: [RewardMoveEnum],
    description: 'The moves the viewer may make on this record now, by the rules the moves themselves enforce. Waiting conditions (the notice still running, an objection pending, no claim, no quorum) are checked when the move is made.',
    resolve: (r, _a, ctx) => availableRewardMoves(ctx, r),
  }),
}));

const BudgetRef = builder.objectRef<Awaited<ReturnType<typeof rewardBudget>>>('RewardBudget').implement({
  fields: (t) => ({
    year: t.exposeInt('year'),
    total: t.exposeInt('total', { description: 'Fen (分).' }),
    committed: t.exposeInt('committed', { description: 'Finalized, not yet granted.' }),
    granted: t.exposeInt('granted'),
    remaining: t.exposeInt('remaining'),
    version: t.exposeInt('version'),
  }),
});

const CommitteeConfigRef = builder.objectRef<typeof committeeConfig.$inferSelect>('CommitteeConfig').implement({
  fields: (t) => ({
    quorumPercent: t.exposeInt('quorumPercent', { description: 'Share of eligible (not conflicted) members who must vote.' }),
    majorityPercent: t.exposeInt('majorityPercent', { description: 'Approvals must exceed this share of approve + reject.' }),
    noticeDays: t.exposeInt('noticeDays'),
    secondApprovalThreshold: t.exposeInt('secondApprovalThreshold', { description: 'Final amounts above this (fen) need a second approval.' }),
    version: t.exposeInt('version'),
  }),
});

const PublicNoticeRef = builder.objectRef<Awaited<ReturnType<typeof publicNotices>>[number]>('PublicNotice').implement({
  description: 'A reward under public notice (公示): no identity; a tip-off reward shows only its record code.',
  fields: (t) => ({
    code: t.exposeString('code'),
    kind: t.field({ type: RewardKindEnum, resolve: (n) => n.kind as never }),
    nomineeMasked: t.exposeString('nomineeMasked', { nullable: true, description: 'e.g. 王*; null for tip-off rewards.' }),
    amount: t.exposeInt('amount', { nullable: true }),
    honourType: t.field({ type: HonourTypeEnum, resolve: (n) => n.honourType as never }),
    standardName: t.exposeString('standardName'),
    noticeStartsAt: t.expose('noticeStartsAt', { type: 'DateTime' }),
    noticeEndsAt: t.expose('noticeEndsAt', { type: 'DateTime' }),
  }),
});

const ClaimStatusRef = builder.objectRef<Awaited<ReturnType<typeof rewardClaimStatus>>[number]>('RewardClaimStatus').implement({
  description: 'Where a reward stands, for the claim-code holder: nothing else.',
  fields: (t) => ({
    recordCode: t.exposeString('code'),
    status: t.field({ type: RewardStatusEnum, resolve: (s) => s.status as never }),
    noticeEndsAt: t.expose('noticeEndsAt', { type: 'DateTime', nullable: true }),
    claimed: t.exposeBoolean('claimed'),
    grantedAt: t.expose('grantedAt', { type: 'DateTime', nullable: true }),
  }),
});

const RewardFilter = builder.inputType('RewardRecordFilter', {
  fields: (t) => ({
    status: t.field({ type: [RewardStatusEnum] }),
    kind: t.field({ type: RewardKindEnum }),
    year: t.int(),
    pendingMyVote: t.boolean({ description: "The committee member's inbox: in committee, not yet voted or recused." }),
  }),
});

builder.queryFields((t) => ({
  rewardStandards: t.field({
    type: [RewardStandardRef],
    authScopes: { anyRole: ['SUPERVISOR', 'REWARD_SECRETARY', 'COMMITTEE_MEMBER', 'COMMITTEE_CHAIR', 'ADMIN'] },
    args: { kind: t.arg({ type: RewardKindEnum }), status: t.arg({ type: [StandardStatusEnum] }) },
    resolve: (_r, args, ctx) => listRewardStandards(ctx, { kind: args.kind, status: args.status as never }),
  }),
  rewardRecords: t.connection({
    type: RewardRecordRef,
    authScopes: rewardReaders,
    args: { filter: t.arg({ type: RewardFilter }) },
    resolve: (_r, args, ctx) => listRewardRecords(ctx, { ...args.filter, status: args.filter?.status as never }, args),
  }),
  rewardBudget: t.field({
    type: BudgetRef,
    authScopes: budgetReaders,
    args: { year: t.arg.int({ description: 'Defaults to this Beijing year.' }) },
    resolve: (_r, args, ctx) => rewardBudget(ctx, args.year ?? beijingYear(ctx.clock.now())),
  }),
  committeeConfig: t.field({
    type: CommitteeConfigRef,
    authScopes: budgetReaders,
    resolve: async (_r, _a, ctx) => (await ctx.db.select().from(committeeConfig).where(eq(committeeConfig.id, 1)))[0]!,
  }),
  publicNotices: t.field({
    type: [PublicNoticeRef],
    description: 'Rewards under public notice (公示). No login; rate-limited (a RATE_LIMITED error, with retryAfterSeconds in its extensions).',
    authScopes: publicSurface,
    resolve: (_r, _a, ctx) => {
      publicLimiter.check(`notices:${clientKey(ctx)}`, ctx.clock.now().getTime());
      return publicNotices(ctx);
    },
  }),
  rewardClaimStatus: t.field({
    type: [ClaimStatusRef],
    description: 'For the holder of a claim code: where their rewards stand. No login; rate-limited.',
    authScopes: publicSurface,
    errors: { directResult: false },
    args: { claimCode: t.arg.string({ required: true, validate: z.string().max(40) }) },
    resolve: (_r, { claimCode }, ctx) => {
      publicLimiter.check(`status:${clientKey(ctx)}`, ctx.clock.now().getTime());
      return rewardClaimStatus(ctx, claimCode);
    },
  }),
}));

const recordFields = (t: PothosSchemaTypes.InputFieldBuilder<any, 'InputObject'>) => ({ recordId: t.id({ required: true }), version: t.int() });
const rid = (input: { recordId?: unknown }) => decodeId(String(input.recordId), 'RewardRecord', 'recordId')!;

const CreateRewardStandardInput = builder.inputType('CreateRewardStandardInput', {
  fields: (t) => ({
    code: t.string({ required: true }), kind: t.field({ type: RewardKindEnum, required: true }), level: t.string({ required: true }),
    nameZh: t.string({ required: true }), nameEn: t.string({ required: true }), criteria: t.string({ required: true }),
    honourType: t.field({ type: HonourTypeEnum, required: true }), minAmount: t.int({ required: true }), maxAmount: t.int({ required: true }),
    validFrom: t.field({ type: 'Date', required: true }), validTo: t.field({ type: 'Date' }),
  }),
});
const StandardIdInput = builder.inputType('RewardStandardIdInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const NominateRewardInput = builder.inputType('NominateRewardInput', {
  fields: (t) => ({
    kind: t.field({ type: RewardKindEnum, required: true }), basisCaseId: t.id(), basisSuggestionId: t.id(),
    standardId: t.id({ required: true }), proposedAmount: t.int({ required: true, description: 'Fen (分).' }), justification: t.string({ required: true }),
  }),
});
const ReviewRewardInput = builder.inputType('ReviewRewardInput', {
  fields: (t) => ({ ...recordFields(t), eligible: t.boolean({ description: 'Omit to open the review and read the eligibility facts.' }), note: t.string() }),
});
const CastVoteInput = builder.inputType('CastCommitteeVoteInput', {
  fields: (t) => ({ recordId: t.id({ required: true }), decision: t.field({ type: VoteDecisionEnum }), recuse: t.boolean(), noConflict: t.boolean({ description: 'I affirm I have no conflict of interest.' }), comment: t.string() }),
});
const FinalizeInput = builder.inputType('FinalizeRewardDecisionInput', {
  fields: (t) => ({ ...recordFields(t), finalAmount: t.int({ description: "The committee's amount (fen), within the standard's range." }), approve: t.boolean({ description: 'For the second approval.' }), note: t.string() }),
});
const NoticeInput = builder.inputType('StartPublicNoticeInput', { fields: (t) => ({ ...recordFields(t), days: t.int() }) });
const ObjectionInput = builder.inputType('FileNoticeObjectionInput', { fields: (t) => ({ recordCode: t.string({ required: true }), body: t.string({ required: true }) }) });
const DecideObjectionInput = builder.inputType('DecideObjectionInput', { fields: (t) => ({ objectionId: t.id({ required: true }), uphold: t.boolean({ required: true }), note: t.string({ required: true }) }) });
const ClaimInput = builder.inputType('ClaimRewardInput', {
  fields: (t) => ({ claimCode: t.string({ required: true }), name: t.string({ required: true }), phone: t.string(), idNumber: t.string(), bankName: t.string(), bankAccount: t.string() }),
});
const GrantInput = builder.inputType('GrantRewardInput', { fields: (t) => ({ ...recordFields(t), paymentReference: t.string({ required: true }), certificateNumber: t.string() }) });
const RevokeInput = builder.inputType('RevokeRewardInput', { fields: (t) => ({ recordId: t.id({ required: true }), reason: t.string(), recoverAmount: t.int() }) });
const CommitteeConfigInput = builder.inputType('UpdateCommitteeConfigInput', {
  fields: (t) => ({ version: t.int(), quorumPercent: t.int({ required: true }), majorityPercent: t.int({ required: true }), noticeDays: t.int({ required: true }), secondApprovalThreshold: t.int({ required: true }) }),
});
const BudgetInput = builder.inputType('SetRewardBudgetInput', { fields: (t) => ({ year: t.int({ required: true }), total: t.int({ required: true }) }) });

const EligibilityRef = builder.objectRef<Awaited<ReturnType<typeof reviewReward>>['eligibility']>('RewardEligibility').implement({
  description: "The secretary's audited read of the basis: exactly what eligibility needs.",
  fields: (t) => ({
    eligible: t.exposeBoolean('eligible'),
    reason: t.exposeString('reason', { nullable: true }),
    caseStatus: t.exposeString('caseStatus', { nullable: true }),
    leadOutcome: t.exposeString('leadOutcome', { nullable: true }),
    mandatoryReporter: t.exposeBoolean('mandatoryReporter', { nullable: true }),
    earlierReports: t.exposeStringList('earlierReports', { description: 'Earlier reports in the merge group (the first reporter wins).' }),
    suggestionStatus: t.exposeString('suggestionStatus', { nullable: true }),
  }),
});
const ReviewPayload = builder.objectRef<Awaited<ReturnType<typeof reviewReward>>>('ReviewRewardPayload').implement({
  fields: (t) => ({ record: t.field({ type: RewardRecordRef, resolve: (p) => p.record }), eligibility: t.field({ type: EligibilityRef, resolve: (p) => p.eligibility }) }),
});
const ClaimPayload = builder.objectRef<{ records: { code: string; status: string }[] }>('ClaimRewardPayload').implement({
  fields: (t) => ({ recordCodes: t.stringList({ resolve: (p) => p.records.map((r) => r.code) }) }),
});

const secretary = { role: 'REWARD_SECRETARY' } as const;
const chair = { role: 'COMMITTEE_CHAIR' } as const;
const admin = { role: 'ADMIN' } as const;

builder.mutationFields((t) => ({
  createRewardStandard: t.field({ type: RewardStandardRef, authScopes: admin, errors: {}, args: { input: t.arg({ type: CreateRewardStandardInput, required: true }) }, resolve: (_r, { input }, ctx) => createRewardStandard(ctx, input) }),
  activateRewardStandard: t.field({ type: RewardStandardRef, authScopes: admin, errors: {}, args: { input: t.arg({ type: StandardIdInput, required: true }) }, resolve: (_r, { input }, ctx) => activateRewardStandard(ctx, decodeId(String(input.id), 'RewardStandard')!) }),
  retireRewardStandard: t.field({ type: RewardStandardRef, authScopes: admin, errors: {}, args: { input: t.arg({ type: StandardIdInput, required: true }) }, resolve: (_r, { input }, ctx) => retireRewardStandard(ctx, decodeId(String(input.id), 'RewardStandard')!) }),
  nominateReward: t.field({
    type: RewardRecordRef, authScopes: { role: 'SUPERVISOR' }, errors: {}, args: { input: t.arg({ type: NominateRewardInput, required: true }) },
    resolve: (_r, { input }, ctx) => nominateReward(ctx, {
      ...input, standardId: decodeId(String(input.standardId), 'RewardStandard', 'standardId')!,
      basisCaseId: decodeId(input.basisCaseId, 'Case', 'basisCaseId'), basisSuggestionId: decodeId(input.basisSuggestionId, 'Suggestion', 'basisSuggestionId'),
    }),
  }),
  reviewReward: t.field({ type: ReviewPayload, authScopes: secretary, errors: {}, args: { input: t.arg({ type: ReviewRewardInput, required: true }) }, resolve: (_r, { input }, ctx) => reviewReward(ctx, { ...input, recordId: rid(input), note: input.note ?? undefined }) }),
  castCommitteeVote: t.field({
    type: VoteRef, authScopes: { anyRole: ['COMMITTEE_MEMBER', 'COMMITTEE_CHAIR'] }, errors: {}, args: { input: t.arg({ type: CastVoteInput, required: true }) },
    resolve: (_r, { input }, ctx) => castCommitteeVote(ctx, { ...input, recordId: rid(input), recuse: input.recuse ?? undefined, noConflict: input.noConflict ?? undefined, comment: input.comment ?? undefined }),
  }),
  finalizeRewardDecision: t.field({ type: RewardRecordRef, authScopes: chair, errors: {}, args: { input: t.arg({ type: FinalizeInput, required: true }) }, resolve: (_r, { input }, ctx) => finalizeRewardDecision(ctx, { ...input, recordId: rid(input), note: input.note ?? undefined }) }),
  startPublicNotice: t.field({ type: RewardRecordRef, authScopes: secretary, errors: {}, args: { input: t.arg({ type: NoticeInput, required: true }) }, resolve: (_r, { input }, ctx) => startPublicNotice(ctx, { ...input, recordId: rid(input) }) }),
  fileNoticeObjection: t.field({
    type: builder.objectRef<{ id: string }>('FileNoticeObjectionPayload').implement({ fields: (f) => ({ received: f.boolean({ resolve: () => true }) }) }),
    description: 'Anyone may object to a reward under public notice. No login; rate-limited.',
    authScopes: publicSurface, errors: {}, args: { input: t.arg({ type: ObjectionInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      publicLimiter.check(`objection:${clientKey(ctx)}`, ctx.clock.now().getTime());
      return fileNoticeObjection(ctx, input);
    },
  }),
  decideObjection: t.field({ type: ObjectionRef, authScopes: secretary, errors: {}, args: { input: t.arg({ type: DecideObjectionInput, required: true }) }, resolve: (_r, { input }, ctx) => decideObjection(ctx, { ...input, objectionId: String(input.objectionId) }) }),
  claimReward: t.field({
    type: ClaimPayload, description: 'The claim-code holder gives payment details. No login; rate-limited.',
    authScopes: publicSurface, errors: {}, args: { input: t.arg({ type: ClaimInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      publicLimiter.check(`claim:${clientKey(ctx)}`, ctx.clock.now().getTime());
      return { records: await claimReward(ctx, input) };
    },
  }),
  grantReward: t.field({ type: RewardRecordRef, authScopes: secretary, errors: {}, args: { input: t.arg({ type: GrantInput, required: true }) }, resolve: (_r, { input }, ctx) => grantReward(ctx, { ...input, recordId: rid(input) }) }),
  revokeReward: t.field({
    type: RewardRecordRef, description: 'The secretary proposes (reason, amount to recover); the chair co-signs.',
    authScopes: { anyRole: ['REWARD_SECRETARY', 'COMMITTEE_CHAIR'] }, errors: {}, args: { input: t.arg({ type: RevokeInput, required: true }) },
    resolve: (_r, { input }, ctx) => revokeReward(ctx, { ...input, recordId: rid(input) }),
  }),
  updateCommitteeConfig: t.field({ type: CommitteeConfigRef, authScopes: admin, errors: {}, args: { input: t.arg({ type: CommitteeConfigInput, required: true }) }, resolve: (_r, { input }, ctx) => updateCommitteeConfig(ctx, input) }),
  setRewardBudget: t.field({ type: BudgetRef, authScopes: admin, errors: {}, args: { input: t.arg({ type: BudgetInput, required: true }) }, resolve: (_r, { input }, ctx) => setRewardBudget(ctx, input) }),
}));
