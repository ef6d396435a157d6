// Deterministic bulk seeding of realistic cases for both benchmarks (npm run bench, npm run
// bench:analytics), through our own schema, in set-based SQL (generate_series): reporters, cases
// spread over three years with a timeline each by urgency, dispatches routed as the desk routes them
// (lead, assist, returns), follow-ups, the children reports are about (some reported again) and the
// schools of school cases. The same N gives the same rows. Triggers (and FK checks) are off for the
// bulk load via session_replication_role = replica; the rollups are rebuilt after it with the
// function the migrations backfill with. Seeding runs with fsync on and logged tables.
import type postgres from 'postgres';

/** Bump when the rows change, so a benchmark does not reuse a database seeded differently. */
export const SEED_VERSION = 'bench-seed/3';
/** The newest receipt by default; cases spread back over three years from it. */
export const SEED_UNTIL = '2026-11-28T20:00:00+08:00';
const SPAN_DAYS = 1095;
/** Shares of dispatched cases with an assisting department, and whose lead first went elsewhere. */
const ASSISTED = 0.7;
const RETURNED = 0.14;
const OPEN = `'RECEIVED','DISPATCHED','IN_PROGRESS','REPLIED','FOLLOWED_UP','REOPENED'`;

export interface SeedOptions {
  cases: number;
  until?: string;
  /** Progress lines (each step's time). */
  log?: (msg: string) => void;
}

export interface SeedTimings {
  seedSeconds: number;
  rebuildSeconds: number;
}

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

const reporterId = (i: string) => `lpad(to_hex((5::bigint << 40) + ${i}), 32, '0')::uuid`;

/** The seed, as one script of set-based statements. Deterministic: the same N gives the same rows. */
function seedScript(n: number, untilAt: string): string[] {
  const until = `'${untilAt}'::timestamptz`;
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
    // Reporters: one a case, anonymous where the case closes without a call back.
    `insert into reporters (id, relation_to_minor, anonymous, mandatory_reporter, consent_to_share_contact, has_safe_contact, claim_code, created_at)
     select ${reporterId('s.i')}, (array['PARENT','NEIGHBOUR','TEACHER','RELATIVE','OTHER'])[1 + s.i % 5], s.no_follow_up, s.i % 9 = 0, s.i % 3 = 0,
            not s.no_follow_up, 'BENCH-' || s.i, s.at
     from bst s`,
    `insert into cases (id, code, channel, kind, category_id, domain, urgency, guardian_involved, perpetrator_relation, reasonable_suspicion,
                        reporter_id, district_id, street, summary, narrative, status, resolution, close_reason, merge_group_id, merged_into_id, status_reason,
                        received_at, received_day, dispatch_by, closed_at, search_vector, created_at, updated_at)
     select s.id, 'MP' || to_char(s.at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-A' || lpad(s.i::text, 7, '0'), s.channel, s.kind, s.category_id,
            s.domain, s.urgency, pg_temp.h(s.i, 15) < 0.2, 'UNKNOWN', pg_temp.h(s.i, 15) < 0.5, ${reporterId('s.i')}, s.district_id, s.street,
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
    // Dispatches, about 1.5 per case as on the desk (police with school or civil affairs): the lead (one
    // in seven first went to another department, which returned it), an assist for seven in ten.
    // Returns share one threshold: the returned dispatch and the lead's second round.
    `insert into dispatches (id, case_id, department_id, role, instructions, status, round, accept_by, reply_by, accepted_at, returned_at, return_reason,
                             replied_at, reply_result, reply_outcome, created_at, updated_at)
     select lpad(to_hex((1::bigint << 40) + s.i * 4 + k.n), 32, '0')::uuid, s.id,
            case k.n when 0 then r.lead when 1 then coalesce(r.assist, r.lead) else coalesce(r.assist, (select id from departments where code = 'MPO')) end,
            case when k.n = 1 then 'ASSIST' else 'LEAD' end, '请核实处置',
            case when k.n = 2 then 'RETURNED'
                 when s.status = 'DISPATCHED' then 'PENDING'
                 when s.status = 'IN_PROGRESS' then 'ACCEPTED'
                 else 'REPLIED' end,
            case when k.n = 2 then 1 when pg_temp.h(s.i, 21) < ${RETURNED} then 2 else 1 end,
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
     cross join lateral (select 0 as n union all select 1 where pg_temp.h(s.i, 23) < ${ASSISTED} union all select 2 where pg_temp.h(s.i, 21) < ${RETURNED}) k
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
     select lpad(to_hex((3::bigint << 40) + child), 32, '0')::uuid, 'MINOR', 'bench-child-' || child, min(district_id::text)::uuid, count(*), '${untilAt}', '${untilAt}'
     from bchild group by child`,
    `insert into case_subjects (case_id, subject_id, role, created_at)
     select case_id, lpad(to_hex((3::bigint << 40) + child), 32, '0')::uuid, 'VICTIM', '${untilAt}' from bchild`,
    // Schools: school cases name one of a hundred schools of their district.
    `create temp table bschool as
     select s.id as case_id, s.district_id, d.k * 100 + floor(pg_temp.h(s.i, 28) * 100)::int as school
     from bst s join bdw d on d.id = s.district_id where s.parent = 'SCHOOL'`,
    `insert into subjects (id, kind, match_key, district_id, report_count, created_at, updated_at)
     select lpad(to_hex((4::bigint << 40) + school), 32, '0')::uuid, 'SCHOOL', 'bench-school-' || school, min(district_id::text)::uuid, count(*), '${untilAt}', '${untilAt}'
     from bschool group by school`,
    `insert into case_subjects (case_id, subject_id, role, created_at)
     select case_id, lpad(to_hex((4::bigint << 40) + school), 32, '0')::uuid, 'INVOLVED', '${untilAt}' from bschool`,
  ];
}


/** Seeds `opts.cases` cases into an empty, migrated database with reference data, then rebuilds the rollups. */
export async function seedBenchCases(sql: postgres.Sql, opts: SeedOptions): Promise<SeedTimings> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  await sql.begin(async (tx) => {
    await tx.unsafe(`set local session_replication_role = replica`); // bulk load: triggers and FK checks off
    for (const [k, statement] of seedScript(opts.cases, opts.until ?? SEED_UNTIL).entries()) {
      const t = performance.now();
      await tx.unsafe(statement);
      log(`  seed step ${k + 1}: ${((performance.now() - t) / 1000).toFixed(1)} s — ${statement.trim().split('\n')[0]!.slice(0, 70)}`);
    }
  });
  const seedSeconds = (performance.now() - t0) / 1000;
  log(`seeded ${opts.cases} cases in ${seedSeconds.toFixed(0)} s`);
  await sql.unsafe('analyze');
  const t1 = performance.now();
  await sql.begin((tx) => tx.unsafe('select analytics_rebuild_rollups()'));
  const rebuildSeconds = (performance.now() - t1) / 1000;
  log(`rollups rebuilt in ${rebuildSeconds.toFixed(1)} s`);
  await sql.unsafe('vacuum analyze');
  return { seedSeconds, rebuildSeconds };
}

export const OPEN_STATUSES_SQL = OPEN;

/** Reward records on closed, substantiated cases, in the statuses a committee sees. */
export async function seedBenchRewards(sql: postgres.Sql, count: number): Promise<void> {
  await sql.unsafe(`
    insert into reward_records (code, kind, basis_merge_group_id, basis_case_id, nominee_claim_code, standard_id, proposed_amount,
                                honour_type, justification, status, year, created_at, updated_at)
    select 'RWB-' || lpad(row_number() over (order by c.received_at)::text, 6, '0'), 'REPORT_REWARD', c.id, c.id, r.claim_code, s.id, 20000,
           s.honour_type, '线索属实', (array['IN_COMMITTEE','APPROVED','PUBLIC_NOTICE','GRANTED','REJECTED','NOMINATED'])[1 + (row_number() over (order by c.received_at))::int % 6],
           2026, c.received_at + interval '20 days', c.received_at + interval '20 days'
    from (select * from cases where status = 'CLOSED' and kind = 'REPORT' order by received_at desc limit ${count}) c
    join reporters r on r.id = c.reporter_id
    cross join (select id, honour_type from reward_standards where code = 'RPT-L3' and status = 'ACTIVE' limit 1) s;
    analyze reward_records;
  `);
}
