// Who may make which move on a reward record, and when: one table that the services enforce
// (`requireMove`, `chooseMove`) and `RewardRecord.availableActions` lists, so the panel's buttons are
// exactly the moves the API accepts from this viewer in this state.
//
// A move is allowed when the viewer has one of its roles, the transition table allows one of its
// actions from the record's state, and its own condition on the record and the viewer (a vote not yet
// cast, no conflict of interest, a revocation already proposed…) raises no refusal. Conditions that
// change with time or with other people's actions — the notice still running, an objection pending,
// no claim yet, no quorum — are checked by the move itself and shown as warnings beside its button.
import { and, eq, inArray } from 'drizzle-orm';
import { committeeVotes } from '../../../schema/index.js';
import type { Role, RewardStatus } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Queryable } from '../../db.js';
import { ConflictError, DomainError, ForbiddenError, InvalidTransitionError } from '../../shared/errors.js';
import { requestLoader } from '../../graphql/loaders.js';
import { hasRole } from '../auth/viewer.js';
import { conflictedUsers } from './eligibility.js';
import { rewardMachine, type RewardAction } from './machine.js';
import type { RewardRow } from './service.js';

export const REWARD_MOVES = ['REVIEW', 'VOTE', 'FINALIZE', 'SECOND_APPROVAL', 'START_NOTICE', 'GRANT', 'PROPOSE_REVOCATION', 'COSIGN_REVOCATION'] as const;
export type RewardMove = (typeof REWARD_MOVES)[number];

/** What a condition may ask about the viewer, read only when role and state already allow the move. */
interface Facts {
  voted(): Promise<boolean>;
  conflicted(): Promise<boolean>;
}

interface MoveRule {
  roles: readonly Role[];
  /** Transitions the move makes: legal when one of them is legal from the record's state. */
  actions: readonly RewardAction[];
  /** A further condition: the refusal, or null. */
  refuse?: (r: RewardRow, facts: Facts) => Promise<DomainError | null> | DomainError | null;
}

const conflict = (message: string) => async (_r: RewardRow, f: Facts) => ((await f.conflicted()) ? new ForbiddenError(message) : null);

const RULES: Record<RewardMove, MoveRule> = {
  // the review opens (NOMINATED), finds (UNDER_REVIEW), or re-reviews a record flagged by a reopened basis case
  REVIEW: {
    roles: ['REWARD_SECRETARY'],
    actions: ['startReview', 'findEligible', 'withdrawFlagged'],
    refuse: (r) => (r.status === 'NOMINATED' || r.status === 'UNDER_REVIEW' || r.flaggedForReview ? null : new InvalidTransitionError('RewardRecord', 'REVIEW', r.status)),
  },
  VOTE: {
    roles: ['COMMITTEE_MEMBER', 'COMMITTEE_CHAIR'],
    actions: ['approve', 'reject'],
    refuse: async (_r, f) => ((await f.voted()) ? new ConflictError('You have already voted or recused on this record in this round') : null),
  },
  FINALIZE: { roles: ['COMMITTEE_CHAIR'], actions: ['approve', 'approvePendingSecond', 'reject'], refuse: conflict('The chair has a conflict on this record and may not finalize it') },
  SECOND_APPROVAL: { roles: ['COMMITTEE_CHAIR'], actions: ['secondApprove', 'secondReject'], refuse: conflict('You nominated, reviewed or handled this basis: you may not give its second approval') },
  START_NOTICE: { roles: ['REWARD_SECRETARY'], actions: ['startNotice'] },
  GRANT: {
    roles: ['REWARD_SECRETARY'],
    actions: ['grant'],
    refuse: (r) => (r.flaggedForReview ? new ConflictError('The basis case was reopened: review the record before granting', 'recordId') : null),
  },
  PROPOSE_REVOCATION: { roles: ['REWARD_SECRETARY'], actions: ['revoke'], refuse: (r) => (r.revokedById ? new ForbiddenError('A revocation is proposed: the chair co-signs it') : null) },
  COSIGN_REVOCATION: { roles: ['COMMITTEE_CHAIR'], actions: ['revoke'], refuse: (r) => (r.revokedById ? null : new ForbiddenError('The reward secretary proposes a revocation first')) },
};

type RoundOf = Pick<RewardRow, 'id' | 'round'>;

/** Whether the viewer has voted or recused on each record in its current round: one statement. */
async function votedThisRound(ctx: ServiceContext, db: Queryable, records: readonly RoundOf[]): Promise<boolean[]> {
  if (!ctx.viewer.id || records.length === 0) return records.map(() => false);
  const mine = await db.select({ recordId: committeeVotes.recordId, round: committeeVotes.round }).from(committeeVotes)
    .where(and(inArray(committeeVotes.recordId, records.map((r) => r.id)), eq(committeeVotes.memberId, ctx.viewer.id)));
  const cast = new Set(mine.map((v) => `${v.recordId}:${v.round}`));
  return records.map((r) => cast.has(`${r.id}:${r.round}`));
}

/** The same, batched over the request's reads (a page of records costs one statement). */
export function viewerVoted(ctx: ServiceContext, r: RoundOf): Promise<boolean> {
  const batch = (keys: readonly string[]) => votedThisRound(ctx, ctx.db, keys.map((k) => ({ id: k.split(':')[0]!, round: Number(k.split(':')[1]) })));
  return requestLoader<string, boolean>(ctx, 'rewards:votedThisRound', batch).load(`${r.id}:${r.round}`);
}

/** `db` is the move's transaction; on the read path (`ctx.db`) the vote read is batched with the page. */
function facts(ctx: ServiceContext, db: Queryable, r: RewardRow): Facts {
  let conflicted: Promise<boolean> | undefined;
  return {
    voted: async () => (db === ctx.db ? viewerVoted(ctx, r) : (await votedThisRound(ctx, db, [r]))[0]!),
    conflicted: () => (conflicted ??= conflictedUsers(db, r).then((ids) => !!ctx.viewer.id && ids.has(ctx.viewer.id))),
  };
}

interface Refusal {
  error: DomainError;
  /** How far the move got: 0 the role, 1 the state, 2 its own condition. */
  stage: number;
}

/** Why the viewer may not make `move` on `r` now, or null. Role first, then state, then the condition. */
async function refusal(ctx: ServiceContext, db: Queryable, r: RewardRow, move: RewardMove, f = facts(ctx, db, r)): Promise<Refusal | null> {
  const rule = RULES[move];
  if (!hasRole(ctx.viewer, ...rule.roles)) return { error: new ForbiddenError('Not allowed for your role'), stage: 0 };
  if (!rule.actions.some((a) => rewardMachine.can(a, r.status as RewardStatus))) return { error: new InvalidTransitionError('RewardRecord', move, r.status), stage: 1 };
  const error = await rule.refuse?.(r, f);
  return error ? { error, stage: 2 } : null;
}

/** Before loading the record: the viewer has a role that makes one of `moves`. */
export function requireMoveRole(ctx: ServiceContext, ...moves: RewardMove[]): void {
  if (!moves.some((m) => hasRole(ctx.viewer, ...RULES[m].roles))) throw new ForbiddenError('Not allowed for your role');
}

/** Inside the move's transaction, on the locked record: throws the refusal, if any. */
export async function requireMove(ctx: ServiceContext, db: Queryable, r: RewardRow, move: RewardMove): Promise<void> {
  const no = await refusal(ctx, db, r, move);
  if (no) throw no.error;
}

/**
 * For a mutation that makes one of several moves (finalize or second approval; propose or co-sign a
 * revocation): the first the viewer may make, else the refusal of the move that got furthest.
 */
export async function chooseMove<M extends RewardMove>(ctx: ServiceContext, db: Queryable, r: RewardRow, moves: readonly M[]): Promise<M> {
  const f = facts(ctx, db, r);
  let furthest: Refusal | null = null;
  for (const m of moves) {
    const no = await refusal(ctx, db, r, m, f);
    if (!no) return m;
    if (!furthest || no.stage > furthest.stage) furthest = no;
  }
  throw furthest!.error;
}

/** The moves the viewer may make on `r` now (RewardRecord.availableActions). */
export async function availableRewardMoves(ctx: ServiceContext, r: RewardRow): Promise<RewardMove[]> {
  const f = facts(ctx, ctx.db, r);
  const out: RewardMove[] = [];
  for (const m of REWARD_MOVES) if (!(await refusal(ctx, ctx.db, r, m, f))) out.push(m);
  return out;
}
