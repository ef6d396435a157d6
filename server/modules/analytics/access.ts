// Who reads what in analytics (RULES.md, A1–A5). Analysts and published reports get no personal data
// and no case records, and see small counts suppressed; the desk (operator, supervisor) may see the
// cases behind a hotspot and exact counts; a department reads its own performance and the reports
// published to it; everyone else is refused.
import type { Role } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import { ForbiddenError } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../auth/viewer.js';
import { isDesk, isHandler, viewerDepartments } from '../cases/access.js';

export const STATS_READERS: Role[] = ['ANALYST', 'SUPERVISOR', 'OPERATOR'];
export const PERFORMANCE_READERS: Role[] = ['ANALYST', 'SUPERVISOR', 'OPERATOR', 'DEPARTMENT_HANDLER'];
export const REPORT_WRITERS: Role[] = ['ANALYST', 'SUPERVISOR'];
export const REPORT_READERS: Role[] = ['ANALYST', 'SUPERVISOR', 'OPERATOR', 'DEPARTMENT_HANDLER'];

/** Counts under 5 in fine breakdowns are hidden from this viewer (an analyst who is not also desk staff). */
export const seesSuppressed = (viewer: Viewer) => !isDesk(viewer);

export function requireStatsReader(viewer: Viewer): void {
  if (!hasRole(viewer, ...STATS_READERS)) throw new ForbiddenError('Statistics are for analysts and the desk');
}

export function requireReportWriter(viewer: Viewer): void {
  if (!hasRole(viewer, ...REPORT_WRITERS)) throw new ForbiddenError('Only an analyst or a supervisor writes analysis reports');
}

/** Drafts are seen by those who write reports; the desk reads published ones; departments those published to them. */
export const readsAllReports = (viewer: Viewer) => hasRole(viewer, ...REPORT_WRITERS);

/**
 * The departments whose performance the viewer may read: null means all of them (analyst, desk);
 * a department handler gets its own department and those under it.
 */
export async function performanceScope(ctx: ServiceContext): Promise<string[] | null> {
  if (hasRole(ctx.viewer, 'ANALYST', 'SUPERVISOR', 'OPERATOR')) return null;
  if (isHandler(ctx.viewer)) return viewerDepartments(ctx);
  throw new ForbiddenError('Department performance is for analysts, the desk and the department itself');
}
