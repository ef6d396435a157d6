// Migrations, reference data, audit append-only and Beijing days — on whichever driver the suite runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { createTestApp, type TestApp } from '../support/app.js';
import { dbFailure, driverName } from '../support/database.js';
import { migrationsFolder } from '../../server/db.js';
import { applyReferenceData, referenceCounts } from '../../server/seed/reference.js';
import { seedDemoUsers } from '../../server/seed/demo.js';
import { beijingDay, addWorkingDays, isoInstant } from '../../server/shared/time.js';
import { createUser } from '../../server/modules/auth/service.js';
import { ConflictError } from '../../server/shared/errors.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe(`migrations (${driverName()})`, () => {
  it('create every table of the data model, and re-running them changes nothing', async () => {
    const tables = async () =>
      (await t.database.rows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`)).map((r) => r.table_name);
    const before = await tables();
    for (const table of ['cases', 'dispatches', 'reporters', 'reporter_identities', 'subjects', 'subject_identities', 'suggestions', 'reward_standards', 'reward_records', 'committee_votes', 'committee_config', 'reward_budgets', 'payees', 'analysis_reports', 'audit_events', 'api_tokens', 'sla_policies', 'calendar_days']) {
      expect(before).toContain(table);
    }
    if (t.database.driver === 'pglite') await migratePglite(t.database.db as never, { migrationsFolder });
    else await migratePostgres(t.database.db as never, { migrationsFolder });
    expect(await tables()).toEqual(before);
  });

  it('check constraints refuse values outside the domain and negative money', async () => {
    await expect(t.database.db.execute(sql`insert into reward_budgets (year, total) values (1999, -1)`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`insert into calendar_days (day, kind, name_zh, name_en) values ('1999-01-01', 'PARTY', 'x', 'x')`)).rejects.toThrow();
  });
});

describe('reference data', () => {
  it('is complete and applying it again adds nothing', async () => {
    const first = await referenceCounts(t.database.db);
    expect(first.districts).toBe(16);
    expect(first.departments).toBeGreaterThanOrEqual(40);
    expect(first.slaPolicies).toBe(9);
    const [leaves] = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from case_categories where parent_id is not null`);
    expect(leaves!.n).toBeGreaterThanOrEqual(20);
    await applyReferenceData(t.database.db, t.clock);
    await seedDemoUsers(t.serviceContext());
    expect(await referenceCounts(t.database.db)).toEqual(first);
  });

  it('does not overwrite what an administrator changed', async () => {
    await t.database.db.execute(sql`update sla_policies set amount = 7 where phase = 'REPLY' and urgency = 'NORMAL'`);
    await applyReferenceData(t.database.db, t.clock);
    const [row] = await t.database.rows<{ amount: number }>(sql`select amount from sla_policies where phase = 'REPLY' and urgency = 'NORMAL'`);
    expect(row!.amount).toBe(7);
  });
});

describe('audit trail', () => {
  it('is append-only in the database: UPDATE, DELETE and TRUNCATE fail', async () => {
    await t.login('operator');
    const [event] = await t.database.rows<{ id: number }>(sql`select id from audit_events order by id desc limit 1`);
    expect(event).toBeDefined();
    const db = t.database.db;
    expect(await dbFailure(() => db.execute(sql`update audit_events set action = 'x' where id = ${event!.id}`))).toMatch(/append-only: UPDATE/);
    expect(await dbFailure(() => db.execute(sql`delete from audit_events where id = ${event!.id}`))).toMatch(/append-only: DELETE/);
    expect(await dbFailure(() => db.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE/);
  });

  it('a failed mutation leaves no row and no audit event', async () => {
    const count = async () => (await t.database.rows<{ n: number }>(sql`select (select count(*) from audit_events)::int + (select count(*) from users)::int as n`))[0]!.n;
    const before = await count();
    await expect(
      createUser(t.serviceContext(), { username: 'operator', displayName: 'dup', password: 'long-enough-password', roles: ['OPERATOR'] }, { bootstrap: true }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await count()).toBe(before);
  });

  it('records who signed in, without the password', async () => {
    await t.gql(`mutation { login(input: { username: "analyst", password: "guardline-demo" }) { __typename } }`);
    const rows = await t.database.rows<{ action: string; actor_label: string; detail: unknown; fields: string[] }>(
      sql`select action, actor_label, detail, fields from audit_events where action = 'auth.login' and actor_label = 'analyst'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('guardline-demo');
  });
});

describe('Beijing days', () => {
  it('07:30 Beijing time belongs to that Beijing day, not the previous UTC day — in code and in the database', async () => {
    const at = new Date('2026-03-09T23:30:00Z'); // 2026-03-10 07:30 in Beijing
    expect(beijingDay(at)).toBe('2026-03-10');
    const [row] = await t.database.rows<{ day: string }>(sql`select to_char((${at.toISOString()}::timestamptz at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day`);
    expect(row!.day).toBe('2026-03-10');
  });

  it('working-day deadlines skip weekends and holidays and count make-up working days', () => {
    const calendar = new Map<string, 'HOLIDAY' | 'WORKDAY'>([
      ['2026-10-01', 'HOLIDAY'], ['2026-10-02', 'HOLIDAY'], ['2026-10-05', 'HOLIDAY'], ['2026-10-10', 'WORKDAY'],
    ]);
    // Friday 2026-09-25 10:00 Beijing + 1 working day = end of Monday 09-28.
    expect(addWorkingDays(new Date('2026-09-25T02:00:00Z'), 1, calendar).toISOString()).toBe('2026-09-28T16:00:00.000Z');
    // Wednesday 09-30 + 2 working days: 10-01, 10-02 holidays, weekend, 10-05 holiday → 10-06, 10-07.
    expect(addWorkingDays(new Date('2026-09-30T02:00:00Z'), 2, calendar).toISOString()).toBe('2026-10-07T16:00:00.000Z');
    // Friday 10-09 + 1 → Saturday 10-10 is a make-up working day.
    expect(addWorkingDays(new Date('2026-10-09T02:00:00Z'), 1, calendar).toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });

  it('an instant is written exactly as toISOString writes it, from year 0 to 9999 and beyond', () => {
    const toIso = (d: Date) => { try { return d.toISOString(); } catch { return 'RangeError'; } };
    const written = (d: Date) => { try { return isoInstant(d); } catch { return 'RangeError'; } };
    const edges = ['0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z', '2000-02-29T12:00:00.001Z', '2100-03-01T00:00:00.000Z']
      .map((s) => Date.parse(s));
    const instants = [...edges, edges[0]! - 1, edges[1]! + 1, 0, Number.NaN, 8.64e15, -8.64e15];
    // Every ~14 days across the range, each a different time of day.
    for (let ms = edges[0]!; ms < edges[1]!; ms += 1_234_567_891) instants.push(ms);
    const differing = instants.map((ms) => new Date(ms)).filter((d) => written(d) !== toIso(d)).map(toIso);
    expect(instants.length).toBeGreaterThan(250_000);
    expect(differing).toEqual([]);
  });
});
