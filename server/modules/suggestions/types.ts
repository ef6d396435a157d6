// GraphQL: suggestions (金点子), their replies, and the evaluating department's moves.
import { inArray } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { SubmitterKindEnum, SuggestionStatusEnum } from '../../graphql/enums.js';
import { decodeId } from '../../graphql/ids.js';
import { groupBy } from '../../graphql/loaders.js';
import { suggestionReplies, suggestionSubmitters } from '../../../schema/index.js';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../shared/errors.js';
import { CaseCategoryRef, DepartmentRef, DistrictRef } from '../departments/types.js';
import { CaseRef } from '../cases/types.js';
import {
  assessSuggestionEffect, assignSuggestion, decideSuggestion, listSuggestions, mergeSuggestion, recordImplementation,
  submitSuggestion, visibleSuggestionsByIds, type SuggestionRow,
} from './service.js';

const readers = { anyRole: ['OPERATOR', 'SUPERVISOR', 'DEPARTMENT_HANDLER', 'ANALYST'] } as const;
const handler = { role: 'DEPARTMENT_HANDLER' } as const;

type SubmitterRow = typeof suggestionSubmitters.$inferSelect;

export const SuggestionRef = builder.loadableNode('Suggestion', {
  description: 'An idea for better protection of minors (意见建议, 金点子).',
  id: { resolve: (s: SuggestionRow) => s.id },
  load: async (ids: string[], ctx: Context) => {
    const rows = await visibleSuggestionsByIds(ctx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? new NotFoundError('Suggestion'));
  },
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    content: t.exposeString('content'),
    topic: t.exposeString('topic'),
    status: t.field({ type: SuggestionStatusEnum, resolve: (s) => s.status as never }),
    submitterKind: t.field({ type: SubmitterKindEnum, resolve: (s) => s.submitterKind as never }),
    targetCategory: t.field({ type: CaseCategoryRef, nullable: true, resolve: (s) => s.targetCategoryId }),
    targetDistrict: t.field({ type: DistrictRef, nullable: true, resolve: (s) => s.targetDistrictId }),
    evaluatingDepartment: t.field({ type: DepartmentRef, nullable: true, resolve: (s) => s.evaluatingDepartmentId }),
    submitterDepartment: t.field({ type: DepartmentRef, nullable: true, resolve: (s) => s.submitterDepartmentId }),
    sourceCase: t.field({ type: CaseRef, nullable: true, resolve: (s) => s.sourceCaseId }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    implementedAt: t.expose('implementedAt', { type: 'DateTime', nullable: true }),
    implementationNote: t.exposeString('implementationNote', { nullable: true }),
    assessedAt: t.expose('assessedAt', { type: 'DateTime', nullable: true }),
    effectEvidence: t.exposeString('effectEvidence', { nullable: true }),
    casesBefore: t.exposeInt('casesBefore', { nullable: true, description: 'Cases in the target category/district over the span before implementation.' }),
    casesAfter: t.exposeInt('casesAfter', { nullable: true, description: 'The same span after implementation.' }),
    version: t.exposeInt('version'),
    claimCode: t.string({
      nullable: true,
      personalData: { kind: 'CLAIM_CODE', owner: (s: SuggestionRow) => ({ entity: 'Suggestion', id: s.id }) },
      resolve: (s) => s.claimCode,
    }),
    submitterName: t.loadable({
      type: 'String',
      nullable: true,
      personalData: { kind: 'SUBMITTER_IDENTITY', owner: (s: SuggestionRow) => ({ entity: 'Suggestion', id: s.id }) },
      load: async (ids: string[], ctx: Context) => {
        const rows = await ctx.db.select().from(suggestionSubmitters).where(inArray(suggestionSubmitters.suggestionId, ids));
        const byId = new Map<string, SubmitterRow>(rows.map((r) => [r.suggestionId, r]));
        return ids.map((id) => byId.get(id)?.name ?? null) as never;
      },
      resolve: (s) => s.id,
    }),
  }),
});

const ReplyRef = builder.objectRef<typeof suggestionReplies.$inferSelect>('SuggestionReply').implement({
  fields: (t) => ({
    status: t.field({ type: SuggestionStatusEnum, resolve: (r) => r.status as never }),
    body: t.exposeString('body'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(SuggestionRef, (t) => ({
  mergedInto: t.field({ type: SuggestionRef, nullable: true, resolve: (s) => s.mergedIntoId }),
  replies: t.loadableList({
    type: ReplyRef,
    description: 'Every outcome carries a reply to the submitter.',
    load: async (ids: string[], ctx: Context) =>
      groupBy(ids, await ctx.db.select().from(suggestionReplies).where(inArray(suggestionReplies.suggestionId, ids)).orderBy(suggestionReplies.createdAt), (r) => r.suggestionId),
    resolve: (s) => s.id,
  }),
}));

const SuggestionFilter = builder.inputType('SuggestionFilter', {
  fields: (t) => ({ status: t.field({ type: [SuggestionStatusEnum] }), evaluatingDepartmentId: t.id() }),
});

builder.queryFields((t) => ({
  suggestions: t.connection({
    type: SuggestionRef,
    authScopes: readers,
    args: { filter: t.arg({ type: SuggestionFilter }) },
    resolve: (_r, args, ctx) =>
      listSuggestions(ctx, { status: args.filter?.status as never, evaluatingDepartmentId: decodeId(args.filter?.evaluatingDepartmentId, 'Department', 'evaluatingDepartmentId') }, args),
  }),
}));

const SubmitterInput = builder.inputType('SuggestionSubmitterInput', {
  fields: (t) => ({ anonymous: t.boolean(), name: t.string(), phone: t.string(), organization: t.string() }),
});
const SubmitSuggestionInput = builder.inputType('SubmitSuggestionInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    content: t.string({ required: true }),
    topic: t.string(),
    targetCategoryId: t.id(),
    targetDistrictId: t.id(),
    sourceCaseId: t.id({ description: 'The call the idea was heard on.' }),
    submitter: t.field({ type: SubmitterInput }),
  }),
});
const refFields = (t: PothosSchemaTypes.InputFieldBuilder<any, 'InputObject'>) => ({ suggestionId: t.id({ required: true }), version: t.int() });
const AssignSuggestionInput = builder.inputType('AssignSuggestionInput', { fields: (t) => ({ ...refFields(t), departmentId: t.id({ required: true }), note: t.string() }) });
const DecideSuggestionInput = builder.inputType('DecideSuggestionInput', { fields: (t) => ({ ...refFields(t), adopt: t.boolean({ required: true }), reply: t.string({ required: true }) }) });
const RecordImplementationInput = builder.inputType('RecordImplementationInput', { fields: (t) => ({ ...refFields(t), note: t.string({ required: true }), reply: t.string({ required: true }) }) });
const AssessSuggestionEffectInput = builder.inputType('AssessSuggestionEffectInput', {
  fields: (t) => ({ ...refFields(t), effective: t.boolean({ required: true }), evidence: t.string({ required: true }), reply: t.string({ required: true }) }),
});
const MergeSuggestionInput = builder.inputType('MergeSuggestionInput', { fields: (t) => ({ ...refFields(t), intoSuggestionId: t.id({ required: true }), reply: t.string({ required: true }) }) });

const SubmitSuggestionPayload = builder.objectRef<Awaited<ReturnType<typeof submitSuggestion>>>('SubmitSuggestionPayload').implement({
  fields: (t) => ({
    suggestion: t.field({ type: SuggestionRef, resolve: (p) => p.suggestion }),
    claimCode: t.exposeString('claimCode', { description: "The submitter's pseudonymous identity, for any reward." }),
  }),
});

const sid = (input: { suggestionId?: unknown }) => decodeId(String(input.suggestionId), 'Suggestion', 'suggestionId')!;

builder.mutationFields((t) => ({
  submitSuggestion: t.field({
    type: SubmitSuggestionPayload, authScopes: { anyRole: ['OPERATOR', 'SUPERVISOR', 'DEPARTMENT_HANDLER'] }, errors: {},
    args: { input: t.arg({ type: SubmitSuggestionInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      submitSuggestion(ctx, {
        ...input,
        topic: input.topic ?? undefined,
        targetCategoryId: decodeId(input.targetCategoryId, 'CaseCategory', 'targetCategoryId'),
        targetDistrictId: decodeId(input.targetDistrictId, 'District', 'targetDistrictId'),
        sourceCaseId: decodeId(input.sourceCaseId, 'Case', 'sourceCaseId'),
        submitter: (input.submitter ?? undefined) as never,
      }),
  }),
  assignSuggestion: t.field({
    type: SuggestionRef, authScopes: { role: 'SUPERVISOR' }, errors: {},
    args: { input: t.arg({ type: AssignSuggestionInput, required: true }) },
    resolve: (_r, { input }, ctx) => assignSuggestion(ctx, { ...input, suggestionId: sid(input), departmentId: decodeId(String(input.departmentId), 'Department', 'departmentId')!, note: input.note ?? undefined }),
  }),
  decideSuggestion: t.field({
    type: SuggestionRef, authScopes: handler, errors: {},
    args: { input: t.arg({ type: DecideSuggestionInput, required: true }) },
    resolve: (_r, { input }, ctx) => decideSuggestion(ctx, { ...input, suggestionId: sid(input) }),
  }),
  recordImplementation: t.field({
    type: SuggestionRef, authScopes: handler, errors: {},
    args: { input: t.arg({ type: RecordImplementationInput, required: true }) },
    resolve: (_r, { input }, ctx) => recordImplementation(ctx, { ...input, suggestionId: sid(input) }),
  }),
  assessSuggestionEffect: t.field({
    type: SuggestionRef, authScopes: handler, errors: {},
    args: { input: t.arg({ type: AssessSuggestionEffectInput, required: true }) },
    resolve: (_r, { input }, ctx) => assessSuggestionEffect(ctx, { ...input, suggestionId: sid(input) }),
  }),
  mergeSuggestion: t.field({
    type: SuggestionRef, authScopes: { role: 'SUPERVISOR' }, errors: {},
    args: { input: t.arg({ type: MergeSuggestionInput, required: true }) },
    resolve: (_r, { input }, ctx) => mergeSuggestion(ctx, { ...input, suggestionId: sid(input), intoSuggestionId: decodeId(String(input.intoSuggestionId), 'Suggestion', 'intoSuggestionId')! }),
  }),
}));
