// GraphQL: dispatches (a department's queue), extensions, the department's moves, live events.
import { and, inArray } from 'drizzle-orm';
import { contextCacheSymbol } from '@pothos/core';
import { builder } from '../../builder.js';
import { DispatchOutcomeEnum, DispatchRoleEnum, DispatchStatusEnum, ExtensionStatusEnum } from '../../graphql/enums.js';
import { decodeId } from '../../graphql/ids.js';
import { groupBy, requestLoader, visibleByIds } from '../../graphql/loaders.js';
import { nestable, nested, reads } from '../../graphql/projection.js';
import { departments, dispatches, extensionRequests } from '../../../schema/index.js';
import type { Context } from '../../context.js';
import type { DispatchEvent } from '../../shared/events.js';
import { DepartmentRef } from '../departments/types.js';
import type { DepartmentRow } from '../departments/service.js';
import { CaseRef, DeadlineStateEnum, dueSoonPercent, visibleCaseOrNull } from '../cases/types.js';
import { dispatchEventFilter, dispatchVisibility, isDesk, viewerDepartments } from '../cases/access.js';
import { dispatchMachine } from './machine.js';
import { dispatchDeadlineState, listDispatches, dispatchesOfCases } from './queries.js';
import {
  acceptDispatch, decideExtension, dispatchCase, replyDispatch, requestExtension, returnDispatch, summonDepartments,
  withdrawDispatch, type DispatchRow,
} from './service.js';
import type { DispatchStatus } from '../../../schema/enums.js';

const handlerOrDesk = { anyRole: ['OPERATOR', 'SUPERVISOR', 'DEPARTMENT_HANDLER'] } as const;
const handler = { role: 'DEPARTMENT_HANDLER' } as const;
const dispatchReads = reads<DispatchRow>;

const DispatchActionEnum = builder.enumType('DispatchAction', {
  description: 'A move the viewer may make on the dispatch now.',
  values: ['ACCEPT', 'RETURN', 'REPLY', 'SUMMON', 'REQUEST_EXTENSION', 'WITHDRAW'] as const,
});

export const DispatchRef = builder.loadableNode('Dispatch', {
  description: 'A case sent to one department (派单).',
  id: { resolve: (d: DispatchRow) => d.id },
  load: (ids: string[], ctx: Context) =>
    visibleByIds(ids, 'Dispatch', async (valid) => ctx.db.select().from(dispatches).where(and(inArray(dispatches.id, valid), await dispatchVisibility(ctx)))),
  fields: (t) => ({
    case: t.field({
      type: CaseRef, nullable: true, ...dispatchReads('caseId'),
      description: 'Null once the dispatch no longer gives your department the case (returned or withdrawn).',
      resolve: (d, _a, ctx) => visibleCaseOrNull(ctx, d.caseId),
    }),
    department: t.field({ type: DepartmentRef, ...dispatchReads('departmentId'), resolve: (d) => nested<DepartmentRow>(d, 'department') ?? d.departmentId }),
    role: t.expose('role', { type: DispatchRoleEnum }),
    instructions: t.exposeString('instructions'),
    status: t.expose('status', { type: DispatchStatusEnum }),
    round: t.exposeInt('round', { description: 'Re-dispatch round (重办): 1 first, +1 after each return or reopen.' }),
    acceptBy: t.expose('acceptBy', { type: 'DateTime' }),
    replyBy: t.expose('replyBy', { type: 'DateTime' }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true }),
    returnReason: t.exposeString('returnReason', { nullable: true }),
    repliedAt: t.expose('repliedAt', { type: 'DateTime', nullable: true }),
    replyResult: t.exposeString('replyResult', { nullable: true }),
    replyMeasures: t.exposeString('replyMeasures', { nullable: true }),
    replyOutcome: t.expose('replyOutcome', { type: DispatchOutcomeEnum, nullable: true }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true }),
    withdrawReason: t.exposeString('withdrawReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    version: t.exposeInt('version'),
    deadline: t.field({
      type: DeadlineStateEnum,
      description: 'The next deadline (accept-by while pending, then reply-by), now.',
      ...dispatchReads('status', 'createdAt', 'acceptBy', 'replyBy'),
      resolve: async (d, _a, ctx) => dispatchDeadlineState(d, ctx.clock.now(), await dueSoonPercent(ctx)),
    }),
    overdue: t.boolean({
      ...dispatchReads('status', 'acceptBy', 'replyBy'),
      resolve: (d, _a, ctx) => {
        const now = ctx.clock.now();
        return (d.status === 'PENDING' && d.acceptBy < now) || ((d.status === 'PENDING' || d.status === 'ACCEPTED') && d.replyBy < now);
      },
    }),
    availableActions: t.field({
      type: [DispatchActionEnum],
      resolve: async (d, _a, ctx) => {
        const status = d.status as DispatchStatus;
        const out: (typeof DispatchActionEnum.$inferType)[] = [];
        if (isDesk(ctx.viewer) && dispatchMachine.can('withdraw', status)) out.push('WITHDRAW');
        if (!(await viewerDepartments(ctx)).includes(d.departmentId)) return out;
        if (dispatchMachine.can('accept', status)) out.push('ACCEPT', 'RETURN');
        if (dispatchMachine.can('reply', status)) out.push('REPLY');
        if (d.role === 'LEAD' && status === 'ACCEPTED') out.push('SUMMON');
        if (status === 'PENDING' || status === 'ACCEPTED') out.push('REQUEST_EXTENSION');
        return out;
      },
    }),
  }),
});

const ExtensionRef = builder.objectRef<typeof extensionRequests.$inferSelect>('ExtensionRequest').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    reason: t.exposeString('reason'),
    requestedReplyBy: t.expose('requestedReplyBy', { type: 'DateTime' }),
    status: t.field({ type: ExtensionStatusEnum, resolve: (e) => e.status as never }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decisionNote: t.exposeString('decisionNote', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(DispatchRef, (t) => ({
  summonedBy: t.field({ type: DispatchRef, nullable: true, description: 'The lead dispatch that summoned this assist (吹哨).', resolve: (d) => d.summonedById }),
  extensions: t.loadableList({
    type: ExtensionRef,
    load: async (ids: string[], ctx: Context) =>
      groupBy(ids, await ctx.db.select().from(extensionRequests).where(inArray(extensionRequests.dispatchId, ids)).orderBy(extensionRequests.createdAt), (e) => e.dispatchId),
    resolve: (d) => d.id,
  }),
}));

builder.objectFields(CaseRef, (t) => ({
  dispatches: t.field({
    type: [DispatchRef],
    description: 'Every dispatch of the case, all rounds.',
    resolve: (c, _a, ctx) =>
      nested<DispatchRow[]>(c, 'dispatches') ??
      requestLoader<string, DispatchRow[]>(ctx, 'dispatchesOfCase', async (caseIds) => {
        const rows = await dispatchesOfCases(ctx, caseIds);
        // The departments came along: the Department loader need not ask again.
        const loader = DepartmentRef.getDataloader(ctx);
        for (const r of rows) loader.prime(r.department.id, r.department);
        return groupBy(caseIds, rows.map((r) => r.dispatch), (d) => d.caseId);
      }).load(c.id),
  }),
}));

// A case's dispatches and their departments may come in the case list's own statement, in the order
// dispatchesOfCases reads them (assists summoned together share a round and a creation time: id breaks the tie).
nestable('Case', 'dispatches', { table: dispatches, on: (d, c) => `${d}.case_id = ${c}.id`, orderBy: (d) => `${d}.round, ${d}.created_at, ${d}.id` });
nestable('Dispatch', 'department', { table: departments, on: (dep, d) => `${dep}.id = ${d}.department_id` });

const DispatchFilter = builder.inputType('DispatchFilter', {
  fields: (t) => ({
    departmentId: t.id(),
    caseId: t.id(),
    status: t.field({ type: [DispatchStatusEnum] }),
    role: t.field({ type: DispatchRoleEnum }),
    overdue: t.boolean(),
    dueSoon: t.boolean({ description: 'In the last share of its window (default 25%), not yet overdue.' }),
  }),
});

builder.queryFields((t) => ({
  dispatches: t.connection({
    type: DispatchRef,
    description: "A department's queue (its own and its sub-departments'): pending first, then by the next deadline.",
    authScopes: handlerOrDesk,
    args: { filter: t.arg({ type: DispatchFilter }) },
    resolve: (_r, args, ctx) => {
      const f = args.filter ?? {};
      return listDispatches(ctx, {
        ...f,
        departmentId: decodeId(f.departmentId, 'Department', 'departmentId'),
        caseId: decodeId(f.caseId, 'Case', 'caseId'),
        status: f.status as never,
      }, args);
    },
  }),
}));

const dispatchRefFields = (t: PothosSchemaTypes.InputFieldBuilder<any, 'InputObject'>) => ({
  dispatchId: t.id({ required: true }),
  version: t.int({ description: 'The version you saw: a stale one is refused (StaleVersionError).' }),
});
const targetInput = builder.inputType('DispatchTargetInput', {
  fields: (t) => ({ departmentId: t.id({ required: true }), instructions: t.string() }),
});
const DispatchCaseInput = builder.inputType('DispatchCaseInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    version: t.int(),
    lead: t.field({ type: targetInput, required: true }),
    assists: t.field({ type: [targetInput] }),
  }),
});
const AcceptDispatchInput = builder.inputType('AcceptDispatchInput', { fields: (t) => dispatchRefFields(t) });
const ReturnDispatchInput = builder.inputType('ReturnDispatchInput', { fields: (t) => ({ ...dispatchRefFields(t), reason: t.string({ required: true }) }) });
const WithdrawDispatchInput = builder.inputType('WithdrawDispatchInput', { fields: (t) => ({ ...dispatchRefFields(t), reason: t.string({ required: true }) }) });
const ReplyDispatchInput = builder.inputType('ReplyDispatchInput', {
  fields: (t) => ({
    ...dispatchRefFields(t),
    result: t.string({ required: true }),
    measures: t.string(),
    outcome: t.field({ type: DispatchOutcomeEnum, description: "Required of the lead department." }),
  }),
});
const SummonDepartmentsInput = builder.inputType('SummonDepartmentsInput', {
  fields: (t) => ({ ...dispatchRefFields(t), departments: t.field({ type: [targetInput], required: true }) }),
});
const RequestExtensionInput = builder.inputType('RequestExtensionInput', {
  fields: (t) => ({ ...dispatchRefFields(t), reason: t.string({ required: true }), requestedReplyBy: t.field({ type: 'DateTime', required: true }) }),
});
const DecideExtensionInput = builder.inputType('DecideExtensionInput', {
  fields: (t) => ({ extensionId: t.id({ required: true }), approve: t.boolean({ required: true }), note: t.string() }),
});

const DispatchCasePayload = builder.objectRef<Awaited<ReturnType<typeof dispatchCase>>>('DispatchCasePayload').implement({
  fields: (t) => ({
    case: t.field({ type: CaseRef, resolve: (p) => p.case }),
    dispatches: t.field({ type: [DispatchRef], resolve: (p) => p.dispatches }),
  }),
});

const dispatchId = (input: { dispatchId?: unknown }) => decodeId(String(input.dispatchId), 'Dispatch', 'dispatchId')!;
const targets = (list: { departmentId: string | number; instructions?: string | null }[] | null | undefined) =>
  (list ?? []).map((x) => ({ departmentId: decodeId(String(x.departmentId), 'Department', 'departmentId')!, instructions: x.instructions ?? '' }));

builder.mutationFields((t) => ({
  dispatchCase: t.field({
    type: DispatchCasePayload, authScopes: { anyRole: ['OPERATOR', 'SUPERVISOR'] }, errors: {},
    args: { input: t.arg({ type: DispatchCaseInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      dispatchCase(ctx, { caseId: decodeId(String(input.caseId), 'Case', 'caseId')!, version: input.version, lead: targets([input.lead])[0]!, assists: targets(input.assists) }),
  }),
  acceptDispatch: t.field({
    type: DispatchRef, authScopes: handler, errors: {}, description: '签收: the department takes the case on.',
    args: { input: t.arg({ type: AcceptDispatchInput, required: true }) },
    resolve: (_r, { input }, ctx) => acceptDispatch(ctx, { dispatchId: dispatchId(input), version: input.version }),
  }),
  returnDispatch: t.field({
    type: DispatchRef, authScopes: handler, errors: {}, description: '退单: not ours — back to the desk with the reason.',
    args: { input: t.arg({ type: ReturnDispatchInput, required: true }) },
    resolve: (_r, { input }, ctx) => returnDispatch(ctx, { ...input, dispatchId: dispatchId(input) }),
  }),
  replyDispatch: t.field({
    type: DispatchRef, authScopes: handler, errors: {},
    args: { input: t.arg({ type: ReplyDispatchInput, required: true }) },
    resolve: (_r, { input }, ctx) => replyDispatch(ctx, { ...input, dispatchId: dispatchId(input), measures: input.measures ?? undefined }),
  }),
  withdrawDispatch: t.field({
    type: DispatchRef, authScopes: { anyRole: ['OPERATOR', 'SUPERVISOR'] }, errors: {},
    args: { input: t.arg({ type: WithdrawDispatchInput, required: true }) },
    resolve: (_r, { input }, ctx) => withdrawDispatch(ctx, { ...input, dispatchId: dispatchId(input) }),
  }),
  summonDepartments: t.field({
    type: [DispatchRef], authScopes: handler, errors: { directResult: false }, description: '吹哨报到: the lead calls other departments in.',
    args: { input: t.arg({ type: SummonDepartmentsInput, required: true }) },
    resolve: (_r, { input }, ctx) => summonDepartments(ctx, { dispatchId: dispatchId(input), version: input.version, departments: targets(input.departments) }),
  }),
  requestExtension: t.field({
    type: ExtensionRef, authScopes: handler, errors: {},
    args: { input: t.arg({ type: RequestExtensionInput, required: true }) },
    resolve: (_r, { input }, ctx) => requestExtension(ctx, { ...input, dispatchId: dispatchId(input) }),
  }),
  decideExtension: t.field({
    type: ExtensionRef, authScopes: { role: 'SUPERVISOR' }, errors: {},
    args: { input: t.arg({ type: DecideExtensionInput, required: true }) },
    resolve: (_r, { input }, ctx) => decideExtension(ctx, { ...input, extensionId: String(input.extensionId), note: input.note ?? undefined }),
  }),
}));

const DispatchEventKindEnum = builder.enumType('DispatchEventKind', {
  values: ['DISPATCHED', 'ACCEPTED', 'RETURNED', 'REPLIED', 'WITHDRAWN', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'REOPENED'] as const,
});

const DispatchEventRef = builder.objectRef<DispatchEvent>('DispatchEvent').implement({
  fields: (t) => ({
    kind: t.field({ type: DispatchEventKindEnum, resolve: (e) => e.kind }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
    dispatch: t.field({ type: DispatchRef, resolve: (e) => e.dispatchId }),
  }),
});

builder.subscriptionType({});
builder.subscriptionField('dispatchEvents', (t) =>
  t.field({
    type: DispatchEventRef,
    description: "New and changed dispatches of the viewer's department (server-sent events); the desk may follow any department.",
    authScopes: handlerOrDesk,
    args: { departmentId: t.arg.id() },
    // Refused when it opens (UNAUTHENTICATED / FORBIDDEN), not silently at every event.
    subscribe: async (_r, args, ctx) => dispatchEventStream(ctx, await dispatchEventFilter(ctx, decodeId(args.departmentId, 'Department', 'departmentId'))),
    resolve: (e) => e,
  }),
);

/**
 * Events this viewer may see, as they are committed in any server process. Written out by hand, not as an
 * async generator: closing the stream must end it at once, and a generator parked waiting for the next
 * event would keep its listener until one came. Each event is resolved in a fresh scope (new loaders and
 * memo), so it shows the dispatch and case as they are now; the personal data read for one event is
 * audited before the next is taken (the per-request audit flush does not run for subscriptions).
 */
async function dispatchEventStream(ctx: Context, accept: (departmentId: string) => boolean): Promise<AsyncIterableIterator<DispatchEvent>> {
  const queue: DispatchEvent[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  const unsubscribe = await ctx.events.subscribe((e) => {
    if (closed || !accept(e.departmentId)) return;
    queue.push(e);
    wake?.();
  });
  const flushReads = async () => {
    if (ctx.audit.size > 0) await ctx.audit.flush(ctx.db, ctx);
  };
  const end = async (): Promise<IteratorResult<DispatchEvent>> => {
    if (!closed) {
      closed = true;
      unsubscribe();
      wake?.();
    }
    await flushReads();
    return { value: undefined, done: true };
  };
  const stream: AsyncIterableIterator<DispatchEvent> = {
    [Symbol.asyncIterator]: () => stream,
    async next() {
      await flushReads();
      while (!queue.length && !closed) await new Promise<void>((r) => (wake = r));
      wake = null;
      if (closed) return { value: undefined, done: true };
      (ctx as unknown as Record<symbol, unknown>)[contextCacheSymbol] = {};
      ctx.memo.clear();
      return { value: queue.shift()!, done: false };
    },
    return: end,
    async throw(error: unknown) {
      await end();
      throw error;
    },
  };
  return stream;
}
