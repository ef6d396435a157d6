// The one way anything is written to the audit trail. Writes happen inside the caller's transaction,
// so a failed mutation leaves no event; reads of personal data are collected per request and flushed once.
import { auditEvents } from '../../../schema/index.js';
import type { Queryable } from '../../db.js';
import { actorOf, type Viewer } from '../auth/viewer.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  /** Names of the fields written or read — never their personal values. */
  fields?: string[];
  /** Non-personal values: statuses, codes, reasons. */
  detail?: Record<string, unknown>;
}

export interface Actor {
  viewer: Viewer;
  requestId?: string | null;
}

export async function recordAudit(on: Queryable, actor: Actor, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const who = actorOf(actor.viewer);
  await on.insert(auditEvents).values(
    entries.map((e) => ({
      ...who,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      fields: e.fields ?? [],
      detail: e.detail ?? null,
      requestId: actor.requestId ?? null,
    })),
  );
}

/** Personal-data reads of one request, one audit event per record read, listing the fields. */
export class ReadLedger {
  private readonly reads = new Map<string, { entity: string; id: string; fields: Set<string> }>();

  noteRead(entity: string, id: string, field: string): void {
    const key = `${entity}:${id}`;
    const entry = this.reads.get(key) ?? { entity, id, fields: new Set<string>() };
    entry.fields.add(field);
    this.reads.set(key, entry);
  }

  get size(): number {
    return this.reads.size;
  }

  async flush(on: Queryable, actor: Actor): Promise<void> {
    const entries = [...this.reads.values()].map((r) => ({
      action: 'personal_data.read',
      entity: r.entity,
      entityId: r.id,
      fields: [...r.fields].sort(),
    }));
    this.reads.clear();
    await recordAudit(on, actor, ...entries);
  }
}
