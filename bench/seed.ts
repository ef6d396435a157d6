// Deterministic bulk seeding of realistic cases, reporters and dispatches through our own schema,
// in set-based SQL (generate_series), for benchmarks at 200k–2M cases. The same N gives the same rows.
import type postgres from 'postgres';

export interface SeedOptions {
  cases: number;
  /** The newest receipt; cases spread back over two years from here. */
  until?: string;
}

const OPEN = `'RECEIVED','DISPATCHED','IN_PROGRESS','REPLIED','FOLLOWED_UP','REOPENED'`;

/**
 * Status mix: most work is finished (CLOSED), a realistic tail is open. Every case but RECEIVED has
 * a LEAD dispatch to its district's police branch or another department; every other one an ASSIST.
 */
export async function seedBenchCases(sql: postgres.Sql, opts: SeedOptions): Promise<void> {
  const n = opts.cases;
  const until = opts.until ?? '2026-11-28T12:00:00+08:00';
  await sql.begin(async (tx) => {
    // Bulk load without row triggers and FK checks (superuser only); the analytics roll-ups are rebuilt
    // below with the same function the migration uses to backfill them.
    await tx.unsafe(`set local session_replication_role = replica`);
    await tx.unsafe(`
      create temp table bench_leaf as select row_number() over (order by code) - 1 as k, id from case_categories where parent_id is not null;
      create temp table bench_district as select row_number() over (order by code) - 1 as k, id, code from districts;
      create temp table bench_dept as
        select d.k, d.id as district_id,
          (select id from departments where code = 'PSB-' || d.code) as police,
          coalesce((select id from departments where code = 'EDU-' || d.code), (select id from departments where code = 'EDU')) as education,
          coalesce((select id from departments where code = 'CIV-' || d.code), (select id from departments where code = 'CIV')) as civil
        from bench_district d;
    `);
    const [{ leaves }] = await tx.unsafe<{ leaves: number }[]>(`select count(*)::int as leaves from bench_leaf`);
    // ids are derived from i, so runs are repeatable.
    await tx.unsafe(`
      insert into reporters (id, relation_to_minor, anonymous, mandatory_reporter, consent_to_share_contact, has_safe_contact, claim_code, created_at)
      select lpad(to_hex(i), 32, '0')::uuid, (array['PARENT','NEIGHBOUR','TEACHER','RELATIVE','OTHER'])[1 + i % 5], i % 4 = 0, i % 9 = 0, i % 3 = 0, i % 4 <> 0,
             'BENCH-' || i, '${until}'::timestamptz - (i * (730.0 * 86400 / ${n})) * interval '1 second'
      from generate_series(1, ${n}) i;

      insert into cases (id, code, channel, kind, category_id, domain, urgency, guardian_involved, perpetrator_relation, reasonable_suspicion,
                         district_id, street, summary, narrative, status, resolution, reporter_id, merge_group_id, received_at, received_day,
                         dispatch_by, closed_at, search_vector, created_at, updated_at)
      select lpad(to_hex(i), 32, '0')::uuid,
             'MP' || to_char(r.at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-B' || lpad(i::text, 7, '0'),
             (array['HOTLINE','TRANSFER_12345','HOTLINE','WALK_IN'])[1 + i % 4], (array['REPORT','REPORT','REPORT','CONSULTATION','HELP_REQUEST'])[1 + i % 5],
             l.id, (array['FAMILY','SCHOOL','SOCIETY','NETWORK','GOVERNMENT','JUDICIAL'])[1 + i % 6], (array['NORMAL','URGENT','NORMAL','IMMEDIATE','NORMAL'])[1 + i % 5],
             i % 7 = 0, (array['PARENT','TEACHER','PEER','STRANGER','UNKNOWN'])[1 + i % 5], i % 2 = 0,
             d.id, '街道' || (i % 40), '来电反映未成年人权益问题 #' || i, '来电人反映的详细情况，编号 ' || i,
             s.status, case when s.status = 'CLOSED' then 'FOLLOWED_UP' end, lpad(to_hex(i), 32, '0')::uuid, lpad(to_hex(i), 32, '0')::uuid,
             r.at, (r.at at time zone 'Asia/Shanghai')::date, r.at + interval '24 hours',
             case when s.status = 'CLOSED' then r.at + interval '10 days' end, ''::tsvector, r.at, r.at
      from generate_series(1, ${n}) i
      cross join lateral (select '${until}'::timestamptz - (i * (730.0 * 86400 / ${n})) * interval '1 second' as at) r
      join bench_leaf l on l.k = (i * 7) % ${leaves}
      join bench_district d on d.k = (i * 13) % 16
      cross join lateral (select case
        when i % 100 < 80 then 'CLOSED' when i % 100 < 84 then 'RECEIVED' when i % 100 < 88 then 'DISPATCHED'
        when i % 100 < 93 then 'IN_PROGRESS' when i % 100 < 96 then 'REPLIED' when i % 100 < 98 then 'FOLLOWED_UP' else 'REOPENED' end as status) s;

      insert into dispatches (id, case_id, department_id, role, instructions, status, round, accept_by, reply_by, accepted_at, replied_at,
                              reply_result, reply_outcome, created_at, updated_at)
      select gen_random_uuid(), c.id,
             case when k.n = 0 then (case when c.i % 3 = 0 then b.education else b.police end) else b.civil end,
             case when k.n = 0 then 'LEAD' else 'ASSIST' end, '请核实处置',
             case when c.status = 'DISPATCHED' then 'PENDING' when c.status in ('IN_PROGRESS', 'REOPENED') and k.n = 0 then 'ACCEPTED'
                  when c.status = 'IN_PROGRESS' then 'PENDING' else 'REPLIED' end,
             1, c.received_at + interval '4 hours', c.received_at + interval '15 days',
             case when c.status not in ('DISPATCHED') then c.received_at + interval '3 hours' end,
             case when c.status in ('REPLIED', 'FOLLOWED_UP', 'CLOSED') then c.received_at + interval '5 days' end,
             case when c.status in ('REPLIED', 'FOLLOWED_UP', 'CLOSED') then '已核实处置' end,
             case when c.status in ('REPLIED', 'FOLLOWED_UP', 'CLOSED') and k.n = 0 then (array['SUBSTANTIATED','NOT_SUBSTANTIATED','REFERRED'])[1 + c.i % 3] end,
             c.received_at + interval '1 hour', c.received_at + interval '1 hour'
      from (select cases.*, ('x' || right(replace(cases.id::text, '-', ''), 15))::bit(60)::bigint as i from cases where code like '%-B%' and status <> 'RECEIVED') c
      join bench_dept b on b.district_id = c.district_id
      cross join lateral generate_series(0, case when c.i % 2 = 0 then 1 else 0 end) k(n);
    `);
  });
  await sql.unsafe('select analytics_rebuild_rollups()');
  await sql.unsafe('analyze');
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
