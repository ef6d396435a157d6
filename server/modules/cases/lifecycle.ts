// The desk's moves on a case: follow-up (回访), close, reopen (重办), merge and invalidate.
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cases, dispatches, followUps, reporterIdentities, reporters, rewardRecords } from '../../../schema/index.js';
import { FOLLOW_UP_RESPONDENTS, SATISFACTIONS, type CaseStatus, type Urgency } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Queryable, Tx } from '../../db.js';
import { ConflictError, ForbiddenError, InvalidTransitionError, ValidationError } from '../../shared/errors.js';
import { publishDispatchEvent } from '../../shared/events.js';
import { parseInput } from '../../shared/validate.js';
import { OPEN_DISPATCH_STATUSES } from '../dispatch/machine.js';
import { isDesk, requireDesk } from './access.js';
import { caseMachine } from './machine.js';
import { hasRole } from '../auth/viewer.js';
import { deskDeadline } from './deadlines.js';
import { lockCase, moveCase, type CaseRow } from './workflow.js';

const ref = { caseId: z.string().uuid(), version: z.number().int().nullish() };
const reason = z.string().trim().min(2, 'A reason is required').max(1000);

const followUpInput = z.object({
  ...ref,
  respondent: z.enum(FOLLOW_UP_RESPONDENTS),
  resolved: z.boolean(),
  satisfaction: z.enum(SATISFACTIONS).nullish(),
  note: z.string().trim().max(2000).default(''),
  /** The caller confirms they used the reporter's safe way and time of contact. */
  safeContactObserved: z.boolean().default(false),
});

async function reporterOf(tx: Queryable, c: CaseRow) {
  if (!c.reporterId) return null;
  const [r] = await tx
    .select({ reporter: reporters, instructions: reporterIdentities.safeContactInstructions })
    .from(reporters)
    .leftJoin(reporterIdentities, eq(reporterIdentities.reporterId, reporters.id))
    .where(eq(reporters.id, c.reporterId));
  return r ?? null;
}

/**
 * Safe contact: a call to the family can endanger the child when a guardian is the suspected
 * perpetrator. The reporter's stated safe way is the only way; without one, no call is made.
 */
export async function recordFollowUp(ctx: ServiceContext, raw: z.input<typeof followUpInput>) {
  requireDesk(ctx.viewer);
  const input = parseInput(followUpInput, raw);
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, input.caseId, input.version);
    const rep = await reporterOf(tx, c);
    if (input.respondent === 'REPORTER') {
      if (!rep || rep.reporter.anonymous) throw new ForbiddenError('The reporter is anonymous: close the case without a follow-up call', 'respondent');
      if (!rep.reporter.hasSafeContact) throw new ForbiddenError('The reporter has no safe contact: close the case without a follow-up call', 'respondent');
      if (rep.instructions && !input.safeContactObserved) {
        throw new ValidationError("Confirm the call follows the reporter's safe-contact instructions", 'safeContactObserved');
      }
    }
    if (c.guardianInvolved && input.respondent === 'GUARDIAN') {
      throw new ForbiddenError('A guardian is involved in the harm: do not call the family', 'respondent');
    }
    const satisfied = input.resolved && input.satisfaction !== 'DISSATISFIED';
    const [fu] = await tx
      .insert(followUps)
      .values({ caseId: c.id, respondent: input.respondent, resolved: input.resolved, satisfaction: input.satisfaction ?? null, note: input.note, recordedById: ctx.viewer.id, createdAt: ctx.clock.now() })
      .returning();
    // Unresolved or dissatisfied: the case goes back for re-dispatch (重办), with a new desk deadline.
    const moved = satisfied
      ? await moveCase(ctx, tx, c, 'followUpResolved', {}, { respondent: input.respondent, resolved: true })
      : await reopenForRedispatch(ctx, tx, c, 'followUpUnresolved', { respondent: input.respondent, satisfaction: input.satisfaction ?? null });
    return { case: moved, followUp: fu! };
  });
}

async function reopenForRedispatch(ctx: ServiceContext, tx: Tx, c: CaseRow, action: 'followUpUnresolved' | 'reopen', detail: Record<string, unknown>, patch: Partial<CaseRow> = {}) {
  const now = ctx.clock.now();
  const moved = await moveCase(ctx, tx, c, action, { ...patch, dispatchBy: await deskDeadline(tx, c.urgency as Urgency, now), closedAt: null }, detail);
  const lead = await tx
    .select()
    .from(dispatches)
    .where(and(eq(dispatches.caseId, c.id), eq(dispatches.role, 'LEAD')))
    .orderBy(sql`${dispatches.round} desc`)
    .limit(1);
  if (lead[0]) {
    await publishDispatchEvent(tx, { kind: 'REOPENED', dispatchId: lead[0].id, caseId: c.id, departmentId: lead[0].departmentId, at: now.toISOString() });
  }
  return moved;
}

/** Why a case may close without a follow-up call (anonymous reporter, no safe contact), or null: call back. */
function noFollowUpResolution(rep: Awaited<ReturnType<typeof reporterOf>>) {
  return !rep || rep.reporter.anonymous ? ('ANONYMOUS_REPORTER' as const) : !rep.reporter.hasSafeContact ? ('NO_SAFE_CONTACT' as const) : null;
}

export type CaseActionName = 'DISPATCH' | 'RECORD_FOLLOW_UP' | 'CLOSE' | 'CLOSE_WITHOUT_FOLLOW_UP' | 'ANSWER_DIRECTLY' | 'REOPEN' | 'MERGE' | 'INVALIDATE';

/** The moves the viewer may make on the case now, by the same rules the moves themselves apply. */
export async function availableCaseActions(ctx: ServiceContext, c: CaseRow): Promise<CaseActionName[]> {
  if (!isDesk(ctx.viewer)) return [];
  const status = c.status as CaseStatus;
  const supervisor = hasRole(ctx.viewer, 'SUPERVISOR');
  const out: CaseActionName[] = [];
  if (caseMachine.can('dispatch', status)) out.push('DISPATCH');
  if (caseMachine.can('followUpResolved', status)) out.push('RECORD_FOLLOW_UP');
  if (caseMachine.can('closeWithoutFollowUp', status) && noFollowUpResolution(await reporterOf(ctx.db, c))) out.push('CLOSE_WITHOUT_FOLLOW_UP');
  if (caseMachine.can('close', status)) out.push('CLOSE');
  if (caseMachine.can('answerDirectly', status) && c.kind !== 'REPORT') out.push('ANSWER_DIRECTLY');
  if (supervisor && caseMachine.can('reopen', status)) out.push('REOPEN');
  if (supervisor && caseMachine.can('merge', status)) out.push('MERGE', 'INVALIDATE');
  return out;
}

const closeInput = z.object({ ...ref, reason: z.string().trim().max(2000).default('') });

/**
 * Close: after a follow-up; without one only when the reporter is anonymous or has no safe contact;
 * straight from intake for a consultation or help request answered on the call.
 */
export async function closeCase(ctx: ServiceContext, raw: z.input<typeof closeInput>) {
  requireDesk(ctx.viewer);
  const input = parseInput(closeInput, raw);
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, input.caseId, input.version);
    const closedAt = ctx.clock.now();
    if (c.status === 'RECEIVED') {
      if (c.kind === 'REPORT') throw new InvalidTransitionError('Case', 'answerDirectly (a report must be dispatched)', c.status);
      if (!input.reason) throw new ValidationError('Record the answer given on the call', 'reason');
      return moveCase(ctx, tx, c, 'answerDirectly', { resolution: 'ANSWERED_DIRECTLY', closeReason: input.reason, closedAt });
    }
    if (c.status === 'REPLIED') {
      const resolution = noFollowUpResolution(await reporterOf(tx, c));
      if (!resolution) throw new InvalidTransitionError('Case', 'close without a follow-up (the reporter can be called back safely)', c.status);
      if (!input.reason) throw new ValidationError('Record why the case closes without a follow-up', 'reason');
      const closed = await moveCase(ctx, tx, c, 'closeWithoutFollowUp', { resolution, closeReason: input.reason, closedAt });
      await withdrawOpenDispatches(ctx, tx, c.id, 'case closed');
      return closed;
    }
    const closed = await moveCase(ctx, tx, c, 'close', { resolution: 'FOLLOWED_UP', closeReason: input.reason || null, closedAt });
    // Assists still open when the case closes are withdrawn, so nothing closed shows as overdue work.
    await withdrawOpenDispatches(ctx, tx, c.id, 'case closed');
    return closed;
  });
}

const IN_PROGRESS_REWARD = ['NOMINATED', 'UNDER_REVIEW', 'IN_COMMITTEE', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'PUBLIC_NOTICE'];

const reopenInput = z.object({ ...ref, reason, flagRewardForReview: z.boolean().default(false) });

/** A supervisor reopens a closed case; a reward in progress on it must be flagged for review. */
export async function reopenCase(ctx: ServiceContext, raw: z.input<typeof reopenInput>) {
  requireDesk(ctx.viewer, true);
  const input = parseInput(reopenInput, raw);
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, input.caseId, input.version);
    const rewards = await tx
      .select({ id: rewardRecords.id, code: rewardRecords.code })
      .from(rewardRecords)
      .where(and(or(eq(rewardRecords.basisCaseId, c.id), eq(rewardRecords.basisMergeGroupId, c.mergeGroupId)), inArray(rewardRecords.status, IN_PROGRESS_REWARD)));
    if (rewards.length && c.status === 'CLOSED') {
      if (!input.flagRewardForReview) {
        throw new ConflictError(`Reward ${rewards.map((r) => r.code).join(', ')} cites this case: reopen it only with the reward flagged for review`, 'flagRewardForReview');
      }
      await tx
        .update(rewardRecords)
        .set({ flaggedForReview: true, flagReason: `Basis case reopened: ${input.reason}`, version: sql`${rewardRecords.version} + 1` })
        .where(inArray(rewardRecords.id, rewards.map((r) => r.id)));
    }
    return reopenForRedispatch(ctx, tx, c, 'reopen', { reason: input.reason, rewardsFlagged: rewards.length }, { statusReason: input.reason });
  });
}

async function withdrawOpenDispatches(ctx: ServiceContext, tx: Tx, caseId: string, why: string) {
  const now = ctx.clock.now();
  const open = await tx
    .update(dispatches)
    .set({ status: 'WITHDRAWN', withdrawnAt: now, withdrawReason: why, version: sql`${dispatches.version} + 1`, updatedAt: now })
    .where(and(eq(dispatches.caseId, caseId), inArray(dispatches.status, OPEN_DISPATCH_STATUSES)))
    .returning();
  for (const d of open) await publishDispatchEvent(tx, { kind: 'WITHDRAWN', dispatchId: d.id, caseId, departmentId: d.departmentId, at: now.toISOString() });
}

const mergeInput = z.object({ ...ref, intoCaseId: z.string().uuid(), reason });

/** Duplicate reports of one violation merge into the earliest report; the first reporter wins. */
export async function mergeCase(ctx: ServiceContext, raw: z.input<typeof mergeInput>) {
  requireDesk(ctx.viewer, true);
  const input = parseInput(mergeInput, raw);
  if (input.caseId === input.intoCaseId) throw new ValidationError('A case cannot merge into itself', 'intoCaseId');
  return ctx.db.transaction(async (tx) => {
    // Lock both in a fixed order so two crossing merges cannot deadlock.
    const [first, second] = [input.caseId, input.intoCaseId].sort();
    const locked = new Map([[first!, await lockCase(tx, first!)], [second!, await lockCase(tx, second!)]]);
    const c = locked.get(input.caseId)!;
    if (input.version != null && input.version !== c.version) await lockCase(tx, c.id, input.version);
    let target = locked.get(input.intoCaseId)!;
    // Always into the group's root: the earliest report.
    const [root] = await tx.select().from(cases).where(eq(cases.id, target.mergeGroupId));
    if (root) target = root;
    if (target.mergeGroupId === c.mergeGroupId) throw new ConflictError('These cases are already in one merge group', 'intoCaseId');
    const earlier = target.receivedAt < c.receivedAt || (target.receivedAt.getTime() === c.receivedAt.getTime() && target.code < c.code);
    if (!earlier) throw new ValidationError(`Merge into the earliest report: merge ${target.code} into ${c.code} instead`, 'intoCaseId');
    await withdrawOpenDispatches(ctx, tx, c.id, `merged into ${target.code}`);
    // Cases that had been merged into this one follow it into the earlier group.
    await tx.update(cases).set({ mergeGroupId: target.mergeGroupId }).where(and(eq(cases.mergeGroupId, c.id), ne(cases.id, c.id)));
    return moveCase(ctx, tx, c, 'merge', { mergedIntoId: target.id, mergeGroupId: target.mergeGroupId, statusReason: input.reason }, { into: target.code, reason: input.reason });
  });
}

const invalidateInput = z.object({ ...ref, reason });

/** Malicious or empty reports: kept, never deleted, with the reason. */
export async function invalidateCase(ctx: ServiceContext, raw: z.input<typeof invalidateInput>) {
  requireDesk(ctx.viewer, true);
  const input = parseInput(invalidateInput, raw);
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, input.caseId, input.version);
    await withdrawOpenDispatches(ctx, tx, c.id, 'case invalidated');
    return moveCase(ctx, tx, c, 'invalidate', { statusReason: input.reason, closedAt: ctx.clock.now() }, { reason: input.reason });
  });
}

/** Earlier reports in the same merge group (for eligibility: the first reporter wins). */
export function mergeGroupCases(tx: Tx | ServiceContext['db'], mergeGroupId: string) {
  return tx.select().from(cases).where(eq(cases.mergeGroupId, mergeGroupId)).orderBy(asc(cases.receivedAt), asc(cases.code));
}
