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
  const inWindow = sql`c.received_at >= ${start.toISOString()}::timestamptz and c.received_at < ${end.toISOString()}::timestamptz and c.status <> 'INVALID'`;
  const catFilter = categoryIds ? (categoryIds.length ? sql` and c.category_id in (${sql.join(categoryIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql` and false`) : sql``;
  const districtFilter = input.districtId ? sql` and c.district_id = ${input.districtId}::uuid` : sql``;
  // (Cases reach subjects through their own case_subjects rows, by index: `offset 0` keeps the planner
  // from scanning the whole link table instead.)
  const ids = sql`(array_agg(c.id order by c.received_at, c.id))[1:${sql.raw(String(MAX_CASES))}]`;

  const linkedIds = sql`(array_agg(l.id order by l.received_at, l.id))[1:${sql.raw(String(MAX_CASES))}]`;
  const [streets, linked, trend] = await Promise.all([
    ctx.database.rows<ClusterRow>(sql`
      select c.category_id, c.district_id, mode() within group (order by btrim(c.street)) as street, null as subject_kind,
        count(distinct c.merge_group_id)::int as n, ${ids} as ids
      from cases c
      where ${inWindow} and c.street is not null and btrim(c.street) <> ''${catFilter}${districtFilter}
      group by c.category_id, c.district_id, regexp_replace(lower(c.street), '\\s', '', 'g')
      having count(distinct c.merge_group_id) >= ${minCases}`),
    // Schools and repeat subjects in one pass over the period's cases and the subjects they name.
    ctx.database.rows<ClusterRow & { hotspot_kind: HotspotKind }>(sql`
      with l as materialized (
        select c.id, c.category_id, c.merge_group_id, c.received_at, s.id as subject_id, s.kind, s.district_id
        from cases c
        cross join lateral (select distinct cs.subject_id from case_subjects cs where cs.case_id = c.id offset 0) cs
        join subjects s on s.id = cs.subject_id and s.kind in ('SCHOOL', 'MINOR', 'HOUSEHOLD', 'ADULT', 'ADDRESS')
        where ${inWindow}${catFilter}${districtFilter}
      )
      select 'SCHOOL_CLUSTER' as hotspot_kind, l.category_id, l.district_id, null as street, l.kind as subject_kind,
        count(distinct l.merge_group_id)::int as n, ${linkedIds} as ids
      from l where l.kind = 'SCHOOL'
      group by l.category_id, l.district_id, l.subject_id, l.kind
      having count(distinct l.merge_group_id) >= ${minCases}
      union all
      select 'REPEAT_SUBJECT', mode() within group (order by l.category_id), l.district_id, null, l.kind,
        count(distinct l.merge_group_id)::int, ${linkedIds}
      from l where l.kind <> 'SCHOOL'
      group by l.subject_id, l.kind, l.district_id
      having count(distinct l.merge_group_id) >= ${minCases}`),
    risingCategories(ctx, period, trailingPeriods, categoryIds, input.districtId ?? null),
  ]);
  const schools = linked.filter((r) => r.hotspot_kind === 'SCHOOL_CLUSTER');
  const subjects = linked.filter((r) => r.hotspot_kind === 'REPEAT_SUBJECT');

  const rising = trend.filter((t) => t.current >= minCases && t.current >= risingFactor * t.average && t.current > t.average);
  const risingCases = desk && rising.length
    ? await ctx.database.rows<{ category_id: string; ids: string[] }>(sql`
        select c.category_id, ${ids} as ids from cases c
        where ${inWindow}${districtFilter} and c.category_id in (${sql.join(rising.map((r) => sql`${r.categoryId}::uuid`), sql`, `)})
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
  const suggestions = new Map<string, Promise<string | null>>();
  for (const h of top) {
    if (!h.categoryId) continue;
    const key = `${h.categoryId}:${h.districtId ?? ''}`;
    if (!suggestions.has(key)) suggestions.set(key, suggestDepartments(ctx.db, h.categoryId, h.districtId).then((s) => s.departments[0]?.id ?? null));
    h.suggestedDepartmentId = await suggestions.get(key)!;
  }
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
