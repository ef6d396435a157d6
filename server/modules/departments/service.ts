// Departments, districts and case categories: reference data every module routes by.
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { caseCategories, departments, districts, slaPolicies } from '../../../schema/index.js';
import { DEPARTMENT_KINDS, SLA_UNITS, URGENCIES, type DepartmentKind } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Queryable, Tx } from '../../db.js';
import { ConflictError, InvalidTransitionError, NotFoundError, StaleVersionError, ValidationError } from '../../shared/errors.js';
import { keysetPage, type PageArgs } from '../../shared/pagination.js';
import { TtlCache } from '../../shared/ttl-cache.js';
import { parseInput } from '../../shared/validate.js';
import { recordAudit } from '../audit/service.js';
import { isUuid, requireRole } from '../auth/service.js';

export type DepartmentRow = typeof departments.$inferSelect;
export type DistrictRow = typeof districts.$inferSelect;
export type CategoryRow = typeof caseCategories.$inferSelect;
export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

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
export async function departmentSubtree(db: Queryable, departmentId: string, now = Date.now()): Promise<string[]> {
  return subtrees.get(departmentId, now, () => readSubtree(db, departmentId));
}

/** The tree changes only when an administrator edits departments; a minute of staleness is harmless. */
const subtrees = new TtlCache<string[]>(60_000);
export const forgetDepartmentTrees = () => subtrees.clear();

async function readSubtree(db: Queryable, departmentId: string): Promise<string[]> {
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

// ── Administration (ADMIN only): names and activation of departments, category routing hints, SLA
// policies. One transaction each: lock the row, check the version the caller saw, write, audit.

type Lockable = typeof departments | typeof caseCategories | typeof slaPolicies;

async function lockRow<T extends Lockable>(tx: Tx, table: T, entity: string, id: string, version?: number | null, field = 'id'): Promise<T['$inferSelect']> {
  const [row] = isUuid(id) ? await tx.select().from(table as typeof departments).where(eq((table as typeof departments).id, id)).for('update') : [];
  if (!row) throw new NotFoundError(entity, field);
  if (version != null && version !== row.version) throw new StaleVersionError(entity, row.version);
  return row as T['$inferSelect'];
}

/** The names of the fields whose value changes (for the audit event: names, never values of personal data). */
function changed(row: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((k) => JSON.stringify(row[k]) !== JSON.stringify(patch[k]));
}

const name = z.string().trim().min(1).max(200);
const ref = { id: z.string(), version: z.number().int().nullish() };

const departmentInput = z.object({ ...ref, nameZh: name.optional(), nameEn: name.optional() });

/** A department's Chinese and English names. */
export async function updateDepartment(ctx: ServiceContext, raw: z.input<typeof departmentInput>): Promise<DepartmentRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const { id, version, ...patch } = parseInput(departmentInput, raw, { keepNulls: true });
  return ctx.db.transaction(async (tx) => {
    const row = await lockRow(tx, departments, 'Department', id, version);
    const fields = changed(row, patch);
    const [updated] = await tx.update(departments).set({ ...patch, version: sql`${departments.version} + 1`, updatedAt: ctx.clock.now() }).where(eq(departments.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'department.update', entity: 'Department', entityId: id, fields, detail: { code: row.code, ...patch } });
    return updated!;
  });
}

/**
 * Activation: an inactive department receives no new dispatch (dispatching checks `active`) and drops
 * out of routing suggestions; what it already holds stays with it.
 */
export async function setDepartmentActive(ctx: ServiceContext, raw: { id: string; version?: number | null }, active: boolean): Promise<DepartmentRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const { id, version } = parseInput(z.object(ref), raw);
  return ctx.db.transaction(async (tx) => {
    const row = await lockRow(tx, departments, 'Department', id, version);
    if (row.active === active) throw new InvalidTransitionError('Department', active ? 'activate' : 'deactivate', row.active ? 'ACTIVE' : 'INACTIVE');
    const [updated] = await tx.update(departments).set({ active, version: sql`${departments.version} + 1`, updatedAt: ctx.clock.now() }).where(eq(departments.id, id)).returning();
    await recordAudit(tx, ctx, { action: active ? 'department.activate' : 'department.deactivate', entity: 'Department', entityId: id, fields: ['active'], detail: { code: row.code } });
    return updated!;
  });
}

const categoryInput = z.object({
  ...ref,
  nameZh: name.optional(),
  nameEn: name.optional(),
  defaultUrgency: z.enum(URGENCIES).nullish(),
  suggestedDepartmentKinds: z.array(z.enum(DEPARTMENT_KINDS)).max(DEPARTMENT_KINDS.length).optional(),
  active: z.boolean().optional(),
});

/** A category's names, default urgency, routing hints (department kinds, in order) and activation. */
export async function updateCaseCategory(ctx: ServiceContext, raw: z.input<typeof categoryInput>): Promise<CategoryRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const { id, version, ...input } = parseInput(categoryInput, raw, { keepNulls: true });
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<CategoryRow>;
  if (patch.suggestedDepartmentKinds) patch.suggestedDepartmentKinds = [...new Set(patch.suggestedDepartmentKinds)];
  return ctx.db.transaction(async (tx) => {
    const row = await lockRow(tx, caseCategories, 'CaseCategory', id, version);
    const fields = changed(row, patch);
    const [updated] = await tx.update(caseCategories).set({ ...patch, version: sql`${caseCategories.version} + 1`, updatedAt: ctx.clock.now() }).where(eq(caseCategories.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'case_category.update', entity: 'CaseCategory', entityId: id, fields, detail: { code: row.code, ...patch } });
    return updated!;
  });
}

// Codes are stable identifiers other systems route by (`PSB-110105`, `SCHOOL-BULLYING`): upper case.
const code = z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, 'Letters, digits and dashes, 2–40 characters');

/** The code is free, or a typed conflict naming it (the unique index decides under concurrency). */
function codeTaken(entity: string, value: string): never {
  throw new ConflictError(`A ${entity} with code ${value} already exists`, 'code');
}

const createDepartmentInput = z.object({
  code,
  nameZh: name,
  nameEn: name,
  kind: z.enum(DEPARTMENT_KINDS),
  districtId: z.string().nullish(),
  parentId: z.string().nullish(),
  active: z.boolean().default(true),
});

/**
 * A new department. Under a district-level parent it lies in that district (taken from the parent
 * when not given). Handlers of the parent see its cases, so the cached department trees are dropped.
 */
export async function createDepartment(ctx: ServiceContext, raw: z.input<typeof createDepartmentInput>): Promise<DepartmentRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(createDepartmentInput, raw);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const parent = input.parentId ? await lockRow(tx, departments, 'Parent department', input.parentId, null, 'parentId') : null;
    const districtId = input.districtId ?? parent?.districtId ?? null;
    if (districtId && !(isUuid(districtId) && (await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId))).length)) {
      throw new NotFoundError('District', 'districtId');
    }
    if (parent?.districtId && parent.districtId !== districtId) throw new ValidationError('A department under a district-level department lies in the same district', 'districtId');
    const [created] = await tx
      .insert(departments)
      .values({ code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, kind: input.kind, districtId, parentId: parent?.id ?? null, active: input.active, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: departments.code })
      .returning();
    if (!created) codeTaken('department', input.code);
    await recordAudit(tx, ctx, { action: 'department.create', entity: 'Department', entityId: created.id, fields: Object.keys(input), detail: { code: created.code, kind: created.kind, parent: parent?.code ?? null, active: created.active } });
    return created;
  });
  forgetDepartmentTrees();
  return row;
}

const createCategoryInput = z.object({
  code,
  nameZh: name,
  nameEn: name,
  parentId: z.string().nullish(),
  defaultUrgency: z.enum(URGENCIES).nullish(),
  suggestedDepartmentKinds: z.array(z.enum(DEPARTMENT_KINDS)).max(DEPARTMENT_KINDS.length).default([]),
  active: z.boolean().default(true),
});

/**
 * A new category. The taxonomy has two levels: a parent (no parent of its own) or a leaf under one.
 * It is listed after its siblings (leaves within their parent's block of the display order).
 */
export async function createCaseCategory(ctx: ServiceContext, raw: z.input<typeof createCategoryInput>): Promise<CategoryRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(createCategoryInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const parent = input.parentId ? await lockRow(tx, caseCategories, 'Parent category', input.parentId, null, 'parentId') : null;
    if (parent?.parentId) throw new ValidationError(`Categories have two levels: ${parent.code} is already under another category`, 'parentId');
    const [{ last }] = await tx
      .select({ last: sql<number | null>`max(${caseCategories.sortOrder})` })
      .from(caseCategories)
      .where(parent ? or(eq(caseCategories.id, parent.id), eq(caseCategories.parentId, parent.id)) : isNull(caseCategories.parentId)) as [{ last: number | null }];
    // parents take blocks of 100 in the display order; a leaf the next place in its parent's block
    const sortOrder = parent ? (last ?? parent.sortOrder) + 1 : (Math.floor((last ?? -100) / 100) + 1) * 100;
    const [created] = await tx
      .insert(caseCategories)
      .values({
        code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, parentId: parent?.id ?? null, defaultUrgency: input.defaultUrgency ?? null,
        suggestedDepartmentKinds: [...new Set(input.suggestedDepartmentKinds)], active: input.active, sortOrder, createdAt: now, updatedAt: now,
      })
      .onConflictDoNothing({ target: caseCategories.code })
      .returning();
    if (!created) codeTaken('category', input.code);
    await recordAudit(tx, ctx, { action: 'case_category.create', entity: 'CaseCategory', entityId: created.id, fields: Object.keys(input), detail: { code: created.code, parent: parent?.code ?? null, defaultUrgency: created.defaultUrgency, suggestedDepartmentKinds: created.suggestedDepartmentKinds } });
    return created;
  });
}


export function listSlaPolicies(db: Queryable) {
  return db.select().from(slaPolicies).orderBy(asc(slaPolicies.phase), asc(slaPolicies.urgency));
}

const slaInput = z.object({ ...ref, amount: z.number().int().min(1).max(1000), unit: z.enum(SLA_UNITS) });

/** A deadline rule: phase × urgency → amount of HOURS or WORKING_DAYS. Applies to deadlines set from now on. */
export async function updateSlaPolicy(ctx: ServiceContext, raw: z.input<typeof slaInput>): Promise<SlaPolicyRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const { id, version, ...patch } = parseInput(slaInput, raw, { keepNulls: true });
  return ctx.db.transaction(async (tx) => {
    const row = await lockRow(tx, slaPolicies, 'SlaPolicy', id, version);
    const [updated] = await tx.update(slaPolicies).set({ ...patch, version: sql`${slaPolicies.version} + 1`, updatedAt: ctx.clock.now() }).where(eq(slaPolicies.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'sla_policy.update', entity: 'SlaPolicy', entityId: id, fields: changed(row, patch), detail: { phase: row.phase, urgency: row.urgency, from: `${row.amount} ${row.unit}`, to: `${patch.amount} ${patch.unit}` } });
    return updated!;
  });
}
