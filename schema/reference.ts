// Reference data: districts, departments, case categories, SLA policies and the working calendar.
import { boolean, date, index, integer, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, oneOf, timestamps, version, checkRaw, pgTable } from './columns.js';
import { CALENDAR_DAY_KINDS, DEPARTMENT_KINDS, SLA_PHASES, SLA_UNITS, URGENCIES, type DepartmentKind } from './enums.js';

export const districts = pgTable('districts', {
  id: id(),
  code: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
});

export const departments = pgTable(
  'departments',
  {
    id: id(),
    code: text().notNull().unique(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    kind: text().$type<DepartmentKind>().notNull(),
    districtId: uuid().references(() => districts.id),
    parentId: uuid().references((): AnyPgColumn => departments.id),
    active: boolean().notNull().default(true),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('departments', 'kind', DEPARTMENT_KINDS),
    checkRaw('departments_not_own_parent', '"parent_id" IS NULL OR "parent_id" <> "id"'),
    index('departments_parent_idx').on(t.parentId),
    index('departments_district_idx').on(t.districtId),
    index('departments_kind_idx').on(t.kind),
  ],
);

export const caseCategories = pgTable(
  'case_categories',
  {
    id: id(),
    code: text().notNull().unique(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => caseCategories.id),
    defaultUrgency: text(),
    suggestedDepartmentKinds: text().array().notNull().default([]),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('case_categories', 'default_urgency', URGENCIES, true),
    index('case_categories_parent_idx').on(t.parentId),
  ],
);

export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: id(),
    phase: text().notNull(),
    urgency: text().notNull(),
    amount: integer().notNull(),
    unit: text().notNull(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('sla_policies', 'phase', SLA_PHASES),
    oneOf('sla_policies', 'urgency', URGENCIES),
    oneOf('sla_policies', 'unit', SLA_UNITS),
    checkRaw('sla_policies_amount_positive', '"amount" > 0'),
    uniqueIndex('sla_policies_phase_urgency_key').on(t.phase, t.urgency),
  ],
);

/** Exceptions to the Monday–Friday week: public holidays, and weekend make-up working days (调休). */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date({ mode: 'string' }).primaryKey(),
    kind: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
  },
  () => [oneOf('calendar_days', 'kind', CALENDAR_DAY_KINDS)],
);

/** Tunable numbers that are not worth a table each (subject alert threshold, due-soon share). */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: integer().notNull(),
  ...timestamps(),
});
