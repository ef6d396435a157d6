// Beijing time. China keeps UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact.
const OFFSET_MS = 8 * 3600_000;

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The Beijing calendar day (YYYY-MM-DD) an instant falls on. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing day begins. */
export function beijingMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function beijingYear(at: Date): number {
  return Number(beijingDay(at).slice(0, 4));
}

export type CalendarOverrides = ReadonlyMap<string, 'HOLIDAY' | 'WORKDAY'>;

/** Monday–Friday, unless the calendar names a holiday or a make-up working day (调休). */
export function isWorkingDay(day: string, calendar: CalendarOverrides): boolean {
  const override = calendar.get(day);
  if (override) return override === 'WORKDAY';
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Deadline `n` working days after `from`: the end (Beijing midnight) of the n-th working day
 * after the day `from` falls on, so a case received on Friday evening is not due on Saturday.
 */
export function addWorkingDays(from: Date, n: number, calendar: CalendarOverrides): Date {
  let day = beijingDay(from);
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return beijingMidnight(addDays(day, 1));
}

export function addHours(from: Date, n: number): Date {
  return new Date(from.getTime() + n * 3600_000);
}
