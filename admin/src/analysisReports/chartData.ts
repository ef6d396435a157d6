// What a report's charts plot, from its tables as published: a hidden count ("<5", "*") is never
// added up or drawn as a number — a month with one hides its total, a bar shows the marker.
import type { Bar, Point } from '../dashboard/charts';
import type { ReportTable } from './types';

/** Tables whose first column is the month: whichever gives a month's total without a hidden cell. */
const MONTHLY = ['district-by-month', 'parent-category-by-month'];

/** Cases received per month; null (with "*") where every monthly table hides a cell of that month. */
export function monthlyTrend(tables: ReportTable[]): Point[] {
  // per month, per table: the sum so far; null once a hidden cell is met; undefined if the table has no row
  const byMonth = new Map<string, (number | null | undefined)[]>();
  MONTHLY.forEach((id, t) => {
    const table = tables.find((x) => x.id === id);
    for (const row of table?.rows ?? []) {
      const month = row.labels[0]!;
      const sums = byMonth.get(month) ?? MONTHLY.map(() => undefined);
      const cur = sums[t];
      sums[t] = cur === null || row.count.suppressed || row.count.value == null ? null : (cur ?? 0) + row.count.value;
      byMonth.set(month, sums);
    }
  });
  return [...byMonth.keys()].sort().map((month) => {
    const value = byMonth.get(month)!.find((v): v is number => typeof v === 'number') ?? null;
    return { key: month, label: month, value, display: value == null ? '*' : undefined };
  });
}

/** One bar per row of a single-attribute table (e.g. protection domain); a hidden count shows its marker. */
export function tableBars(table: ReportTable | undefined): Bar[] {
  return (table?.rows ?? []).map((r) => ({
    key: r.labels.join('|'),
    label: r.labels.join(' · '),
    value: r.count.suppressed ? 0 : (r.count.value ?? 0),
    display: r.count.suppressed ? r.count.display : undefined,
  }));
}
