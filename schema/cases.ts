// Cases (诉求工单), their reporters and subjects, dispatches (派单), extensions and follow-ups (回访).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { checkRaw, createdAt, id, oneOf, timestamps, tstz, tsvector, version, pgTable } from './columns.js';
import {
  CASE_CHANNELS, CASE_KINDS, CASE_RESOLUTIONS, CASE_STATUSES, DISPATCH_OUTCOMES, DISPATCH_ROLES, DISPATCH_STATUSES,
  EXTENSION_STATUSES, FOLLOW_UP_RESPONDENTS, PERPETRATOR_RELATIONS, PROTECTION_DOMAINS, REPORTER_RELATIONS,
  SATISFACTIONS, SUBJECT_KINDS, SUBJECT_ROLES, URGENCIES,
  type CaseChannel, type CaseKind, type CaseResolution, type CaseStatus, type DispatchOutcome, type DispatchRole, type DispatchStatus,
  type PerpetratorRelation, type ProtectionDomain, type ReporterRelation, type Urgency,
} from './enums.js';
import { apiTokens, users } from './auth.js';
import { caseCategories, departments, districts } from './reference.js';

/** Who called. Identity and contact live in reporter_identities (personal data). */
export const reporters = pgTable(
  'reporters',
  {
    id: id(),
    relationToMinor: text().$type<ReporterRelation>().notNull().default('OTHER'),
    anonymous: boolean().notNull().default(false),
    mandatoryReporter: boolean().notNull().default(false),
    mandatoryReceiptCode: text().unique(),
    consentToShareContact: boolean().notNull().default(false),
    /** Whether a safe way to call back exists; the way itself is personal data. */
    hasSafeContact: boolean().notNull().default(true),
    /** The pseudonymous identity that follows the person from case to reward. */
    claimCode: text().notNull().unique(),
    createdAt: createdAt(),
  },
  () => [
    oneOf('reporters', 'relation_to_minor', REPORTER_RELATIONS),
    checkRaw('reporters_receipt_only_mandatory', '"mandatory_receipt_code" IS NULL OR "mandatory_reporter"'),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: id(),
    code: text().notNull().unique(),
    channel: text().$type<CaseChannel>().notNull(),
    kind: text().$type<CaseKind>().notNull(),
    categoryId: uuid().notNull().references(() => caseCategories.id),
    domain: text().$type<ProtectionDomain>().notNull(),
    urgency: text().$type<Urgency>().notNull(),
    guardianInvolved: boolean().notNull().default(false),
    perpetratorRelation: text().$type<PerpetratorRelation>().notNull().default('UNKNOWN'),
    reasonableSuspicion: boolean().notNull().default(false),
    districtId: uuid().references(() => districts.id),
    street: text(),
    summary: text().notNull(),
    narrative: text().notNull().default(''),
    status: text().$type<CaseStatus>().notNull().default('RECEIVED'),
    resolution: text().$type<CaseResolution>(),
    closeReason: text(),
    reporterId: uuid().references(() => reporters.id),
    /** The earliest report of the same violation; equals id until merged. The reward basis. */
    mergeGroupId: uuid().notNull(),
    mergedIntoId: uuid().references((): AnyPgColumn => cases.id),
    statusReason: text(),
    receivedAt: tstz().notNull(),
    /** Beijing calendar day of receipt (Asia/Shanghai), the day of the case code. */
    receivedDay: date({ mode: 'string' }).notNull(),
    dispatchBy: tstz(),
    closedAt: tstz(),
    createdById: uuid().references(() => users.id),
    intakeTokenId: uuid().references(() => apiTokens.id),
    searchVector: tsvector().notNull(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('cases', 'channel', CASE_CHANNELS),
    oneOf('cases', 'kind', CASE_KINDS),
    oneOf('cases', 'domain', PROTECTION_DOMAINS),
    oneOf('cases', 'urgency', URGENCIES),
    oneOf('cases', 'status', CASE_STATUSES),
    oneOf('cases', 'resolution', CASE_RESOLUTIONS, true),
    oneOf('cases', 'perpetrator_relation', PERPETRATOR_RELATIONS),
    index('cases_status_received_idx').on(t.status, t.receivedAt),
    index('cases_district_status_received_idx').on(t.districtId, t.status, t.receivedAt),
    index('cases_category_received_idx').on(t.categoryId, t.receivedAt),
    index('cases_received_idx').on(t.receivedAt),
    index('cases_merge_group_idx').on(t.mergeGroupId),
    index('cases_reporter_idx').on(t.reporterId),
    index('cases_search_idx').using('gin', t.searchVector),
    // Queues read a district's open cases newest first: an ordered scan that stops at the page size.
    index('cases_open_district_received_idx')
      .on(t.districtId, t.receivedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`"status" IN ('RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED')`),
  ],
);

/** A child, adult, household, school or address that cases are about. The key never holds a name in clear. */
export const subjects = pgTable(
  'subjects',
  {
    id: id(),
    kind: text().notNull(),
    /** sha256 of the normalised matching attributes (a minor: name + birth year + district). */
    matchKey: text().notNull(),
    districtId: uuid().references(() => districts.id),
    reportCount: integer().notNull().default(0),
    alertedAt: tstz(),
    ...timestamps(),
  },
  (t) => [oneOf('subjects', 'kind', SUBJECT_KINDS), uniqueIndex('subjects_kind_key').on(t.kind, t.matchKey)],
);

export const caseSubjects = pgTable(
  'case_subjects',
  {
    caseId: uuid().notNull().references(() => cases.id),
    subjectId: uuid().notNull().references(() => subjects.id),
    role: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.subjectId, t.role] }),
    oneOf('case_subjects', 'role', SUBJECT_ROLES),
    index('case_subjects_subject_idx').on(t.subjectId),
  ],
);

/** Raised when a subject reaches the configured number of reports; supervisors acknowledge it. */
export const subjectAlerts = pgTable(
  'subject_alerts',
  {
    id: id(),
    subjectId: uuid().notNull().references(() => subjects.id),
    reportCount: integer().notNull(),
    raisedAt: tstz().notNull(),
    acknowledgedById: uuid().references(() => users.id),
    acknowledgedAt: tstz(),
  },
  (t) => [index('subject_alerts_open_idx').on(t.acknowledgedAt, t.raisedAt)],
);

export const dispatches = pgTable(
  'dispatches',
  {
    id: id(),
    caseId: uuid().notNull().references(() => cases.id),
    departmentId: uuid().notNull().references(() => departments.id),
    role: text().$type<DispatchRole>().notNull(),
    instructions: text().notNull().default(''),
    status: text().$type<DispatchStatus>().notNull().default('PENDING'),
    /** Re-dispatch round (重办): 1 for the first dispatch of a case, +1 after each reopen or return. */
    round: integer().notNull().default(1),
    acceptBy: tstz().notNull(),
    replyBy: tstz().notNull(),
    acceptedAt: tstz(),
    returnedAt: tstz(),
    returnReason: text(),
    repliedAt: tstz(),
    replyResult: text(),
    replyMeasures: text(),
    replyOutcome: text().$type<DispatchOutcome>(),
    withdrawnAt: tstz(),
    withdrawReason: text(),
    /** Set on an ASSIST created by the lead's summons (吹哨报到). */
    summonedById: uuid().references((): AnyPgColumn => dispatches.id),
    dispatchedById: uuid().references(() => users.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('dispatches', 'role', DISPATCH_ROLES),
    oneOf('dispatches', 'status', DISPATCH_STATUSES),
    oneOf('dispatches', 'reply_outcome', DISPATCH_OUTCOMES, true),
    index('dispatches_case_idx').on(t.caseId),
    index('dispatches_queue_idx').on(t.departmentId, t.status, t.replyBy),
    uniqueIndex('dispatches_one_open_lead')
      .on(t.caseId)
      .where(sql`"role" = 'LEAD' AND "status" IN ('PENDING', 'ACCEPTED')`),
  ],
);

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: id(),
    dispatchId: uuid().notNull().references(() => dispatches.id),
    reason: text().notNull(),
    requestedReplyBy: tstz().notNull(),
    status: text().notNull().default('PENDING'),
    requestedById: uuid().references(() => users.id),
    requestedByTokenId: uuid().references(() => apiTokens.id),
    decidedById: uuid().references(() => users.id),
    decidedAt: tstz(),
    decisionNote: text(),
    version: version(),
    ...timestamps(),
  },
  (t) => [oneOf('extension_requests', 'status', EXTENSION_STATUSES), index('extension_requests_dispatch_idx').on(t.dispatchId)],
);

export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    caseId: uuid().notNull().references(() => cases.id),
    respondent: text().notNull(),
    resolved: boolean().notNull(),
    satisfaction: text(),
    note: text().notNull().default(''),
    recordedById: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('follow_ups', 'respondent', FOLLOW_UP_RESPONDENTS),
    oneOf('follow_ups', 'satisfaction', SATISFACTIONS, true),
    index('follow_ups_case_idx').on(t.caseId),
  ],
);

/** A partner's retried write: the same key returns the first result and creates nothing. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    caseId: uuid().notNull().references(() => cases.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Per-Beijing-day sequence for human case codes, safe under concurrent intake. */
export const caseCodeCounters = pgTable('case_code_counters', {
  scope: text().notNull(),
  day: date({ mode: 'string' }).notNull(),
  lastSeq: integer().notNull(),
}, (t) => [primaryKey({ columns: [t.scope, t.day] })]);
