// Moving a case (shared/workflow.ts bound to the case table and its transition table). Every case move
// in every module goes through here.
import { getTableColumns } from 'drizzle-orm';
import { cases } from '../../../schema/index.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db.js';
import { workflow } from '../../shared/workflow.js';
import { caseMachine, type CaseAction } from './machine.js';

/** A case as read for display: everything but the search vector, which only the index needs. */
const { searchVector: _searchVector, ...readable } = getTableColumns(cases);
export const caseColumns = readable;
export type CaseRow = Omit<typeof cases.$inferSelect, 'searchVector'>;

const caseFlow = workflow<CaseRow, CaseAction>({ table: cases, entity: 'Case', auditPrefix: 'case', field: 'caseId', machine: caseMachine });

export const lockCase = (tx: Tx, id: string, expectedVersion?: number | null): Promise<CaseRow> => caseFlow.lock(tx, id, expectedVersion);

export const moveCase = (
  ctx: ServiceContext,
  tx: Tx,
  row: CaseRow,
  action: CaseAction,
  patch: Partial<typeof cases.$inferInsert> = {},
  detail: Record<string, unknown> = {},
): Promise<CaseRow> => caseFlow.move(ctx, tx, row, action, patch, detail);
