// One database per test file: PGlite in memory by default, or a fresh database on the PostgreSQL
// server named by TEST_DATABASE_URL (the suite runs the same way on both).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../server/db.js';
import { applyReferenceData } from '../../server/seed/reference.js';
import type { Clock } from '../../server/shared/time.js';

export interface TestDatabase extends Database {
  /** The per-file database's URL on a real server (absent on PGlite): a second pool can open it. */
  url?: string;
  /** Every SQL statement sent, for tests that count statements per request (no N+1). */
  statements: string[];
  /** Drops the per-file database on a real server. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(clock: Clock, opts: { reference?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop = async () => {};
  let fileUrl: string | undefined;
  const statements: string[] = [];
  const onQuery = (q: string) => void statements.push(q);
  if (serverUrl) {
    const name = `guardline_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    fileUrl = url.toString();
    database = await openDatabase({ url: fileUrl, poolSize: 20, onQuery });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ onQuery });
  }
  if (opts.reference !== false) await applyReferenceData(database.db, clock);
  return {
    ...database,
    url: fileUrl,
    statements,
    dispose: async () => {
      await database.close();
      await drop();
    },
  };
}

export const driverName = () => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');

/** The database's own message for a failing statement (drizzle wraps it in "Failed query"). */
export async function dbFailure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ''}`;
  }
  return 'did not fail';
}
