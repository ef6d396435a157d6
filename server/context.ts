// The per-request context: database, clock, viewer, audit ledger. Services take the narrower ServiceContext
// so tests can call them directly.
import type { Config } from './config.js';
import type { Database, Db } from './db.js';
import type { Clock } from './shared/time.js';
import type { Viewer } from './modules/auth/viewer.js';
import { ReadLedger } from './modules/audit/service.js';
import type { EventBus } from './shared/events.js';

export interface ServiceContext {
  db: Db;
  database: Database;
  clock: Clock;
  viewer: Viewer;
  requestId: string | null;
  config: Config;
  events: EventBus;
}

export interface Context extends ServiceContext {
  audit: ReadLedger;
  /** The client's address, for rate limits on the no-login surface. */
  clientAddress: string | null;
  /** Request-scoped memo for values several resolvers need (e.g. a department's subtree). */
  memo: Map<string, Promise<unknown>>;
}

export function memoize<T>(ctx: Pick<Context, 'memo'> | ServiceContext, key: string, load: () => Promise<T>): Promise<T> {
  const memo = (ctx as Partial<Context>).memo;
  if (!memo) return load();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    memo.set(key, hit);
  }
  return hit;
}

export function newContext(base: ServiceContext, clientAddress: string | null = null): Context {
  return { ...base, clientAddress, audit: new ReadLedger(), memo: new Map() };
}
