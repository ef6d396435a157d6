// GraphQL: districts, departments (Relay node + connection) and the case category taxonomy.
import { z } from 'zod';
import { builder } from '../../builder.js';
import { decodeId } from '../../graphql/ids.js';
import { DepartmentKindEnum, UrgencyEnum } from '../../graphql/enums.js';
import { rowsByIds } from '../../graphql/loaders.js';
import { departments, districts, caseCategories } from '../../../schema/index.js';
import { listCategories, listDepartments, listDistricts, suggestDepartments, type CategoryRow, type DepartmentRow, type DistrictRow } from './service.js';

const staffOrPartner = { loggedIn: true } as const;

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
    kind: t.field({ type: DepartmentKindEnum, resolve: (d) => d.kind as never }),
    active: t.exposeBoolean('active'),
    version: t.exposeInt('version'),
    district: t.field({ type: DistrictRef, nullable: true, resolve: (d) => d.districtId }),
  }),
});
builder.objectFields(DepartmentRef, (t) => ({
  parent: t.field({ type: DepartmentRef, nullable: true, resolve: (d) => d.parentId }),
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
