// Analysis reports (研判分析报告): a period's figures snapshot, narrative and audience.
import { date, index, jsonb, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, oneOf, timestamps, tstz, version, checkRaw, pgTable } from './columns.js';
import { REPORT_STATUSES } from './enums.js';
import { users } from './auth.js';
import { departments } from './reference.js';

export const analysisReports = pgTable(
  'analysis_reports',
  {
    id: id(),
    title: text().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    scope: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Suppressed figures as published: never recomputed after publication. */
    figures: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    narrative: text().notNull().default(''),
    recommendations: text().notNull().default(''),
    status: text().notNull().default('DRAFT'),
    createdById: uuid().references(() => users.id),
    publishedAt: tstz(),
    publishedById: uuid().references(() => users.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('analysis_reports', 'status', REPORT_STATUSES),
    checkRaw('analysis_reports_period', '"period_end" >= "period_start"'),
    index('analysis_reports_status_idx').on(t.status, t.periodStart),
  ],
);

export const analysisReportAudiences = pgTable(
  'analysis_report_audiences',
  {
    reportId: uuid().notNull().references(() => analysisReports.id),
    departmentId: uuid().notNull().references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.departmentId] }), index('analysis_report_audiences_department_idx').on(t.departmentId)],
);
