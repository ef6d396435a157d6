// hotspots: clusters worth acting on before anyone has to call (主动治理，未诉先办). Four kinds:
// the same category in the same street, the same category at the same school, a child / household /
// adult / address reported again and again, and categories rising against their trailing average.
// Clusters count distinct violations (merge groups) and leave invalid reports out. The desk sees the
// cases behind each; analysts see counts only, small ones suppressed.
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import { ValidationError } from '../../shared/errors.js';
import { suggestDepartments } from '../departments/service.js';
import { isDesk } from '../cases/access.js';
import { requireStatsReader, seesSuppressed } from './access.js';
import { addDays, checkPeriod, daysBetween, periodInstants, todayIn } from './period.js';
import { categoryIndex, finerThanDistrictMonth, receivedByCategory } from './stats.js';
import { primaryOnly, type StatCount } from './suppression.js';

export const HOTSPOT_KINDS = ['STREET_CLUSTER', 'SCHOOL_CLUSTER', 'REPEAT_SUBJECT', 'RISING_CATEGORY'] as const;
export type HotspotKind = (typeof HOTSPOT_KINDS)[number];

export interface HotspotsInput {
  /** Beijing days; default the 30 days up to today. */
  from?: string | null;
  to?: string | null;
  /** Distinct reports that make a cluster (default 3). */
  minCases?: number | null;
  /** A category is rising at this multiple of its trailing average (default 2). */
  risingFactor?: number | null;
  /** Periods of the same length before `from` that make the trailing average (default 3). */
  trailingPeriods?: number | null;
  districtId?: string | null;
  /** A leaf or a parent category. */
  categoryId?: string | null;
}

export interface Hotspot {
  kind: HotspotKind;
  categoryId: string | null;
  districtId: string | null;
  street: string | null;
  subjectKind: string | null;
  /** Distinct reports (merge groups) in the period. */
  count: StatCount;
  /** Reports per period over the trailing periods (RISING_CATEGORY only). */
  trailingAverage: number | null;
  suggestedDepartmentId: string | null;
  /** The cases behind it — only for viewers who may see case records (empty otherwise). */
  caseIds: string[];
}

export interface HotspotsResult {
  from: string;
  to: string;
  minCases: number;
  risingFactor: number;
  trailingPeriods: number;
  suppressionApplied: boolean;
  asOf: Date;
  hotspots: Hotspot[];
}

const MAX_HOTSPOTS = 100;
const MAX_CASES = 100;

interface ClusterRow {
  category_id: string | null;
  district_id: string | null;
  street: string | null;
  subject_kind: string | null;
  n: number;
  ids: string[];
}

export async function hotspots(ctx: ServiceContext, input: HotspotsInput = {}): Promise<HotspotsResult> {
  requireStatsReader(ctx.viewer);
  const now = ctx.clock.now();
  const to = input.to ?? todayIn(now);
  const from = input.from ?? addDays(to, -29);
  const period = checkPeriod(from, to, 366);
  const minCases = input.minCases ?? 3;
  const risingFactor = input.risingFactor ?? 2;
  const trailingPeriods = input.trailingPeriods ?? 3;
  if (!Number.isInteger(minCases) || minCases < 2 || minCases > 1000) throw new ValidationError('minCases: 2 to 1000', 'minCases');
  if (!(risingFactor >= 1.1 && risingFactor <= 100)) throw new ValidationError('risingFactor: 1.1 to 100', 'risingFactor');
  if (!Number.isInteger(trailingPeriods) || trailingPeriods < 1 || trailingPeriods > 12) throw new ValidationError('trailingPeriods: 1 to 12', 'trailingPeriods');

  const categories = await categoryIndex(ctx);
  let categoryIds: string[] | null = null;
  if (input.categoryId) {
    if (!categories.has(input.categoryId)) throw new ValidationError('Unknown category', 'categoryId');
    categoryIds = categories.get(input.categoryId) ? [input.categoryId] : [...categories].filter(([, p]) => p === input.categoryId).map(([id]) => id);
  }
  const desk = isDesk(ctx.viewer);
  const suppress = seesSuppressed(ctx.viewer);
  const { start, end } = periodInstants(period);
  const inWindow = (t: string) => sql`${sql.raw(t)}.received_at >= ${start.toISOString()}::timestamptz and ${sql.raw(t)}.received_at < ${end.toISOString()}::timestamptz`;
  const filters = (t: string, districtColumn: string) => sql`${categoryIds ? (categoryIds.length ? sql` and ${sql.raw(t)}.category_id in (${sql.join(categoryIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql` and false`) : sql``}${input.districtId ? sql` and ${sql.raw(`${t}.${districtColumn}`)} = ${input.districtId}::uuid` : sql``}`;
  const ids = (t: string, id: string) => sql`(array_agg(${sql.raw(`${t}.${id}`)} order by ${sql.raw(t)}.received_at, ${sql.raw(`${t}.${id}`)}))[1:${sql.raw(String(MAX_CASES))}]`;

  // Streets and subjects come from their hotspot rows (schema/hotspot-rollups.ts: one narrow row per
  // case, invalid reports left out, the street key and the subject's kind and district already there).
  // Most keys of a period hold one or two reports: a hashed count of rows (never less than the count
  // of merge groups) finds the few keys that can reach minCases, and only their rows are sorted for
  // the distinct count, the spelling or label, and the cases.
  // (A case may have no district: a fixed key stands in for it, so the join back matches it.)
  const districtKey = (column: string) => sql.raw(`coalesce(${column}, '00000000-0000-0000-0000-000000000000'::uuid)`);
  const [streets, linked, trend] = await Promise.all([
    ctx.database.rows<ClusterRow>(sql`
      with w as materialized (select * from hotspot_street_cases c where ${inWindow('c')}${filters('c', 'district_id')}),
      k as (select category_id, ${districtKey('district_id')} as district_key, street_key from w group by 1, 2, 3 having count(*) >= ${minCases})
      select w.category_id, w.district_id, mode() within group (order by w.street) as street, null as subject_kind,
        count(distinct w.merge_group_id)::int as n, ${ids('w', 'case_id')} as ids
      from w join k on k.category_id = w.category_id and k.district_key = ${districtKey('w.district_id')} and k.street_key = w.street_key
      group by w.category_id, w.district_id, w.street_key
      having count(distinct w.merge_group_id) >= ${minCases}`),
    ctx.database.rows<ClusterRow & { hotspot_kind: HotspotKind }>(sql`
      with w as materialized (select * from hotspot_subject_cases l where ${inWindow('l')}${filters('l', 'case_district_id')}),
      school as (select category_id, subject_id from w where subject_kind = 'SCHOOL' group by 1, 2 having count(*) >= ${minCases}),
      repeat as (select subject_id from w where subject_kind <> 'SCHOOL' group by 1 having count(*) >= ${minCases})
      select 'SCHOOL_CLUSTER' as hotspot_kind, w.category_id, w.subject_district_id as district_id, null as street, w.subject_kind,
        count(distinct w.merge_group_id)::int as n, ${ids('w', 'case_id')} as ids
      from w join school k on k.category_id = w.category_id and k.subject_id = w.subject_id
      group by w.category_id, w.subject_id, w.subject_district_id, w.subject_kind
      having count(distinct w.merge_group_id) >= ${minCases}
      union all
      select 'REPEAT_SUBJECT', mode() within group (order by w.category_id), w.subject_district_id, null, w.subject_kind,
        count(distinct w.merge_group_id)::int, ${ids('w', 'case_id')}
      from w join repeat k on k.subject_id = w.subject_id
      group by w.subject_id, w.subject_district_id, w.subject_kind
      having count(distinct w.merge_group_id) >= ${minCases}`),
    risingCategories(ctx, period, trailingPeriods, categoryIds, input.districtId ?? null),
  ]);
  const schools = linked.filter((r) => r.hotspot_kind === 'SCHOOL_CLUSTER');
  const subjects = linked.filter((r) => r.hotspot_kind === 'REPEAT_SUBJECT');

  const rising = trend.filter((t) => t.current >= minCases && t.current >= risingFactor * t.average && t.current > t.average);
  const risingCases = desk && rising.length
    ? await ctx.database.rows<{ category_id: string; ids: string[] }>(sql`
        select c.category_id, ${ids('c', 'id')} as ids from cases c
        where ${inWindow('c')} and c.status <> 'INVALID'${filters('c', 'district_id')} and c.category_id in (${sql.join(rising.map((r) => sql`${r.categoryId}::uuid`), sql`, `)})
        group by c.category_id`)
    : [];
  const risingIds = new Map(risingCases.map((r) => [r.category_id, r.ids]));

  // Finer than district × month (street, school, a single subject): small counts hidden from analysts.
  const count = (n: number, attributes: number) => primaryOnly(n, suppress && finerThanDistrictMonth(attributes, 'NONE', period));
  const out: (Hotspot & { order: number })[] = [];
  const kindOrder: Record<HotspotKind, number> = { STREET_CLUSTER: 0, SCHOOL_CLUSTER: 1, REPEAT_SUBJECT: 2, RISING_CATEGORY: 3 };
  const add = (kind: HotspotKind, r: ClusterRow, attributes: number) =>
    out.push({
      kind, categoryId: r.category_id, districtId: r.district_id, street: r.street, subjectKind: r.subject_kind,
      count: count(Number(r.n), attributes), trailingAverage: null, suggestedDepartmentId: null,
      caseIds: desk ? r.ids.filter(Boolean) : [], order: Number(r.n),
    });
  for (const r of streets) add('STREET_CLUSTER', r, 3);
  for (const r of schools) add('SCHOOL_CLUSTER', r, 2);
  for (const r of subjects) add('REPEAT_SUBJECT', r, 2);
  const risingAttributes = 1 + (input.districtId ? 1 : 0);
  for (const r of rising) {
    const hiddenAverage = suppress && finerThanDistrictMonth(risingAttributes, 'NONE', period) && r.previous > 0 && r.previous < 5;
    out.push({
      kind: 'RISING_CATEGORY', categoryId: r.categoryId, districtId: input.districtId ?? null, street: null, subjectKind: null,
      count: count(r.current, risingAttributes), trailingAverage: hiddenAverage ? null : Math.round(r.average * 100) / 100,
      suggestedDepartmentId: null, caseIds: desk ? (risingIds.get(r.categoryId) ?? []) : [], order: r.current,
    });
  }
  out.sort((a, b) => b.order - a.order || kindOrder[a.kind] - kindOrder[b.kind] || String(a.categoryId).localeCompare(String(b.categoryId)));
  const top = out.slice(0, MAX_HOTSPOTS);

  // Suggested department: the category's routing hints, the district's own branch first.
  // Asked once per category and district, all at once (not one round trip after another).
  const suggestions = new Map<string, Promise<string | null>>();
  const keyOf = (h: Hotspot) => `${h.categoryId}:${h.districtId ?? ''}`;
  for (const h of top) {
    if (h.categoryId && !suggestions.has(keyOf(h))) suggestions.set(keyOf(h), suggestDepartments(ctx.db, h.categoryId, h.districtId).then((s) => s.departments[0]?.id ?? null));
  }
  await Promise.all(top.map(async (h) => { if (h.categoryId) h.suggestedDepartmentId = await suggestions.get(keyOf(h))!; }));
  return {
    from: period.from, to: period.to, minCases, risingFactor, trailingPeriods, suppressionApplied: suppress, asOf: now,
    hotspots: top.map(({ order: _order, ...h }) => h),
  };
}

/** Per leaf category: reports in the period, and the average over the trailing periods (from the rollups). */
async function risingCategories(ctx: ServiceContext, period: { from: string; to: string }, trailing: number, categoryIds: string[] | null, districtId: string | null) {
  const length = daysBetween(period.from, period.to);
  const [current, previous] = await Promise.all([
    receivedByCategory(ctx, period, categoryIds, districtId),
    receivedByCategory(ctx, { from: addDays(period.from, -length * trailing), to: addDays(period.from, -1) }, categoryIds, districtId),
  ]);
  return [...current].map(([categoryId, n]) => ({ categoryId, current: n, previous: previous.get(categoryId) ?? 0, average: (previous.get(categoryId) ?? 0) / trailing }));
}
