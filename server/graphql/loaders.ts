// Batch loading by id for Node types: one query per type per request, aligned to the asked ids.
import DataLoader from 'dataloader';
import { and, inArray, type SQL } from 'drizzle-orm';
import type { PgTable, PgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db.js';
import { NotFoundError } from '../shared/errors.js';
import { isUuid } from '../modules/auth/service.js';

/** Rows of `table` for `ids` (in their order); an id not found — or not visible under `where` — is NotFound. */
export async function rowsByIds<T extends { id: string }>(
  db: Queryable,
  table: PgTable & { id: PgColumn },
  ids: readonly string[],
  entity: string,
  where?: SQL,
): Promise<(T | Error)[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  const rows = valid.length
    ? ((await db.select().from(table as PgTable).where(and(inArray(table.id, valid), where))) as unknown as T[])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? new NotFoundError(entity));
}

/** Groups `rows` by `key` in the order of `keys` (for one-to-many loaders). */
export function groupBy<T, K>(keys: readonly K[], rows: T[], key: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * A Node loader over a visibility-checked fetch: malformed ids never reach the database, and an id
 * the viewer may not see is NotFound, exactly like one that does not exist.
 */
export async function visibleByIds<T extends { id: string }>(ids: readonly string[], entity: string, fetch: (valid: string[]) => Promise<T[]>): Promise<(T | Error)[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  const rows = valid.length ? await fetch(valid) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? new NotFoundError(entity));
}

const requestLoaders = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * The request's DataLoader under `key` (a field and the arguments it was asked with): resolvers that
 * load in the same tick share one batch, so a nested field on a page of rows costs one statement.
 * `batch` must depend on nothing but `key` and the keys it is given.
 */
export function requestLoader<K, V>(ctx: object, key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
  let loaders = requestLoaders.get(ctx);
  if (!loaders) requestLoaders.set(ctx, (loaders = new Map()));
  let loader = loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
