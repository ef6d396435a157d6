// Dispatch (派单) and the department's side of the loop: accept (签收), return (退单), reply, summon
// (吹哨报到), deadline extensions. Only the LEAD moves the case; ASSISTs report into it.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { departments, dispatches, extensionRequests } from '../../../schema/index.js';
import { DISPATCH_OUTCOMES, type DispatchStatus, type Urgency } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db.js';
import { ConflictError, InvalidTransitionError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { publishDispatchEvent, type DispatchEventKind } from '../../shared/events.js';
import { parseInput } from '../../shared/validate.js';
import { recordAudit } from '../audit/service.js';
import { isUuid } from '../auth/service.js';
import { ownDispatchGuard, requireDesk } from '../cases/access.js';
import { deskDeadline, loadSla } from '../cases/deadlines.js';
import { lockCase, moveCase } from '../cases/workflow.js';
import { dispatchMachine, OPEN_DISPATCH_STATUSES, type DispatchAction } from './machine.js';
import { workflow } from '../../shared/workflow.js';

export type DispatchRow = typeof dispatches.$inferSelect;

const dispatchFlow = workflow<DispatchRow, DispatchAction>({ table: dispatches, entity: 'Dispatch', auditPrefix: 'dispatch', field: 'dispatchId', machine: dispatchMachine });

const target = z.object({ departmentId: z.string().uuid(), instructions: z.string().trim().max(2000).default('') });
const ref = { dispatchId: z.string().uuid(), version: z.number().int().nullish() };
const reason = z.string().trim().min(2, 'A reason is required').max(1000);

/**
 * Locks the dispatch — after its case, the order every case move takes (merge and invalidate lock the case,
 * then withdraw its dispatches), so crossing moves queue instead of deadlocking. `assertOwn` runs first,
 * so another department learns nothing of the dispatch (not even its version).
 */
async function lockDispatch(tx: Tx, id: string, expectedVersion?: number | null, assertOwn?: (departmentId: string) => void): Promise<DispatchRow> {
  const [ref] = isUuid(id) ? await tx.select({ caseId: dispatches.caseId, departmentId: dispatches.departmentId }).from(dispatches).where(eq(dispatches.id, id)) : [];
  if (!ref) throw new NotFoundError('Dispatch', 'dispatchId');
  assertOwn?.(ref.departmentId);
  await lockCase(tx, ref.caseId);
  return dispatchFlow.lock(tx, id, expectedVersion);
}

/** A move, announced to the department's subscribers on commit. */
async function moveDispatch(ctx: ServiceContext, tx: Tx, row: DispatchRow, action: DispatchAction, patch: Partial<typeof dispatches.$inferInsert>, event: DispatchEventKind | null, detail: Record<string, unknown> = {}) {
  const updated = await dispatchFlow.move(ctx, tx, row, action, patch, { caseId: row.caseId, ...detail });
  if (event) await publishDispatchEvent(tx, { kind: event, dispatchId: row.id, caseId: row.caseId, departmentId: row.departmentId, at: ctx.clock.now().toISOString() });
  return updated;
}

async function activeDepartments(tx: Tx, ids: string[]) {
  const rows = await tx.select({ id: departments.id, active: departments.active }).from(departments).where(inArray(departments.id, ids));
  const found = new Map(rows.map((r) => [r.id, r.active]));
  const missing = ids.find((id) => found.get(id) !== true);
  if (missing) throw new NotFoundError('Active department', 'departmentId');
}

async function createDispatches(ctx: ServiceContext, tx: Tx, caseId: string, urgency: Urgency, round: number, items: { departmentId: string; instructions: string; role: 'LEAD' | 'ASSIST' }[], summonedById: string | null) {
  const now = ctx.clock.now();
  const ids = items.map((i) => i.departmentId);
  if (new Set(ids).size !== ids.length) throw new ValidationError('Each department once per dispatch', 'departmentId');
  await activeDepartments(tx, ids);
  const open = await tx
    .select({ departmentId: dispatches.departmentId })
    .from(dispatches)
    .where(and(eq(dispatches.caseId, caseId), inArray(dispatches.status, OPEN_DISPATCH_STATUSES), inArray(dispatches.departmentId, ids)));
  if (open.length) throw new ConflictError('A department already holds an open dispatch of this case', 'departmentId');
  const sla = await loadSla(tx);
  const rows = await tx
    .insert(dispatches)
    .values(items.map((i) => ({
      caseId, departmentId: i.departmentId, role: i.role, instructions: i.instructions, round,
      acceptBy: sla.deadline('ACCEPT', urgency, now), replyBy: sla.deadline('REPLY', urgency, now),
      summonedById, dispatchedById: ctx.viewer.kind === 'user' ? ctx.viewer.id : null, createdAt: now, updatedAt: now,
    })))
    .returning();
  for (const d of rows) {
    await recordAudit(tx, ctx, { action: summonedById ? 'dispatch.summon' : 'dispatch.create', entity: 'Dispatch', entityId: d.id, fields: ['department', 'role', 'instructions'], detail: { caseId, role: d.role, round } });
    await publishDispatchEvent(tx, { kind: 'DISPATCHED', dispatchId: d.id, caseId, departmentId: d.departmentId, at: now.toISOString() });
  }
  return rows;
}

const dispatchInput = z.object({
  caseId: z.string().uuid(),
  version: z.number().int().nullish(),
  lead: target,
  assists: z.array(target).max(10).default([]),
});

/** 精准派工: one LEAD and any ASSISTs; a received or reopened case becomes DISPATCHED. */
export async function dispatchCase(ctx: ServiceContext, raw: z.input<typeof dispatchInput>) {
  requireDesk(ctx.viewer);
  const input = parseInput(dispatchInput, raw);
  return ctx.db.transaction(async (tx) => {
    const c = await lockCase(tx, input.caseId, input.version);
    const [{ round } = { round: 0 }] = await tx.select({ round: sql<number>`coalesce(max(${dispatches.round}), 0)::int` }).from(dispatches).where(eq(dispatches.caseId, c.id));
    const moved = await moveCase(ctx, tx, c, 'dispatch', {}, { lead: input.lead.departmentId, assists: input.assists.length });
    const rows = await createDispatches(ctx, tx, c.id, c.urgency as Urgency, round + 1, [
      { ...input.lead, role: 'LEAD' },
      ...input.assists.map((a) => ({ ...a, role: 'ASSIST' as const })),
    ], null);
    return { case: moved, dispatches: rows };
  });
}

const acceptInput = z.object(ref);

export async function acceptDispatch(ctx: ServiceContext, raw: z.input<typeof acceptInput>) {
  const input = parseInput(acceptInput, raw);
  const assertOwn = await ownDispatchGuard(ctx);
  return ctx.db.transaction(async (tx) => {
    const d = await lockDispatch(tx, input.dispatchId, input.version, assertOwn);
    const updated = await moveDispatch(ctx, tx, d, 'accept', { acceptedAt: ctx.clock.now() }, 'ACCEPTED');
    if (d.role === 'LEAD') await moveCase(ctx, tx, await lockCase(tx, d.caseId), 'leadAccepts');
    return updated;
  });
}

const returnInput = z.object({ ...ref, reason });

/** 退单: the department says the case is not theirs; the desk re-dispatches it. */
export async function returnDispatch(ctx: ServiceContext, raw: z.input<typeof returnInput>) {
  const input = parseInput(returnInput, raw);
  const assertOwn = await ownDispatchGuard(ctx);
  return ctx.db.transaction(async (tx) => {
    const d = await lockDispatch(tx, input.dispatchId, input.version, assertOwn);
    const updated = await moveDispatch(ctx, tx, d, 'return', { returnedAt: ctx.clock.now(), returnReason: input.reason }, 'RETURNED', { reason: input.reason });
    if (d.role === 'LEAD') {
      // Back at the desk: a fresh dispatch-by from now, not the one the department's return used up.
      const c = await lockCase(tx, d.caseId);
      await moveCase(ctx, tx, c, 'leadReturns', { dispatchBy: await deskDeadline(tx, c.urgency as Urgency, ctx.clock.now()) }, { reason: input.reason });
    }
    return updated;
  });
}

const replyInput = z.object({
  ...ref,
  result: z.string().trim().min(2, 'Describe the result').max(5000),
  measures: z.string().trim().max(5000).default(''),
  outcome: z.enum(DISPATCH_OUTCOMES).nullish(),
});

export async function replyDispatch(ctx: ServiceContext, raw: z.input<typeof replyInput>) {
  const input = parseInput(replyInput, raw);
  const assertOwn = await ownDispatchGuard(ctx);
  return ctx.db.transaction(async (tx) => {
    const d = await lockDispatch(tx, input.dispatchId, input.version, assertOwn);
    if (d.role === 'LEAD' && !input.outcome) throw new ValidationError("The lead department's reply states the outcome", 'outcome');
    const updated = await moveDispatch(ctx, tx, d, 'reply', { repliedAt: ctx.clock.now(), replyResult: input.result, replyMeasures: input.measures, replyOutcome: input.outcome ?? null }, 'REPLIED', { outcome: input.outcome ?? null });
    if (d.role === 'LEAD') await moveCase(ctx, tx, await lockCase(tx, d.caseId), 'leadReplies', {}, { outcome: input.outcome });
    return updated;
  });
}

const withdrawInput = z.object({ ...ref, reason });

/** The desk takes a dispatch back; a withdrawn lead returns the case for re-dispatch. */
export async function withdrawDispatch(ctx: ServiceContext, raw: z.input<typeof withdrawInput>) {
  requireDesk(ctx.viewer);
  const input = parseInput(withdrawInput, raw);
  return ctx.db.transaction(async (tx) => {
    const d = await lockDispatch(tx, input.dispatchId, input.version);
    const updated = await moveDispatch(ctx, tx, d, 'withdraw', { withdrawnAt: ctx.clock.now(), withdrawReason: input.reason }, 'WITHDRAWN', { reason: input.reason });
    if (d.role === 'LEAD') {
      const c = await lockCase(tx, d.caseId);
      await moveCase(ctx, tx, c, 'leadWithdrawn', { dispatchBy: await deskDeadline(tx, c.urgency as Urgency, ctx.clock.now()) }, { reason: input.reason });
    }
    return updated;
  });
}

const summonInput = z.object({ ...ref, departments: z.array(target).min(1).max(10) });

/** 吹哨报到: the lead calls other departments in; they get ASSIST dispatches of the same round. */
export async function summonDepartments(ctx: ServiceContext, raw: z.input<typeof summonInput>) {
  const input = parseInput(summonInput, raw);
  const assertOwn = await ownDispatchGuard(ctx);
  return ctx.db.transaction(async (tx) => {
    const lead = await lockDispatch(tx, input.dispatchId, input.version, assertOwn);
    if (lead.role !== 'LEAD') throw new ValidationError('Only the lead department summons others', 'dispatchId');
    if (lead.status !== 'ACCEPTED') throw new InvalidTransitionError('Dispatch', 'summon (accept the case first)', lead.status);
    const c = await lockCase(tx, lead.caseId);
    return createDispatches(ctx, tx, c.id, c.urgency as Urgency, lead.round, input.departments.map((t) => ({ ...t, role: 'ASSIST' as const })), lead.id);
  });
}

const extensionInput = z.object({ ...ref, reason, requestedReplyBy: z.date() });

export async function requestExtension(ctx: ServiceContext, raw: z.input<typeof extensionInput>) {
  const input = parseInput(extensionInput, raw);
  const assertOwn = await ownDispatchGuard(ctx);
  return ctx.db.transaction(async (tx) => {
    const d = await lockDispatch(tx, input.dispatchId, input.version, assertOwn);
    if (!OPEN_DISPATCH_STATUSES.includes(d.status as DispatchStatus)) throw new InvalidTransitionError('Dispatch', 'request an extension', d.status);
    if (input.requestedReplyBy <= d.replyBy) throw new ValidationError('The new reply-by must be later than the current one', 'requestedReplyBy');
    const [pending] = await tx.select({ id: extensionRequests.id }).from(extensionRequests).where(and(eq(extensionRequests.dispatchId, d.id), eq(extensionRequests.status, 'PENDING')));
    if (pending) throw new ConflictError('An extension request is already waiting for a decision', 'dispatchId');
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(extensionRequests)
      .values({
        dispatchId: d.id, reason: input.reason, requestedReplyBy: input.requestedReplyBy,
        requestedById: ctx.viewer.kind === 'user' ? ctx.viewer.id : null, requestedByTokenId: ctx.viewer.kind === 'token' ? ctx.viewer.id : null,
        createdAt: now, updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'dispatch.requestExtension', entity: 'Dispatch', entityId: d.id, fields: ['extension'], detail: { caseId: d.caseId, requestedReplyBy: input.requestedReplyBy.toISOString() } });
    await publishDispatchEvent(tx, { kind: 'EXTENSION_REQUESTED', dispatchId: d.id, caseId: d.caseId, departmentId: d.departmentId, at: now.toISOString() });
    return row!;
  });
}

const decideInput = z.object({ extensionId: z.string().uuid(), approve: z.boolean(), note: z.string().trim().max(1000).default('') });

/** A supervisor decides; an approval moves the dispatch's reply-by. */
export async function decideExtension(ctx: ServiceContext, raw: z.input<typeof decideInput>) {
  requireDesk(ctx.viewer, true);
  const input = parseInput(decideInput, raw);
  return ctx.db.transaction(async (tx) => {
    const [ext] = await tx.select().from(extensionRequests).where(eq(extensionRequests.id, input.extensionId)).for('update');
    if (!ext) throw new NotFoundError('Extension request', 'extensionId');
    if (ext.status !== 'PENDING') throw new InvalidTransitionError('ExtensionRequest', 'decide', ext.status);
    const d = await lockDispatch(tx, ext.dispatchId);
    if (input.approve && !OPEN_DISPATCH_STATUSES.includes(d.status as DispatchStatus)) throw new InvalidTransitionError('Dispatch', 'extend its reply-by', d.status);
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(extensionRequests)
      .set({ status: input.approve ? 'APPROVED' : 'REJECTED', decidedById: ctx.viewer.id, decidedAt: now, decisionNote: input.note, version: sql`${extensionRequests.version} + 1`, updatedAt: now })
      .where(eq(extensionRequests.id, ext.id))
      .returning();
    if (input.approve) {
      await tx.update(dispatches).set({ replyBy: ext.requestedReplyBy, version: sql`${dispatches.version} + 1`, updatedAt: now }).where(eq(dispatches.id, d.id));
    }
    await recordAudit(tx, ctx, { action: 'dispatch.decideExtension', entity: 'Dispatch', entityId: d.id, fields: input.approve ? ['replyBy'] : [], detail: { caseId: d.caseId, approved: input.approve } });
    await publishDispatchEvent(tx, { kind: 'EXTENSION_DECIDED', dispatchId: d.id, caseId: d.caseId, departmentId: d.departmentId, at: now.toISOString() });
    return updated!;
  });
}
