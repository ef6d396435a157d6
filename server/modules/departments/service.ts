// Departments, districts and case categories: reference data every module routes by.
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { caseCategories, departments, districts } from '../../../schema/index.js';
import type { DepartmentKind } from '../../../schema/enums.js';
import type { Queryable } from '../../db.js';
import { keysetPage, type PageArgs } from '../../shared/pagination.js';

export type DepartmentRow = typeof departments.$inferSelect;
export type DistrictRow = typeof districts.$inferSelect;
export type CategoryRow = typeof caseCategories.$inferSelect;

export interface DepartmentFilter {
  kind?: DepartmentKind | null;
  districtId?: string | null;
  parentId?: string | null;
  topLevelOnly?: boolean | null;
  active?: boolean | null;
  search?: string | null;
}

function departmentWhere(f: DepartmentFilter): SQL | undefined {
  const like = f.search ? `%${f.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  return and(
    f.kind ? eq(departments.kind, f.kind) : undefined,
    f.districtId ? eq(departments.districtId, f.districtId) : undefined,
    f.parentId ? eq(departments.parentId, f.parentId) : undefined,
    f.topLevelOnly ? isNull(departments.parentId) : undefined,
    f.active != null ? eq(departments.active, f.active) : undefined,
    like ? or(ilike(departments.nameZh, like), ilike(departments.nameEn, like), ilike(departments.code, like)) : undefined,
  );
}

export function listDepartments(db: Queryable, filter: DepartmentFilter, page: PageArgs) {
  const where = departmentWhere(filter);
  return keysetPage<DepartmentRow>(page, {
    keys: [{ expr: departments.code, cast: 'text', value: (r) => r.code }],
    direction: 'asc',
    fetch: (cursor, orderBy, limit) => db.select().from(departments).where(and(where, cursor)).orderBy(...orderBy).limit(limit),
    count: async () => (await db.$count(departments, where)),
  });
}

/** A department and everything under it: a handler of a city bureau sees its district branches' cases too. */
export async function departmentSubtree(db: Queryable, departmentId: string): Promise<string[]> {
  const rows = (await db
    .select({ id: departments.id, parentId: departments.parentId })
    .from(departments)) as { id: string; parentId: string | null }[];
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const out: string[] = [];
  const stack = [departmentId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export function listDistricts(db: Queryable) {
  return db.select().from(districts).orderBy(asc(districts.code));
}

export function listCategories(db: Queryable, activeOnly: boolean) {
  return db
    .select()
    .from(caseCategories)
    .where(activeOnly ? eq(caseCategories.active, true) : undefined)
    .orderBy(asc(caseCategories.sortOrder), asc(caseCategories.code));
}

/** Departments of the suggested kinds, the district's own branch first, then city level. */
export async function suggestDepartments(db: Queryable, categoryId: string, districtId: string | null) {
  const [category] = await db.select().from(caseCategories).where(eq(caseCategories.id, categoryId));
  if (!category) return { category: null, departments: [] as DepartmentRow[] };
  const kinds = category.suggestedDepartmentKinds;
  if (kinds.length === 0) return { category, departments: [] };
  const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
  const rows = await db
    .select()
    .from(departments)
    .where(and(eq(departments.active, true), sql`${departments.kind} in (${kindList})`,
      districtId ? or(eq(departments.districtId, districtId), isNull(departments.districtId)) : isNull(departments.districtId)))
    .orderBy(sql`array_position(${sql.raw(`ARRAY[${kinds.map((k) => `'${k}'`).join(',')}]::text[]`)}, ${departments.kind})`, sql`${departments.districtId} is null`, asc(departments.code));
  return { category, departments: rows };
}
