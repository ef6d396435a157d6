// Suggestions (意见建议, 金点子): submitted from a call, by a department or by staff; evaluated by a
// department; every outcome carries a reply to the submitter; the effect is measured, not asserted.
import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { caseCategories, cases, suggestionReplies, suggestions, suggestionSubmitters } from '../../../schema/index.js';
import type { SuggestionStatus } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db.js';
import { dailyCode } from '../../shared/codes.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { keysetPage, type PageArgs } from '../../shared/pagination.js';
import { addDays, beijingDay } from '../../shared/time.js';
import { parseInput } from '../../shared/validate.js';
import { recordAudit } from '../audit/service.js';
import { isUuid } from '../auth/service.js';
import { hasRole } from '../auth/viewer.js';
import { isDesk, isHandler, requireDesk, viewerDepartments } from '../cases/access.js';
import { setting } from '../cases/deadlines.js';
import { newClaimCode } from '../cases/intake.js';
import { suggestionMachine, type SuggestionAction } from './machine.js';
import { workflow } from '../../shared/workflow.js';

export type SuggestionRow = typeof suggestions.$inferSelect;

const text = (max: number) => z.string().trim().max(max);
const reply = text(5000).min(2, 'Every outcome carries a reply to the submitter');

const submitInput = z.object({
  title: text(200).min(2),
  content: text(20000).min(2),
  topic: text(100).default(''),
  targetCategoryId: z.string().uuid().nullish(),
  targetDistrictId: z.string().uuid().nullish(),
  sourceCaseId: z.string().uuid().nullish(),
  submitter: z
    .object({ anonymous: z.boolean().default(false), name: text(50).nullish(), phone: text(30).nullish(), organization: text(100).nullish() })
    .prefault({ anonymous: true }),
});

/** Staff record a caller's idea; a department submits its own. Either way the submitter gets a claim code. */
export async function submitSuggestion(ctx: ServiceContext, raw: z.input<typeof submitInput>) {
  const staff = isDesk(ctx.viewer);
  if (!staff && !isHandler(ctx.viewer)) throw new ForbiddenError('Only the desk or a department submits suggestions');
  const input = parseInput(submitInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const day = beijingDay(now);
    const code = await dailyCode(tx, 'JD', day);
    const claimCode = newClaimCode('GL');
    const [row] = await tx
      .insert(suggestions)
      .values({
        code, title: input.title, content: input.content, topic: input.topic,
        targetCategoryId: input.targetCategoryId ?? null, targetDistrictId: input.targetDistrictId ?? null,
        sourceCaseId: input.sourceCaseId ?? null,
        submitterKind: staff ? (input.sourceCaseId ? 'CALLER' : 'STAFF') : 'DEPARTMENT',
        submittedById: ctx.viewer.kind === 'user' ? ctx.viewer.id : null,
        submitterDepartmentId: staff ? null : ctx.viewer.departmentId,
        claimCode, submittedAt: now, createdAt: now, updatedAt: now,
      })
      .returning();
    const s = input.submitter;
    if (!s.anonymous && (s.name || s.phone || s.organization)) {
      const retainUntil = addDays(day, 365 * (await setting(tx, 'retentionYears')));
      await tx.insert(suggestionSubmitters).values({ suggestionId: row!.id, name: s.name ?? null, phone: s.phone ?? null, organization: s.organization ?? null, retainUntil });
    }
    await recordAudit(tx, ctx, { action: 'suggestion.submit', entity: 'Suggestion', entityId: row!.id, fields: ['title', 'content', ...(s.anonymous ? [] : ['submitter'])], detail: { code } });
    return { suggestion: row!, claimCode };
  });
}

const suggestionFlow = workflow<SuggestionRow, SuggestionAction>({ table: suggestions, entity: 'Suggestion', auditPrefix: 'suggestion', field: 'suggestionId', machine: suggestionMachine });
const lockSuggestion = (tx: Tx, id: string, version?: number | null) => suggestionFlow.lock(tx, id, version);

/** A move with its reply to the submitter: every outcome carries one. */
async function move(ctx: ServiceContext, tx: Tx, row: SuggestionRow, action: SuggestionAction, patch: Partial<typeof suggestions.$inferInsert>, replyBody: string | null, detail: Record<string, unknown> = {}) {
  const updated = await suggestionFlow.move(ctx, tx, row, action, patch, { ...detail, replied: !!replyBody });
  if (replyBody) {
    await tx.insert(suggestionReplies).values({ suggestionId: row.id, status: updated.status, body: replyBody, authorId: ctx.viewer.kind === 'user' ? ctx.viewer.id : null, createdAt: ctx.clock.now() });
  }
  return updated;
}

const ref = { suggestionId: z.string().uuid(), version: z.number().int().nullish() };
const assignInput = z.object({ ...ref, departmentId: z.string().uuid(), note: text(2000).default('') });

/** A supervisor sends the suggestion to the department that should evaluate it. */
export async function assignSuggestion(ctx: ServiceContext, raw: z.input<typeof assignInput>) {
  requireDesk(ctx.viewer, true);
  const input = parseInput(assignInput, raw);
  return ctx.db.transaction(async (tx) => {
    const row = await lockSuggestion(tx, input.suggestionId, input.version);
    return move(ctx, tx, row, 'assign', { evaluatingDepartmentId: input.departmentId }, input.note || null);
  });
}

/** The evaluating department (or one above it) decides, implements and assesses. */
async function evaluatorGuard(ctx: ServiceContext) {
  const own = isHandler(ctx.viewer) ? await viewerDepartments(ctx) : [];
  return (row: SuggestionRow) => {
    if (!row.evaluatingDepartmentId || !own.includes(row.evaluatingDepartmentId)) throw new ForbiddenError('Only the evaluating department may do this');
  };
}

const decideInput = z.object({ ...ref, adopt: z.boolean(), reply });

export async function decideSuggestion(ctx: ServiceContext, raw: z.input<typeof decideInput>) {
  const input = parseInput(decideInput, raw);
  const guard = await evaluatorGuard(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockSuggestion(tx, input.suggestionId, input.version);
    guard(row);
    return move(ctx, tx, row, input.adopt ? 'adopt' : 'decline', { decidedAt: ctx.clock.now(), decidedById: ctx.viewer.kind === 'user' ? ctx.viewer.id : null }, input.reply);
  });
}

const implementInput = z.object({ ...ref, note: text(5000).min(2, 'Describe what was implemented'), reply });

export async function recordImplementation(ctx: ServiceContext, raw: z.input<typeof implementInput>) {
  const input = parseInput(implementInput, raw);
  const guard = await evaluatorGuard(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await lockSuggestion(tx, input.suggestionId, input.version);
    guard(row);
    return move(ctx, tx, row, 'implement', { implementedAt: ctx.clock.now(), implementationNote: input.note }, input.reply);
  });
}

/** Cases in the target category (and its children) and district, in [from, to). */
async function targetCaseCount(tx: Tx, s: SuggestionRow, from: Date, to: Date): Promise<number> {
  const category = s.targetCategoryId
    ? or(eq(cases.categoryId, s.targetCategoryId), sql`${cases.categoryId} in (select ${caseCategories.id} from ${caseCategories} where ${caseCategories.parentId} = ${s.targetCategoryId})`)
    : undefined;
  return tx.$count(cases, and(category, s.targetDistrictId ? eq(cases.districtId, s.targetDistrictId) : undefined, gte(cases.receivedAt, from), lt(cases.receivedAt, to), sql`${cases.status} not in ('MERGED', 'INVALID')`));
}

const EFFECT_WINDOW_DAYS = 180;
const assessInput = z.object({ ...ref, effective: z.boolean(), evidence: text(5000).min(2, 'State the evidence'), reply });

/**
 * Effect assessment. Where the suggestion targets a category or district, the case counts over the same
 * span before and after implementation are recorded beside the verdict, so the effect is measured.
 */
export async function assessSuggestionEffect(ctx: ServiceContext, raw: z.input<typeof assessInput>) {
  const input = parseInput(assessInput, raw);
  const guard = await evaluatorGuard(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockSuggestion(tx, input.suggestionId, input.version);
    guard(row);
    let counts: { casesBefore: number | null; casesAfter: number | null } = { casesBefore: null, casesAfter: null };
    if (row.implementedAt && (row.targetCategoryId || row.targetDistrictId)) {
      const spanMs = Math.min(now.getTime() - row.implementedAt.getTime(), EFFECT_WINDOW_DAYS * 86_400_000);
      const start = new Date(row.implementedAt.getTime() - spanMs);
      const end = new Date(row.implementedAt.getTime() + spanMs);
      counts = { casesBefore: await targetCaseCount(tx, row, start, row.implementedAt), casesAfter: await targetCaseCount(tx, row, row.implementedAt, end) };
    }
    return move(ctx, tx, row, input.effective ? 'assessEffective' : 'assessIneffective', { assessedAt: now, effectEvidence: input.evidence, ...counts }, input.reply, counts);
  });
}

const mergeInput = z.object({ ...ref, intoSuggestionId: z.string().uuid(), reply });

/** Duplicates merge into the earlier suggestion: the first submitter keeps the credit. */
export async function mergeSuggestion(ctx: ServiceContext, raw: z.input<typeof mergeInput>) {
  requireDesk(ctx.viewer, true);
  const input = parseInput(mergeInput, raw);
  if (input.suggestionId === input.intoSuggestionId) throw new ValidationError('A suggestion cannot merge into itself', 'intoSuggestionId');
  return ctx.db.transaction(async (tx) => {
    const row = await lockSuggestion(tx, input.suggestionId, input.version);
    const [into] = await tx.select().from(suggestions).where(eq(suggestions.id, input.intoSuggestionId));
    if (!into) throw new NotFoundError('Suggestion', 'intoSuggestionId');
    if (into.status === 'MERGED') throw new ValidationError(`${into.code} is itself merged: merge into the suggestion it was merged into`, 'intoSuggestionId');
    // Ties (the same instant) go by code, the order of submission that day, as for cases.
    const intoIsEarlier = into.submittedAt < row.submittedAt || (into.submittedAt.getTime() === row.submittedAt.getTime() && into.code < row.code);
    if (!intoIsEarlier) throw new ValidationError(`Merge into the earlier suggestion: merge ${into.code} into ${row.code} instead`, 'intoSuggestionId');
    return move(ctx, tx, row, 'merge', { mergedIntoId: into.id }, input.reply, { into: into.code });
  });
}

export interface SuggestionFilter {
  status?: SuggestionStatus[] | null;
  evaluatingDepartmentId?: string | null;
}

/** The desk and analysts see all suggestions; a department sees what it submitted or evaluates. */
export async function suggestionVisibility(ctx: ServiceContext): Promise<SQL | undefined> {
  if (isDesk(ctx.viewer) || hasRole(ctx.viewer, 'ANALYST')) return undefined;
  if (isHandler(ctx.viewer)) {
    const own = await viewerDepartments(ctx);
    return or(inArray(suggestions.evaluatingDepartmentId, own), inArray(suggestions.submitterDepartmentId, own));
  }
  throw new ForbiddenError('Your role sees no suggestions');
}

export async function listSuggestions(ctx: ServiceContext, f: SuggestionFilter, page: PageArgs) {
  const where = and(
    await suggestionVisibility(ctx),
    f.status?.length ? inArray(suggestions.status, f.status) : undefined,
    f.evaluatingDepartmentId ? eq(suggestions.evaluatingDepartmentId, f.evaluatingDepartmentId) : undefined,
  );
  return keysetPage<SuggestionRow>(page, {
    keys: [{ expr: suggestions.submittedAt, cast: 'timestamptz', value: (s) => s.submittedAt }, { expr: suggestions.id, cast: 'uuid', value: (s) => s.id }],
    direction: 'desc',
    fetch: (cursor, orderBy, limit) => ctx.db.select().from(suggestions).where(and(where, cursor)).orderBy(...orderBy).limit(limit),
    count: () => ctx.db.$count(suggestions, where),
  });
}

export async function visibleSuggestionsByIds(ctx: ServiceContext, ids: readonly string[]) {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return ctx.db.select().from(suggestions).where(and(inArray(suggestions.id, valid), await suggestionVisibility(ctx)));
}
