// `npm run bench:analytics`: seeds N realistic cases (with dispatches, follow-ups and the children they
// are about) straight into a real PostgreSQL with set-based SQL, builds the rollups the way production
// repairs them (`analytics_rebuild_rollups()`, the function the migration backfills with; the
// triggers that keep them current on every write are off during the bulk load), then times the
// analytics services: caseStats by category × month over 12 months and departmentPerformance for a
// month (p50 over ≥ 20 runs), beside the same questions asked of the plain tables.
//
//   npm run bench:analytics                          # 200,000 and 2,000,000 cases, with the 200k→2M ratio
//   npm run bench:analytics -- --cases 200000        # one size (the ratio uses a saved result of the other)
//   npm run bench:analytics -- --runs 40 --reseed
//
// Database: BENCH_DATABASE_URL (a server where it may create databases), or a throwaway PostgreSQL
// started with scripts/throwaway-postgres.sh and stopped at the end. Each size gets its own database
// (guardline_bench_analytics_<N>), reused when already seeded with the same seed version.
// Seeding runs with fsync on and logged tables (no UNLOGGED tricks); triggers (and FK checks) are off
// for the bulk load via session_replication_role = replica, and the rollups are rebuilt after it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db.js';
import { applyReferenceData } from '../server/seed/reference.js';
import type { ServiceContext } from '../server/context.js';
import type { Viewer } from '../server/modules/auth/viewer.js';
import type { EventBus } from '../server/shared/events.js';
import { caseStats } from '../server/modules/analytics/stats.js';
import { departmentPerformance } from '../server/modules/analytics/performance.js';
import { hotspots } from '../server/modules/analytics/hotspots.js';

const SEED_VERSION = 'analytics-seed/1';
/** The newest receipt; cases spread back over three years from here. */
const UNTIL = '2026-11-28T20:00:00+08:00';
const NOW = new Date('2026-11-29T10:00:00+08:00');
const SPAN_DAYS = 1095;

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string' },
    runs: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '3' },
    reseed: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const SIZES = (args.cases ?? '200000,2000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const RUNS = Math.max(20, Number(args.runs));
const WARMUP = Number(args.warmup);
const RESULTS_DIR = new URL('../tmp/bench-analytics/', import.meta.url);

const log = (msg: string) => process.stderr.write(`[bench:analytics ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

// Category weights (share of calls) and district weights (roughly by population). Unknown codes weigh 1.
const CATEGORY_WEIGHTS: Record<string, number> = {
  'SCHOOL-BULLYING': 14, 'HARM-DOMESTIC': 10, 'NET-ADDICTION': 8, 'LEGAL-ADVICE': 8, 'GUARD-NEGLECT': 7, 'LEGAL-POLICY': 6,
  'HARM-ABUSE': 5, 'SCHOOL-PUNISH': 5, 'SCHOOL-SAFETY': 4, 'SCHOOL-RIGHTS': 4, 'NET-BULLYING': 4, 'NET-HARMFUL': 3, 'NET-FRAUD': 3,
  'HEALTH-CRISIS': 3, 'HEALTH-MEDICAL': 2, 'SOC-TUTORING': 3, 'SOC-TOBACCO': 2, 'SOC-VENUE': 2, 'SOC-LABOUR': 1, 'LEGAL-RELIEF': 3,
  'GUARD-UNSUPPORTED': 2, 'GUARD-VAGRANT': 1, 'HARM-SEXUAL': 2, 'HARM-ABANDON': 1, 'HARM-TRAFFICK': 1, 'OTHER-GENERAL': 2,
};
const DISTRICT_WEIGHTS: Record<string, number> = {
  '110105': 16, '110108': 14, '110106': 9, '110114': 10, '110115': 9, '110112': 8, '110113': 6, '110111': 6,
  '110102': 5, '110101': 3, '110107': 3, '110109': 2, '110116': 2, '110117': 2, '110118': 2, '110119': 2,
};
const DOMAIN_OF_PARENT: Record<string, string> = { HARM: 'FAMILY', GUARD: 'FAMILY', SCHOOL: 'SCHOOL', NET: 'NETWORK', SOCIETY: 'SOCIETY', HEALTH: 'SOCIETY', LEGAL: 'JUDICIAL', OTHER: 'GOVERNMENT' };

const values = (rows: (string | number)[][]) => rows.map((r) => `(${r.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ')})`).join(',\n');

/** The seed, as one script of set-based statements. Deterministic: the same N gives the same rows. */
function seedScript(n: number): string[] {
  const until = `'${UNTIL}'::timestamptz`;
  return [
    `create or replace function pg_temp.h(i bigint, k int) returns float8 language sql immutable as $$
       select ((((i * 2654435761 + k * 40503) # ((i * 2654435761 + k * 40503) >> 15)) % 1000003) * 1274126177 % 1000003)::float8 / 1000003
     $$`,
    `create temp table bc as
       select c.id, c.code, p.code as parent, coalesce(c.default_urgency, 'NORMAL') as urgency, c.suggested_department_kinds as kinds,
              coalesce(w.weight, 1) as weight
       from case_categories c join case_categories p on p.id = c.parent_id
       left join (values ${values(Object.entries(CATEGORY_WEIGHTS))}) w(code, weight) on w.code = c.code
       where c.active`,
    `create temp table bcw as select *, (sum(weight) over (order by code) - weight)::float8 / sum(weight) over () as lo,
       sum(weight) over (order by code)::float8 / sum(weight) over () as hi, row_number() over (order by code) - 1 as k from bc`,
    `create temp table bdw as
       select d.id, d.code, row_number() over (order by d.code) - 1 as k,
              (sum(w.weight) over (order by d.code) - w.weight)::float8 / sum(w.weight) over () as lo,
              sum(w.weight) over (order by d.code)::float8 / sum(w.weight) over () as hi
       from districts d join (values ${values(Object.entries(DISTRICT_WEIGHTS))}) w(code, weight) on w.code = d.code`,
    `create temp table bdom as select * from (values ${values(Object.entries(DOMAIN_OF_PARENT))}) x(parent, domain)`,
    // Routing as the desk does it: the category's kinds in order, the district's own branch first.
    `create temp table broute as
       select c.id as category_id, d.id as district_id,
         coalesce((select dep.id from departments dep where dep.active and dep.kind = any(c.kinds) and (dep.district_id = d.id or dep.district_id is null)
                   order by array_position(c.kinds, dep.kind), dep.district_id is null, dep.code limit 1),
                  (select id from departments where code = 'MPO')) as lead,
         (select dep.id from departments dep where dep.active and c.kinds[2] is not null and dep.kind = c.kinds[2] and (dep.district_id = d.id or dep.district_id is null)
          order by dep.district_id is null, dep.code limit 1) as assist
       from bc c cross join (select id from districts union all select null) d`,
    `alter table broute add column dkey uuid`,
    `update broute set dkey = coalesce(district_id, '00000000-0000-0000-0000-000000000000')`,

    // Cases: one every SPAN/N, each with its own timeline (hours after receipt) by urgency.
    `create temp table bu as
     select i, ${until} - ((${n} - i)::float8 / ${n}) * interval '${SPAN_DAYS} days' as at,
            pg_temp.h(i, 1) as u_cat, pg_temp.h(i, 2) * 1.03 as u_dist, pg_temp.h(i, 3) as u_chan, pg_temp.h(i, 4) as u_kind,
            pg_temp.h(i, 5) as u_status, pg_temp.h(i, 6) as u_dom, pg_temp.h(i, 16) as u_dom2, pg_temp.h(i, 7) as u_urg, pg_temp.h(i, 17) as u_urg2,
            pg_temp.h(i, 8) as u_street, pg_temp.h(i, 18) as u_street2, pg_temp.h(i, 9) as u_time, pg_temp.h(i, 10) as u_follow,
            pg_temp.h(i, 11) as u_accept, pg_temp.h(i, 12) as u_work, pg_temp.h(i, 13) as u_fu, pg_temp.h(i, 14) as u_close
     from generate_series(1, ${n}) i`,
    `create temp table bst as
     select t.*, t.a_h + t.work_h as r_h, t.a_h + t.work_h + t.fu_h as f_h, t.a_h + t.work_h + t.fu_h + t.close_h as c_h,
       t.u_follow < 0.15 as no_follow_up, t.u_follow > 0.9 as unresolved,
       case
         when t.kind = 'CONSULTATION' then (case when t.age_h > 1 then 'CLOSED' else 'RECEIVED' end)
         when t.age_h > 40 * 24 and t.u_status < 0.02 then 'MERGED'
         when t.age_h > 40 * 24 and t.u_status < 0.04 then 'INVALID'
         when t.age_h < t.d_h then 'RECEIVED'
         when t.age_h < t.a_h then 'DISPATCHED'
         when t.age_h < t.a_h + t.work_h then 'IN_PROGRESS'
         when t.age_h < t.a_h + t.work_h + t.fu_h then 'REPLIED'
         when t.u_follow < 0.15 then 'CLOSED'
         when t.u_follow > 0.9 and t.age_h < 90 * 24 then 'REOPENED'
         when t.age_h < t.a_h + t.work_h + t.fu_h + t.close_h then 'FOLLOWED_UP'
         else 'CLOSED' end as status
     from (
       select b.*,
         case b.urgency when 'IMMEDIATE' then 1 when 'URGENT' then 4 else 24 end as accept_sla,
         case b.urgency when 'IMMEDIATE' then 24 when 'URGENT' then 72 else 360 end as reply_sla,
         0.1 + b.u_time * 1.5 as d_h,
         0.1 + b.u_time * 1.5 + case b.urgency when 'IMMEDIATE' then 0.1 + b.u_accept * 1.2 when 'URGENT' then 0.2 + b.u_accept * 4.8 else 1 + b.u_accept * 26 end as a_h,
         case b.urgency when 'IMMEDIATE' then 2 + b.u_work * 24 when 'URGENT' then 12 + b.u_work * 80 else 48 + b.u_work * 360 end as work_h,
         24 + b.u_fu * 48 as fu_h, 2 + b.u_close * 20 as close_h
       from (
         select u.i, lpad(to_hex(u.i), 32, '0')::uuid as id, u.at, u.u_status, u.u_time, u.u_follow, u.u_accept, u.u_work, u.u_fu, u.u_close,
                c.id as category_id, c.code as category, c.parent, d.id as district_id, coalesce(d.id, '00000000-0000-0000-0000-000000000000') as dkey,
                case when u.u_dom < 0.1 then (array['FAMILY','SCHOOL','SOCIETY','NETWORK','GOVERNMENT','JUDICIAL'])[1 + floor(u.u_dom2 * 6)::int]
                     else coalesce(dom.domain, 'SOCIETY') end as domain,
                case when u.u_urg < 0.15 then (array['IMMEDIATE','URGENT','NORMAL'])[1 + floor(u.u_urg2 * 3)::int] else c.urgency end as urgency,
                case when u.u_chan < 0.55 then 'HOTLINE' when u.u_chan < 0.9 then 'TRANSFER_12345' when u.u_chan < 0.95 then 'WALK_IN' else 'LETTER' end as channel,
                case when c.parent = 'LEGAL' then (case when u.u_kind < 0.7 then 'CONSULTATION' else 'HELP_REQUEST' end)
                     when u.u_kind < 0.85 then 'REPORT' when u.u_kind < 0.95 then 'HELP_REQUEST' else 'CONSULTATION' end as kind,
                case when u.u_street < 0.6 and d.code is not null then d.code || '街道' || floor(u.u_street2 * 300)::int end as street,
                extract(epoch from ${until} - u.at) / 3600 as age_h
         from bu u
         join bcw c on u.u_cat >= c.lo and u.u_cat < c.hi
         left join bdw d on u.u_dist >= d.lo and u.u_dist < d.hi
         left join bdom dom on dom.parent = c.parent
       ) b
     ) t`,
    `drop table bu`,
    `insert into cases (id, code, channel, kind, category_id, domain, urgency, guardian_involved, perpetrator_relation, reasonable_suspicion,
                        district_id, street, summary, narrative, status, resolution, close_reason, merge_group_id, merged_into_id, status_reason,
                        received_at, received_day, dispatch_by, closed_at, search_vector, created_at, updated_at)
     select s.id, 'MP' || to_char(s.at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-A' || lpad(s.i::text, 7, '0'), s.channel, s.kind, s.category_id,
            s.domain, s.urgency, pg_temp.h(s.i, 15) < 0.2, 'UNKNOWN', pg_temp.h(s.i, 15) < 0.5, s.district_id, s.street,
            '来电反映未成年人权益问题', '', s.status,
            case when s.status = 'CLOSED' then (case when s.kind = 'CONSULTATION' then 'ANSWERED_DIRECTLY' when s.no_follow_up then 'ANONYMOUS_REPORTER' else 'FOLLOWED_UP' end) end,
            null,
            case when s.status = 'MERGED' and s.i > 1 then lpad(to_hex(s.i - 1), 32, '0')::uuid else s.id end,
            case when s.status = 'MERGED' and s.i > 1 then lpad(to_hex(s.i - 1), 32, '0')::uuid end,
            case when s.status in ('MERGED', 'INVALID', 'REOPENED') then '基准数据' end,
            s.at, (s.at at time zone 'Asia/Shanghai')::date,
            case when s.kind <> 'CONSULTATION' then s.at + (case s.urgency when 'IMMEDIATE' then 1 when 'URGENT' then 2 else 24 end) * interval '1 hour'
                   + (case when s.status = 'REOPENED' then s.f_h * interval '1 hour' else interval '0' end) end,
            case when s.status = 'CLOSED' then s.at + (case when s.kind = 'CONSULTATION' then 0.5 when s.no_follow_up then s.r_h + 24 else s.c_h end) * interval '1 hour'
                 when s.status in ('MERGED', 'INVALID') then s.at + interval '3 days' end,
            ''::tsvector, s.at, s.at
     from bst s`,
    // Dispatches: the lead (one in ten first went to another department, which returned it), an assist for one in five.
    `insert into dispatches (id, case_id, department_id, role, instructions, status, round, accept_by, reply_by, accepted_at, returned_at, return_reason,
                             replied_at, reply_result, reply_outcome, created_at, updated_at)
     select lpad(to_hex((1::bigint << 40) + s.i * 4 + k.n), 32, '0')::uuid, s.id,
            case k.n when 0 then r.lead when 1 then coalesce(r.assist, r.lead) else coalesce(r.assist, (select id from departments where code = 'MPO')) end,
            case when k.n = 1 then 'ASSIST' else 'LEAD' end, '请核实处置',
            case when k.n = 2 then 'RETURNED'
                 when s.status = 'DISPATCHED' then 'PENDING'
                 when s.status = 'IN_PROGRESS' then 'ACCEPTED'
                 else 'REPLIED' end,
            case when k.n = 2 then 1 when pg_temp.h(s.i, 21) < 0.1 then 2 else 1 end,
            s.at + (s.d_h + s.accept_sla) * interval '1 hour',
            s.at + (s.d_h + s.reply_sla) * interval '1 hour',
            case when k.n <> 2 and s.status not in ('DISPATCHED') then s.at + s.a_h * interval '1 hour' end,
            case when k.n = 2 then s.at + (s.d_h * 0.5) * interval '1 hour' end,
            case when k.n = 2 then '不属于本单位职责' end,
            case when k.n <> 2 and s.status not in ('DISPATCHED', 'IN_PROGRESS') then s.at + s.r_h * interval '1 hour' end,
            case when k.n <> 2 and s.status not in ('DISPATCHED', 'IN_PROGRESS') then '已核实并处置' end,
            case when k.n = 0 and s.status not in ('DISPATCHED', 'IN_PROGRESS') then (case when pg_temp.h(s.i, 22) < 0.6 then 'SUBSTANTIATED' when pg_temp.h(s.i, 22) < 0.9 then 'NOT_SUBSTANTIATED' else 'REFERRED' end) end,
            s.at + (case when k.n = 2 then s.d_h * 0.3 else s.d_h end) * interval '1 hour',
            s.at + (case when k.n = 2 then s.d_h * 0.5 else s.d_h end) * interval '1 hour'
     from bst s
     join broute r on r.category_id = s.category_id and r.dkey = s.dkey
     cross join lateral (select 0 as n union all select 1 where pg_temp.h(s.i, 23) < 0.2 union all select 2 where pg_temp.h(s.i, 21) < 0.1) k
     where s.kind <> 'CONSULTATION' and s.status not in ('RECEIVED', 'MERGED', 'INVALID')`,
    // Follow-ups: the desk's call back, a day or three after the reply; one in ten unresolved.
    `insert into follow_ups (id, case_id, respondent, resolved, satisfaction, note, created_at)
     select lpad(to_hex((2::bigint << 40) + s.i), 32, '0')::uuid, s.id,
            case when pg_temp.h(s.i, 24) < 0.85 then 'REPORTER' when pg_temp.h(s.i, 24) < 0.93 then 'GUARDIAN' when pg_temp.h(s.i, 24) < 0.97 then 'MINOR' else 'OTHER' end,
            not s.unresolved,
            case when s.unresolved then 'DISSATISFIED' when pg_temp.h(s.i, 25) < 0.75 then 'SATISFIED' when pg_temp.h(s.i, 25) < 0.93 then 'BASICALLY_SATISFIED' else 'DISSATISFIED' end,
            '', s.at + s.f_h * interval '1 hour'
     from bst s
     where s.kind <> 'CONSULTATION' and not s.no_follow_up and s.status in ('FOLLOWED_UP', 'CLOSED', 'REOPENED')`,
    // Children: most reports are about a child never seen before; one in twelve about a child from a report of the last two months.
    `create temp table bchild as
     select s.id as case_id, s.district_id,
            case when pg_temp.h(s.i, 26) < 0.085 and s.i > ${Math.ceil(n / 18)} then s.i - 1 - floor(pg_temp.h(s.i, 27) * ${Math.ceil(n / 18)})::bigint else s.i end as child
     from bst s where s.kind = 'REPORT'`,
    `insert into subjects (id, kind, match_key, district_id, report_count, created_at, updated_at)
     select lpad(to_hex((3::bigint << 40) + child), 32, '0')::uuid, 'MINOR', 'bench-child-' || child, min(district_id::text)::uuid, count(*), '${UNTIL}', '${UNTIL}'
     from bchild group by child`,
    `insert into case_subjects (case_id, subject_id, role, created_at)
     select case_id, lpad(to_hex((3::bigint << 40) + child), 32, '0')::uuid, 'VICTIM', '${UNTIL}' from bchild`,
    // Schools: school cases name one of a hundred schools of their district.
    `create temp table bschool as
     select s.id as case_id, s.district_id, d.k * 100 + floor(pg_temp.h(s.i, 28) * 100)::int as school
     from bst s join bdw d on d.id = s.district_id where s.parent = 'SCHOOL'`,
    `insert into subjects (id, kind, match_key, district_id, report_count, created_at, updated_at)
     select lpad(to_hex((4::bigint << 40) + school), 32, '0')::uuid, 'SCHOOL', 'bench-school-' || school, min(district_id::text)::uuid, count(*), '${UNTIL}', '${UNTIL}'
     from bschool group by school`,
    `insert into case_subjects (case_id, subject_id, role, created_at)
     select case_id, lpad(to_hex((4::bigint << 40) + school), 32, '0')::uuid, 'INVOLVED', '${UNTIL}' from bschool`,
  ];
}

const dummyEvents: EventBus = { subscribe: async () => () => {}, close: async () => {} };
const viewer = (roles: ('ANALYST' | 'SUPERVISOR')[]): Viewer => ({ kind: 'user', id: null, label: 'bench', roles: new Set(roles), departmentId: null, intake: false, sessionId: null });

interface Timing {
  name: string;
  p50: number;
  p95: number;
  min: number;
  runs: number;
  rows?: number;
}

async function time(name: string, fn: () => Promise<number | undefined>): Promise<Timing> {
  let rows: number | undefined;
  for (let i = 0; i < WARMUP; i++) rows = await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    rows = await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { name, p50: q(0.5), p95: q(0.95), min: samples[0]!, runs: RUNS, rows };
}

async function prepare(adminUrl: string, n: number): Promise<{ url: string; seeded: Record<string, number> | null }> {
  const name = `guardline_bench_analytics_${n}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const [exists] = await admin.unsafe(`select 1 from pg_database where datname = '${name}'`);
    if (exists && !args.reseed) {
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        const [mark] = await db.unsafe(`select obj_description('cases'::regclass) as mark`).catch(() => [{ mark: null }]);
        if (mark?.mark === `${SEED_VERSION} n=${n}`) {
          log(`reusing ${name} (seeded earlier)`);
          return { url: url.toString(), seeded: null };
        }
      } finally {
        await db.end();
      }
    }
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  // Migrate (tables, triggers, rebuild function) and apply reference data the way the server does.
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  await applyReferenceData(database.db, { now: () => NOW });
  await database.close();

  const seeded: Record<string, number> = {};
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const t0 = performance.now();
    await db.begin(async (tx) => {
      await tx.unsafe(`set local session_replication_role = replica`); // bulk load: triggers and FK checks off
      for (const [k, statement] of seedScript(n).entries()) {
        const t = performance.now();
        await tx.unsafe(statement);
        log(`  seed step ${k + 1}: ${((performance.now() - t) / 1000).toFixed(1)} s — ${statement.trim().split('\n')[0]!.slice(0, 70)}`);
      }
    });
    seeded.seedSeconds = (performance.now() - t0) / 1000;
    log(`seeded ${n} cases in ${seeded.seedSeconds.toFixed(0)} s`);
    let t = performance.now();
    await db.unsafe('analyze');
    t = performance.now();
    await db.begin(async (tx) => {
      await tx.unsafe('select analytics_rebuild_rollups()');
    });
    seeded.rebuildSeconds = (performance.now() - t) / 1000;
    log(`rollups rebuilt in ${seeded.rebuildSeconds.toFixed(1)} s`);
    await db.unsafe('vacuum analyze');
    const counts = await db.unsafe(`select
      (select count(*) from cases)::int as cases, (select count(*) from dispatches)::int as dispatches,
      (select count(*) from follow_ups)::int as follow_ups, (select count(*) from case_subjects)::int as case_subjects,
      (select count(*) from case_daily_stats)::int as case_daily_rows, (select count(*) from case_monthly_category_district)::int as compact_rows,
      (select count(*) from department_monthly_stats)::int as department_rows, (select count(*) from analytics_lead_replies)::int as lead_replies,
      (select count(*) from cases where status in ('RECEIVED','DISPATCHED','IN_PROGRESS','REPLIED','FOLLOWED_UP','REOPENED'))::int as open_cases`);
    Object.assign(seeded, counts[0]);
    await db.unsafe(`comment on table cases is '${SEED_VERSION} n=${n}'`);
  } finally {
    await db.end();
  }
  return { url: url.toString(), seeded };
}

async function measure(url: string) {
  const database: Database = await openDatabase({ url, poolSize: 4 });
  const base = { db: database.db, database, clock: { now: () => NOW }, requestId: 'bench', config: loadConfig({ NODE_ENV: 'test' }), events: dummyEvents };
  const analyst: ServiceContext = { ...base, viewer: viewer(['ANALYST']) };
  const supervisor: ServiceContext = { ...base, viewer: viewer(['SUPERVISOR']) };
  const year = { from: '2025-12-01', to: '2026-11-30' };
  const timings: Timing[] = [];
  try {
    // Same answers both ways (a sanity check that the rollups hold what the tables hold).
    const rolled = await caseStats(analyst, { ...year, groupBy: ['CATEGORY'], bucket: 'MONTH' });
    const [plain] = await database.rows<{ n: number }>(sql`select count(*)::int as n from cases where received_day between ${year.from}::date and ${year.to}::date`);
    if (rolled.total.value !== Number(plain!.n)) throw new Error(`rollup total ${rolled.total.value} ≠ table count ${plain!.n}`);

    timings.push(await time('caseStats category × month, 12 months (rollup)', async () =>
      (await caseStats(analyst, { ...year, groupBy: ['CATEGORY'], bucket: 'MONTH' })).rows.length));
    timings.push(await time('departmentPerformance, one month (rollup + live)', async () =>
      (await departmentPerformance(analyst, { fromMonth: '2026-10' })).rows.length));
    timings.push(await time('  same, plain tables: category × month, 12 months', async () =>
      (await database.rows(sql`select category_id, date_trunc('month', received_day) as m, count(*) from cases
        where received_day between ${year.from}::date and ${year.to}::date group by 1, 2`)).length));
    timings.push(await time('  same, plain tables: dispatch rates by department, one month', async () =>
      (await database.rows(sql`select department_id, count(*), count(*) filter (where accepted_at <= accept_by),
          avg(extract(epoch from accepted_at - created_at)), count(*) filter (where status in ('PENDING','ACCEPTED') and reply_by < now())
        from dispatches where created_at >= '2026-10-01T00:00:00+08:00' and created_at < '2026-11-01T00:00:00+08:00' group by 1`)).length));
    timings.push(await time('caseStats category × month + live open/overdue', async () => {
      const r = await caseStats(supervisor, { ...year, groupBy: ['CATEGORY'], bucket: 'MONTH' });
      return (await r.live()).size;
    }));
    timings.push(await time('caseStats category × district × month (analyst, suppressed)', async () =>
      (await caseStats(analyst, { ...year, groupBy: ['CATEGORY', 'DISTRICT'], bucket: 'MONTH' })).rows.length));
    timings.push(await time('departmentPerformance, 12 months', async () =>
      (await departmentPerformance(analyst, { fromMonth: '2025-12', toMonth: '2026-11' })).rows.length));
    timings.push(await time('hotspots, last 30 days (desk)', async () =>
      (await hotspots(supervisor, { from: '2026-10-30', to: '2026-11-28' })).hotspots.length));
  } finally {
    await database.close();
  }
  return timings;
}

function printTable(results: Record<number, { timings: Timing[]; seeded: Record<string, number> | null }>) {
  const sizes = Object.keys(results).map(Number).sort((a, b) => a - b);
  const names = results[sizes[0]!]!.timings.map((t) => t.name);
  const w = Math.max(...names.map((s) => s.length)) + 2;
  const head = ['query'.padEnd(w), ...sizes.map((n) => `p50 @${(n / 1000).toFixed(0)}k`.padStart(12)), ...sizes.map((n) => `p95 @${(n / 1000).toFixed(0)}k`.padStart(12))];
  const ratio = sizes.length >= 2 ? `${(sizes.at(-1)! / sizes[0]!).toFixed(0)}× data` : '';
  if (ratio) head.push(ratio.padStart(12));
  console.log('\n' + head.join(''));
  for (const name of names) {
    const p50s = sizes.map((n) => results[n]!.timings.find((t) => t.name === name)?.p50);
    const p95s = sizes.map((n) => results[n]!.timings.find((t) => t.name === name)?.p95);
    const cells = [name.padEnd(w), ...p50s.map((v) => (v == null ? '—' : `${v.toFixed(1)} ms`).padStart(12)), ...p95s.map((v) => (v == null ? '—' : `${v.toFixed(1)} ms`).padStart(12))];
    if (ratio && p50s[0] && p50s.at(-1)) cells.push(`${(p50s.at(-1)! / p50s[0]).toFixed(2)}×`.padStart(12));
    console.log(cells.join(''));
  }
  console.log(`\nruns per query: ${RUNS} (after ${WARMUP} warm-up); machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
  for (const n of sizes) {
    const s = results[n]!.seeded;
    if (s) console.log(`seed @${n}: ${JSON.stringify(s)}`);
  }
}

async function main() {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let pgDir: string | null = null;
  if (!adminUrl) {
    pgDir = mkdtempSync(join(tmpdir(), 'guardline-bench-analytics-'));
    const port = 55500 + Math.floor(Math.random() * 90);
    log(`starting a throwaway PostgreSQL in ${pgDir} on port ${port}`);
    adminUrl = execFileSync('scripts/throwaway-postgres.sh', ['start', pgDir, String(port)], { encoding: 'utf8' }).trim();
  }
  const results: Record<number, { timings: Timing[]; seeded: Record<string, number> | null }> = {};
  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    for (const n of SIZES) {
      log(`— ${n.toLocaleString('en')} cases —`);
      const { url, seeded } = await prepare(adminUrl, n);
      const timings = await measure(url);
      results[n] = { timings, seeded };
      writeFileSync(new URL(`analytics-${n}.json`, RESULTS_DIR), JSON.stringify({ n, at: new Date().toISOString(), seeded, timings }, null, 2));
    }
    // A single size: pair it with a saved result of the other for the ratio.
    for (const other of [200000, 2000000]) {
      const file = new URL(`analytics-${other}.json`, RESULTS_DIR);
      if (!results[other] && existsSync(file)) {
        const saved = JSON.parse(readFileSync(file, 'utf8'));
        results[other] = { timings: saved.timings, seeded: null };
        log(`using the saved ${other} result from ${saved.at}`);
      }
    }
    printTable(results);
  } finally {
    if (pgDir && !args.keep) {
      execFileSync('scripts/throwaway-postgres.sh', ['stop', pgDir]);
      log('throwaway PostgreSQL stopped');
    } else if (pgDir) log(`kept PostgreSQL at ${adminUrl} (stop: scripts/throwaway-postgres.sh stop ${pgDir})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
