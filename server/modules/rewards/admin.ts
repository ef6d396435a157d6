// The committee's rules and the reward fund, as data an administrator keeps.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { committeeConfig, rewardBudgets } from '../../../schema/index.js';
import type { ServiceContext } from '../../context.js';
import { StaleVersionError, ValidationError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validate.js';
import { recordAudit } from '../audit/service.js';
import { requireRole } from '../auth/service.js';

const configInput = z.object({
  version: z.number().int().nullish(),
  quorumPercent: z.number().int().min(1).max(100),
  majorityPercent: z.number().int().min(1).max(100),
  noticeDays: z.number().int().min(0).max(90),
  secondApprovalThreshold: z.number().int().min(0),
});

export async function updateCommitteeConfig(ctx: ServiceContext, raw: z.input<typeof configInput>) {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(configInput, raw);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(committeeConfig).where(eq(committeeConfig.id, 1)).for('update');
    if (cur && input.version != null && cur.version !== input.version) throw new StaleVersionError('CommitteeConfig', cur.version);
    const { version: _v, ...values } = input;
    const [row] = await tx
      .update(committeeConfig)
      .set({ ...values, version: sql`${committeeConfig.version} + 1`, updatedAt: ctx.clock.now() })
      .where(eq(committeeConfig.id, 1))
      .returning();
    await recordAudit(tx, ctx, { action: 'committee_config.update', entity: 'CommitteeConfig', fields: Object.keys(values), detail: values });
    return row!;
  });
}

const budgetInput = z.object({ year: z.number().int().min(2000).max(2100), total: z.number().int().min(0) });

/** Sets a year's fund; it can never drop below what is already committed and granted. */
export async function setRewardBudget(ctx: ServiceContext, raw: z.input<typeof budgetInput>) {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(budgetInput, raw);
  return ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(rewardBudgets).where(eq(rewardBudgets.year, input.year)).for('update');
    if (cur && cur.committed + cur.granted > input.total) {
      throw new ValidationError(`Already committed and granted: ${cur.committed + cur.granted} fen`, 'total');
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(rewardBudgets)
      .values({ year: input.year, total: input.total, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: rewardBudgets.year, set: { total: input.total, version: sql`${rewardBudgets.version} + 1`, updatedAt: now } })
      .returning();
    await recordAudit(tx, ctx, { action: 'reward_budget.set', entity: 'RewardBudget', fields: ['total'], detail: input });
    return { ...row!, remaining: row!.total - row!.committed - row!.granted };
  });
}
