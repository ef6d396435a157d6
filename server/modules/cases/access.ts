// Who may see and move cases. The desk sees every case; a department sees only the cases dispatched to
// it or to a department under it — in lists, by id, in nested fields and in subscriptions alike, since
// all of them go through `caseVisibility`.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { cases, dispatches } from '../../../schema/index.js';
import { DISPATCH_STATUSES, type DispatchStatus, type Role } from '../../../schema/enums.js';
import { memoize, type ServiceContext } from '../../context.js';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors.js';
import { inClosedSet } from '../../shared/sql.js';
import { hasRole, type Viewer } from '../auth/viewer.js';
import { departmentSubtree } from '../departments/service.js';

export const DESK: Role[] = ['OPERATOR', 'SUPERVISOR'];
/** Dispatch statuses through which a department still holds a case. */
const HELD: DispatchStatus[] = ['PENDING', 'ACCEPTED', 'REPLIED'];

export const isDesk = (viewer: Viewer) => hasRole(viewer, ...DESK);
export const isHandler = (viewer: Viewer) => viewer.departmentId !== null && hasRole(viewer, 'DEPARTMENT_HANDLER');

/** The viewer's department and everything under it (memoised per request). */
export function viewerDepartments(ctx: ServiceContext): Promise<string[]> {
  const dept = ctx.viewer.departmentId;
  if (!dept) return Promise.resolve([]);
  return memoize(ctx, `subtree:${dept}`, () => departmentSubtree(ctx.db, dept));
}

/** SQL that limits `cases` to what the viewer may see; refuses roles that see no case records. */
export async function caseVisibility(ctx: ServiceContext): Promise<SQL | undefined> {
  if (isDesk(ctx.viewer)) return undefined;
  if (isHandler(ctx.viewer)) {
    const depts = await viewerDepartments(ctx);
    // A correlated probe, not `exists`: PostgreSQL turns `exists` into a semi-join that reads every
    // dispatch the department holds before it can return the first page; a probe per case lets a
    // newest-first list stop at its page size.
    return sql`(select true from ${dispatches} where ${dispatches.caseId} = ${cases.id}
      and ${inArray(dispatches.departmentId, depts)} and ${inClosedSet(dispatches.status, HELD, DISPATCH_STATUSES)} limit 1) is not null`;
  }
  throw new ForbiddenError('Your role sees no case records');
}

/** SQL that limits `dispatches` to the viewer's. */
export async function dispatchVisibility(ctx: ServiceContext): Promise<SQL | undefined> {
  if (isDesk(ctx.viewer)) return undefined;
  if (isHandler(ctx.viewer)) return inArray(dispatches.departmentId, await viewerDepartments(ctx));
  throw new ForbiddenError('Your role sees no dispatches');
}

/**
 * Whose dispatch events the viewer may follow, checked when the subscription opens: the desk any department
 * (or the one it names), a handler its own and its sub-departments' (naming another narrows to nothing).
 */
export async function dispatchEventFilter(ctx: ServiceContext, departmentId: string | null): Promise<(departmentId: string) => boolean> {
  if (ctx.viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (isDesk(ctx.viewer)) return (d) => !departmentId || d === departmentId;
  if (isHandler(ctx.viewer)) {
    const own = new Set(await viewerDepartments(ctx));
    return (d) => own.has(d) && (!departmentId || d === departmentId);
  }
  throw new ForbiddenError('Your role sees no dispatches');
}

/**
 * A department acts only on its own (or its sub-departments') dispatches. Returns the check to run on
 * the locked row: the subtree is read before the transaction opens (the embedded database has one
 * connection, so a read beside an open transaction would wait for it forever).
 */
export async function ownDispatchGuard(ctx: ServiceContext): Promise<(departmentId: string) => void> {
  const own = isHandler(ctx.viewer) ? await viewerDepartments(ctx) : [];
  return (departmentId) => {
    if (!own.includes(departmentId)) throw new ForbiddenError('This dispatch belongs to another department');
  };
}

export function requireDesk(viewer: Viewer, supervisorOnly = false): void {
  const ok = supervisorOnly ? hasRole(viewer, 'SUPERVISOR') : isDesk(viewer);
  if (!ok) throw new ForbiddenError(supervisorOnly ? 'Only a supervisor may do this' : 'Only the hotline desk may do this');
}

export const visibleCase = (id: string, visibility: SQL | undefined) => and(eq(cases.id, id), visibility);
