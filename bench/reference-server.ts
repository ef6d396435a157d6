// The raw-SQL reference: the same results as our API for each workload, from one hand-written
// statement each over node:http + postgres.js, with no auth, no GraphQL and no audit beyond what the
// workload itself writes. It marks the physical limit of this machine for each shape.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { OPEN_STATUSES_SQL } from './seed.js';
import { SESSION_SETTINGS } from '../server/db.js';

// The same session settings as our server, and named statements (postgres.js prepares its tagged
// queries by default; `unsafe` ones are prepared only when asked): the comparison is of what runs in
// front of PostgreSQL, not of how PostgreSQL is asked.
const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DB_POOL_SIZE ?? 10), onnotice: () => {}, connection: SESSION_SETTINGS });

const DISPATCHES = `(select coalesce(json_agg(json_build_object('id', d.id, 'role', d.role, 'status', d.status,
    'department', json_build_object('nameZh', dep.name_zh)) order by d.created_at), '[]')
  from dispatches d join departments dep on dep.id = d.department_id where d.case_id = c.id)`;

async function caseList(district: string, department: string | null) {
  const visible = department
    ? `and (select true from dispatches v where v.case_id = c.id and v.department_id = $2 and v.status in ('PENDING','ACCEPTED','REPLIED') limit 1) is not null`
    : '';
  const [row] = await sql.unsafe(
    `select coalesce(json_agg(x), '[]') as data from (
       select c.id, c.code, c.status, c.received_at, ${DISPATCHES} as dispatches
       from cases c where c.district_id = $1 and c.status in (${OPEN_STATUSES_SQL}) ${visible}
       order by c.received_at desc, c.id desc limit 50) x`,
    department ? [district, department] : [district], { prepare: true },
  );
  return row!.data;
}

async function casePage(id: string) {
  const [row] = await sql.unsafe(
    `select json_build_object('id', c.id, 'code', c.code, 'status', c.status, 'summary', c.summary, 'narrative', c.narrative,
       'category', (select json_build_object('nameZh', k.name_zh) from case_categories k where k.id = c.category_id),
       'reporter', (select json_build_object('anonymous', r.anonymous, 'hasSafeContact', r.has_safe_contact) from reporters r where r.id = c.reporter_id),
       'dispatches', ${DISPATCHES},
       'timeline', (select coalesce(json_agg(json_build_object('at', a.at, 'actor', a.actor_label, 'action', a.action) order by a.at), '[]')
                    from audit_events a where a.entity = 'Case' and a.entity_id = c.id)) as data
     from cases c where c.id = $1`,
    [id], { prepare: true },
  );
  return row?.data ?? null;
}

async function register(body: { categoryId: string; districtId: string; summary: string; idempotencyKey: string }) {
  return sql.begin(async (tx) => {
    const [seen] = await tx`select case_id from idempotency_keys where scope = 'bench' and key = ${body.idempotencyKey}`;
    if (seen) return { id: seen.case_id };
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const [{ last_seq }] = await tx`insert into case_code_counters (scope, day, last_seq) values ('REF', ${day}, 1)
      on conflict (scope, day) do update set last_seq = case_code_counters.last_seq + 1 returning last_seq`;
    const reporterId = randomUUID();
    const caseId = randomUUID();
    await tx`insert into reporters (id, claim_code) values (${reporterId}, ${'REF-' + reporterId})`;
    await tx`insert into cases (id, code, channel, kind, category_id, domain, urgency, district_id, summary, status, reporter_id, merge_group_id,
               received_at, received_day, search_vector)
             values (${caseId}, ${'RF' + day.replaceAll('-', '') + '-' + last_seq}, 'TRANSFER_12345', 'REPORT', ${body.categoryId}, 'FAMILY', 'NORMAL',
               ${body.districtId}, ${body.summary}, 'RECEIVED', ${reporterId}, ${caseId}, now(), ${day}, ''::tsvector)`;
    await tx`insert into idempotency_keys (scope, key, case_id) values ('bench', ${body.idempotencyKey}, ${caseId})`;
    await tx`insert into audit_events (actor_kind, actor_label, action, entity, entity_id) values ('TOKEN', 'bench', 'case.register', 'Case', ${caseId})`;
    return { id: caseId };
  });
}

async function committeeList() {
  const [row] = await sql.unsafe(
    `select coalesce(json_agg(x), '[]') as data from (
       select r.id, r.code, r.status, r.proposed_amount, json_build_object('code', s.code, 'version', s.version, 'nameZh', s.name_zh) as standard
       from reward_records r join reward_standards s on s.id = r.standard_id
       where r.status in ('IN_COMMITTEE','AWAITING_SECOND_APPROVAL','APPROVED','PUBLIC_NOTICE','GRANTED','REJECTED','REVOKED')
       order by r.created_at desc, r.id desc limit 50) x`, [], { prepare: true },
  );
  return row!.data;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://x');
    let data: unknown;
    if (url.pathname === '/case-list') data = await caseList(url.searchParams.get('district')!, url.searchParams.get('department'));
    else if (url.pathname === '/case') data = await casePage(url.searchParams.get('id')!);
    else if (url.pathname === '/committee') data = await committeeList();
    else if (url.pathname === '/register' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      data = await register(JSON.parse(body));
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('reference ready'));
process.on('SIGTERM', () => server.close(() => sql.end().then(() => process.exit(0))));
