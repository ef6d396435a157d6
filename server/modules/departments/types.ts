// GraphQL: districts, departments (Relay node + connection) and the case category taxonomy.
import { z } from 'zod';
import { builder } from '../../builder.js';
import { decodeId } from '../../graphql/ids.js';
import { DepartmentKindEnum, SlaPhaseEnum, SlaUnitEnum, UrgencyEnum } from '../../graphql/enums.js';
import { rowsByIds } from '../../graphql/loaders.js';
import { reads } from '../../graphql/projection.js';
import { departments, districts, caseCategories, slaPolicies } from '../../../schema/index.js';
import {
  createCaseCategory, createDepartment, listCategories, listDepartments, listDistricts, listSlaPolicies, setDepartmentActive, suggestDepartments, updateCaseCategory, updateDepartment,
  updateSlaPolicy, type CategoryRow, type DepartmentRow, type DistrictRow, type SlaPolicyRow,
} from './service.js';
// the working-day calendar, beside the SLA policies that count on it
import './calendar-types.js';

const staffOrPartner = { loggedIn: true } as const;
const departmentReads = reads<DepartmentRow>;

export const DistrictRef = builder.loadableNode('District', {
  id: { resolve: (d: DistrictRow) => d.id },
  load: (ids: string[], ctx) => rowsByIds<DistrictRow>(ctx.db, districts, ids, 'District'),
  fields: (t) => ({
    code: t.exposeString('code'),
    nameZh: t.exposeString('nameZh'),
    nameEn: t.exposeString('nameEn'),
  }),
});

export const DepartmentRef = builder.loadableNode('Department', {
  id: { resolve: (d: DepartmentRow) => d.id },
  load: (ids: string[], ctx) => rowsByIds<DepartmentRow>(ctx.db, departments, ids, 'Department'),
  fields: (t) => ({
    code: t.exposeString('code'),
    nameZh: t.exposeString('nameZh'),
    nameEn: t.exposeString('nameEn'),
    kind: t.expose('kind', { type: DepartmentKindEnum }),
    active: t.exposeBoolean('active'),
    version: t.exposeInt('version'),
    district: t.field({ type: DistrictRef, nullable: true, ...departmentReads('districtId'), resolve: (d) => d.districtId }),
  }),
});
builder.objectFields(DepartmentRef, (t) => ({
  parent: t.field({ type: DepartmentRef, nullable: true, ...departmentReads('parentId'), resolve: (d) => d.parentId }),
}));

export const CaseCategoryRef = builder.loadableNode('CaseCategory', {
  id: { resolve: (c: CategoryRow) => c.id },
  load: (ids: string[], ctx) => rowsByIds<CategoryRow>(ctx.db, caseCategories, ids, 'CaseCategory'),
  fields: (t) => ({
    code: t.exposeString('code'),
    nameZh: t.exposeString('nameZh'),
    nameEn: t.exposeString('nameEn'),
    active: t.exposeBoolean('active'),
    defaultUrgency: t.field({ type: UrgencyEnum, nullable: true, resolve: (c) => c.defaultUrgency as never }),
    suggestedDepartmentKinds: t.field({ type: [DepartmentKindEnum], resolve: (c) => c.suggestedDepartmentKinds as never }),
  }),
});
builder.objectFields(CaseCategoryRef, (t) => ({
  parent: t.field({ type: CaseCategoryRef, nullable: true, resolve: (c) => c.parentId }),
}));

const DepartmentFilter = builder.inputType('DepartmentFilter', {
  fields: (t) => ({
    kind: t.field({ type: DepartmentKindEnum }),
    districtId: t.id(),
    parentId: t.id(),
    topLevelOnly: t.boolean(),
    active: t.boolean(),
    search: t.string({ validate: z.string().max(100) }),
  }),
});

builder.queryFields((t) => ({
  departments: t.connection({
    type: DepartmentRef,
    description: 'Departments that handle cases, ordered by code.',
    authScopes: staffOrPartner,
    args: { filter: t.arg({ type: DepartmentFilter }) },
    resolve: (_root, args, ctx) => {
      const f = args.filter ?? {};
      return listDepartments(ctx.db, {
        ...f,
        districtId: decodeId(f.districtId, 'District'),
        parentId: decodeId(f.parentId, 'Department'),
      }, args);
    },
  }),
  districts: t.field({
    type: [DistrictRef],
    description: 'The 16 districts of Beijing.',
    authScopes: staffOrPartner,
    resolve: (_root, _args, ctx) => listDistricts(ctx.db),
  }),
  caseCategories: t.field({
    type: [CaseCategoryRef],
    description: 'The two-level case taxonomy, parents and leaves, in display order.',
    authScopes: staffOrPartner,
    args: { includeInactive: t.arg.boolean({ defaultValue: false }) },
    resolve: (_root, args, ctx) => listCategories(ctx.db, !args.includeInactive),
  }),
  suggestedDepartments: t.field({
    type: [DepartmentRef],
    description: "Routing: departments of the category's suggested kinds, the district's own branch first. The operator picks.",
    authScopes: { anyRole: ['OPERATOR', 'SUPERVISOR'] },
    args: { categoryId: t.arg.id({ required: true }), districtId: t.arg.id() },
    resolve: async (_root, args, ctx) =>
      (await suggestDepartments(ctx.db, decodeId(args.categoryId, 'CaseCategory')!, decodeId(args.districtId, 'District'))).departments,
  }),
}));

// ── Administration (ADMIN): department names and activation, category routing hints, SLA policies.

const adminOnly = { role: 'ADMIN' } as const;

export const SlaPolicyRef = builder.loadableNode('SlaPolicy', {
  description: 'A deadline rule: phase × urgency → an amount of hours or working days (holidays and make-up days count).',
  id: { resolve: (p: SlaPolicyRow) => p.id },
  load: (ids: string[], ctx) => rowsByIds<SlaPolicyRow>(ctx.db, slaPolicies, ids, 'SlaPolicy'),
  authScopes: adminOnly,
  fields: (t) => ({
    phase: t.field({ type: SlaPhaseEnum, resolve: (p) => p.phase as never }),
    urgency: t.field({ type: UrgencyEnum, resolve: (p) => p.urgency as never }),
    amount: t.exposeInt('amount'),
    unit: t.field({ type: SlaUnitEnum, resolve: (p) => p.unit as never }),
    version: t.exposeInt('version'),
  }),
});

builder.objectFields(CaseCategoryRef, (t) => ({
  version: t.exposeInt('version'),
}));

const versioned = (t: PothosSchemaTypes.InputFieldBuilder<any, 'InputObject'>) => ({
  id: t.id({ required: true }),
  version: t.int({ description: 'The version you saw: a stale one is refused (StaleVersionError).' }),
});

const UpdateDepartmentInput = builder.inputType('UpdateDepartmentInput', {
  fields: (t) => ({ ...versioned(t), nameZh: t.string(), nameEn: t.string() }),
});
const DepartmentIdInput = builder.inputType('DepartmentIdInput', { fields: (t) => versioned(t) });
const UpdateCaseCategoryInput = builder.inputType('UpdateCaseCategoryInput', {
  fields: (t) => ({
    ...versioned(t),
    nameZh: t.string(),
    nameEn: t.string(),
    defaultUrgency: t.field({ type: UrgencyEnum }),
    suggestedDepartmentKinds: t.field({ type: [DepartmentKindEnum], description: 'In routing order: the first kind is suggested first.' }),
    active: t.boolean(),
  }),
});
const UpdateSlaPolicyInput = builder.inputType('UpdateSlaPolicyInput', {
  fields: (t) => ({ ...versioned(t), amount: t.int({ required: true }), unit: t.field({ type: SlaUnitEnum, required: true }) }),
});

const opt = <T>(v: T | null | undefined) => (v === null ? undefined : v);

const CreateDepartmentInput = builder.inputType('CreateDepartmentInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'Stable, upper case, e.g. PSB-110105; unique.' }),
    nameZh: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    kind: t.field({ type: DepartmentKindEnum, required: true }),
    districtId: t.id({ description: "Under a district-level parent: that district (the default)." }),
    parentId: t.id(),
    active: t.boolean({ description: 'Default true.' }),
  }),
});
const CreateCaseCategoryInput = builder.inputType('CreateCaseCategoryInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'Stable, upper case, e.g. SCHOOL-BULLYING; unique.' }),
    nameZh: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    parentId: t.id({ description: 'A top-level category: the taxonomy has two levels.' }),
    defaultUrgency: t.field({ type: UrgencyEnum }),
    suggestedDepartmentKinds: t.field({ type: [DepartmentKindEnum], description: 'In routing order: the first kind is suggested first.' }),
    active: t.boolean({ description: 'Default true.' }),
  }),
});

builder.queryFields((t) => ({
  slaPolicies: t.field({
    type: [SlaPolicyRef],
    description: 'The deadline rules, by phase and urgency.',
    authScopes: adminOnly,
    resolve: (_root, _args, ctx) => listSlaPolicies(ctx.db),
  }),
}));

builder.mutationFields((t) => ({
  createDepartment: t.field({
    type: DepartmentRef, authScopes: adminOnly, errors: {}, description: 'A new department; its code must be unused.',
    args: { input: t.arg({ type: CreateDepartmentInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createDepartment(ctx, { ...input, active: opt(input.active), kind: input.kind as never, districtId: decodeId(input.districtId, 'District', 'districtId'), parentId: decodeId(input.parentId, 'Department', 'parentId') }),
  }),
  createCaseCategory: t.field({
    type: CaseCategoryRef, authScopes: adminOnly, errors: {}, description: 'A new category (a parent, or a leaf under one); its code must be unused.',
    args: { input: t.arg({ type: CreateCaseCategoryInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createCaseCategory(ctx, {
        ...input, active: opt(input.active), parentId: decodeId(input.parentId, 'CaseCategory', 'parentId'), defaultUrgency: input.defaultUrgency as never,
        suggestedDepartmentKinds: opt(input.suggestedDepartmentKinds) as never,
      }),
  }),
  updateDepartment: t.field({
    type: DepartmentRef, authScopes: adminOnly, errors: {}, description: "A department's Chinese and English names.",
    args: { input: t.arg({ type: UpdateDepartmentInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateDepartment(ctx, { id: decodeId(String(input.id), 'Department')!, version: input.version, nameZh: opt(input.nameZh), nameEn: opt(input.nameEn) }),
  }),
  activateDepartment: t.field({
    type: DepartmentRef, authScopes: adminOnly, errors: {},
    args: { input: t.arg({ type: DepartmentIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => setDepartmentActive(ctx, { id: decodeId(String(input.id), 'Department')!, version: input.version }, true),
  }),
  deactivateDepartment: t.field({
    type: DepartmentRef, authScopes: adminOnly, errors: {}, description: 'No new dispatches and no routing suggestions; what it holds stays with it.',
    args: { input: t.arg({ type: DepartmentIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => setDepartmentActive(ctx, { id: decodeId(String(input.id), 'Department')!, version: input.version }, false),
  }),
  updateCaseCategory: t.field({
    type: CaseCategoryRef, authScopes: adminOnly, errors: {}, description: "A category's names, default urgency, routing hints and activation.",
    args: { input: t.arg({ type: UpdateCaseCategoryInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      updateCaseCategory(ctx, {
        id: decodeId(String(input.id), 'CaseCategory')!, version: input.version, nameZh: opt(input.nameZh), nameEn: opt(input.nameEn),
        defaultUrgency: input.defaultUrgency as never, suggestedDepartmentKinds: opt(input.suggestedDepartmentKinds) as never, active: opt(input.active),
      }),
  }),
  updateSlaPolicy: t.field({
    type: SlaPolicyRef, authScopes: adminOnly, errors: {}, description: 'Applies to deadlines set from now on.',
    args: { input: t.arg({ type: UpdateSlaPolicyInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateSlaPolicy(ctx, { id: decodeId(String(input.id), 'SlaPolicy')!, version: input.version, amount: input.amount, unit: input.unit as never }),
  }),
}));
