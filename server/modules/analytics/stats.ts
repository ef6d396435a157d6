// caseStats: counts over a Beijing period, filtered, grouped by fixed breakdowns, optionally by
// day/week/month. Received counts come from the rollups (finished work: an intake does not change
// once made); open and overdue counts are counted live from the few open rows, since a deadline
// passing is not a write. Analysts see fine breakdowns with small counts suppressed (RULES.md).
import { sql, type SQL } from 'drizzle-orm';
import { caseCategories } from '../../../schema/index.js';
import type { CaseChannel, CaseKind, ProtectionDomain, Urgency } from '../../../schema/enums.js';
import { memoize, type ServiceContext } from '../../context.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { OPEN_CASE_STATUSES } from '../cases/machine.js';
import { requireStatsReader, seesSuppressed } from './access.js';
import { checkPeriod, daysBetween, monthOf, periodInstants, splitByMonths, type DayPeriod } from './period.js';
import { primaryOnly, shown, statCount, suppressCells, THRESHOLD, type CubeDimension, type StatCount, type Suppression } from './suppression.js';

export const DIMENSIONS = ['CATEGORY', 'PARENT_CATEGORY', 'DOMAIN', 'DISTRICT', 'URGENCY', 'CHANNEL', 'KIND', 'DEPARTMENT'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const BUCKETS = ['NONE', 'DAY', 'WEEK', 'MONTH'] as const;
export type Bucket = (typeof BUCKETS)[number];
/** What is counted: cases received, or dispatches a department received (any breakdown by department). */
export type Measure = 'CASES' | 'DISPATCHES';

export interface CaseStatsFilter {
  /** A leaf, or a parent (its leaves). */
  categoryId?: string | null;
  districtId?: string | null;
  domain?: ProtectionDomain | null;
  urgency?: Urgency | null;
  channel?: CaseChannel | null;
  kind?: CaseKind | null;
  departmentId?: string | null;
}

export interface CaseStatsInput {
  /** Beijing days, inclusive. */
  from: string;
  to: string;
  groupBy?: Dimension[] | null;
  bucket?: Bucket | null;
  filter?: CaseStatsFilter | null;
}

export type StatsKey = Partial<Record<Dimension, string | null>>;

export interface StatsRow {
  /** First day of the bucket (day, Monday of the week, first of the month); null without a bucket. */
  period: string | null;
  key: StatsKey;
  received: StatCount;
}

export interface LiveCounts {
  open: StatCount;
  overdue: StatCount;
}

export interface CaseStatsResult {
  from: string;
  to: string;
  bucket: Bucket;
  groupBy: Dimension[];
  measure: Measure;
  /** Small counts are hidden in this result (the viewer is an analyst and the breakdown is finer than district × month). */
  suppressionApplied: boolean;
  asOf: Date;
  total: StatCount;
  rows: StatsRow[];
  /** Open and overdue now, per row (by `rowKey`), counted live when first asked for. */
  live(): Promise<Map<string, LiveCounts>>;
}

export const MAX_ROWS = 10_000;
const NULL = '\u2205';

type CategoryIndex = Map<string, string | null>;

/** Category id → parent id (null for a parent), memoised per request. */
export function categoryIndex(ctx: ServiceContext): Promise<CategoryIndex> {
  return memoize(ctx, 'analytics:categories', async () => {
    const rows = await ctx.db.select({ id: caseCategories.id, parentId: caseCategories.parentId }).from(caseCategories);
    return new Map(rows.map((r) => [r.id, r.parentId]));
  });
}

const COLUMN: Record<Dimension, string> = {
  CATEGORY: 'category_id', PARENT_CATEGORY: 'category_id', DOMAIN: 'domain', DISTRICT: 'district_id',
  URGENCY: 'urgency', CHANNEL: 'channel', KIND: 'kind', DEPARTMENT: 'department_id',
};

export const rowKey = (period: string | null, groupBy: Dimension[], key: StatsKey) => [period ?? '', ...groupBy.map((d) => key[d] ?? NULL)].join('|');

/** Month or coarser: a MONTH bucket, or no bucket over a period of four weeks or more. */
export const monthOrCoarser = (bucket: Bucket, period: DayPeriod) => bucket === 'MONTH' || (bucket === 'NONE' && daysBetween(period.from, period.to) >= 28);

/** Finer than district × month: two or more attributes fixed per cell, or a time grain under a month. */
export const finerThanDistrictMonth = (attributes: number, bucket: Bucket, period: DayPeriod) => attributes >= 2 || !monthOrCoarser(bucket, period);

/**
 * Late right now — the same rule as `overdueSql` in cases/queries.ts (the desk's dispatch-by passed,
 * or an open dispatch past its accept-by or reply-by), written so the late dispatches are found once
 * from their partial indexes (a hashed subplan) instead of probed case by case.
 */
export function overdueCasesSql(now: Date): SQL {
  const at = now.toISOString();
  return sql`(("cases"."status" in ('RECEIVED', 'REOPENED') and "cases"."dispatch_by" < ${at}::timestamptz)
    or "cases"."id" in (
      select case_id from dispatches where status = 'PENDING' and (accept_by < ${at}::timestamptz or reply_by < ${at}::timestamptz)
      union all
      select case_id from dispatches where status = 'ACCEPTED' and reply_by < ${at}::timestamptz))`;
}

function bucketSql(bucket: Bucket, at: SQL): SQL {
  switch (bucket) {
    case 'DAY': return sql`(${at})::text`;
    case 'WEEK': return sql`((${at}) - (extract(isodow from ${at})::int - 1))::text`;
    case 'MONTH': return sql`analytics_month(${at})::text`;
    default: return sql`null::text`;
  }
}

interface Selection {
  /** Raw columns to group by (deduplicated). */
  columns: string[];
  /** Raw columns the conditions read. */
  filterColumns: string[];
  /** Conditions on raw columns (unqualified names, or qualified by the caller's `qualify`). */
  where: (qualify: (col: string) => string) => SQL[];
}

interface RawRow {
  period: string | null;
  [column: string]: unknown;
}

/** Counts from the rollups: whole months from a monthly table, edge days and day/week buckets from the daily one. */
async function rollupCounts(rows: <T>(q: SQL) => Promise<T[]>, measure: Measure, bucket: Bucket, period: DayPeriod, sel: Selection): Promise<(RawRow & { n: number })[]> {
  const value = measure === 'CASES' ? 'received' : 'dispatched';
  const daily = measure === 'CASES' ? 'case_daily_stats' : 'dispatch_daily_stats';
  const compact = measure === 'CASES' && [...sel.columns, ...sel.filterColumns].every((c) => c === 'category_id' || c === 'district_id');
  const monthly = measure === 'CASES' ? (compact ? 'case_monthly_category_district' : 'case_monthly_stats') : 'dispatch_monthly_stats';
  const cols = sel.columns.map((c) => sql.raw(`"${c}"`));
  const colList = cols.length ? sql`, ${sql.join(cols, sql`, `)}` : sql``;
  const conds = sel.where((c) => `"${c}"`);
  const part = (table: string, timeCol: 'day' | 'month', p: DayPeriod) =>
    sql`select ${sql.raw(`"${timeCol}"`)} as at${colList}, ${sql.raw(`"${value}"`)} as n from ${sql.raw(`"${table}"`)}
      where ${sql.raw(`"${timeCol}"`)} between ${p.from}::date and ${p.to}::date${conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``}`;
  const parts: SQL[] = [];
  if (bucket === 'DAY' || bucket === 'WEEK') parts.push(part(daily, 'day', period));
  else {
    const split = splitByMonths(period);
    if (split.months) parts.push(part(monthly, 'month', split.months));
    for (const edge of split.edges) parts.push(part(daily, 'day', edge));
  }
  const groupCols = cols.length ? sql`, ${sql.join(cols, sql`, `)}` : sql``;
  const query = sql`select ${bucketSql(bucket, sql.raw('s.at'))} as period${colList}, sum(s.n)::int as n
    from (${sql.join(parts, sql` union all `)}) s
    group by 1${groupCols} having sum(s.n) <> 0`;
  return rows(query);
}

/** Open and overdue now, counted from the open rows (partial indexes keep this to the open few). */
async function liveCounts(rows: <T>(q: SQL) => Promise<T[]>, now: Date, measure: Measure, bucket: Bucket, period: DayPeriod, sel: Selection): Promise<(RawRow & { open: number; overdue: number })[]> {
  if (measure === 'CASES') {
    const cols = sel.columns.map((c) => sql.raw(`"cases"."${c}"`));
    const colList = cols.length ? sql`, ${sql.join(cols, sql`, `)}` : sql``;
    const conds = sel.where((c) => `"cases"."${c}"`);
    const open = sql.join(OPEN_CASE_STATUSES.map((s) => sql`${s}`), sql`, `);
    return rows(sql`select ${bucketSql(bucket, sql.raw('"cases"."received_day"'))} as period${colList},
        count(*)::int as open, count(*) filter (where ${overdueCasesSql(now)})::int as overdue
      from "cases"
      where "cases"."status" in (${open}) and "cases"."received_day" between ${period.from}::date and ${period.to}::date
        ${conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``}
      group by 1${colList}`);
  }
  const qualify = (c: string) => (c === 'department_id' ? `d."${c}"` : `c."${c}"`);
  const cols = sel.columns.map((c) => sql.raw(qualify(c)));
  const colList = cols.length ? sql`, ${sql.join(cols, sql`, `)}` : sql``;
  const conds = sel.where(qualify);
  const at = now.toISOString();
  const { start, end } = periodInstants(period);
  return rows(sql`select ${bucketSql(bucket, sql.raw('analytics_bj_day(d.created_at)'))} as period${colList},
      count(*)::int as open,
      count(*) filter (where (d.status = 'PENDING' and d.accept_by < ${at}::timestamptz) or d.reply_by < ${at}::timestamptz)::int as overdue
    from dispatches d join cases c on c.id = d.case_id
    where d.status in ('PENDING', 'ACCEPTED') and d.created_at >= ${start.toISOString()}::timestamptz and d.created_at < ${end.toISOString()}::timestamptz
      ${conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``}
    group by 1${colList}`);
}

interface Plan {
  measure: Measure;
  bucket: Bucket;
  period: DayPeriod;
  groupBy: Dimension[];
  /** Fixed values from the filter, by dimension. */
  fixed: StatsKey;
  /** Dimensions of the table suppression runs on: the breakdown and every filtered attribute. */
  cube: Dimension[];
  suppress: boolean;
  categories: CategoryIndex;
  leavesOf: (parentId: string) => string[];
}

/** The cube without what another dimension implies (a leaf category implies its parent). */
function normalise(dims: Iterable<Dimension>): Dimension[] {
  const set = new Set(dims);
  if (set.has('CATEGORY')) set.delete('PARENT_CATEGORY');
  return DIMENSIONS.filter((d) => set.has(d));
}

function selectionFor(plan: Plan, dims: Dimension[], withFilters: boolean): Selection {
  const columns = [...new Set(dims.map((d) => COLUMN[d]))];
  return {
    columns,
    filterColumns: withFilters ? (Object.keys(plan.fixed) as Dimension[]).map((d) => COLUMN[d]) : [],
    where: (q) => {
      if (!withFilters) return [];
      const out: SQL[] = [];
      for (const [dim, value] of Object.entries(plan.fixed) as [Dimension, string | null][]) {
        if (dim === 'PARENT_CATEGORY') {
          const ids = plan.leavesOf(value!);
          out.push(ids.length ? sql`${sql.raw(q('category_id'))} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`);
        } else if (dim === 'CATEGORY' || dim === 'DISTRICT' || dim === 'DEPARTMENT') {
          out.push(sql`${sql.raw(q(COLUMN[dim]))} = ${value}::uuid`);
        } else {
          out.push(sql`${sql.raw(q(COLUMN[dim]))} = ${value}`);
        }
      }
      return out;
    },
  };
}

function coordinatesOf(plan: Plan, dims: Dimension[], raw: RawRow): StatsKey {
  const key: StatsKey = {};
  for (const d of dims) {
    const v = (raw[COLUMN[d]] as string | null | undefined) ?? null;
    key[d] = d === 'PARENT_CATEGORY' && v ? (plan.categories.get(v) ?? v) : v;
  }
  return key;
}

function matchesFixed(plan: Plan, key: StatsKey): boolean {
  return (Object.entries(plan.fixed) as [Dimension, string | null][]).every(([dim, value]) => {
    if (dim === 'PARENT_CATEGORY' && !(dim in key)) {
      const leaf = key.CATEGORY;
      return !!leaf && (plan.categories.get(leaf) ?? leaf) === value;
    }
    return key[dim] === value;
  });
}

/**
 * Folds raw rows into cells of `dims` (summing what a coarser dimension merges, e.g. leaves into a
 * parent), runs suppression on those cells when the plan asks for it, and returns the cells of the
 * breakdown the caller asked for.
 */
interface Tabulated<M extends string> {
  cells: { period: string | null; key: StatsKey; counts: Record<M, StatCount> }[];
  /** Exact totals of the selected cells, per measure. */
  totals: Record<M, number>;
}

function tabulate<M extends string>(plan: Plan, raw: RawRow[], measures: M[]): Tabulated<M> {
  const dims = plan.suppress ? plan.cube : plan.groupBy;
  const cells = new Map<string, { period: string | null; key: StatsKey; values: Record<M, number> }>();
  for (const r of raw) {
    const key = coordinatesOf(plan, dims, r);
    const k = rowKey(r.period, dims, key);
    const cell = cells.get(k) ?? { period: r.period, key, values: Object.fromEntries(measures.map((m) => [m, 0])) as Record<M, number> };
    for (const m of measures) cell.values[m] += Number(r[m] ?? 0);
    cells.set(k, cell);
  }
  const list = [...cells.values()];
  if (list.length > MAX_ROWS) throw new ValidationError(`More than ${MAX_ROWS} cells: narrow the period or the breakdown`, 'groupBy');
  const hidden = new Map<M, Map<number, Suppression>>();
  if (plan.suppress) {
    const withTime = plan.bucket !== 'NONE';
    const cubeDims: CubeDimension[] = [
      ...(withTime ? [{ name: 'TIME', groups: plan.bucket === 'DAY' ? [monthOf] : [] }] : []),
      ...dims.map((d) => ({ name: d, groups: d === 'CATEGORY' ? [(c: string) => plan.categories.get(c) ?? c] : [] })),
    ];
    // A line's total is public when the breakdown it belongs to is not finer than district × month.
    const linePublic = (d: number, g: number, total: number) => {
      const isTime = withTime && d === 0;
      const attributes = dims.length - (isTime || g > 0 ? 0 : 1);
      const bucketAfter: Bucket = isTime ? (g > 0 ? 'MONTH' : 'NONE') : plan.bucket;
      return !finerThanDistrictMonth(attributes, bucketAfter, plan.period) || total >= THRESHOLD;
    };
    for (const m of measures) {
      const cubeCells = list.map((c) => ({ coordinates: [...(withTime ? [c.period ?? ''] : []), ...dims.map((d) => c.key[d] ?? NULL)], value: c.values[m] }));
      hidden.set(m, suppressCells(cubeDims, cubeCells, THRESHOLD, linePublic));
    }
  }
  const out: Tabulated<M>['cells'] = [];
  const totals = Object.fromEntries(measures.map((m) => [m, 0])) as Record<M, number>;
  list.forEach((c, i) => {
    if (plan.suppress && !matchesFixed(plan, c.key)) return;
    for (const m of measures) totals[m] += c.values[m];
    const key: StatsKey = {};
    for (const d of plan.groupBy) key[d] = d === 'PARENT_CATEGORY' && !(d in c.key) ? (c.key.CATEGORY ? (plan.categories.get(c.key.CATEGORY) ?? c.key.CATEGORY) : null) : (c.key[d] ?? null);
    const counts = Object.fromEntries(measures.map((m) => [m, plan.suppress ? statCount(c.values[m], hidden.get(m)!.get(i)) : shown(c.values[m])])) as Record<M, StatCount>;
    out.push({ period: c.period, key, counts });
  });
  return { cells: out, totals };
}

async function makePlan(ctx: ServiceContext, input: CaseStatsInput): Promise<Plan> {
  const period = checkPeriod(input.from, input.to);
  const bucket = input.bucket ?? 'NONE';
  const groupBy = [...new Set(input.groupBy ?? [])];
  if (groupBy.length > 3) throw new ValidationError('At most three breakdowns at once', 'groupBy');
  if (groupBy.includes('CATEGORY') && groupBy.includes('PARENT_CATEGORY')) throw new ValidationError('Break down by a category or by its parent, not both', 'groupBy');
  if (bucket === 'DAY' && daysBetween(period.from, period.to) > 366) throw new ValidationError('Daily figures cover at most a year', 'bucket');
  const f = input.filter ?? {};
  const categories = await categoryIndex(ctx);
  const fixed: StatsKey = {};
  if (f.categoryId) {
    if (!categories.has(f.categoryId)) throw new NotFoundError('Case category', 'categoryId');
    fixed[categories.get(f.categoryId) ? 'CATEGORY' : 'PARENT_CATEGORY'] = f.categoryId;
  }
  if (f.districtId) fixed.DISTRICT = f.districtId;
  if (f.domain) fixed.DOMAIN = f.domain;
  if (f.urgency) fixed.URGENCY = f.urgency;
  if (f.channel) fixed.CHANNEL = f.channel;
  if (f.kind) fixed.KIND = f.kind;
  if (f.departmentId) fixed.DEPARTMENT = f.departmentId;
  const measure: Measure = groupBy.includes('DEPARTMENT') || fixed.DEPARTMENT ? 'DISPATCHES' : 'CASES';
  const cube = normalise([...groupBy, ...(Object.keys(fixed) as Dimension[])]);
  const suppress = seesSuppressed(ctx.viewer) && finerThanDistrictMonth(cube.length, bucket, period);
  const leaves = new Map<string, string[]>();
  for (const [id, parent] of categories) if (parent) leaves.set(parent, [...(leaves.get(parent) ?? []), id]);
  return { measure, bucket, period, groupBy, fixed, cube, suppress, categories, leavesOf: (p) => leaves.get(p) ?? [] };
}

export async function caseStats(ctx: ServiceContext, input: CaseStatsInput): Promise<CaseStatsResult> {
  requireStatsReader(ctx.viewer);
  const plan = await makePlan(ctx, input);
  const now = ctx.clock.now();
  const rows = <T>(q: SQL) => ctx.database.rows<T>(q);
  // Suppression runs on the whole table the cells belong to, filters included as dimensions, so
  // the same cell is hidden the same way whichever query reaches it.
  const dims = plan.suppress ? plan.cube : plan.groupBy;
  const selection = selectionFor(plan, dims, !plan.suppress);
  const raw = await rollupCounts(rows, plan.measure, plan.bucket, plan.period, selection);
  const { cells: received, totals } = tabulate(plan, raw.map((r) => ({ ...r, received: r.n })), ['received']);
  if (received.length > MAX_ROWS) throw new ValidationError(`More than ${MAX_ROWS} rows: narrow the period or the breakdown`, 'groupBy');
  received.sort((a, b) => (a.period ?? '').localeCompare(b.period ?? '') || rowKey(null, plan.groupBy, a.key).localeCompare(rowKey(null, plan.groupBy, b.key)));
  const totalFiner = finerThanDistrictMonth(normalise(Object.keys(plan.fixed) as Dimension[]).length, 'NONE', plan.period);

  let live: Promise<Map<string, LiveCounts>> | null = null;
  return {
    from: plan.period.from,
    to: plan.period.to,
    bucket: plan.bucket,
    groupBy: plan.groupBy,
    measure: plan.measure,
    suppressionApplied: plan.suppress,
    asOf: now,
    total: primaryOnly(totals.received, seesSuppressed(ctx.viewer) && totalFiner),
    rows: received.map((r) => ({ period: r.period, key: r.key, received: r.counts.received })),
    live: () =>
      (live ??= (async () => {
        const liveRaw = await liveCounts(rows, now, plan.measure, plan.bucket, plan.period, selection);
        const { cells } = tabulate(plan, liveRaw, ['open', 'overdue']);
        return new Map(cells.map((c) => [rowKey(c.period, plan.groupBy, c.key), { open: c.counts.open, overdue: c.counts.overdue }]));
      })()),
  };
}

/**
 * Cases received per leaf category over a period, from the rollups (whole months from the compact
 * monthly table, edge days from the daily one), optionally within some categories and a district.
 * Exact counts: callers apply their own suppression.
 */
export async function receivedByCategory(ctx: ServiceContext, period: DayPeriod, categoryIds: string[] | null, districtId: string | null): Promise<Map<string, number>> {
  const where = (q: (col: string) => string) => [
    ...(categoryIds ? [categoryIds.length ? sql`${sql.raw(q('category_id'))} in (${sql.join(categoryIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`] : []),
    ...(districtId ? [sql`${sql.raw(q('district_id'))} = ${districtId}::uuid`] : []),
  ];
  const rows = await rollupCounts((q) => ctx.database.rows(q), 'CASES', 'NONE', period, {
    columns: ['category_id'],
    filterColumns: districtId ? ['district_id'] : [],
    where,
  });
  return new Map(rows.map((r) => [r.category_id as string, Number(r.n)]));
}
