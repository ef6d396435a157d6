// Start-up shared by the server and the tools: open the database (migrating it), apply reference
// data, seed demo accounts in development, refuse unsafe production states.
import { and, eq } from 'drizzle-orm';
import { users } from '../schema/index.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db.js';
import { DatabaseEventBus } from './shared/events.js';
import type { Logger } from './shared/log.js';
import { systemClock, type Clock } from './shared/time.js';
import { applyReferenceData } from './seed/reference.js';
import { systemViewer } from './modules/auth/viewer.js';
import type { ServiceContext } from './context.js';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir, poolSize: config.poolSize, prepare: config.prepare });
}

export function systemContext(database: Database, config: Config, clock: Clock = systemClock): ServiceContext {
  return { db: database.db, database, clock, viewer: systemViewer, requestId: 'system', config, events: new DatabaseEventBus(database) };
}

export async function prepareDatabase(database: Database, config: Config, logger: Logger, clock: Clock = systemClock) {
  await applyReferenceData(database.db, clock);
  if (config.production) {
    const [demo] = await database.db.select({ username: users.username }).from(users).where(and(eq(users.isDemo, true), eq(users.active, true))).limit(1);
    if (demo) throw new Error(`refusing to start in production with demo account "${demo.username}" active; deactivate demo accounts first`);
  }
  logger.debug('reference data applied');
}
