// Dispatch events across server processes through PostgreSQL NOTIFY: raised inside the writing
// transaction (so only committed work is announced), heard by every process that LISTENs.
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db.js';

export const DISPATCH_CHANNEL = 'guardline_dispatch_events';

export type DispatchEventKind = 'DISPATCHED' | 'ACCEPTED' | 'RETURNED' | 'REPLIED' | 'WITHDRAWN' | 'EXTENSION_REQUESTED' | 'EXTENSION_DECIDED' | 'REOPENED';

export interface DispatchEvent {
  kind: DispatchEventKind;
  dispatchId: string;
  caseId: string;
  departmentId: string;
  at: string;
}

/** Announce on commit of `tx`. */
export async function publishDispatchEvent(tx: Queryable, event: DispatchEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${DISPATCH_CHANNEL}, ${JSON.stringify(event)})`);
}

export interface EventBus {
  subscribe(listener: (event: DispatchEvent) => void): Promise<() => void>;
  close(): Promise<void>;
}

/** One LISTEN per process, fanned out to this process's subscribers. */
export class DatabaseEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private unlisten: Promise<() => Promise<void>> | null = null;

  constructor(private readonly database: Database) {}

  async subscribe(listener: (event: DispatchEvent) => void): Promise<() => void> {
    this.unlisten ??= this.database.listen(DISPATCH_CHANNEL, (payload) => {
      try {
        this.emitter.emit('event', JSON.parse(payload) as DispatchEvent);
      } catch {
        /* not ours */
      }
    });
    await this.unlisten;
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    if (this.unlisten) await (await this.unlisten)().catch(() => {});
  }
}
