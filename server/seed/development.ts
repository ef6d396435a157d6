// The development seed: demo accounts, then each module's demo records through its own service.
import type { ServiceContext } from '../context.js';
import type { Logger } from '../shared/log.js';
import { seedDemoUsers } from './demo.js';

export async function seedDevelopmentData(ctx: ServiceContext, logger: Logger): Promise<string[]> {
  const created = await seedDemoUsers(ctx);
  logger.debug('demo users', { created });
  return created;
}
