// Reading rewards: who sees which records, the public notice board, and the claim-status lookup.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import { auditEvents, committeeVotes, payees, rewardBudgets, rewardRecords, rewardStandards, suggestionSubmitters } from '../../../schema/index.js';
import type { RewardStatus } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { keysetPage, type PageArgs } from '../../shared/pagination.js';
import { hasRole } from '../auth/viewer.js';
import type { RewardRow } from './service.js';

const COMMITTEE_SEES: RewardStatus[] = ['IN_COMMITTEE', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'PUBLIC_NOTICE', 'GRANTED', 'REJECTED', 'REVOKED'];

/** Supervisors and the secretary see every record; the committee from the moment it reaches them. */
export function rewardVisibility(ctx: ServiceContext): SQL | undefined {
  if (hasRole(ctx.viewer, 'SUPERVISOR', 'REWARD_SECRETARY')) return undefined;
  if (hasRole(ctx.viewer, 'COMMITTEE_MEMBER', 'COMMITTEE_CHAIR')) return inArray(rewardRecords.status, COMMITTEE_SEES);
  throw new ForbiddenError('Your role sees no reward records');
}

export interface RewardFilter {
  status?: RewardStatus[] | null;
  kind?: string | null;
  year?: number | null;
  /** Records in committee on which the viewer has neither voted nor recused this round. */
  pendingMyVote?: boolean | null;
}

export async function listRewardRecords(ctx: ServiceContext, f: RewardFilter, page: PageArgs) {
  const where = and(
    rewardVisibility(ctx),
    f.status?.length ? inArray(rewardRecords.status, f.status) : undefined,
    f.kind ? eq(rewardRecords.kind, f.kind) : undefined,
    f.year ? eq(rewardRecords.year, f.year) : undefined,
    f.pendingMyVote
      ? and(
          eq(rewardRecords.status, 'IN_COMMITTEE'),
          notExists(ctx.db.select({ x: sql`1` }).from(committeeVotes).where(and(eq(committeeVotes.recordId, rewardRecords.id), eq(committeeVotes.round, rewardRecords.round), eq(committeeVotes.memberId, ctx.viewer.id ?? '00000000-0000-0000-0000-000000000000')))),
        )
      : undefined,
  );
  return keysetPage<RewardRow>(page, {
    keys: [{ expr: rewardRecords.createdAt, cast: 'timestamptz', value: (r) => r.createdAt }, { expr: rewardRecords.id, cast: 'uuid', value: (r) => r.id }],
    direction: 'desc',
    fetch: (cursor, orderBy, limit) => ctx.db.select().from(rewardRecords).where(and(where, cursor)).orderBy(...orderBy).limit(limit),
    count: () => ctx.db.$count(rewardRecords, where),
  });
}

export async function visibleRecordsByIds(ctx: ServiceContext, ids: readonly string[]) {
  if (!ids.length) return [];
  return ctx.db.select().from(rewardRecords).where(and(inArray(rewardRecords.id, [...ids]), rewardVisibility(ctx)));
}

/** Who did what, when, with which standard version. */
export function rewardTrail(ctx: ServiceContext, recordId: string) {
  return ctx.db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'RewardRecord'), eq(auditEvents.entityId, recordId))).orderBy(asc(auditEvents.at), asc(auditEvents.id));
}

/** A stable pseudonym per record, so members can discuss a nominee without a name. */
export function nomineePseudonym(r: RewardRow): string {
  return `N-${createHash('sha256').update(`${r.id}:${r.nomineeClaimCode}`).digest('hex').slice(0, 6).toUpperCase()}`;
}

/** 王小明 → 王*: the family name only. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name.trim()];
  return chars.length ? `${chars[0]}*` : null;
}

export interface PublicNotice {
  code: string;
  kind: string;
  nomineeMasked: string | null;
  amount: number | null;
  honourType: string;
  standardName: string;
  noticeStartsAt: Date;
  noticeEndsAt: Date;
}

/** The notice board: no identity. A tip-off reward shows only its record code. */
export async function publicNotices(ctx: ServiceContext): Promise<PublicNotice[]> {
  const rows = await ctx.db
    .select({ r: rewardRecords, standardName: rewardStandards.nameZh, submitterName: suggestionSubmitters.name })
    .from(rewardRecords)
    .innerJoin(rewardStandards, eq(rewardStandards.id, rewardRecords.standardId))
    .leftJoin(suggestionSubmitters, eq(suggestionSubmitters.suggestionId, rewardRecords.basisSuggestionId))
    .where(eq(rewardRecords.status, 'PUBLIC_NOTICE'))
    .orderBy(asc(rewardRecords.noticeEndsAt));
  return rows.map(({ r, standardName, submitterName }) => ({
    code: r.code, kind: r.kind, nomineeMasked: r.kind === 'SUGGESTION_REWARD' ? maskName(submitterName) : null,
    amount: r.finalAmount, honourType: r.honourType, standardName, noticeStartsAt: r.noticeStartsAt!, noticeEndsAt: r.noticeEndsAt!,
  }));
}

/** Where a claim-code holder's rewards stand, and nothing else. */
export async function rewardClaimStatus(ctx: ServiceContext, claimCode: string) {
  const rows = await ctx.db
    .select({ code: rewardRecords.code, status: rewardRecords.status, noticeEndsAt: rewardRecords.noticeEndsAt, grantedAt: rewardRecords.grantedAt, claimed: sql<boolean>`${payees.recordId} is not null` })
    .from(rewardRecords)
    .leftJoin(payees, eq(payees.recordId, rewardRecords.id))
    .where(eq(rewardRecords.nomineeClaimCode, claimCode.trim().toUpperCase()));
  if (!rows.length) throw new NotFoundError('Reward for this claim code', 'claimCode');
  return rows;
}

export async function rewardBudget(ctx: ServiceContext, year: number) {
  const [b] = await ctx.db.select().from(rewardBudgets).where(eq(rewardBudgets.year, year));
  if (!b) throw new NotFoundError(`Reward budget ${year}`, 'year');
  return { ...b, remaining: b.total - b.committed - b.granted };
}
