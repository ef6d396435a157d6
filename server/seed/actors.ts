// Acting as a demo user in the seed, on a clock the seed moves, so demo records carry realistic times
// and pass through the same services (and rules) as real ones.
import { eq } from 'drizzle-orm';
import { caseCategories, departments, districts, users } from '../../schema/index.js';
import type { ServiceContext } from '../context.js';
import type { Clock } from '../shared/time.js';
import { viewerOfUser } from '../modules/auth/service.js';

export class SeedClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  advanceHours(h: number): void {
    this.at = new Date(this.at.getTime() + h * 3600_000);
  }
  /** Moves forward to `to` (never back). */
  catchUp(to: Date): void {
    if (to > this.at) this.at = new Date(to);
  }
}

export interface SeedKit {
  clock: SeedClock;
  /** The real time: the seed's clock starts weeks before it. */
  realNow: Date;
  as(username: string): Promise<ServiceContext>;
  department(code: string): Promise<string>;
  category(code: string): Promise<string>;
  district(code: string): Promise<string>;
}

export function seedKit(base: ServiceContext, clock: SeedClock): SeedKit {
  const lookup = async (table: typeof departments | typeof caseCategories | typeof districts, code: string) => {
    const [row] = await base.db.select({ id: table.id }).from(table).where(eq(table.code, code));
    if (!row) throw new Error(`seed: unknown code ${code}`);
    return row.id;
  };
  return {
    clock,
    realNow: base.clock.now(),
    async as(username) {
      const [u] = await base.db.select().from(users).where(eq(users.username, username));
      if (!u) throw new Error(`seed: no user ${username}`);
      return { ...base, clock, viewer: viewerOfUser(u, null), requestId: 'seed' };
    },
    department: (code) => lookup(departments, code),
    category: (code) => lookup(caseCategories, code),
    district: (code) => lookup(districts, code),
  };
}
