// The development seed goes through the services and leaves every workflow state to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.js';
import { seedDevelopmentData } from '../../server/seed/development.js';
import { createLogger } from '../../server/shared/log.js';
import { CASE_STATUSES, REWARD_STATUSES, SUGGESTION_STATUSES } from '../../schema/enums.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoUsers: false });
  t.clock.set(new Date());
});
afterAll(() => t?.close());

const statuses = async (table: string) =>
  (await t.database.rows<{ status: string }>(sql.raw(`select distinct status from ${table} order by 1`))).map((r) => r.status);

describe('development seed', () => {
  it('creates demo accounts and records in every state, and a second run adds nothing', async () => {
    const logger = createLogger('silent');
    const created = await seedDevelopmentData(t.serviceContext(), logger);
    expect(created).toContain('operator');
    expect(await statuses('cases')).toEqual([...CASE_STATUSES].sort());
    expect(await statuses('suggestions')).toEqual([...SUGGESTION_STATUSES].sort());
    expect(await statuses('reward_records')).toEqual([...REWARD_STATUSES].sort());
    const count = async () => (await t.database.rows<{ n: number }>(sql`select (select count(*) from cases) + (select count(*) from users) + (select count(*) from reward_records) as n`))[0]!.n;
    const before = Number(await count());
    expect(await seedDevelopmentData(t.serviceContext(), logger)).toEqual([]);
    expect(Number(await count())).toBe(before);
  });

  it('leaves one reward under public notice now, on the public board', async () => {
    const board = await t.gql('{ publicNotices { code noticeEndsAt } }');
    expect(board.data.publicNotices).toHaveLength(1);
    expect(Date.parse(board.data.publicNotices[0].noticeEndsAt)).toBeGreaterThan(Date.now());
  });
});
