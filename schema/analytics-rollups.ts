// Analytics rollups: counts of finished work, kept current inside the writing transaction by
// PostgreSQL triggers (migrations/*_analytics_triggers), rebuilt from the base tables by
// `analytics_rebuild_rollups()`. Open and overdue work is never rolled up: it is counted live.
// Keys hold no personal data; district is nullable (a case may have none), so keys are unique with
// NULLS NOT DISTINCT. No foreign keys: a rollup row is a number, not a record.
import { boolean, date, doublePrecision, index, integer, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { pgTable } from './columns.js';

const caseDims = {
  categoryId: uuid().notNull(),
  districtId: uuid(),
  domain: text().notNull(),
  urgency: text().notNull(),
  channel: text().notNull(),
  kind: text().notNull(),
};

/** Cases received per Beijing day and every case attribute statistics break down by. */
export const caseDailyStats = pgTable(
  'case_daily_stats',
  { day: date({ mode: 'string' }).notNull(), ...caseDims, received: integer().notNull().default(0) },
  (t) => [unique('case_daily_stats_key').on(t.day, t.categoryId, t.districtId, t.domain, t.urgency, t.channel, t.kind).nullsNotDistinct()],
);

/** The same per Beijing month (first day of the month). */
export const caseMonthlyStats = pgTable(
  'case_monthly_stats',
  { month: date({ mode: 'string' }).notNull(), ...caseDims, received: integer().notNull().default(0) },
  (t) => [unique('case_monthly_stats_key').on(t.month, t.categoryId, t.districtId, t.domain, t.urgency, t.channel, t.kind).nullsNotDistinct()],
);

/**
 * The compact monthly slice most questions ask (category or its parent, district, month): at most
 * categories × districts rows a month, however many cases there are.
 */
export const caseMonthlyCategoryDistrict = pgTable(
  'case_monthly_category_district',
  { month: date({ mode: 'string' }).notNull(), categoryId: uuid().notNull(), districtId: uuid(), received: integer().notNull().default(0) },
  (t) => [unique('case_monthly_category_district_key').on(t.month, t.categoryId, t.districtId).nullsNotDistinct()],
);

const dispatchDims = { departmentId: uuid().notNull(), role: text().notNull(), ...caseDims };

/** Dispatches (派单) received per department and Beijing day of dispatch, with the case's attributes. */
export const dispatchDailyStats = pgTable(
  'dispatch_daily_stats',
  { day: date({ mode: 'string' }).notNull(), ...dispatchDims, dispatched: integer().notNull().default(0) },
  (t) => [
    unique('dispatch_daily_stats_key').on(t.day, t.departmentId, t.role, t.categoryId, t.districtId, t.domain, t.urgency, t.channel, t.kind).nullsNotDistinct(),
  ],
);

export const dispatchMonthlyStats = pgTable(
  'dispatch_monthly_stats',
  { month: date({ mode: 'string' }).notNull(), ...dispatchDims, dispatched: integer().notNull().default(0) },
  (t) => [
    unique('dispatch_monthly_stats_key').on(t.month, t.departmentId, t.role, t.categoryId, t.districtId, t.domain, t.urgency, t.channel, t.kind).nullsNotDistinct(),
  ],
);

/**
 * A department's finished work per Beijing month: the counters behind the three rates and the mean
 * times. Dispatch and acceptance counters are keyed by the month the dispatch was made; reply,
 * follow-up and re-report counters by the month of the lead's reply (see RULES.md).
 */
export const departmentMonthlyStats = pgTable(
  'department_monthly_stats',
  {
    month: date({ mode: 'string' }).notNull(),
    departmentId: uuid().notNull(),
    dispatched: integer().notNull().default(0),
    leadDispatched: integer().notNull().default(0),
    /** Acceptance phases that ended (accepted, returned, or withdrawn after accept-by). */
    responseDue: integer().notNull().default(0),
    /** …of which accepted or returned by accept-by. */
    responseOnTime: integer().notNull().default(0),
    accepted: integer().notNull().default(0),
    acceptSeconds: doublePrecision().notNull().default(0),
    replied: integer().notNull().default(0),
    repliedOnTime: integer().notNull().default(0),
    replySeconds: doublePrecision().notNull().default(0),
    leadReplied: integer().notNull().default(0),
    /** Lead replies judged: by a counted follow-up, or by a re-report of the child. */
    judged: integer().notNull().default(0),
    resolved: integer().notNull().default(0),
    satisfactionAnswers: integer().notNull().default(0),
    satisfied: integer().notNull().default(0),
    /** Follow-ups left out: a displeased guardian in a protection case. */
    excludedGuardian: integer().notNull().default(0),
    rereported: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.departmentId] })],
);

/**
 * One row per lead reply: the state its follow-up and any re-report of the child left it in. The
 * triggers move `department_monthly_stats` by the difference whenever this state changes.
 */
export const analyticsLeadReplies = pgTable(
  'analytics_lead_replies',
  {
    dispatchId: uuid().primaryKey(),
    caseId: uuid().notNull(),
    departmentId: uuid().notNull(),
    /** Beijing month of the reply. */
    month: date({ mode: 'string' }).notNull(),
    repliedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    /** A protection case (kind REPORT): a displeased guardian does not count against the department. */
    protection: boolean().notNull(),
    /** Who answered the first follow-up after the reply (null: none yet). */
    followUpRespondent: text(),
    followUpResolved: boolean(),
    followUpSatisfaction: text(),
    /** The later case that re-reported the same child within 90 days of the reply. */
    rereportedBy: uuid(),
  },
  (t) => [index('analytics_lead_replies_case_idx').on(t.caseId), index('analytics_lead_replies_rereported_idx').on(t.rereportedBy)],
);
