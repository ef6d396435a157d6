// The development seed: demo accounts, then each module's demo records through its own service, on a
// clock that starts weeks ago and ends about now, so deadlines, notices and grants look real.
import { cases } from '../../schema/index.js';
import type { ServiceContext } from '../context.js';
import type { Logger } from '../shared/log.js';
import { seedDemoCases, seedTodaysCalls } from '../modules/cases/demo.js';
import { seedDemoSuggestions } from '../modules/suggestions/demo.js';
import { seedDemoRewards } from '../modules/rewards/demo.js';
import { seedDemoUsers } from './demo.js';
import { SeedClock, seedKit } from './actors.js';

export async function seedDevelopmentData(ctx: ServiceContext, logger: Logger): Promise<string[]> {
  const created = await seedDemoUsers(ctx);
  if ((await ctx.db.$count(cases)) > 0) return created;
  const kit = seedKit(ctx, new SeedClock(new Date(ctx.clock.now().getTime() - 50 * 86_400_000)));
  const demoCases = await seedDemoCases(kit);
  const effective = await seedDemoSuggestions(kit);
  await seedDemoRewards(kit, demoCases.rewardable, effective);
  await seedTodaysCalls(kit);
  logger.info('demo records created (development only)', { cases: await ctx.db.$count(cases) });
  return created;
}
