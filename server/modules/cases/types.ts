// GraphQL: cases, their reporter, subjects, follow-ups and timeline; intake and the desk's moves.
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import {
  CaseChannelEnum, CaseKindEnum, CaseResolutionEnum, CaseStatusEnum, FollowUpRespondentEnum, PerpetratorRelationEnum,
  ProtectionDomainEnum, ReporterRelationEnum, SatisfactionEnum, SubjectKindEnum, SubjectRoleEnum, UrgencyEnum,
} from '../../graphql/enums.js';
import { decodeId } from '../../graphql/ids.js';
import { groupBy, requestLoader, rowsByIds, visibleByIds } from '../../graphql/loaders.js';
import { nested, nestable, planSelect, plannedNode, reads, unplanned } from '../../graphql/projection.js';
import { caseCategories, cases, caseSubjects, followUps, reporterIdentities, reporters, subjectIdentities, subjects } from '../../../schema/index.js';
import { memoize, type Context } from '../../context.js';
import { NotFoundError } from '../../shared/errors.js';
import { CaseCategoryRef, DistrictRef } from '../departments/types.js';
import type { CategoryRow } from '../departments/service.js';
import { DESK } from './access.js';
import { deadlineState, setting } from './deadlines.js';
import { registerCase } from './intake.js';
import { availableCaseActions, closeCase, invalidateCase, mergeCase, recordFollowUp, reopenCase } from './lifecycle.js';
import { acknowledgeSubjectAlert, casesOfSubject, caseTimeline, linkedCases, listCases, listSubjectAlerts, cursorColumns, readPlannedCase, timelineRelation, visibleCasesByCode, visibleCasesByIds, type CaseOrder } from './queries.js';
import { caseColumns, type CaseRow } from './workflow.js';

const desk = { anyRole: DESK } as const;
const caseReads = reads<CaseRow>;
const caseReaders = { anyRole: ['OPERATOR', 'SUPERVISOR', 'DEPARTMENT_HANDLER'] } as const;

export const dueSoonPercent = (ctx: Context) => memoize(ctx, 'dueSoonPercent', () => setting(ctx.db, 'dueSoonPercent'));

export const DeadlineStateEnum = builder.enumType('DeadlineState', {
  description: 'Where the next deadline stands now: computed when read, since a deadline passing is not a write.',
  values: ['OVERDUE', 'DUE_SOON', 'ON_TIME', 'NONE'] as const,
});

export const CaseActionEnum = builder.enumType('CaseAction', {
  description: 'A move the viewer may make on the case now (the panel shows only these).',
  values: ['DISPATCH', 'RECORD_FOLLOW_UP', 'CLOSE', 'CLOSE_WITHOUT_FOLLOW_UP', 'ANSWER_DIRECTLY', 'REOPEN', 'MERGE', 'INVALIDATE'] as const,
});

type ReporterRow = typeof reporters.$inferSelect;
type ReporterIdentityRow = typeof reporterIdentities.$inferSelect;
type CaseSubjectShape = { subject: typeof subjects.$inferSelect; role: string; caseId: string; identity: typeof subjectIdentities.$inferSelect | null };

export const CaseRef = builder.loadableNode('Case', {
  description: 'A call or transfer to the desk (诉求工单).',
  id: { resolve: (c: CaseRow) => c.id },
  load: (ids: string[], ctx: Context) => visibleByIds(ids, 'Case', (valid) => visibleCasesByIds(ctx, valid)),
  fields: (t) => ({
    code: t.exposeString('code', { description: 'MP<yyyymmdd>-<seq>, by the Beijing day of receipt.' }),
    channel: t.expose('channel', { type: CaseChannelEnum }),
    kind: t.expose('kind', { type: CaseKindEnum }),
    category: t.field({ type: CaseCategoryRef, ...caseReads('categoryId'), resolve: (c) => nested<CategoryRow>(c, 'category') ?? c.categoryId }),
    domain: t.expose('domain', { type: ProtectionDomainEnum }),
    urgency: t.expose('urgency', { type: UrgencyEnum }),
    guardianInvolved: t.exposeBoolean('guardianInvolved'),
    perpetratorRelation: t.expose('perpetratorRelation', { type: PerpetratorRelationEnum }),
    reasonableSuspicion: t.exposeBoolean('reasonableSuspicion'),
    district: t.field({ type: DistrictRef, nullable: true, ...caseReads('districtId'), resolve: (c) => c.districtId }),
    street: t.exposeString('street', { nullable: true }),
    summary: t.exposeString('summary'),
    narrative: t.exposeString('narrative'),
    status: t.expose('status', { type: CaseStatusEnum }),
    resolution: t.expose('resolution', { type: CaseResolutionEnum, nullable: true }),
    closeReason: t.exposeString('closeReason', { nullable: true }),
    statusReason: t.exposeString('statusReason', { nullable: true, description: 'Why it was reopened, merged or invalidated.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
    receivedDay: t.expose('receivedDay', { type: 'Date', description: 'Beijing day of receipt.' }),
    dispatchBy: t.expose('dispatchBy', { type: 'DateTime', nullable: true, description: "The desk's deadline to dispatch." }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    dispatchDeadline: t.field({
      type: DeadlineStateEnum,
      description: "The desk's dispatch deadline, while the case waits for (re-)dispatch.",
      ...caseReads('status', 'updatedAt', 'receivedAt', 'dispatchBy'),
      resolve: async (c, _a, ctx) =>
        c.status === 'RECEIVED' || c.status === 'REOPENED' ? deadlineState(c.updatedAt < c.receivedAt ? c.receivedAt : c.status === 'REOPENED' ? c.updatedAt : c.receivedAt, c.dispatchBy, ctx.clock.now(), await dueSoonPercent(ctx)) : 'NONE',
    }),
    needsPoliceNow: t.boolean({
      description: 'IMMEDIATE and of a category routed to the police: call the police now.',
      ...caseReads('urgency', 'categoryId'),
      // Through the category loader: one batched read for a whole list, not one per case.
      resolve: async (c, _a, ctx) =>
        c.urgency === 'IMMEDIATE' && (await CaseCategoryRef.getDataloader(ctx).load(c.categoryId)).suggestedDepartmentKinds.includes('PUBLIC_SECURITY'),
    }),
  }),
});

/**
 * A case reached through another object (a dispatch, a merge): the viewer's visibility decides, and a case
 * the viewer may not see is simply absent (null), not an error that would fail the whole list around it.
 */
export async function visibleCaseOrNull(ctx: Context, caseId: string | null): Promise<CaseRow | null> {
  if (!caseId) return null;
  try {
    return await CaseRef.getDataloader(ctx).load(caseId);
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

const reporterReads = reads<ReporterRow>;

/** A reporter's identity (personal data): read only when one of its fields is asked for and allowed. */
const reporterIdentity = (ctx: Context, reporterId: string) =>
  requestLoader<string, ReporterIdentityRow | null>(ctx, 'reporterIdentity', async (ids) => {
    const rows = await ctx.db.select().from(reporterIdentities).where(inArray(reporterIdentities.reporterId, [...ids]));
    const byReporter = new Map(rows.map((r) => [r.reporterId, r]));
    return ids.map((id) => byReporter.get(id) ?? null);
  }).load(reporterId);

const ReporterRef = builder.objectRef<ReporterRow>('Reporter').implement({
  description: 'Who called. Identity fields are personal data.',
  fields: (t) => ({
    relationToMinor: t.expose('relationToMinor', { type: ReporterRelationEnum }),
    anonymous: t.exposeBoolean('anonymous'),
    mandatoryReporter: t.exposeBoolean('mandatoryReporter', { description: 'Had a legal duty to report (Minor Protection Law art. 11).' }),
    consentToShareContact: t.exposeBoolean('consentToShareContact'),
    hasSafeContact: t.exposeBoolean('hasSafeContact'),
    mandatoryReceiptCode: t.exposeString('mandatoryReceiptCode', { nullable: true, authScopes: desk }),
    claimCode: t.string({
      nullable: true,
      personalData: { kind: 'CLAIM_CODE', owner: (r: ReporterRow) => ({ entity: 'Reporter', id: r.id }) },
      ...reporterReads('id', 'claimCode'),
      resolve: (r) => r.claimCode,
    }),
    ...(['name', 'phone', 'organization', 'safeContactInstructions'] as const).reduce(
      (fields, key) => ({
        ...fields,
        [key]: t.string({
          nullable: true,
          personalData: { kind: 'REPORTER_IDENTITY', owner: (r: ReporterRow) => ({ entity: 'Reporter', id: r.id, consentToShare: r.consentToShareContact }) },
          ...reporterReads('id', 'consentToShareContact'),
          resolve: async (r, _a, ctx) => (await reporterIdentity(ctx, r.id))?.[key] ?? null,
        }),
      }),
      {} as Record<'name' | 'phone' | 'organization' | 'safeContactInstructions', ReturnType<typeof t.string>>,
    ),
  }),
});

const subjectIdentity = (field: 'name' | 'birthDate' | 'school' | 'guardianName' | 'address') => ({
  nullable: true as const,
  personalData: { kind: 'SUBJECT_IDENTITY' as const, owner: (s: CaseSubjectShape) => ({ entity: 'Subject', id: s.subject.id }) },
  resolve: (s: CaseSubjectShape) => s.identity?.[field] ?? null,
});

const CaseSubjectRef = builder.objectRef<CaseSubjectShape>('CaseSubject').implement({
  description: 'A child, adult, household, school or address this case is about; shared across cases.',
  fields: (t) => ({
    subjectId: t.id({ resolve: (s) => s.subject.id }),
    kind: t.field({ type: SubjectKindEnum, resolve: (s) => s.subject.kind as never }),
    role: t.field({ type: SubjectRoleEnum, resolve: (s) => s.role as never }),
    reportCount: t.int({ description: 'Cases that name this subject.', resolve: (s) => s.subject.reportCount }),
    name: t.string(subjectIdentity('name')),
    birthDate: t.string(subjectIdentity('birthDate')),
    school: t.string(subjectIdentity('school')),
    guardianName: t.string(subjectIdentity('guardianName')),
    address: t.string(subjectIdentity('address')),
  }),
});

const FollowUpRef = builder.objectRef<typeof followUps.$inferSelect>('FollowUp').implement({
  description: "The desk's call back (回访).",
  fields: (t) => ({
    respondent: t.field({ type: FollowUpRespondentEnum, resolve: (f) => f.respondent as never }),
    resolved: t.exposeBoolean('resolved'),
    satisfaction: t.field({ type: SatisfactionEnum, nullable: true, resolve: (f) => f.satisfaction as never }),
    note: t.exposeString('note'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

type EventRow = Awaited<ReturnType<typeof caseTimeline>>[number];
const CaseEventRef = builder.objectRef<EventRow>('CaseEvent').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actorLabel'),
    action: t.exposeString('action'),
    entity: t.exposeString('entity'),
    fields: t.exposeStringList('fields'),
    detail: t.string({ nullable: true, description: 'JSON of non-personal values (statuses, reasons).', resolve: (e) => (e.detail ? JSON.stringify(e.detail) : null) }),
  }),
});

// A case page (node) and a list read the category, the timeline and the reporter (not its identity) in
// the case's own statement.
nestable('Case', 'category', { table: caseCategories, on: (k, c) => `${k}.id = ${c}.category_id` });
nestable('Case', 'timeline', timelineRelation);
nestable('Case', 'reporter', { table: reporters, on: (r, c) => `${r}.id = ${c}.reporter_id` });
plannedNode<Context>('Case', (id, ctx, info) => readPlannedCase(ctx, id, planSelect(info, [], 'Case', cases, caseColumns)));

builder.objectFields(CaseRef, (t) => ({
  availableActions: t.field({ type: [CaseActionEnum], resolve: (c, _a, ctx) => availableCaseActions(ctx, c) }),
  timeline: t.field({
    type: [CaseEventRef], description: 'Every write on the case and its dispatches: who, what, when.',
    resolve: (c, _a, ctx) => nested<EventRow[]>(c, 'timeline') ?? caseTimeline(ctx, c.id),
  }),
  linkedCases: t.field({ type: [CaseRef], description: 'Other cases about the same child, household, adult, school or address.', resolve: (c, _a, ctx) => linkedCases(ctx, c.id) }),
  mergedInto: t.field({ type: CaseRef, nullable: true, description: 'Null when you may not see that case.', resolve: (c, _a, ctx) => visibleCaseOrNull(ctx, c.mergedIntoId) }),
  mergeGroupRoot: t.field({
    type: CaseRef, nullable: true,
    description: 'The earliest report of this violation; null when you may not see that case (a department sees only the cases dispatched to it).',
    resolve: (c, _a, ctx) => (c.mergeGroupId === c.id ? unplanned(c) : visibleCaseOrNull(ctx, c.mergeGroupId)),
  }),
  reporter: t.field({
    type: ReporterRef,
    nullable: true,
    ...caseReads('reporterId'),
    resolve: (c, _a, ctx) =>
      nested<ReporterRow | null>(c, 'reporter') ??
      (c.reporterId
        ? requestLoader<string, ReporterRow>(ctx, 'reporter', (ids) => rowsByIds<ReporterRow>(ctx.db, reporters, ids, 'Reporter')).load(c.reporterId)
        : null),
  }),
  subjects: t.loadableList({
    type: CaseSubjectRef,
    load: async (caseIds: string[], ctx: Context) => {
      const rows = await ctx.db
        .select({ subject: subjects, role: caseSubjects.role, caseId: caseSubjects.caseId, identity: subjectIdentities })
        .from(caseSubjects)
        .innerJoin(subjects, eq(subjects.id, caseSubjects.subjectId))
        .leftJoin(subjectIdentities, eq(subjectIdentities.subjectId, subjects.id))
        .where(inArray(caseSubjects.caseId, caseIds));
      return groupBy(caseIds, rows, (r) => r.caseId);
    },
    resolve: (c) => c.id,
  }),
  followUps: t.loadableList({
    type: FollowUpRef,
    load: async (caseIds: string[], ctx: Context) =>
      groupBy(caseIds, await ctx.db.select().from(followUps).where(inArray(followUps.caseId, caseIds)).orderBy(followUps.createdAt), (f) => f.caseId),
    resolve: (c) => c.id,
  }),
}));

const SubjectAlertRef = builder.objectRef<{ id: string; subjectId: string; reportCount: number; raisedAt: Date; acknowledgedAt: Date | null }>('SubjectAlert').implement({
  description: 'A subject reached the configured number of reports: weak signals from different callers met.',
  fields: (t) => ({
    id: t.exposeID('id'),
    reportCount: t.exposeInt('reportCount'),
    subjectKind: t.loadable({
      type: SubjectKindEnum,
      description: 'What the reports were about: a child, a school, a household…',
      load: async (subjectIds: string[], ctx: Context) => {
        const rows = await ctx.db.select({ id: subjects.id, kind: subjects.kind }).from(subjects).where(inArray(subjects.id, subjectIds));
        const kinds = new Map(rows.map((r) => [r.id, r.kind]));
        return subjectIds.map((id) => kinds.get(id) as never);
      },
      resolve: (a) => a.subjectId,
    }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime' }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true }),
    cases: t.connection({
      type: CaseRef,
      description: 'Newest first. Batched: a page of alerts reads its cases in one statement.',
      resolve: (a, args, ctx) => casesOfSubject(ctx, a.subjectId, args),
    }),
  }),
});

const CaseOrderEnum = builder.enumType('CaseOrder', { values: ['RECEIVED_AT_DESC', 'RECEIVED_AT_ASC', 'DISPATCH_BY_ASC'] as const });

const CaseFilter = builder.inputType('CaseFilter', {
  fields: (t) => ({
    status: t.field({ type: [CaseStatusEnum] }),
    categoryId: t.id({ description: 'A leaf, or a parent (includes its children).' }),
    domain: t.field({ type: ProtectionDomainEnum }),
    urgency: t.field({ type: UrgencyEnum }),
    channel: t.field({ type: CaseChannelEnum }),
    kind: t.field({ type: CaseKindEnum }),
    districtId: t.id(),
    departmentId: t.id({ description: 'Cases dispatched to this department.' }),
    overdue: t.boolean(),
    receivedFrom: t.field({ type: 'DateTime' }),
    receivedTo: t.field({ type: 'DateTime' }),
    search: t.string({ description: 'Words in the code, summary or narrative; Chinese works (欺凌, 家暴).', validate: z.string().max(100) }),
  }),
});

builder.queryFields((t) => ({
  cases: t.connection({
    type: CaseRef,
    description: 'Cases the viewer may see: the desk sees all; a department only those dispatched to it or below it.',
    authScopes: caseReaders,
    args: { filter: t.arg({ type: CaseFilter }), orderBy: t.arg({ type: CaseOrderEnum, defaultValue: 'RECEIVED_AT_DESC' }) },
    resolve: (_r, args, ctx, info) => {
      const f = args.filter ?? {};
      const order = (args.orderBy ?? 'RECEIVED_AT_DESC') as CaseOrder;
      return listCases(ctx, {
        ...f,
        categoryId: decodeId(f.categoryId, 'CaseCategory', 'categoryId'),
        districtId: decodeId(f.districtId, 'District', 'districtId'),
        departmentId: decodeId(f.departmentId, 'Department', 'departmentId'),
        status: f.status as never,
      }, order, args, planSelect(info, ['edges', 'node'], 'Case', cases, caseColumns, cursorColumns(order)));
    },
  }),
  caseByCode: t.field({
    type: CaseRef,
    nullable: true,
    authScopes: caseReaders,
    args: { code: t.arg.string({ required: true, validate: z.string().max(30) }) },
    resolve: async (_r, { code }, ctx) => (await visibleCasesByCode(ctx, code))[0] ?? null,
  }),
  subjectAlerts: t.connection({
    type: SubjectAlertRef,
    description: 'Subjects that reached the report threshold (supervisors).',
    authScopes: { role: 'SUPERVISOR' },
    args: { openOnly: t.arg.boolean({ defaultValue: true }) },
    resolve: (_r, args, ctx) => listSubjectAlerts(ctx, args.openOnly ?? true, args),
  }),
}));

const MinorInput = builder.inputType('MinorInput', {
  description: 'A child named in the call. Matched across cases by name + birth year + district (never age).',
  fields: (t) => ({
    name: t.string({ required: true }),
    birthYear: t.int(),
    birthDate: t.field({ type: 'Date' }),
    school: t.string(),
    guardianName: t.string(),
    address: t.string(),
  }),
});

const OtherSubjectInput = builder.inputType('OtherSubjectInput', {
  fields: (t) => ({
    kind: t.field({ type: SubjectKindEnum, required: true }),
    role: t.field({ type: SubjectRoleEnum, required: true }),
    name: t.string({ required: true, description: 'Name of the adult or school, or the address.' }),
  }),
});

const ReporterInput = builder.inputType('ReporterInput', {
  fields: (t) => ({
    anonymous: t.boolean(),
    relationToMinor: t.field({ type: ReporterRelationEnum }),
    name: t.string(),
    phone: t.string(),
    organization: t.string(),
    mandatoryReporter: t.boolean({ description: 'A teacher, doctor, social worker… with a legal duty to report: gets a receipt code, not a tip-off reward.' }),
    consentToShareContact: t.boolean({ description: 'May departments handling the case see the contact?' }),
    hasSafeContact: t.boolean({ description: 'Is there a safe way and time to call back?' }),
    safeContactInstructions: t.string(),
  }),
});

const RegisterCaseInput = builder.inputType('RegisterCaseInput', {
  fields: (t) => ({
    channel: t.field({ type: CaseChannelEnum, required: true }),
    kind: t.field({ type: CaseKindEnum, required: true }),
    categoryId: t.id({ required: true }),
    domain: t.field({ type: ProtectionDomainEnum, required: true }),
    urgency: t.field({ type: UrgencyEnum, description: "Defaults to the category's." }),
    guardianInvolved: t.boolean(),
    perpetratorRelation: t.field({ type: PerpetratorRelationEnum }),
    reasonableSuspicion: t.boolean(),
    districtId: t.id(),
    street: t.string(),
    summary: t.string({ required: true }),
    narrative: t.string(),
    minors: t.field({ type: [MinorInput] }),
    otherSubjects: t.field({ type: [OtherSubjectInput] }),
    reporter: t.field({ type: ReporterInput }),
    idempotencyKey: t.string({ description: 'A retried transfer with the same key returns the first result and creates nothing.' }),
  }),
});

const RegisterCasePayload = builder.objectRef<Awaited<ReturnType<typeof registerCase>>>('RegisterCasePayload').implement({
  fields: (t) => ({
    case: t.field({ type: CaseRef, resolve: (p) => p.case }),
    claimCode: t.exposeString('claimCode', { description: "Tell the caller: it is how they follow a reward without giving their name." }),
    receiptCode: t.exposeString('receiptCode', { nullable: true, description: "A mandatory reporter's receipt." }),
    alertsRaised: t.exposeInt('alertsRaised'),
    replayed: t.exposeBoolean('replayed', { description: 'This idempotency key was seen before; nothing new was created.' }),
  }),
});

const RecordFollowUpPayload = builder.objectRef<Awaited<ReturnType<typeof recordFollowUp>>>('RecordFollowUpPayload').implement({
  fields: (t) => ({
    case: t.field({ type: CaseRef, resolve: (p) => p.case }),
    followUp: t.field({ type: FollowUpRef, resolve: (p) => p.followUp }),
  }),
});

const caseRefFields = (t: PothosSchemaTypes.InputFieldBuilder<any, 'InputObject'>) => ({
  caseId: t.id({ required: true }),
  version: t.int({ description: 'The version you saw: a stale one is refused (StaleVersionError).' }),
});

const RecordFollowUpInput = builder.inputType('RecordFollowUpInput', {
  fields: (t) => ({
    ...caseRefFields(t),
    respondent: t.field({ type: FollowUpRespondentEnum, required: true }),
    resolved: t.boolean({ required: true }),
    satisfaction: t.field({ type: SatisfactionEnum }),
    note: t.string(),
    safeContactObserved: t.boolean({ description: "Confirms the call used the reporter's safe way and time." }),
  }),
});
const CloseCaseInput = builder.inputType('CloseCaseInput', {
  fields: (t) => ({ ...caseRefFields(t), reason: t.string({ description: 'Required when closing without a follow-up, or answering directly.' }) }),
});
const ReopenCaseInput = builder.inputType('ReopenCaseInput', {
  fields: (t) => ({ ...caseRefFields(t), reason: t.string({ required: true }), flagRewardForReview: t.boolean() }),
});
const MergeCaseInput = builder.inputType('MergeCaseInput', {
  fields: (t) => ({ ...caseRefFields(t), intoCaseId: t.id({ required: true }), reason: t.string({ required: true }) }),
});
const InvalidateCaseInput = builder.inputType('InvalidateCaseInput', {
  fields: (t) => ({ ...caseRefFields(t), reason: t.string({ required: true }) }),
});

const caseId = (input: { caseId?: unknown }) => decodeId(String(input.caseId), 'Case', 'caseId')!;

builder.mutationFields((t) => ({
  registerCase: t.field({
    type: RegisterCasePayload,
    authScopes: { $any: { anyRole: DESK, intake: true } },
    errors: {},
    args: { input: t.arg({ type: RegisterCaseInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      registerCase(ctx, {
        ...input,
        categoryId: decodeId(input.categoryId, 'CaseCategory', 'categoryId')!,
        districtId: decodeId(input.districtId, 'District', 'districtId'),
        minors: input.minors ?? undefined,
        otherSubjects: (input.otherSubjects ?? undefined) as never,
        reporter: (input.reporter ?? undefined) as never,
      } as never),
  }),
  recordFollowUp: t.field({
    type: RecordFollowUpPayload, authScopes: desk, errors: {},
    args: { input: t.arg({ type: RecordFollowUpInput, required: true }) },
    resolve: (_r, { input }, ctx) => recordFollowUp(ctx, { ...input, caseId: caseId(input) } as never),
  }),
  closeCase: t.field({
    type: CaseRef, authScopes: desk, errors: {},
    args: { input: t.arg({ type: CloseCaseInput, required: true }) },
    resolve: (_r, { input }, ctx) => closeCase(ctx, { ...input, caseId: caseId(input) } as never),
  }),
  reopenCase: t.field({
    type: CaseRef, authScopes: { role: 'SUPERVISOR' }, errors: {},
    args: { input: t.arg({ type: ReopenCaseInput, required: true }) },
    resolve: (_r, { input }, ctx) => reopenCase(ctx, { ...input, caseId: caseId(input) } as never),
  }),
  mergeCase: t.field({
    type: CaseRef, authScopes: { role: 'SUPERVISOR' }, errors: {},
    args: { input: t.arg({ type: MergeCaseInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      mergeCase(ctx, { ...input, caseId: caseId(input), intoCaseId: decodeId(String(input.intoCaseId), 'Case', 'intoCaseId')! } as never),
  }),
  invalidateCase: t.field({
    type: CaseRef, authScopes: { role: 'SUPERVISOR' }, errors: {},
    args: { input: t.arg({ type: InvalidateCaseInput, required: true }) },
    resolve: (_r, { input }, ctx) => invalidateCase(ctx, { ...input, caseId: caseId(input) } as never),
  }),
  acknowledgeSubjectAlert: t.field({
    type: SubjectAlertRef, authScopes: { role: 'SUPERVISOR' }, errors: {},
    args: { alertId: t.arg.id({ required: true }) },
    resolve: (_r, { alertId }, ctx) => acknowledgeSubjectAlert(ctx, String(alertId)),
  }),
}));

