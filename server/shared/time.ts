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

// An instant as `Date#toISOString` writes it, from string pieces: a case list serialises a timestamp
// per row and field, and V8's toISOString costs several times this. Only years 0000–9999 take this
// path (where the two agree); anything else, an invalid date included, goes to toISOString itself.
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const DAY_MS = 86_400_000;
const FIRST_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');
let cachedDay = Number.NaN;
let cachedDate = '';

/** `YYYY-MM-DDT` of a day counted from 1970-01-01 (days-to-civil, proleptic Gregorian). */
function calendarDate(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}T`;
}

/** `at.toISOString()`, faster. */
export function isoInstant(at: Date): string {
  const ms = at.getTime();
  if (!(ms >= FIRST_MS && ms <= LAST_MS)) return at.toISOString();
  const day = Math.floor(ms / DAY_MS);
  // Rows of a list mostly share their day with the row before.
  if (day !== cachedDay) {
    cachedDate = calendarDate(day);
    cachedDay = day;
  }
  let rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  return `${cachedDate}${TWO_DIGITS[(rest - minute) / 60]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[milli]}Z`;
}
