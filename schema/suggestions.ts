// Suggestions (意见建议, 金点子): submitted, evaluated by a department, implemented and assessed.
import { date, index, integer, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, timestamps, tstz, version, pgTable } from './columns.js';
import { SUBMITTER_KINDS, SUGGESTION_STATUSES } from './enums.js';
import { users } from './auth.js';
import { cases } from './cases.js';
import { caseCategories, departments, districts } from './reference.js';

export const suggestions = pgTable(
  'suggestions',
  {
    id: id(),
    code: text().notNull().unique(),
    title: text().notNull(),
    content: text().notNull(),
    topic: text().notNull().default(''),
    targetCategoryId: uuid().references(() => caseCategories.id),
    targetDistrictId: uuid().references(() => districts.id),
    submitterKind: text().notNull(),
    submittedById: uuid().references(() => users.id),
    submitterDepartmentId: uuid().references(() => departments.id),
    /** The submitter's pseudonymous identity, carried to any reward. */
    claimCode: text().notNull().unique(),
    sourceCaseId: uuid().references(() => cases.id),
    evaluatingDepartmentId: uuid().references(() => departments.id),
    status: text().notNull().default('SUBMITTED'),
    mergedIntoId: uuid().references((): AnyPgColumn => suggestions.id),
    submittedAt: tstz().notNull(),
    decidedAt: tstz(),
    decidedById: uuid().references(() => users.id),
    implementedAt: tstz(),
    implementationNote: text(),
    assessedAt: tstz(),
    effectEvidence: text(),
    /** Case counts in the target category and district, the same span before and after implementation. */
    casesBefore: integer(),
    casesAfter: integer(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('suggestions', 'status', SUGGESTION_STATUSES),
    oneOf('suggestions', 'submitter_kind', SUBMITTER_KINDS),
    index('suggestions_status_idx').on(t.status, t.submittedAt),
    index('suggestions_department_idx').on(t.evaluatingDepartmentId, t.status),
  ],
);

/** Every outcome carries a reply to the submitter. */
export const suggestionReplies = pgTable(
  'suggestion_replies',
  {
    id: id(),
    suggestionId: uuid().notNull().references(() => suggestions.id),
    status: text().notNull(),
    body: text().notNull(),
    authorId: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [oneOf('suggestion_replies', 'status', SUGGESTION_STATUSES), index('suggestion_replies_suggestion_idx').on(t.suggestionId)],
);

/** A named submitter's identity and contact (personal data). */
export const suggestionSubmitters = pgTable('suggestion_submitters', {
  suggestionId: uuid().primaryKey().references(() => suggestions.id),
  name: text(),
  phone: text(),
  organization: text(),
  retainUntil: date({ mode: 'string' }).notNull(),
  ...timestamps(),
});
