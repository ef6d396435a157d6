// Reward standards (奖励标准): published rules, versioned. An active standard is never edited; a change
// is a new version. Records bind the version at nomination, so retiring one changes nothing already cited.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rewardStandards } from '../../../schema/index.js';
import { HONOUR_TYPES, REWARD_KINDS, STANDARD_STATUSES } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import { InvalidTransitionError, NotFoundError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validate.js';
import { recordAudit } from '../audit/service.js';
import { requireRole } from '../auth/service.js';

export type StandardRow = typeof rewardStandards.$inferSelect;

const createInput = z
  .object({
    code: z.string().trim().regex(/^[A-Z0-9-]{2,40}$/, 'Use capital letters, digits and dashes'),
    kind: z.enum(REWARD_KINDS),
    level: z.string().trim().min(1).max(20),
    nameZh: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    criteria: z.string().trim().min(2).max(5000),
    honourType: z.enum(HONOUR_TYPES),
    minAmount: z.number().int().min(0),
    maxAmount: z.number().int().min(0),
    validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish(),
  })
  .refine((s) => s.maxAmount >= s.minAmount, { message: 'maxAmount must be at least minAmount', path: ['maxAmount'] });

/** A new DRAFT; with an existing code it becomes that standard's next version. */
export async function createRewardStandard(ctx: ServiceContext, raw: z.input<typeof createInput>) {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(createInput, raw);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('reward_standard'), hashtext(${input.code}))`);
    const [latest] = await tx.select({ version: rewardStandards.version }).from(rewardStandards).where(eq(rewardStandards.code, input.code)).orderBy(desc(rewardStandards.version)).limit(1);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(rewardStandards)
      .values({ ...input, validTo: input.validTo ?? null, version: (latest?.version ?? 0) + 1, status: 'DRAFT', createdById: ctx.viewer.id, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit(tx, ctx, { action: 'reward_standard.create', entity: 'RewardStandard', entityId: row!.id, detail: { code: row!.code, version: row!.version } });
    return row!;
  });
}

async function moveStandard(ctx: ServiceContext, id: string, from: string, to: 'ACTIVE' | 'RETIRED') {
  requireRole(ctx.viewer, 'ADMIN');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(rewardStandards).where(eq(rewardStandards.id, id)).for('update');
    if (!row) throw new NotFoundError('Reward standard', 'id');
    if (row.status !== from) throw new InvalidTransitionError('RewardStandard', to === 'ACTIVE' ? 'activate' : 'retire', row.status);
    const now = ctx.clock.now();
    if (to === 'ACTIVE') {
      // A new version supersedes the active one of the same code; records keep the version they cite.
      const now = ctx.clock.now();
      await tx.update(rewardStandards).set({ status: 'RETIRED', retiredAt: now, updatedAt: now }).where(and(eq(rewardStandards.code, row.code), eq(rewardStandards.status, 'ACTIVE')));
    }
    const [updated] = await tx
      .update(rewardStandards)
      .set(to === 'ACTIVE' ? { status: to, activatedAt: now, updatedAt: now } : { status: to, retiredAt: now, updatedAt: now })
      .where(eq(rewardStandards.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: `reward_standard.${to === 'ACTIVE' ? 'activate' : 'retire'}`, entity: 'RewardStandard', entityId: id, detail: { code: row.code, version: row.version } });
    return updated!;
  });
}

export const activateRewardStandard = (ctx: ServiceContext, id: string) => moveStandard(ctx, id, 'DRAFT', 'ACTIVE');
export const retireRewardStandard = (ctx: ServiceContext, id: string) => moveStandard(ctx, id, 'ACTIVE', 'RETIRED');

export function listRewardStandards(ctx: ServiceContext, filter: { kind?: string | null; status?: (typeof STANDARD_STATUSES)[number][] | null }) {
  return ctx.db
    .select()
    .from(rewardStandards)
    .where(and(filter.kind ? eq(rewardStandards.kind, filter.kind) : undefined, filter.status?.length ? inArray(rewardStandards.status, filter.status) : undefined))
    .orderBy(rewardStandards.kind, rewardStandards.code, desc(rewardStandards.version));
}
