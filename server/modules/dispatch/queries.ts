// A department's queue: pending first, then by the next deadline; overdue and due-soon computed now.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { departments, dispatches, extensionRequests } from '../../../schema/index.js';
import { DISPATCH_STATUSES, type DispatchRole, type DispatchStatus } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import { keysetPage, type PageArgs } from '../../shared/pagination.js';
import { inClosedSet } from '../../shared/sql.js';
import { dispatchVisibility } from '../cases/access.js';
import { deadlineState, setting, type DeadlineState } from '../cases/deadlines.js';
import type { DispatchRow } from './service.js';

export interface DispatchFilter {
  departmentId?: string | null;
  caseId?: string | null;
  status?: DispatchStatus[] | null;
  role?: DispatchRole | null;
  overdue?: boolean | null;
  dueSoon?: boolean | null;
}

const nextDeadline = sql`(case when ${dispatches.status} = 'PENDING' then ${dispatches.acceptBy} else ${dispatches.replyBy} end)`;
const statusRank = sql`(case ${dispatches.status} when 'PENDING' then 0 when 'ACCEPTED' then 1 when 'REPLIED' then 2 when 'RETURNED' then 3 else 4 end)`;
const RANK: Record<string, number> = { PENDING: 0, ACCEPTED: 1, REPLIED: 2, RETURNED: 3, WITHDRAWN: 4 };

export function dispatchOverdueSql(now: Date): SQL {
  const at = now.toISOString();
  return sql`((${dispatches.status} = 'PENDING' and ${dispatches.acceptBy} < ${at}::timestamptz)
    or (${dispatches.status} in ('PENDING', 'ACCEPTED') and ${dispatches.replyBy} < ${at}::timestamptz))`;
}

/**
 * The dispatch's deadline state now, as the overdue and due-soon filters count it: while pending its
 * accept-by (a missed accept-by is OVERDUE, not hidden behind the later reply-by), once accepted its reply-by.
 */
export function dispatchDeadlineState(d: Pick<DispatchRow, 'status' | 'createdAt' | 'acceptBy' | 'replyBy'>, now: Date, dueSoonPercent: number): DeadlineState {
  if (d.status !== 'PENDING' && d.status !== 'ACCEPTED') return 'NONE';
  return deadlineState(d.createdAt, d.status === 'PENDING' ? d.acceptBy : d.replyBy, now, dueSoonPercent);
}

function dueSoonSql(now: Date, percent: number): SQL {
  const at = now.toISOString();
  return sql`(${dispatches.status} in ('PENDING', 'ACCEPTED') and not ${dispatchOverdueSql(now)}
    and ${at}::timestamptz >= ${nextDeadline} - (${nextDeadline} - ${dispatches.createdAt}) * ${percent / 100})`;
}

export async function listDispatches(ctx: ServiceContext, f: DispatchFilter, page: PageArgs) {
  const now = ctx.clock.now();
  const percent = await setting(ctx.db, 'dueSoonPercent');
  const where = and(
    await dispatchVisibility(ctx),
    f.departmentId ? eq(dispatches.departmentId, f.departmentId) : undefined,
    f.caseId ? eq(dispatches.caseId, f.caseId) : undefined,
    f.status?.length ? inClosedSet(dispatches.status, f.status, DISPATCH_STATUSES) : undefined,
    f.role ? eq(dispatches.role, f.role) : undefined,
    f.overdue === true ? dispatchOverdueSql(now) : f.overdue === false ? sql`not ${dispatchOverdueSql(now)}` : undefined,
    f.dueSoon === true ? dueSoonSql(now, percent) : undefined,
  );
  return keysetPage<DispatchRow>(page, {
    keys: [
      { expr: statusRank, cast: 'int', value: (d) => RANK[d.status] },
      { expr: nextDeadline, cast: 'timestamptz', value: (d) => (d.status === 'PENDING' ? d.acceptBy : d.replyBy) },
      { expr: dispatches.id, cast: 'uuid', value: (d) => d.id },
    ],
    direction: 'asc',
    fetch: (cursor, orderBy, limit) => ctx.db.select().from(dispatches).where(and(where, cursor)).orderBy(...orderBy).limit(limit),
    count: () => ctx.db.$count(dispatches, where),
  });
}

/** The dispatches of several cases with their departments, in one statement (a list shows both). */
export async function dispatchesOfCases(ctx: ServiceContext, caseIds: readonly string[]) {
  return ctx.db
    .select({ dispatch: dispatches, department: departments })
    .from(dispatches)
    .innerJoin(departments, eq(departments.id, dispatches.departmentId))
    .where(inArray(dispatches.caseId, [...caseIds]))
    .orderBy(dispatches.round, dispatches.createdAt, dispatches.id);
}

export async function extensionsOfDispatches(ctx: ServiceContext, ids: readonly string[]) {
  return ctx.db.select().from(extensionRequests).where(inArray(extensionRequests.dispatchId, [...ids])).orderBy(extensionRequests.createdAt);
}
