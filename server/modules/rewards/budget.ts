// The year's reward fund. Each change is one guarded UPDATE, so concurrent finalizations and grants can
// never take the fund past its total (the table's CHECK is the last line).
import { and, eq, sql } from 'drizzle-orm';
import { rewardBudgets } from '../../../schema/index.js';
import type { Tx } from '../../db.js';
import { ConflictError } from '../../shared/errors.js';

export async function commitBudget(tx: Tx, year: number, amount: number): Promise<void> {
  const [row] = await tx
    .update(rewardBudgets)
    .set({ committed: sql`${rewardBudgets.committed} + ${amount}`, version: sql`${rewardBudgets.version} + 1` })
    .where(and(eq(rewardBudgets.year, year), sql`${rewardBudgets.committed} + ${rewardBudgets.granted} + ${amount} <= ${rewardBudgets.total}`))
    .returning();
  if (!row) throw new ConflictError(`The ${year} reward budget cannot cover ${(amount / 100).toFixed(2)} yuan`, 'finalAmount');
}

export async function releaseBudget(tx: Tx, year: number, amount: number): Promise<void> {
  await tx
    .update(rewardBudgets)
    .set({ committed: sql`greatest(${rewardBudgets.committed} - ${amount}, 0)`, version: sql`${rewardBudgets.version} + 1` })
    .where(eq(rewardBudgets.year, year));
}

export async function spendBudget(tx: Tx, year: number, amount: number): Promise<void> {
  const [row] = await tx
    .update(rewardBudgets)
    .set({ committed: sql`${rewardBudgets.committed} - ${amount}`, granted: sql`${rewardBudgets.granted} + ${amount}`, version: sql`${rewardBudgets.version} + 1` })
    .where(and(eq(rewardBudgets.year, year), sql`${rewardBudgets.committed} >= ${amount}`))
    .returning();
  if (!row) throw new ConflictError(`The ${year} reward budget has no committed amount for this grant`);
}
