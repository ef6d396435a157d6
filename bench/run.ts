// `npm run bench`: a throwaway PostgreSQL (or BENCH_DATABASE_URL), N seeded cases, our server in
// production mode and the raw-SQL reference side by side, driven by autocannon from separate
// processes in alternating rounds. Prints a table with the ratios.
//   npm run bench -- [--cases 200000] [--duration 15] [--connections 10] [--rounds 2] [--soak] [--only list]
//   BENCH_DATABASE_URL=… npm run bench -- --reuse   keeps an already seeded database (for iterating on a
//   change; registerCase rounds add cases to it, so re-seed before taking figures)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { caseCategories, departments, districts } from '../schema/index.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db.js';
import { applyReferenceData } from '../server/seed/reference.js';
import { systemClock } from '../server/shared/time.js';
import { createUser, issueApiToken } from '../server/modules/auth/service.js';
import { systemViewer } from '../server/modules/auth/viewer.js';
import { DatabaseEventBus } from '../server/shared/events.js';
import { seedBenchCases, seedBenchRewards } from './seed.js';
import type { LoadResult, LoadSpec } from './load.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '200000' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    soak: { type: 'boolean', default: false },
    only: { type: 'string' },
    reuse: { type: 'boolean', default: false },
  },
});
const N = Number(args.cases);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const OURS_PORT = 4610;
const REF_PORT = 4611;
const PASSWORD = 'bench-password-long-enough';
const children: ChildProcess[] = [];
let pgDir: string | null = null;

function log(msg: string) {
  process.stderr.write(`[bench] ${msg}\n`);
}

async function startPostgres(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  if (args.reuse) throw new Error('--reuse needs BENCH_DATABASE_URL');
  pgDir = mkdtempSync(join(tmpdir(), 'guardline-bench-pg-'));
  const url = execFileSync('scripts/throwaway-postgres.sh', ['start', pgDir, String(55400 + Math.floor(Math.random() * 90))], { encoding: 'utf8' }).trim();
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists guardline_bench with (force)');
  await admin.unsafe('create database guardline_bench');
  await admin.end();
  return url.replace(/\/postgres$/, '/guardline_bench');
}

/** The node arguments of `npm start` (what follows its last `node `), so the bench runs the server the same way. */
function startArgs(): string[] {
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  return start.slice(start.lastIndexOf('node ') + 'node '.length).trim().split(/\s+/);
}

async function startProcess(argv: string[], env: Record<string, string>, healthUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 300 && !exited; i++) {
    if (await fetch(healthUrl).then((r) => r.status < 500, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${argv.at(-1)} did not start`);
}

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`))));
  });
}

const gqlRequest = (token: string, query: string, variables: Record<string, unknown>) => ({
  method: 'POST' as const,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query, variables }),
});

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function main() {
  const url = await startPostgres();
  log(`database ${url.replace(/\/\/.*@/, '//…@')}; seeding ${N} cases`);
  const database = await openDatabase({ url });
  await applyReferenceData(database.db, systemClock);
  const config = loadConfig({ NODE_ENV: 'test' });
  const ctx = { db: database.db, database, clock: systemClock, viewer: systemViewer, requestId: 'bench', config, events: new DatabaseEventBus(database) };
  const [chaoyang] = await database.db.select().from(districts).where(eq(districts.code, '110105'));
  // Registrations go to another district: thousands of fresh, undispatched cases in Chaoyang would
  // change what the list workloads and the soak read.
  const [intakeDistrict] = await database.db.select().from(districts).where(eq(districts.code, '110108'));
  const [police] = await database.db.select().from(departments).where(eq(departments.code, 'PSB-110105'));
  const [category] = await database.db.select().from(caseCategories).where(eq(caseCategories.code, 'SCHOOL-BULLYING'));
  const started = Date.now();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [{ seeded }] = await sql`select count(*)::int as seeded from cases`;
  if (args.reuse && seeded >= N) log(`reusing ${seeded} seeded cases`);
  else {
    await seedBenchCases(sql, { cases: N });
    await seedBenchRewards(sql, 2000);
    // As autovacuum would leave a live database: statistics current, visibility map set.
    await sql.unsafe('vacuum analyze');
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const [username, roles] of [['bench-operator', ['OPERATOR']], ['bench-member', ['COMMITTEE_MEMBER']]] as const) {
    await createUser(ctx, { username, displayName: username, password: PASSWORD, roles: [...roles] }, { bootstrap: true }).catch(() => {});
  }
  const deptToken = (await issueApiToken(ctx, { name: 'bench police system', kind: 'DEPARTMENT', departmentId: police!.id })).secret;
  const intakeToken = (await issueApiToken(ctx, { name: 'bench 12345 line', kind: 'INTAKE' })).secret;
  const [sample] = await sql`select id from cases where district_id = ${chaoyang!.id} order by received_at desc limit 1`;
  await sql.end();
  await database.close();

  // Our server as `npm start` runs it: the bundled build with the start script's node flags, no
  // TypeScript loader in the process.
  execFileSync('npm', ['run', '--silent', 'server:build'], { stdio: 'inherit' });
  const ours = await startProcess(startArgs(), {
    NODE_ENV: 'production', DATABASE_URL: url, PORT: String(OURS_PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-42', DB_POOL_SIZE: '10',
  }, `http://127.0.0.1:${OURS_PORT}/healthz`);
  await startProcess(['--import', 'tsx', 'bench/reference-server.ts'], { DATABASE_URL: url, PORT: String(REF_PORT), DB_POOL_SIZE: '10' }, `http://127.0.0.1:${REF_PORT}/committee`);
  const login = async (username: string) => {
    const res = await fetch(`http://127.0.0.1:${OURS_PORT}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { ... on LoginPayload { token } } }`, variables: { u: username, p: PASSWORD } }),
    });
    return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
  };
  const operator = await login('bench-operator');
  const member = await login('bench-member');
  const caseGid = Buffer.from(`Case:${sample!.id}`).toString('base64');
  const districtGid = Buffer.from(`District:${chaoyang!.id}`).toString('base64');
  const intakeDistrictGid = Buffer.from(`District:${intakeDistrict!.id}`).toString('base64');
  const categoryGid = Buffer.from(`CaseCategory:${category!.id}`).toString('base64');
  const OPEN = ['RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED'];
  const LIST = `query($d: ID!, $s: [CaseStatus!]) { cases(first: 50, filter: { districtId: $d, status: $s }) { edges { node { id code status receivedAt
    dispatches { id role status department { nameZh } } } } } }`;
  const PAGE = `query($id: ID!) { node(id: $id) { ... on Case { id code status summary narrative category { nameZh } reporter { anonymous hasSafeContact }
    dispatches { id role status department { nameZh } } timeline { at actor action } } } }`;
  const REGISTER = `mutation($i: RegisterCaseInput!) { registerCase(input: $i) { __typename ... on RegisterCasePayload { case { id } } } }`;
  const COMMITTEE = `{ rewardRecords(first: 50) { edges { node { id code status proposedAmount standard { code version nameZh } } } } }`;
  const ref = (path: string) => `http://127.0.0.1:${REF_PORT}${path}`;
  const api = `http://127.0.0.1:${OURS_PORT}/graphql`;

  const workloads: { name: string; ours: LoadSpec; ref: LoadSpec }[] = [
    { name: 'case list (department token)', ours: { url: api, connections: CONNECTIONS, duration: DURATION, ...gqlRequest(deptToken, LIST, { d: districtGid, s: OPEN }) }, ref: { url: ref(`/case-list?district=${chaoyang!.id}&department=${police!.id}`), method: 'GET' as const, connections: CONNECTIONS, duration: DURATION } },
    { name: 'case list (operator)', ours: { url: api, connections: CONNECTIONS, duration: DURATION, ...gqlRequest(operator, LIST, { d: districtGid, s: OPEN }) }, ref: { url: ref(`/case-list?district=${chaoyang!.id}`), method: 'GET' as const, connections: CONNECTIONS, duration: DURATION } },
    { name: 'case page (operator)', ours: { url: api, connections: CONNECTIONS, duration: DURATION, ...gqlRequest(operator, PAGE, { id: caseGid }) }, ref: { url: ref(`/case?id=${sample!.id}`), method: 'GET' as const, connections: CONNECTIONS, duration: DURATION } },
    {
      name: 'registerCase (intake token)',
      ours: { url: api, connections: CONNECTIONS, duration: DURATION, ...gqlRequest(intakeToken, REGISTER, { i: { channel: 'TRANSFER_12345', kind: 'REPORT', categoryId: categoryGid, domain: 'SCHOOL', districtId: intakeDistrictGid, summary: '转办：学生在校被欺凌', idempotencyKey: 'bench-{{n}}' } }) },
      ref: { url: ref('/register'), method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId: category!.id, districtId: intakeDistrict!.id, summary: '转办：学生在校被欺凌', idempotencyKey: 'ref-{{n}}' }), connections: CONNECTIONS, duration: DURATION },
    },
    { name: 'reward records (committee)', ours: { url: api, connections: CONNECTIONS, duration: DURATION, ...gqlRequest(member, COMMITTEE, {}) }, ref: { url: ref('/committee'), method: 'GET' as const, connections: CONNECTIONS, duration: DURATION } },
  ].filter((w) => !args.only || w.name.includes(args.only));

  const rows: string[] = [];
  // RSS sampled through every load, not only at its end: the peak is the highest seen, and where.
  let peakRss = 0;
  let peakDuring = '';
  let current = '';
  const sampler = setInterval(() => {
    const mb = rssMb(ours.pid!);
    if (current && mb > peakRss) [peakRss, peakDuring] = [mb, current];
  }, 250);
  for (const w of workloads) {
    current = w.name;
    log(`${w.name}: warm-up`);
    await load({ ...w.ours, duration: Number(args.warmup) });
    await load({ ...w.ref, duration: Number(args.warmup) });
    const o: LoadResult[] = [];
    const r: LoadResult[] = [];
    for (let round = 0; round < Number(args.rounds); round++) {
      o.push(await load(w.ours));
      r.push(await load(w.ref));
    }
    const avg = (xs: LoadResult[], k: 'rps' | 'p50' | 'p99') => xs.reduce((s, x) => s + x[k], 0) / xs.length;
    const bad = o.reduce((s, x) => s + x.errors + x.non2xx, 0);
    rows.push(`| ${w.name} | ${avg(o, 'rps').toFixed(0)} | ${avg(o, 'p50').toFixed(1)} | ${avg(o, 'p99').toFixed(1)} | ${avg(r, 'rps').toFixed(0)} | ${avg(r, 'p50').toFixed(1)} | ${avg(r, 'p99').toFixed(1)} | ${(avg(o, 'rps') / avg(r, 'rps')).toFixed(2)}× | ${(avg(o, 'p99') / avg(r, 'p99')).toFixed(2)}× | ${bad} |`);
    log(rows.at(-1)!);
  }
  let soak = '';
  if (args.soak) {
    current = 'the soak';
    // The registrations before it leave PostgreSQL a checkpoint and an autovacuum of `cases` to do;
    // done now, they do not land inside the soak, which measures our server over time.
    const maintenance = postgres(url, { max: 1, onnotice: () => {} });
    await maintenance.unsafe('checkpoint').catch((e: Error) => log(`no checkpoint before the soak: ${e.message}`));
    await maintenance.unsafe('vacuum analyze');
    await maintenance.end();
    log('soak: 5 minutes, 30 connections, case list (department token)');
    const s = await load({ ...workloads[0]!.ours, connections: 30, duration: 300 });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const first = mean(s.perSecond.slice(0, 60));
    const last = mean(s.perSecond.slice(-60));
    // each minute's mean, so a decay shows its shape (steady, or one slow stretch)
    const minutes = Array.from({ length: Math.floor(s.perSecond.length / 60) }, (_m, i) => mean(s.perSecond.slice(i * 60, i * 60 + 60)));
    soak = `\nSoak (5 min, 30 connections, pool 10): first minute ${first.toFixed(0)} req/s, last minute ${last.toFixed(0)} req/s (${((last / first - 1) * 100).toFixed(1)}%), errors ${s.errors + s.non2xx}; by minute ${minutes.map((m) => m.toFixed(0)).join(', ')}.`;
  }
  console.log(`\n${N.toLocaleString('en')} cases · ${cpus().length} cores (${cpus()[0]?.model}) · ${Math.round(totalmem() / 2 ** 30)} GiB · PostgreSQL on loopback · ${CONNECTIONS} connections × ${DURATION} s × ${args.rounds} alternating rounds\n`);
  console.log('| workload | ours req/s | p50 ms | p99 ms | raw SQL req/s | p50 ms | p99 ms | throughput ratio | p99 ratio | errors |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  clearInterval(sampler);
  console.log(`\nServer peak RSS under load: ${peakRss} MB (during ${peakDuring}).${soak}`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    // The servers drain before their database goes away (no failed in-flight queries in the log).
    await Promise.all(children.map((c) => new Promise((done) => {
      if (c.exitCode !== null) return done(null);
      c.once('exit', done);
      c.kill('SIGTERM');
      setTimeout(done, 15_000).unref();
    })));
    if (pgDir) execFileSync('scripts/throwaway-postgres.sh', ['stop', pgDir]);
  });
