// Periods in Beijing days and months. A day is YYYY-MM-DD in Asia/Shanghai (UTC+8, no daylight
// saving); a month is its first day. Instants map to days with server/shared/time.ts.
import { addDays, beijingDay, beijingMidnight } from '../../shared/time.js';
import { ValidationError } from '../../shared/errors.js';

export const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

export function addMonths(month: string, n: number): string {
  const d = new Date(`${monthOf(month)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** The last day of the month `day` falls in. */
export const monthEnd = (day: string) => addDays(addMonths(monthOf(day), 1), -1);

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** Monday of the ISO week `day` falls in. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export interface DayPeriod {
  from: string;
  to: string;
}

export function checkPeriod(from: string, to: string, maxDays = 3 * 366, fields: [string, string] = ['from', 'to']): DayPeriod {
  if (!isDay(from)) throw new ValidationError('Not a day (YYYY-MM-DD)', fields[0]);
  if (!isDay(to)) throw new ValidationError('Not a day (YYYY-MM-DD)', fields[1]);
  if (to < from) throw new ValidationError('The period ends before it starts', fields[1]);
  if (daysBetween(from, to) > maxDays) throw new ValidationError(`A period of at most ${maxDays} days`, fields[1]);
  return { from, to };
}

/** The whole months inside the period, and the days at either edge that do not fill a month. */
export function splitByMonths(p: DayPeriod): { months: DayPeriod | null; edges: DayPeriod[] } {
  const firstFull = p.from === monthOf(p.from) ? p.from : addMonths(p.from, 1);
  const lastFull = p.to === monthEnd(p.to) ? monthOf(p.to) : addMonths(p.to, -1);
  if (firstFull > lastFull) return { months: null, edges: [p] };
  const edges: DayPeriod[] = [];
  if (p.from < firstFull) edges.push({ from: p.from, to: addDays(firstFull, -1) });
  if (monthEnd(lastFull) < p.to) edges.push({ from: addDays(monthEnd(lastFull), 1), to: p.to });
  return { months: { from: firstFull, to: lastFull }, edges };
}

/** The instants a Beijing period covers: [from 00:00, the day after `to` 00:00). */
export const periodInstants = (p: DayPeriod) => ({ start: beijingMidnight(p.from), end: beijingMidnight(addDays(p.to, 1)) });

export const todayIn = (now: Date) => beijingDay(now);

/** "YYYY-MM" → first day; validated. */
export function parseMonth(s: string, field: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) throw new ValidationError('Not a month (YYYY-MM)', field);
  return `${s}-01`;
}

export { addDays };
