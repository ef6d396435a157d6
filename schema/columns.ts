// Column shapes every table shares, so each table states only what is its own.
import { sql, type SQL } from 'drizzle-orm';
import { check, integer, timestamp, uuid, customType, snakeCase } from 'drizzle-orm/pg-core';

/** Tables whose TypeScript names are camelCase and whose SQL names are snake_case. */
export const pgTable = snakeCase.table;

export const id = () => uuid().primaryKey().defaultRandom();
export const tstz = () => timestamp({ withTimezone: true, mode: 'date' });
export const createdAt = () => tstz().notNull().defaultNow();
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: tstz().notNull().defaultNow() });
/** Optimistic concurrency: every workflow write bumps it; a stale one is a typed conflict. */
export const version = () => integer().notNull().default(1);

/** A text column whose values must be one of `values`, checked by the database too. */
export function oneOf(table: string, column: string, values: readonly string[], nullable = false) {
  const list = values.map((v) => `'${v}'`).join(', ');
  const cond = `"${column}" IN (${list})` + (nullable ? ` OR "${column}" IS NULL` : '');
  return check(`${table}_${column}_check`, sql.raw(cond));
}

export function nonNegative(table: string, ...columns: string[]) {
  return columns.map((c) => check(`${table}_${c}_non_negative`, sql.raw(`"${c}" IS NULL OR "${c}" >= 0`)));
}

export function checkRaw(name: string, cond: string): ReturnType<typeof check> {
  return check(name, sql.raw(cond) as SQL);
}

/** Search vector of character unigrams and bigrams (see server/shared/search.ts). */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});
