// `npm run admin:create -- <username> "<display name>"`: the first real administrator.
// The password comes from ADMIN_PASSWORD, or a strong one is generated and printed once.
import { loadConfig } from '../../config.js';
import { openConfiguredDatabase, prepareDatabase, systemContext } from '../../boot.js';
import { createLogger } from '../../shared/log.js';
import { randomCode } from './secrets.js';
import { createUser } from './service.js';

const [username, displayName] = process.argv.slice(2);
if (!username) {
  console.error('usage: npm run admin:create -- <username> ["display name"]');
  process.exit(1);
}
const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  await prepareDatabase(database, { ...config, production: false }, createLogger('warn'));
  const password = process.env.ADMIN_PASSWORD || randomCode(18);
  const user = await createUser(systemContext(database, config), { username, displayName: displayName ?? username, password, roles: ['ADMIN'] }, { bootstrap: true });
  console.log(`administrator ${user.username} created${process.env.ADMIN_PASSWORD ? '' : `; password (shown once): ${password}`}`);
} catch (e) {
  console.error(`admin:create failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
