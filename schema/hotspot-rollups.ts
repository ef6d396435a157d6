// What `hotspots` reads, kept beside the cases by triggers (migrations/*_hotspot_triggers) and rebuilt
// by `analytics_rebuild_rollups()`: one narrow row per case with a street, and one per case and the
// subject it names — the street already normalised, the subject's kind and district already joined.
// Clusters count distinct merge groups, which do not add up across days, so the rows stay per case;
// what they save is the per-case join, the regular expression and the wide case rows. Invalid
// reports are left out. No foreign keys: these rows follow the cases, they are not records.
import { index, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { pgTable, tstz } from './columns.js';

/** A case that names a street: the key it clusters on (category, district, street without spaces or case). */
export const hotspotStreetCases = pgTable(
  'hotspot_street_cases',
  {
    caseId: uuid().primaryKey(),
    receivedAt: tstz().notNull(),
    categoryId: uuid().notNull(),
    districtId: uuid(),
    /** lower-cased, every white space removed: the cluster key. */
    streetKey: text().notNull(),
    /** trimmed: the spelling shown (the most frequent one). */
    street: text().notNull(),
    mergeGroupId: uuid().notNull(),
  },
  (t) => [index('hotspot_street_cases_received_idx').on(t.receivedAt)],
);

/** A case and one SCHOOL / MINOR / HOUSEHOLD / ADULT / ADDRESS subject it names. */
export const hotspotSubjectCases = pgTable(
  'hotspot_subject_cases',
  {
    caseId: uuid().notNull(),
    subjectId: uuid().notNull(),
    subjectKind: text().notNull(),
    /** The subject's district (what a cluster shows) and the case's (what a district filter reads). */
    subjectDistrictId: uuid(),
    caseDistrictId: uuid(),
    receivedAt: tstz().notNull(),
    categoryId: uuid().notNull(),
    mergeGroupId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.subjectId] }), index('hotspot_subject_cases_received_idx').on(t.receivedAt)],
);
