// Human codes with a per-Beijing-day (or per-year) sequence, safe under concurrent writes:
// the counter row is locked by the upsert, so two writers never get the same number.
import { sql } from 'drizzle-orm';
import { caseCodeCounters } from '../../schema/index.js';
import type { Tx } from '../db.js';

export async function nextSequence(tx: Tx, scope: string, day: string): Promise<number> {
  const [row] = await tx
    .insert(caseCodeCounters)
    .values({ scope, day, lastSeq: 1 })
    .onConflictDoUpdate({ target: [caseCodeCounters.scope, caseCodeCounters.day], set: { lastSeq: sql`${caseCodeCounters.lastSeq} + 1` } })
    .returning();
  return row!.lastSeq;
}

/** PREFIX<yyyymmdd>-<seq>, e.g. MP20260310-0001. */
export async function dailyCode(tx: Tx, prefix: string, day: string): Promise<string> {
  return `${prefix}${day.replaceAll('-', '')}-${String(await nextSequence(tx, prefix, day)).padStart(4, '0')}`;
}
