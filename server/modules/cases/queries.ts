// Reading cases: the filtered list, the timeline, linked cases and subject alerts — always through
// the viewer's visibility.
import { and, asc, desc, eq, gte, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { auditEvents, caseCategories, caseSubjects, cases, dispatches, subjectAlerts } from '../../../schema/index.js';
import { CASE_STATUSES, type CaseChannel, type CaseKind, type CaseStatus, type ProtectionDomain, type Urgency } from '../../../schema/enums.js';
import { recordAudit } from '../audit/service.js';
import { caseColumns } from './workflow.js';
import type { ServiceContext } from '../../context.js';
import { groupBy, requestLoader, visibleByIds } from '../../graphql/loaders.js';
import { selectPlanned, type PlannedSelect, type Relation } from '../../graphql/projection.js';
import { keysetPage, type OrderKey, type PageArgs } from '../../shared/pagination.js';
import { NotFoundError } from '../../shared/errors.js';
import { inClosedSet } from '../../shared/sql.js';
import { caseVisibility, requireDesk, visibleCase } from './access.js';
import { searchQueryText } from './search.js';
import type { CaseRow } from './workflow.js';

export interface CaseFilter {
  status?: CaseStatus[] | null;
  categoryId?: string | null;
  domain?: ProtectionDomain | null;
  urgency?: Urgency | null;
  channel?: CaseChannel | null;
  kind?: CaseKind | null;
  districtId?: string | null;
  departmentId?: string | null;
  overdue?: boolean | null;
  receivedFrom?: Date | null;
  receivedTo?: Date | null;
  search?: string | null;
}

export type CaseOrder = 'RECEIVED_AT_DESC' | 'RECEIVED_AT_ASC' | 'DISPATCH_BY_ASC';

/** Late right now: the desk's dispatch-by passed, or an open dispatch is past its accept-by or reply-by. */
export function overdueSql(now: Date): SQL {
  const at = now.toISOString();
  // Only open work is late: a closed, merged or invalid case is never overdue.
  return sql`(${cases.status} not in ('CLOSED', 'MERGED', 'INVALID') and ((${cases.status} in ('RECEIVED', 'REOPENED') and ${cases.dispatchBy} < ${at}::timestamptz)
    or exists (select 1 from ${dispatches} where ${dispatches.caseId} = ${cases.id} and (
      (${dispatches.status} = 'PENDING' and ${dispatches.acceptBy} < ${at}::timestamptz)
      or (${dispatches.status} in ('PENDING', 'ACCEPTED') and ${dispatches.replyBy} < ${at}::timestamptz)))))`;
}

export async function caseWhere(ctx: ServiceContext, f: CaseFilter): Promise<SQL | undefined> {
  const visibility = await caseVisibility(ctx);
  const tsquery = f.search ? searchQueryText(f.search) : null;
  const like = f.search ? `%${f.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  return and(
    visibility,
    f.status?.length ? inClosedSet(cases.status, f.status, CASE_STATUSES) : undefined,
    f.categoryId
      ? or(eq(cases.categoryId, f.categoryId), sql`${cases.categoryId} in (select ${caseCategories.id} from ${caseCategories} where ${caseCategories.parentId} = ${f.categoryId})`)
      : undefined,
    f.domain ? eq(cases.domain, f.domain) : undefined,
    f.urgency ? eq(cases.urgency, f.urgency) : undefined,
    f.channel ? eq(cases.channel, f.channel) : undefined,
    f.kind ? eq(cases.kind, f.kind) : undefined,
    f.districtId ? eq(cases.districtId, f.districtId) : undefined,
    f.departmentId
      ? sql`exists (select 1 from ${dispatches} where ${dispatches.caseId} = ${cases.id} and ${dispatches.departmentId} = ${f.departmentId})`
      : undefined,
    f.overdue === true ? overdueSql(ctx.clock.now()) : f.overdue === false ? sql`not ${overdueSql(ctx.clock.now())}` : undefined,
    f.receivedFrom ? gte(cases.receivedAt, f.receivedFrom) : undefined,
    f.receivedTo ? lt(cases.receivedAt, f.receivedTo) : undefined,
    // The bigram index narrows; the phrase itself is rechecked (a bigram match is not a phrase match).
    f.search
      ? tsquery
        ? and(sql`${cases.searchVector} @@ ${tsquery}::tsquery`, or(sql`${cases.code} ilike ${like}`, sql`${cases.summary} ilike ${like}`, sql`${cases.narrative} ilike ${like}`))
        : sql`false`
      : undefined,
  );
}

// Each order beside the row properties its cursor is made of, which a planned list reads whatever was asked.
const byReceipt: OrderKey<CaseRow>[] = [{ expr: cases.receivedAt, cast: 'timestamptz', value: (c) => c.receivedAt }, { expr: cases.id, cast: 'uuid', value: (c) => c.id }];
const ORDERS: Record<CaseOrder, { keys: OrderKey<CaseRow>[]; direction: 'asc' | 'desc'; reads: (keyof CaseRow)[] }> = {
  RECEIVED_AT_DESC: { keys: byReceipt, direction: 'desc', reads: ['receivedAt', 'id'] },
  RECEIVED_AT_ASC: { keys: byReceipt, direction: 'asc', reads: ['receivedAt', 'id'] },
  DISPATCH_BY_ASC: {
    keys: [
      { expr: sql`coalesce(${cases.dispatchBy}, 'infinity'::timestamptz)`, cast: 'timestamptz', value: (c) => c.dispatchBy ?? 'infinity' },
      { expr: cases.id, cast: 'uuid', value: (c) => c.id },
    ],
    direction: 'asc',
    reads: ['dispatchBy', 'id'],
  },
};

/** What a case list in `order` reads whatever was asked: the columns its cursors are made of. */
export const cursorColumns = (order: CaseOrder): (keyof CaseRow)[] => ORDERS[order].reads;

/**
 * A page of cases; `select` (planned from what the client asked, with the order's `cursorColumns`) reads fewer
 * columns and nests children.
 */
export async function listCases(ctx: ServiceContext, filter: CaseFilter, order: CaseOrder, page: PageArgs, select?: PlannedSelect) {
  const where = await caseWhere(ctx, filter);
  const o = ORDERS[order];
  return keysetPage<CaseRow>(page, {
    ...o,
    fetch: async (cursor, orderBy, limit) => {
      const query = ctx.db.select(select?.fields ?? caseColumns).from(cases).where(and(where, cursor)).orderBy(...orderBy).limit(limit);
      return select ? selectPlanned<CaseRow>(ctx.db, query, select) : ((await query) as CaseRow[]);
    },
    count: () => ctx.db.$count(cases, where),
  });
}

/** One case as a page asks for it (`select` planned from the selection); NOT_FOUND, as by its loader, when the viewer may not see it. */
export async function readPlannedCase(ctx: ServiceContext, id: string, select: PlannedSelect): Promise<CaseRow> {
  const [row] = await visibleByIds([id], 'Case', async ([valid]) =>
    selectPlanned<CaseRow>(ctx.db, ctx.db.select(select.fields).from(cases).where(visibleCase(valid!, await caseVisibility(ctx))), select));
  if (row instanceof Error) throw row;
  return row!;
}

/** Cases by id that the viewer may see (others are simply absent). */
export async function visibleCasesByIds(ctx: ServiceContext, ids: readonly string[]) {
  if (!ids.length) return [];
  return ctx.db.select(caseColumns).from(cases).where(and(inArray(cases.id, [...ids]), await caseVisibility(ctx)));
}

export async function visibleCasesByCode(ctx: ServiceContext, code: string) {
  return ctx.db.select(caseColumns).from(cases).where(and(eq(cases.code, code.trim().toUpperCase()), await caseVisibility(ctx)));
}

/** Every write on the case and its dispatches, oldest first: who, what, when. */
export async function caseTimeline(ctx: ServiceContext, caseId: string) {
  const dispatchIds = ctx.db.select({ id: dispatches.id }).from(dispatches).where(eq(dispatches.caseId, caseId));
  return ctx.db
    .select()
    .from(auditEvents)
    .where(and(
      or(and(eq(auditEvents.entity, 'Case'), eq(auditEvents.entityId, caseId)), and(eq(auditEvents.entity, 'Dispatch'), inArray(auditEvents.entityId, dispatchIds))),
      ne(auditEvents.action, 'personal_data.read'),
    ))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
}

/** caseTimeline as a relation the planner nests in a case's own statement: the same events in the same order. */
export const timelineRelation: Relation = {
  table: auditEvents,
  on: (e, c) => `((${e}.entity = 'Case' and ${e}.entity_id = ${c}.id)
    or (${e}.entity = 'Dispatch' and ${e}.entity_id in (select t.id from dispatches t where t.case_id = ${c}.id)))
    and ${e}.action <> 'personal_data.read'`,
  orderBy: (e) => `${e}.at, ${e}.id`,
};

/** Other cases about the same child, household, adult, school or address. */
export async function linkedCases(ctx: ServiceContext, caseId: string) {
  const shared = ctx.db.select({ id: caseSubjects.subjectId }).from(caseSubjects).where(eq(caseSubjects.caseId, caseId));
  return ctx.db
    .selectDistinct({ c: cases })
    .from(cases)
    .innerJoin(caseSubjects, eq(caseSubjects.caseId, cases.id))
    .where(and(inArray(caseSubjects.subjectId, shared), ne(cases.id, caseId), await caseVisibility(ctx)))
    .orderBy(desc(cases.receivedAt))
    .limit(50)
    .then((rows) => rows.map((r) => r.c));
}

/**
 * One page of cases per subject, for many subjects in one statement: the cases linked to each subject
 * that the viewer may see, ranked per subject in `orderBy` after `cursor`, at most `limit` each.
 */
export async function casesBySubjects(ctx: ServiceContext, subjectIds: readonly string[], cursor: SQL | undefined, orderBy: SQL[], limit: number): Promise<CaseRow[][]> {
  // a case may name one subject in two roles: one link per case and subject
  const links = ctx.db.selectDistinct({ caseId: caseSubjects.caseId, subjectId: caseSubjects.subjectId }).from(caseSubjects)
    .where(inArray(caseSubjects.subjectId, [...subjectIds])).as('links');
  const ranked = ctx.db
    .select({ ...caseColumns, linkedSubjectId: links.subjectId, rank: sql<number>`row_number() over (partition by ${links.subjectId} order by ${sql.join(orderBy, sql`, `)})`.as('rank') })
    .from(cases)
    .innerJoin(links, eq(links.caseId, cases.id))
    .where(and(await caseVisibility(ctx), cursor))
    .as('ranked');
  const rows = await ctx.db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(asc(ranked.rank));
  return groupBy(subjectIds, rows, (r) => r.linkedSubjectId).map((group) => group.map(({ linkedSubjectId: _s, rank: _r, ...c }) => c as CaseRow));
}

/** How many cases the viewer may see per subject, in one statement. */
export async function caseCountsBySubjects(ctx: ServiceContext, subjectIds: readonly string[]): Promise<number[]> {
  const rows = await ctx.db
    .select({ subjectId: caseSubjects.subjectId, count: sql<number>`count(distinct ${cases.id})::int` })
    .from(caseSubjects)
    .innerJoin(cases, eq(cases.id, caseSubjects.caseId))
    .where(and(inArray(caseSubjects.subjectId, [...subjectIds]), await caseVisibility(ctx)))
    .groupBy(caseSubjects.subjectId);
  const bySubject = new Map(rows.map((r) => [r.subjectId, r.count]));
  return subjectIds.map((id) => bySubject.get(id) ?? 0);
}

/** A subject's cases as a connection (newest first), batched with the other subjects on the page. */
export function casesOfSubject(ctx: ServiceContext, subjectId: string, page: PageArgs) {
  const args = JSON.stringify([page.first, page.last, page.after, page.before]);
  return keysetPage<CaseRow>(page, {
    ...ORDERS.RECEIVED_AT_DESC,
    fetch: (cursor, orderBy, limit) =>
      requestLoader<string, CaseRow[]>(ctx, `casesOfSubject:${args}`, (ids) => casesBySubjects(ctx, ids, cursor, orderBy, limit)).load(subjectId),
    count: () => requestLoader<string, number>(ctx, 'caseCountOfSubject', (ids) => caseCountsBySubjects(ctx, ids)).load(subjectId),
  });
}

export async function listSubjectAlerts(ctx: ServiceContext, openOnly: boolean, page: PageArgs) {
  requireDesk(ctx.viewer, true);
  const where = openOnly ? sql`${subjectAlerts.acknowledgedAt} is null` : undefined;
  type Row = typeof subjectAlerts.$inferSelect;
  return keysetPage<Row>(page, {
    keys: [{ expr: subjectAlerts.raisedAt, cast: 'timestamptz', value: (a) => a.raisedAt }, { expr: subjectAlerts.id, cast: 'uuid', value: (a) => a.id }],
    direction: 'desc',
    fetch: (cursor, orderBy, limit) => ctx.db.select().from(subjectAlerts).where(and(where, cursor)).orderBy(...orderBy).limit(limit),
    count: () => ctx.db.$count(subjectAlerts, where),
  });
}

export async function acknowledgeSubjectAlert(ctx: ServiceContext, alertId: string) {
  requireDesk(ctx.viewer, true);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(subjectAlerts)
      .set({ acknowledgedById: ctx.viewer.id, acknowledgedAt: ctx.clock.now() })
      .where(and(eq(subjectAlerts.id, alertId), sql`${subjectAlerts.acknowledgedAt} is null`))
      .returning();
    if (!row) throw new NotFoundError('Open subject alert', 'alertId');
    await recordAudit(tx, ctx, { action: 'subject_alert.acknowledge', entity: 'SubjectAlert', entityId: alertId });
    return row;
  });
}
