// Reward standards (奖励标准), records (奖励记录), the committee, public notice and the fund.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkRaw, createdAt, id, nonNegative, oneOf, timestamps, tstz, version, pgTable } from './columns.js';
import { HONOUR_TYPES, OBJECTION_STATUSES, REWARD_KINDS, REWARD_STATUSES, STANDARD_STATUSES, VOTE_DECISIONS } from './enums.js';
import { users } from './auth.js';
import { cases } from './cases.js';
import { suggestions } from './suggestions.js';

/** One level of a published standard, versioned: an active row is never edited, a change is a new version. */
export const rewardStandards = pgTable(
  'reward_standards',
  {
    id: id(),
    code: text().notNull(),
    version: integer().notNull(),
    kind: text().notNull(),
    level: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    criteria: text().notNull(),
    honourType: text().notNull(),
    minAmount: integer().notNull(),
    maxAmount: integer().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    status: text().notNull().default('DRAFT'),
    createdById: uuid().references(() => users.id),
    activatedAt: tstz(),
    retiredAt: tstz(),
    ...timestamps(),
  },
  (t) => [
    oneOf('reward_standards', 'kind', REWARD_KINDS),
    oneOf('reward_standards', 'honour_type', HONOUR_TYPES),
    oneOf('reward_standards', 'status', STANDARD_STATUSES),
    ...nonNegative('reward_standards', 'min_amount'),
    checkRaw('reward_standards_range', '"max_amount" >= "min_amount"'),
    uniqueIndex('reward_standards_code_version_key').on(t.code, t.version),
  ],
);

export const rewardRecords = pgTable(
  'reward_records',
  {
    id: id(),
    code: text().notNull().unique(),
    kind: text().notNull(),
    /** REPORT_REWARD: the merge group (its earliest case) and the nominated case. */
    basisMergeGroupId: uuid(),
    basisCaseId: uuid().references(() => cases.id),
    basisSuggestionId: uuid().references(() => suggestions.id),
    nomineeClaimCode: text().notNull(),
    standardId: uuid().notNull().references(() => rewardStandards.id),
    proposedAmount: integer().notNull(),
    finalAmount: integer(),
    honourType: text().notNull(),
    justification: text().notNull(),
    status: text().notNull().default('NOMINATED'),
    year: integer().notNull(),
    /** Committee round: an upheld objection starts a new round with the votes cleared. */
    round: integer().notNull().default(1),
    nominatedById: uuid().references(() => users.id),
    reviewedById: uuid().references(() => users.id),
    reviewedAt: tstz(),
    reviewNote: text(),
    finalizedById: uuid().references(() => users.id),
    finalizedAt: tstz(),
    secondApprovedById: uuid().references(() => users.id),
    noticeStartsAt: tstz(),
    noticeEndsAt: tstz(),
    grantReference: text(),
    certificateNumber: text(),
    grantedById: uuid().references(() => users.id),
    grantedAt: tstz(),
    revokeReason: text(),
    recoverAmount: integer(),
    revokedById: uuid().references(() => users.id),
    revokeCosignedById: uuid().references(() => users.id),
    revokedAt: tstz(),
    flaggedForReview: boolean().notNull().default(false),
    flagReason: text(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('reward_records', 'kind', REWARD_KINDS),
    oneOf('reward_records', 'status', REWARD_STATUSES),
    oneOf('reward_records', 'honour_type', HONOUR_TYPES),
    ...nonNegative('reward_records', 'proposed_amount', 'final_amount', 'recover_amount'),
    checkRaw(
      'reward_records_basis',
      `("kind" = 'REPORT_REWARD' AND "basis_case_id" IS NOT NULL AND "basis_merge_group_id" IS NOT NULL AND "basis_suggestion_id" IS NULL)
       OR ("kind" = 'SUGGESTION_REWARD' AND "basis_suggestion_id" IS NOT NULL AND "basis_case_id" IS NULL)`,
    ),
    // One basis, one reward per nominee (a rejected record frees the basis).
    uniqueIndex('reward_records_one_per_case_basis')
      .on(t.basisMergeGroupId, t.nomineeClaimCode)
      .where(sql`"status" <> 'REJECTED' AND "basis_merge_group_id" IS NOT NULL`),
    uniqueIndex('reward_records_one_per_suggestion_basis')
      .on(t.basisSuggestionId, t.nomineeClaimCode)
      .where(sql`"status" <> 'REJECTED' AND "basis_suggestion_id" IS NOT NULL`),
    index('reward_records_status_idx').on(t.status, t.createdAt),
  ],
);

export const committeeVotes = pgTable(
  'committee_votes',
  {
    id: id(),
    recordId: uuid().notNull().references(() => rewardRecords.id),
    memberId: uuid().notNull().references(() => users.id),
    round: integer().notNull(),
    /** Null when the member recused. */
    decision: text(),
    recused: boolean().notNull().default(false),
    noConflictAffirmed: boolean().notNull().default(false),
    comment: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    oneOf('committee_votes', 'decision', VOTE_DECISIONS, true),
    checkRaw('committee_votes_vote_or_recuse', '("recused" AND "decision" IS NULL) OR (NOT "recused" AND "decision" IS NOT NULL AND "no_conflict_affirmed")'),
    uniqueIndex('committee_votes_one_per_round').on(t.recordId, t.memberId, t.round),
  ],
);

/** The committee's rules as data: a single row. Members are the users holding committee roles. */
export const committeeConfig = pgTable(
  'committee_config',
  {
    id: integer().primaryKey().default(1),
    quorumPercent: integer().notNull(),
    majorityPercent: integer().notNull(),
    noticeDays: integer().notNull(),
    secondApprovalThreshold: integer().notNull(),
    version: version(),
    ...timestamps(),
  },
  () => [
    checkRaw('committee_config_singleton', '"id" = 1'),
    checkRaw('committee_config_percent', '"quorum_percent" BETWEEN 1 AND 100 AND "majority_percent" BETWEEN 1 AND 100'),
    ...nonNegative('committee_config', 'notice_days', 'second_approval_threshold'),
  ],
);

export const noticeObjections = pgTable(
  'notice_objections',
  {
    id: id(),
    recordId: uuid().notNull().references(() => rewardRecords.id),
    round: integer().notNull(),
    body: text().notNull(),
    status: text().notNull().default('PENDING'),
    decidedById: uuid().references(() => users.id),
    decidedAt: tstz(),
    decisionNote: text(),
    filedAt: tstz().notNull(),
    version: version(),
  },
  (t) => [oneOf('notice_objections', 'status', OBJECTION_STATUSES), index('notice_objections_record_idx').on(t.recordId, t.status)],
);

/** The reward fund of one year: committed at finalize, released on rejection, moved to granted on grant. */
export const rewardBudgets = pgTable(
  'reward_budgets',
  {
    year: integer().primaryKey(),
    total: integer().notNull(),
    committed: integer().notNull().default(0),
    granted: integer().notNull().default(0),
    version: version(),
    ...timestamps(),
  },
  () => [
    ...nonNegative('reward_budgets', 'total', 'committed', 'granted'),
    checkRaw('reward_budgets_within_total', '"committed" + "granted" <= "total"'),
  ],
);

/** Payment details given by the claim-code holder (personal data). */
export const payees = pgTable('payees', {
  recordId: uuid().primaryKey().references(() => rewardRecords.id),
  name: text().notNull(),
  phone: text(),
  idNumber: text(),
  bankName: text(),
  bankAccount: text(),
  retainUntil: date({ mode: 'string' }).notNull(),
  ...timestamps(),
});
