// What makes a basis qualify, and who may not judge it. Both read exactly what the rule needs.
import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { auditEvents, cases, dispatches, reporters, suggestions, users } from '../../../schema/index.js';
import type { Queryable } from '../../db.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';

export interface CaseBasisFacts {
  caseId: string;
  code: string;
  status: string;
  mergeGroupId: string;
  /** The outcome of the latest lead reply. */
  leadOutcome: string | null;
  mandatoryReporter: boolean;
  claimCode: string | null;
  /** Reports of the same violation received before this one (the first reporter wins). */
  earlierReports: string[];
}

export async function caseBasisFacts(db: Queryable, caseId: string): Promise<CaseBasisFacts> {
  const [row] = await db
    .select({ c: cases, mandatory: reporters.mandatoryReporter, claimCode: reporters.claimCode })
    .from(cases)
    .leftJoin(reporters, eq(reporters.id, cases.reporterId))
    .where(eq(cases.id, caseId));
  if (!row) throw new NotFoundError('Case', 'basisCaseId');
  const [lead] = await db
    .select({ outcome: dispatches.replyOutcome })
    .from(dispatches)
    .where(and(eq(dispatches.caseId, caseId), eq(dispatches.role, 'LEAD'), eq(dispatches.status, 'REPLIED')))
    .orderBy(desc(dispatches.round), desc(dispatches.repliedAt))
    .limit(1);
  const group = await db
    .select({ code: cases.code, receivedAt: cases.receivedAt })
    .from(cases)
    .where(and(eq(cases.mergeGroupId, row.c.mergeGroupId), ne(cases.id, caseId)))
    .orderBy(asc(cases.receivedAt));
  return {
    caseId, code: row.c.code, status: row.c.status, mergeGroupId: row.c.mergeGroupId, leadOutcome: lead?.outcome ?? null,
    mandatoryReporter: row.mandatory ?? false, claimCode: row.claimCode,
    earlierReports: group.filter((g) => g.receivedAt < row.c.receivedAt || (g.receivedAt.getTime() === row.c.receivedAt.getTime() && g.code < row.c.code)).map((g) => g.code),
  };
}

/** A REPORT_REWARD basis: closed, substantiated by the lead, not a mandatory reporter, the first reporter. */
export function assertCaseQualifies(f: CaseBasisFacts): void {
  if (f.status !== 'CLOSED') throw new ConflictError(`Case ${f.code} is ${f.status}, not CLOSED`, 'basisCaseId');
  if (f.leadOutcome !== 'SUBSTANTIATED') throw new ConflictError(`The lead reply on ${f.code} is not SUBSTANTIATED`, 'basisCaseId');
  if (f.mandatoryReporter) throw new ConflictError('A mandatory reporter had a duty to report: not eligible for a tip-off reward', 'basisCaseId');
  if (f.earlierReports.length) throw new ConflictError(`Not the first report of this violation (earlier: ${f.earlierReports.join(', ')})`, 'basisCaseId');
  if (!f.claimCode) throw new ConflictError('The case has no reporter to reward', 'basisCaseId');
}

export async function suggestionBasis(db: Queryable, suggestionId: string) {
  const [row] = await db.select().from(suggestions).where(eq(suggestions.id, suggestionId));
  if (!row) throw new NotFoundError('Suggestion', 'basisSuggestionId');
  return row;
}

export function assertSuggestionQualifies(s: typeof suggestions.$inferSelect): void {
  if (s.status !== 'EFFECTIVE') throw new ConflictError(`Suggestion ${s.code} is ${s.status}, not EFFECTIVE`, 'basisSuggestionId');
}

/**
 * Users who may not judge a record: its nominator and reviewer, and everyone who wrote to its basis
 * (the cases of the merge group and their dispatches, or the suggestion) — the audit trail says who.
 */
export async function conflictedUsers(db: Queryable, record: { nominatedById: string | null; reviewedById: string | null; basisMergeGroupId: string | null; basisSuggestionId: string | null }): Promise<Set<string>> {
  const out = new Set<string>([record.nominatedById, record.reviewedById].filter((x): x is string => !!x));
  let basis;
  if (record.basisMergeGroupId) {
    const groupCases = db.select({ id: cases.id }).from(cases).where(eq(cases.mergeGroupId, record.basisMergeGroupId));
    const groupDispatches = db.select({ id: dispatches.id }).from(dispatches).where(inArray(dispatches.caseId, groupCases));
    basis = or(and(eq(auditEvents.entity, 'Case'), inArray(auditEvents.entityId, groupCases)), and(eq(auditEvents.entity, 'Dispatch'), inArray(auditEvents.entityId, groupDispatches)));
  } else {
    basis = and(eq(auditEvents.entity, 'Suggestion'), eq(auditEvents.entityId, record.basisSuggestionId!));
  }
  const rows = await db
    .selectDistinct({ id: auditEvents.actorId })
    .from(auditEvents)
    .where(and(basis, eq(auditEvents.actorKind, 'USER'), ne(auditEvents.action, 'personal_data.read')));
  for (const r of rows) if (r.id) out.add(r.id);
  return out;
}

export async function committeeMembers(db: Queryable) {
  return db
    .select({ id: users.id, username: users.username, roles: users.roles })
    .from(users)
    .where(and(eq(users.active, true), sql`${users.roles} && ARRAY['COMMITTEE_MEMBER', 'COMMITTEE_CHAIR']::text[]`));
}
