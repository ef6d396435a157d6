// The working-day calendar that WORKING_DAYS deadlines count on: public holidays and weekend make-up
// working days (调休). Deadlines read it afresh whenever one is set (cases/deadlines.ts `loadSla`, no
// cache), so a change applies to the next deadline; deadlines already set keep their value, as with
// an SLA change.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents, calendarDays } from '../../../schema/index.js';
import { CALENDAR_DAY_KINDS } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Queryable } from '../../db.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { addDays } from '../../shared/time.js';
import { parseInput } from '../../shared/validate.js';
import { recordAudit } from '../audit/service.js';
import { requireRole } from '../auth/service.js';

export type CalendarDayRow = typeof calendarDays.$inferSelect;

const ENTITY = 'CalendarDay';
/** The audit action of a removal; reference data reads it so that a removed day stays removed. */
export const CALENDAR_DAY_REMOVED = 'calendar_day.remove';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day: `2026-02-30` matches the pattern but is not one. */
const isRealDay = (day: string) => DAY_PATTERN.test(day) && addDays(day, 0) === day;

const day = z.string().trim().refine(isRealDay, 'Give a calendar day as YYYY-MM-DD');
const name = z.string().trim().min(1).max(100);

export function listCalendarDays(db: Queryable, year: number) {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
}

/** For Node lookups: the rows of these days, malformed ones ignored. */
export function calendarDaysByDay(db: Queryable, days: readonly string[]) {
  const valid = [...new Set(days.filter(isRealDay))];
  return valid.length ? db.select().from(calendarDays).where(inArray(calendarDays.day, valid)) : Promise.resolve([]);
}

const setInput = z.object({ day, kind: z.enum(CALENDAR_DAY_KINDS), nameZh: name, nameEn: name });

const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

/**
 * Adds a day, or changes the kind or names of one already listed (one row per day). A make-up working
 * day must fall on a weekend: Monday to Friday already are working days.
 */
export async function setCalendarDay(ctx: ServiceContext, raw: z.input<typeof setInput>): Promise<CalendarDayRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(setInput, raw);
  if (input.kind === 'WORKDAY' && !isWeekend(input.day)) {
    throw new ValidationError(`${input.day} is a weekday, already a working day: a make-up working day (调休) falls on a Saturday or Sunday`, 'kind');
  }
  const { day: key, ...values } = input;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, key)).for('update');
    const [row] = await tx.insert(calendarDays).values(input).onConflictDoUpdate({ target: calendarDays.day, set: values }).returning();
    const fields = before ? (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== values[k]) : ['day', 'kind', 'nameZh', 'nameEn'];
    await recordAudit(tx, ctx, {
      action: before ? 'calendar_day.update' : 'calendar_day.add',
      entity: ENTITY,
      fields,
      detail: { day: key, kind: input.kind, nameZh: input.nameZh, ...(before ? { from: before.kind } : {}) },
    });
    return row!;
  });
}

/** Removes a day from the calendar: it counts as an ordinary weekday or weekend day again. */
export async function removeCalendarDay(ctx: ServiceContext, raw: { day: string }): Promise<CalendarDayRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(z.object({ day }), raw);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(calendarDays).where(eq(calendarDays.day, input.day)).returning();
    if (!row) throw new NotFoundError('Calendar day', 'day');
    await recordAudit(tx, ctx, { action: CALENDAR_DAY_REMOVED, entity: ENTITY, fields: ['day'], detail: { day: row.day, kind: row.kind, nameZh: row.nameZh } });
    return row;
  });
}

/** Days an administrator removed (the audit trail remembers), which reference data must not bring back. */
export async function removedCalendarDays(db: Queryable): Promise<Set<string>> {
  const rows = await db
    .select({ day: sql<string>`${auditEvents.detail}->>'day'` })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, ENTITY), eq(auditEvents.action, CALENDAR_DAY_REMOVED)));
  return new Set(rows.map((r) => r.day));
}
