// `npm run db:seed`: reference data and demo data on the configured database (never in production).
import { loadConfig } from '../config.js';
import { openConfiguredDatabase, prepareDatabase, systemContext } from '../boot.js';
import { createLogger } from '../shared/log.js';
import { seedDevelopmentData } from './development.js';

const config = loadConfig();
if (config.production) {
  console.error('db:seed adds demo accounts and is refused in production');
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const database = await openConfiguredDatabase(config);
await prepareDatabase(database, config, logger);
const created = await seedDevelopmentData(systemContext(database, config), logger);
logger.info('seeded', { demoUsersCreated: created.length });
await database.close();
