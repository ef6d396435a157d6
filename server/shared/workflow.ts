// The one way a workflow entity moves: lock its row, check the version the caller saw, ask the
// module's transition table, write the new state with a bumped version, and audit — all inside the
// caller's transaction. Each module binds it to its table and machine.
import { eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../context.js';
import type { Tx } from '../db.js';
import { recordAudit } from '../modules/audit/service.js';
import { isUuid } from '../modules/auth/service.js';
import { NotFoundError, StaleVersionError } from './errors.js';
import type { StateMachine } from './state-machine.js';

type WorkflowTable = PgTable & { id: PgColumn; status: PgColumn; version: PgColumn; updatedAt: PgColumn };

export interface WorkflowSpec<A extends string> {
  table: WorkflowTable;
  /** The entity's name in errors and audit events, e.g. 'Case'. */
  entity: string;
  /** Audit actions are `<prefix>.<action>`. */
  auditPrefix: string;
  /** The input field that names the entity, for NOT_FOUND. */
  field: string;
  machine: StateMachine<string, A>;
}

export function workflow<Row extends { id: string; status: string; version: number }, A extends string>(spec: WorkflowSpec<A>) {
  const table = spec.table as any;
  return {
    async lock(tx: Tx, id: string, expectedVersion?: number | null): Promise<Row> {
      const [row] = isUuid(id) ? await tx.select().from(table).where(eq(table.id, id)).for('update') : [];
      if (!row) throw new NotFoundError(spec.entity, spec.field);
      if (expectedVersion != null && expectedVersion !== (row as Row).version) throw new StaleVersionError(spec.entity, (row as Row).version);
      return row as Row;
    },

    async move(ctx: ServiceContext, tx: Tx, row: Row, action: A, patch: Record<string, unknown> = {}, detail: Record<string, unknown> = {}): Promise<Row> {
      const to = spec.machine.next(action, row.status);
      const [updated] = await tx
        .update(table)
        .set({ ...patch, status: to, version: sql`${table.version} + 1`, updatedAt: ctx.clock.now() })
        .where(eq(table.id, row.id))
        .returning();
      await recordAudit(tx, ctx, {
        action: `${spec.auditPrefix}.${action}`, entity: spec.entity, entityId: row.id,
        fields: ['status', ...Object.keys(patch)], detail: { from: row.status, to, ...detail },
      });
      return updated as Row;
    },
  };
}
