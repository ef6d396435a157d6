// Moving a case: lock the row, check the version the caller saw, ask the transition table, write,
// audit — all inside the caller's transaction. Every case move in every module goes through here.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { cases } from '../../../schema/index.js';
import type { CaseStatus } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db.js';
import { NotFoundError, StaleVersionError } from '../../shared/errors.js';
import { recordAudit } from '../audit/service.js';
import { isUuid } from '../auth/service.js';
import { caseMachine, type CaseAction } from './machine.js';

/** A case as read for display: everything but the search vector, which only the index needs. */
const { searchVector: _searchVector, ...readable } = getTableColumns(cases);
export const caseColumns = readable;
export type CaseRow = Omit<typeof cases.$inferSelect, 'searchVector'>;

export async function lockCase(tx: Tx, id: string, expectedVersion?: number | null): Promise<CaseRow> {
  const [row] = isUuid(id) ? await tx.select().from(cases).where(eq(cases.id, id)).for('update') : [];
  if (!row) throw new NotFoundError('Case', 'caseId');
  if (expectedVersion != null && expectedVersion !== row.version) throw new StaleVersionError('Case', row.version);
  return row;
}

export async function moveCase(
  ctx: ServiceContext,
  tx: Tx,
  row: CaseRow,
  action: CaseAction,
  patch: Partial<typeof cases.$inferInsert> = {},
  detail: Record<string, unknown> = {},
): Promise<CaseRow> {
  const to = caseMachine.next(action, row.status as CaseStatus);
  const [updated] = await tx
    .update(cases)
    .set({ ...patch, status: to, version: sql`${cases.version} + 1`, updatedAt: ctx.clock.now() })
    .where(eq(cases.id, row.id))
    .returning();
  await recordAudit(tx, ctx, {
    action: `case.${action}`, entity: 'Case', entityId: row.id,
    fields: ['status', ...Object.keys(patch)],
    detail: { from: row.status, to, ...detail },
  });
  return updated!;
}
