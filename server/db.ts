// One database type for both drivers: PGlite (embedded, the default) and PostgreSQL via postgres.js.
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgAsyncDatabase, PgAsyncTransaction, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import postgres from 'postgres';
import { relations } from '../schema/relations.js';

export type Relations = typeof relations;
export type Db = PgAsyncDatabase<PgQueryResultHKT, Relations>;
export type Tx = PgAsyncTransaction<PgQueryResultHKT, Relations>;
/** Anything that can run a query: the database or a transaction inside it. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Raw rows of a SQL statement, whichever driver runs it. */
  rows<T = Record<string, unknown>>(query: SQL, on?: Queryable): Promise<T[]>;
  /** LISTEN on a channel: PGlite delivers within this process, PostgreSQL across processes. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export interface OpenOptions {
  /** A PostgreSQL URL; absent means the embedded database. */
  url?: string;
  /** PGlite data folder; absent means in memory. */
  dataDir?: string;
  poolSize?: number;
  /** Named (prepared) statements on PostgreSQL; off for a pooler in transaction mode. Default on. */
  prepare?: boolean;
  /** Called with every SQL statement sent (tests count statements per request with it). */
  onQuery?: (query: string) => void;
}

/**
 * drizzle sends every statement unnamed, so PostgreSQL parses and plans it on every call, and
 * postgres.js first asks it to describe the parameters: two round trips. As named statements they are
 * described once per connection and keep their plan. postgres.js drops a connection's statements when
 * it recycles the connection (every 30–60 minutes), which bounds how many one holds.
 */
function preparing<T extends postgres.Sql | postgres.TransactionSql>(sql: T): T {
  const wrapBody = (args: unknown[]) => {
    const body = args.pop() as (tx: postgres.TransactionSql) => unknown;
    return [...args, (tx: postgres.TransactionSql) => body(preparing(tx))];
  };
  return new Proxy(sql, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === 'unsafe') return (query: string, params?: unknown[], options?: object) => target.unsafe(query, params as never, { ...options, prepare: true });
      if (prop === 'begin' || prop === 'savepoint') return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, wrapBody(args));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Settings of every PostgreSQL session we open. The desk's working set (open cases, their dispatches,
 * reference data) lives in memory or on SSD, where a random read costs about what a sequential one does;
 * with the default random_page_cost of 4 the planner scans a whole small table (departments) or a
 * correlated index instead of taking the one index entry it needs. 1.1 is PostgreSQL's advice for SSD.
 */
export const SESSION_SETTINGS = { TimeZone: 'Asia/Shanghai', random_page_cost: '1.1' };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const client = postgres(opts.url, { max: opts.poolSize ?? 10, onnotice: () => {}, connection: SESSION_SETTINGS });
    const logger = opts.onQuery ? { logQuery: opts.onQuery } : undefined;
    const db = drizzlePostgres({ client: opts.prepare === false ? client : preparing(client), relations, logger });
    await migratePostgres(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      driver: 'postgres',
      rows: async <T>(query: SQL, on?: Queryable) => [...((await (on ?? db).execute(query)) as unknown as T[])],
      listen: async (channel, onPayload) => {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite();
  await client.waitReady;
  await client.exec(`SET TIME ZONE 'Asia/Shanghai'`);
  const db = drizzlePglite({ client, relations, logger: opts.onQuery ? { logQuery: opts.onQuery } : undefined });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    driver: 'pglite',
    rows: async <T>(query: SQL, on?: Queryable) => ((await (on ?? db).execute(query)) as unknown as { rows: T[] }).rows,
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    close: () => client.close(),
  };
}

/**
 * The rows of a select as arrays in select order, without drizzle's per-row mapping: for a caller that
 * maps them itself (a planned list). Through drizzle's session, so the statement is logged, prepared and
 * run in the transaction `on` belongs to, like any other.
 */
export function selectArrays(on: Queryable, query: SQLWrapper): Promise<unknown[][]> {
  return (on as unknown as { session: { arrays(q: SQL): Promise<unknown[][]> } }).session.arrays(query.getSQL());
}

export { sql };
