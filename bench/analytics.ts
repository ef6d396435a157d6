// `npm run bench:analytics`: seeds N realistic cases with the seeder `npm run bench` uses too
// (bench/seed.ts: dispatches, follow-ups, the children and schools they are about), builds the rollups the way production
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
import { SEED_VERSION, seedBenchCases } from './seed.js';

const NOW = new Date('2026-11-29T10:00:00+08:00');

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
    Object.assign(seeded, await seedBenchCases(db, { cases: n, log }));
    const counts = await db.unsafe(`select
      (select count(*) from cases)::int as cases, (select count(*) from dispatches)::int as dispatches,
      (select count(*) from follow_ups)::int as follow_ups, (select count(*) from case_subjects)::int as case_subjects,
      (select count(*) from case_daily_stats)::int as case_daily_rows, (select count(*) from case_monthly_category_district)::int as compact_rows,
      (select count(*) from department_monthly_stats)::int as department_rows, (select count(*) from analytics_lead_replies)::int as lead_replies,
      (select count(*) from hotspot_street_cases)::int as hotspot_street_rows, (select count(*) from hotspot_subject_cases)::int as hotspot_subject_rows,
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
