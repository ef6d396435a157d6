// Reward records (奖励记录) from nomination to grant: eligibility, a fair committee, public notice,
// claiming by claim code, and exactly-once grants within the year's budget.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { committeeConfig, committeeVotes, noticeObjections, payees, rewardRecords, rewardStandards } from '../../../schema/index.js';
import { REWARD_KINDS, VOTE_DECISIONS } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db.js';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { nextSequence } from '../../shared/codes.js';
import { addDays, beijingDay, beijingYear } from '../../shared/time.js';
import { parseInput } from '../../shared/validate.js';
import { recordAudit } from '../audit/service.js';
import { requireRole } from '../auth/service.js';
import { setting } from '../cases/deadlines.js';
import { commitBudget, releaseBudget, spendBudget } from './budget.js';
import { assertCaseQualifies, assertSuggestionQualifies, caseBasisFacts, committeeMembers, conflictedUsers, suggestionBasis } from './eligibility.js';
import { rewardMachine, type RewardAction } from './machine.js';
import { chooseMove, requireMove, requireMoveRole } from './moves.js';
import { workflow } from '../../shared/workflow.js';

export type RewardRow = typeof rewardRecords.$inferSelect;

const rewardFlow = workflow<RewardRow, RewardAction>({ table: rewardRecords, entity: 'RewardRecord', auditPrefix: 'reward', field: 'recordId', machine: rewardMachine });
const lockRecord = (tx: Tx, id: string, version?: number | null) => rewardFlow.lock(tx, id, version);
const move = (ctx: ServiceContext, tx: Tx, row: RewardRow, action: RewardAction, patch: Partial<typeof rewardRecords.$inferInsert> = {}, detail: Record<string, unknown> = {}) =>
  rewardFlow.move(ctx, tx, row, action, patch, { code: row.code, ...detail });

async function config(tx: Tx) {
  const [c] = await tx.select().from(committeeConfig).where(eq(committeeConfig.id, 1));
  if (!c) throw new NotFoundError('Committee configuration');
  return c;
}

const nominateInput = z.object({
  kind: z.enum(REWARD_KINDS),
  basisCaseId: z.string().uuid().nullish(),
  basisSuggestionId: z.string().uuid().nullish(),
  standardId: z.string().uuid(),
  proposedAmount: z.number().int().min(0),
  justification: z.string().trim().min(2, 'Say why').max(5000),
});

/** A supervisor nominates; the basis must qualify and the standard's version is bound now. */
export async function nominateReward(ctx: ServiceContext, raw: z.input<typeof nominateInput>) {
  requireRole(ctx.viewer, 'SUPERVISOR');
  const input = parseInput(nominateInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [standard] = await tx.select().from(rewardStandards).where(eq(rewardStandards.id, input.standardId));
    if (!standard || standard.status !== 'ACTIVE') throw new NotFoundError('Active reward standard', 'standardId');
    if (standard.kind !== input.kind) throw new ValidationError(`Standard ${standard.code} is for ${standard.kind}`, 'standardId');
    if (input.proposedAmount < standard.minAmount || input.proposedAmount > standard.maxAmount) {
      throw new ValidationError(`The amount must lie between ${standard.minAmount} and ${standard.maxAmount} fen`, 'proposedAmount');
    }
    let basis: { basisCaseId: string | null; basisMergeGroupId: string | null; basisSuggestionId: string | null; nomineeClaimCode: string };
    if (input.kind === 'REPORT_REWARD') {
      if (!input.basisCaseId) throw new ValidationError('A tip-off reward cites a case', 'basisCaseId');
      const facts = await caseBasisFacts(tx, input.basisCaseId);
      assertCaseQualifies(facts);
      basis = { basisCaseId: facts.caseId, basisMergeGroupId: facts.mergeGroupId, basisSuggestionId: null, nomineeClaimCode: facts.claimCode! };
    } else {
      if (!input.basisSuggestionId) throw new ValidationError('A suggestion reward cites a suggestion', 'basisSuggestionId');
      const s = await suggestionBasis(tx, input.basisSuggestionId);
      assertSuggestionQualifies(s);
      basis = { basisCaseId: null, basisMergeGroupId: null, basisSuggestionId: s.id, nomineeClaimCode: s.claimCode };
    }
    // Concurrent nominations of one basis and nominee queue here, so the check below sees the first one
    // (without the lock both pass it and the second hits the unique index as an unexpected error).
    const basisKey = `${basis.basisMergeGroupId ?? basis.basisSuggestionId}:${basis.nomineeClaimCode}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('reward_basis'), hashtext(${basisKey}))`);
    const duplicate = await tx
      .select({ code: rewardRecords.code })
      .from(rewardRecords)
      .where(and(
        basis.basisMergeGroupId ? eq(rewardRecords.basisMergeGroupId, basis.basisMergeGroupId) : eq(rewardRecords.basisSuggestionId, basis.basisSuggestionId!),
        eq(rewardRecords.nomineeClaimCode, basis.nomineeClaimCode),
        sql`${rewardRecords.status} <> 'REJECTED'`,
      ));
    if (duplicate.length) throw new ConflictError(`This basis already has reward ${duplicate[0]!.code}: one basis, one reward`, input.kind === 'REPORT_REWARD' ? 'basisCaseId' : 'basisSuggestionId');
    const year = beijingYear(now);
    const code = `RW${year}-${String(await nextSequence(tx, 'RW', `${year}-01-01`)).padStart(4, '0')}`;
    const [row] = await tx
      .insert(rewardRecords)
      .values({
        code, kind: input.kind, ...basis, standardId: standard.id, proposedAmount: input.proposedAmount, honourType: standard.honourType,
        justification: input.justification, year, nominatedById: ctx.viewer.id, createdAt: now, updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'reward.nominate', entity: 'RewardRecord', entityId: row!.id, fields: ['basis', 'standard', 'proposedAmount', 'justification'], detail: { code, standard: `${standard.code} v${standard.version}`, proposedAmount: input.proposedAmount } });
    return row!;
  });
}

export interface Eligibility {
  kind: string;
  caseStatus: string | null;
  leadOutcome: string | null;
  mandatoryReporter: boolean | null;
  earlierReports: string[];
  suggestionStatus: string | null;
  eligible: boolean;
  reason: string | null;
}

/** The secretary's audited basis read: exactly what eligibility needs, nothing more. */
export async function readEligibility(ctx: ServiceContext, tx: Tx, r: RewardRow): Promise<Eligibility> {
  let e: Eligibility;
  if (r.kind === 'REPORT_REWARD') {
    const f = await caseBasisFacts(tx, r.basisCaseId!);
    let reason: string | null = null;
    try {
      assertCaseQualifies(f);
    } catch (err) {
      reason = (err as Error).message;
    }
    e = { kind: r.kind, caseStatus: f.status, leadOutcome: f.leadOutcome, mandatoryReporter: f.mandatoryReporter, earlierReports: f.earlierReports, suggestionStatus: null, eligible: !reason, reason };
  } else {
    const s = await suggestionBasis(tx, r.basisSuggestionId!);
    const eligible = s.status === 'EFFECTIVE';
    e = { kind: r.kind, caseStatus: null, leadOutcome: null, mandatoryReporter: null, earlierReports: [], suggestionStatus: s.status, eligible, reason: eligible ? null : `Suggestion is ${s.status}` };
  }
  await recordAudit(tx, ctx, { action: 'reward.eligibility_read', entity: 'RewardRecord', entityId: r.id, fields: ['basis.outcome', 'basis.mandatoryReporter', 'basis.mergeGroup'] });
  return e;
}

const reviewInput = z.object({ recordId: z.string().uuid(), version: z.number().int().nullish(), eligible: z.boolean().nullish(), note: z.string().trim().max(2000).default('') });

/**
 * The secretary's review: the first call opens it (NOMINATED → UNDER_REVIEW) and returns the audited
 * eligibility facts; the second records the finding (→ IN_COMMITTEE or REJECTED). A record flagged
 * because its basis case was reopened is re-reviewed here: found eligible clears the flag.
 */
export async function reviewReward(ctx: ServiceContext, raw: z.input<typeof reviewInput>) {
  requireMoveRole(ctx, 'REVIEW');
  const input = parseInput(reviewInput, raw);
  return ctx.db.transaction(async (tx) => {
    let r = await lockRecord(tx, input.recordId, input.version);
    await requireMove(ctx, tx, r, 'REVIEW');
    const eligibility = await readEligibility(ctx, tx, r);
    if (r.flaggedForReview && r.status !== 'NOMINATED' && r.status !== 'UNDER_REVIEW' && input.eligible != null) {
      // Clearing the flag is a finding of eligibility: the basis must qualify again (e.g. the case closed again).
      if (input.eligible && !eligibility.eligible) throw new ConflictError(`Not eligible: ${eligibility.reason}`, 'eligible');
      r = input.eligible
        ? await (async () => {
            const [u] = await tx.update(rewardRecords).set({ flaggedForReview: false, version: sql`${rewardRecords.version} + 1` }).where(eq(rewardRecords.id, r.id)).returning();
            await recordAudit(tx, ctx, { action: 'reward.flag_cleared', entity: 'RewardRecord', entityId: r.id, detail: { note: input.note } });
            return u!;
          })()
        : await rejectAndRelease(ctx, tx, r, 'withdrawFlagged', { note: input.note });
      return { record: r, eligibility };
    }
    if (r.status === 'NOMINATED') r = await move(ctx, tx, r, 'startReview', { reviewedById: ctx.viewer.id });
    if (input.eligible == null) return { record: r, eligibility };
    if (input.eligible && !eligibility.eligible) throw new ConflictError(`Not eligible: ${eligibility.reason}`, 'eligible');
    r = await move(ctx, tx, r, input.eligible ? 'findEligible' : 'findIneligible', { reviewedById: ctx.viewer.id, reviewedAt: ctx.clock.now(), reviewNote: input.note || null, flaggedForReview: false });
    return { record: r, eligibility };
  });
}

async function rejectAndRelease(ctx: ServiceContext, tx: Tx, r: RewardRow, action: RewardAction, detail: Record<string, unknown>) {
  const committed = ['AWAITING_SECOND_APPROVAL', 'APPROVED', 'PUBLIC_NOTICE'].includes(r.status) && r.finalAmount != null;
  if (committed) await releaseBudget(tx, r.year, r.finalAmount!);
  return move(ctx, tx, r, action, {}, { ...detail, released: committed ? r.finalAmount : 0 });
}

export interface Tally {
  eligibleMembers: number;
  quorumNeeded: number;
  voted: number;
  recused: number;
  approve: number;
  reject: number;
  abstain: number;
  quorumMet: boolean;
  majorityApproves: boolean;
}

/** Quorum counts eligible members (not conflicted); the majority is of approve + reject. */
export async function tally(tx: Tx, r: RewardRow): Promise<Tally & { conflicted: Set<string> }> {
  const cfg = await config(tx);
  const conflicted = await conflictedUsers(tx, r);
  const members = (await committeeMembers(tx)).filter((m) => !conflicted.has(m.id));
  const votes = await tx.select().from(committeeVotes).where(and(eq(committeeVotes.recordId, r.id), eq(committeeVotes.round, r.round)));
  const counted = votes.filter((v) => !v.recused && members.some((m) => m.id === v.memberId));
  const count = (d: string) => counted.filter((v) => v.decision === d).length;
  const quorumNeeded = Math.max(1, Math.ceil((members.length * cfg.quorumPercent) / 100));
  const approve = count('APPROVE');
  const reject = count('REJECT');
  return {
    conflicted, eligibleMembers: members.length, quorumNeeded, voted: counted.length, recused: votes.filter((v) => v.recused).length,
    approve, reject, abstain: count('ABSTAIN'), quorumMet: counted.length >= quorumNeeded,
    majorityApproves: approve * 100 > (approve + reject) * cfg.majorityPercent,
  };
}

const voteInput = z.object({
  recordId: z.string().uuid(),
  decision: z.enum(VOTE_DECISIONS).nullish(),
  recuse: z.boolean().default(false),
  noConflict: z.boolean().default(false),
  comment: z.string().trim().max(2000).default(''),
});

/** Each eligible member affirms "no conflict" and votes, or recuses. Conflicted members cannot vote. */
export async function castCommitteeVote(ctx: ServiceContext, raw: z.input<typeof voteInput>) {
  requireMoveRole(ctx, 'VOTE');
  const input = parseInput(voteInput, raw);
  if (!input.recuse && !input.decision) throw new ValidationError('Vote APPROVE, REJECT or ABSTAIN, or recuse', 'decision');
  if (!input.recuse && !input.noConflict) throw new ValidationError('Affirm that you have no conflict of interest, or recuse', 'noConflict');
  return ctx.db.transaction(async (tx) => {
    const r = await lockRecord(tx, input.recordId);
    await requireMove(ctx, tx, r, 'VOTE');
    if (!input.recuse && (await conflictedUsers(tx, r)).has(ctx.viewer.id!)) {
      throw new ForbiddenError('You nominated, reviewed or handled this basis: you may only recuse', 'decision');
    }
    const [vote] = await tx
      .insert(committeeVotes)
      .values({ recordId: r.id, memberId: ctx.viewer.id!, round: r.round, decision: input.recuse ? null : input.decision!, recused: input.recuse, noConflictAffirmed: !input.recuse && input.noConflict, comment: input.comment, createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (!vote) throw new ConflictError('You have already voted or recused on this record in this round');
    await recordAudit(tx, ctx, { action: input.recuse ? 'reward.recuse' : 'reward.vote', entity: 'RewardRecord', entityId: r.id, detail: { code: r.code, round: r.round, decision: vote.decision } });
    return vote;
  });
}

const finalizeInput = z.object({ recordId: z.string().uuid(), version: z.number().int().nullish(), finalAmount: z.number().int().min(0).nullish(), approve: z.boolean().nullish(), note: z.string().trim().max(2000).default('') });

/**
 * The chair finalizes once quorum and majority are met, recording the committee's amount (within the
 * standard's range) and committing it against the year's budget; over the threshold a second approval
 * follows. On AWAITING_SECOND_APPROVAL the same call gives (approve) or refuses the second approval.
 */
export async function finalizeRewardDecision(ctx: ServiceContext, raw: z.input<typeof finalizeInput>) {
  requireMoveRole(ctx, 'FINALIZE', 'SECOND_APPROVAL');
  const input = parseInput(finalizeInput, raw);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRecord(tx, input.recordId, input.version);
    if ((await chooseMove(ctx, tx, r, ['FINALIZE', 'SECOND_APPROVAL'])) === 'SECOND_APPROVAL') {
      if (input.approve == null) throw new ValidationError('Give or refuse the second approval', 'approve');
      if (input.approve) return move(ctx, tx, r, 'secondApprove', { secondApprovedById: ctx.viewer.id }, { note: input.note });
      return rejectAndRelease(ctx, tx, r, 'secondReject', { note: input.note });
    }
    const t = await tally(tx, r);
    if (!t.quorumMet) throw new ConflictError(`No quorum: ${t.voted} of ${t.eligibleMembers} eligible members voted, ${t.quorumNeeded} needed`);
    const decided = { tally: { approve: t.approve, reject: t.reject, abstain: t.abstain, recused: t.recused, eligible: t.eligibleMembers } };
    if (!t.majorityApproves) return move(ctx, tx, r, 'reject', { finalizedById: ctx.viewer.id, finalizedAt: ctx.clock.now() }, decided);
    const [standard] = await tx.select().from(rewardStandards).where(eq(rewardStandards.id, r.standardId));
    const amount = input.finalAmount ?? r.proposedAmount;
    if (amount < standard!.minAmount || amount > standard!.maxAmount) {
      throw new ValidationError(`The final amount must lie within standard ${standard!.code} v${standard!.version}: ${standard!.minAmount}–${standard!.maxAmount} fen`, 'finalAmount');
    }
    await commitBudget(tx, r.year, amount);
    const cfg = await config(tx);
    const action = amount > cfg.secondApprovalThreshold ? 'approvePendingSecond' : 'approve';
    return move(ctx, tx, r, action, { finalAmount: amount, finalizedById: ctx.viewer.id, finalizedAt: ctx.clock.now() }, { ...decided, finalAmount: amount });
  });
}

const noticeInput = z.object({ recordId: z.string().uuid(), version: z.number().int().nullish(), days: z.number().int().min(0).max(90).nullish() });

/** 公示: at least the configured days. */
export async function startPublicNotice(ctx: ServiceContext, raw: z.input<typeof noticeInput>) {
  requireMoveRole(ctx, 'START_NOTICE');
  const input = parseInput(noticeInput, raw);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRecord(tx, input.recordId, input.version);
    await requireMove(ctx, tx, r, 'START_NOTICE');
    const cfg = await config(tx);
    if (input.days != null && input.days < cfg.noticeDays) throw new ValidationError(`A notice lasts at least ${cfg.noticeDays} days`, 'days');
    const now = ctx.clock.now();
    const days = input.days ?? cfg.noticeDays;
    return move(ctx, tx, r, 'startNotice', { noticeStartsAt: now, noticeEndsAt: new Date(now.getTime() + days * 86_400_000) }, { days });
  });
}

const objectionInput = z.object({ recordCode: z.string().trim().max(30), body: z.string().trim().min(5, 'Say what is wrong').max(2000) });

/** Anyone may object during the notice (no login; rate-limited at the API). */
export async function fileNoticeObjection(ctx: ServiceContext, raw: z.input<typeof objectionInput>) {
  const input = parseInput(objectionInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(rewardRecords).where(eq(rewardRecords.code, input.recordCode.toUpperCase())).for('update');
    if (!r || r.status !== 'PUBLIC_NOTICE' || !r.noticeStartsAt || !r.noticeEndsAt || now < r.noticeStartsAt || now > r.noticeEndsAt) {
      throw new NotFoundError('Reward under public notice', 'recordCode');
    }
    const [o] = await tx.insert(noticeObjections).values({ recordId: r.id, round: r.round, body: input.body, filedAt: now }).returning();
    await recordAudit(tx, ctx, { action: 'reward.objection_filed', entity: 'RewardRecord', entityId: r.id, detail: { code: r.code } });
    return o!;
  });
}

const decideObjectionInput = z.object({ objectionId: z.string().uuid(), uphold: z.boolean(), note: z.string().trim().min(2, 'Give the reason').max(2000) });

/** Dismissed, or upheld: the record returns to the committee with its votes cleared (a new round). */
export async function decideObjection(ctx: ServiceContext, raw: z.input<typeof decideObjectionInput>) {
  requireRole(ctx.viewer, 'REWARD_SECRETARY');
  const input = parseInput(decideObjectionInput, raw);
  return ctx.db.transaction(async (tx) => {
    const [o] = await tx.select().from(noticeObjections).where(eq(noticeObjections.id, input.objectionId)).for('update');
    if (!o) throw new NotFoundError('Objection', 'objectionId');
    if (o.status !== 'PENDING') throw new InvalidTransitionError('Objection', 'decide', o.status);
    const now = ctx.clock.now();
    const [decided] = await tx
      .update(noticeObjections)
      .set({ status: input.uphold ? 'UPHELD' : 'DISMISSED', decidedById: ctx.viewer.id, decidedAt: now, decisionNote: input.note, version: sql`${noticeObjections.version} + 1` })
      .where(eq(noticeObjections.id, o.id))
      .returning();
    const r = await lockRecord(tx, o.recordId);
    await recordAudit(tx, ctx, { action: input.uphold ? 'reward.objection_upheld' : 'reward.objection_dismissed', entity: 'RewardRecord', entityId: r.id, detail: { note: input.note } });
    if (input.uphold) {
      if (r.finalAmount != null) await releaseBudget(tx, r.year, r.finalAmount);
      await move(ctx, tx, r, 'upholdObjection', { round: r.round + 1, finalAmount: null, finalizedById: null, finalizedAt: null, secondApprovedById: null, noticeStartsAt: null, noticeEndsAt: null }, { released: r.finalAmount });
    }
    return decided!;
  });
}

const claimInput = z.object({
  claimCode: z.string().trim().max(40),
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().max(30).nullish(),
  idNumber: z.string().trim().max(30).nullish(),
  bankName: z.string().trim().max(100).nullish(),
  bankAccount: z.string().trim().max(50).nullish(),
});

/** The claim-code holder gives payment details (kept with personal data). Answers only statuses. */
export async function claimReward(ctx: ServiceContext, raw: z.input<typeof claimInput>) {
  const input = parseInput(claimInput, raw);
  return ctx.db.transaction(async (tx) => {
    const records = await tx
      .select()
      .from(rewardRecords)
      .where(and(eq(rewardRecords.nomineeClaimCode, input.claimCode.toUpperCase()), sql`${rewardRecords.status} in ('APPROVED', 'AWAITING_SECOND_APPROVAL', 'PUBLIC_NOTICE')`));
    if (!records.length) throw new NotFoundError('Reward awaiting a claim for this code', 'claimCode');
    const retainUntil = addDays(beijingDay(ctx.clock.now()), 365 * (await setting(tx, 'retentionYears')));
    for (const r of records) {
      const details = { name: input.name, phone: input.phone ?? null, idNumber: input.idNumber ?? null, bankName: input.bankName ?? null, bankAccount: input.bankAccount ?? null, retainUntil, updatedAt: ctx.clock.now() };
      await tx.insert(payees).values({ recordId: r.id, ...details }).onConflictDoUpdate({ target: payees.recordId, set: details });
      await recordAudit(tx, ctx, { action: 'reward.claim', entity: 'RewardRecord', entityId: r.id, fields: ['payee'] });
    }
    return records;
  });
}

const grantInput = z.object({ recordId: z.string().uuid(), version: z.number().int().nullish(), paymentReference: z.string().trim().min(2).max(100), certificateNumber: z.string().trim().max(100).nullish() });

/** Exactly once: the row lock and the state check make a second grant an illegal transition. */
export async function grantReward(ctx: ServiceContext, raw: z.input<typeof grantInput>) {
  requireMoveRole(ctx, 'GRANT');
  const input = parseInput(grantInput, raw);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRecord(tx, input.recordId, input.version);
    await requireMove(ctx, tx, r, 'GRANT');
    const now = ctx.clock.now();
    if (!r.noticeEndsAt || now < r.noticeEndsAt) throw new ConflictError(`The public notice runs until ${r.noticeEndsAt?.toISOString()}`, 'recordId');
    const [pending] = await tx.select({ id: noticeObjections.id }).from(noticeObjections).where(and(eq(noticeObjections.recordId, r.id), eq(noticeObjections.status, 'PENDING')));
    if (pending) throw new ConflictError('An objection is pending', 'recordId');
    const [payee] = await tx.select({ id: payees.recordId }).from(payees).where(eq(payees.recordId, r.id));
    if (!payee) throw new ConflictError('Not claimed yet: the claim-code holder must give payment details', 'recordId');
    await spendBudget(tx, r.year, r.finalAmount!);
    return move(ctx, tx, r, 'grant', { grantReference: input.paymentReference, certificateNumber: input.certificateNumber ?? null, grantedById: ctx.viewer.id, grantedAt: now }, { amount: r.finalAmount });
  });
}

const revokeInput = z.object({ recordId: z.string().uuid(), reason: z.string().trim().min(2).max(2000).nullish(), recoverAmount: z.number().int().min(0).nullish() });

/** The secretary proposes a revocation (reason, amount to recover); the chair co-signs it. */
export async function revokeReward(ctx: ServiceContext, raw: z.input<typeof revokeInput>) {
  requireMoveRole(ctx, 'PROPOSE_REVOCATION', 'COSIGN_REVOCATION');
  const input = parseInput(revokeInput, raw);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRecord(tx, input.recordId);
    if ((await chooseMove(ctx, tx, r, ['PROPOSE_REVOCATION', 'COSIGN_REVOCATION'])) === 'PROPOSE_REVOCATION') {
      if (!input.reason) throw new ValidationError('Give the reason', 'reason');
      const recover = input.recoverAmount ?? 0;
      if (recover > (r.finalAmount ?? 0)) throw new ValidationError('Cannot recover more than was granted', 'recoverAmount');
      const [u] = await tx.update(rewardRecords).set({ revokedById: ctx.viewer.id, revokeReason: input.reason, recoverAmount: recover, version: sql`${rewardRecords.version} + 1` }).where(eq(rewardRecords.id, r.id)).returning();
      await recordAudit(tx, ctx, { action: 'reward.revoke_proposed', entity: 'RewardRecord', entityId: r.id, detail: { reason: input.reason, recoverAmount: recover } });
      return u!;
    }
    return move(ctx, tx, r, 'revoke', { revokeCosignedById: ctx.viewer.id, revokedAt: ctx.clock.now() }, { reason: r.revokeReason, recoverAmount: r.recoverAmount });
  });
}
