// Personal data, kept apart so that access, read audit and erasure apply to it in one place.
// Every table here has a retention date; erasure deletes the row and leaves the anonymous record.
import { date, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, pgTable } from './columns.js';
import { reporters, subjects } from './cases.js';

export const reporterIdentities = pgTable('reporter_identities', {
  reporterId: uuid().primaryKey().references(() => reporters.id),
  name: text(),
  phone: text(),
  organization: text(),
  /** How and when the reporter may be reached safely, in their own words. */
  safeContactInstructions: text(),
  retainUntil: date({ mode: 'string' }).notNull(),
  ...timestamps(),
});

export const subjectIdentities = pgTable('subject_identities', {
  subjectId: uuid().primaryKey().references(() => subjects.id),
  name: text(),
  birthDate: date({ mode: 'string' }),
  school: text(),
  guardianName: text(),
  address: text(),
  retainUntil: date({ mode: 'string' }).notNull(),
  ...timestamps(),
});
