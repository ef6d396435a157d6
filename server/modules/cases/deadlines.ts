// Deadlines from SLA policies (data, not code): the desk's dispatch-by, a department's accept-by and
// reply-by. Overdue and due-soon are computed when read, since a deadline passing is not a write.
import { eq } from 'drizzle-orm';
import { calendarDays, settings, slaPolicies } from '../../../schema/index.js';
import type { SlaPhase, Urgency } from '../../../schema/enums.js';
import type { Queryable } from '../../db.js';
import { addHours, addWorkingDays, type CalendarOverrides } from '../../shared/time.js';
import { DEFAULT_SETTINGS } from '../../seed/reference.js';

export interface SlaTable {
  deadline(phase: SlaPhase, urgency: Urgency, from: Date): Date;
}

/** Loads the policies and the calendar once for a write that needs several deadlines. */
export async function loadSla(db: Queryable): Promise<SlaTable> {
  const [policies, days] = await Promise.all([db.select().from(slaPolicies), db.select().from(calendarDays)]);
  const calendar: CalendarOverrides = new Map(days.map((d) => [d.day, d.kind as 'HOLIDAY' | 'WORKDAY']));
  const byKey = new Map(policies.map((p) => [`${p.phase}:${p.urgency}`, p]));
  return {
    deadline(phase, urgency, from) {
      const p = byKey.get(`${phase}:${urgency}`);
      if (!p) return addHours(from, 24); // a missing policy must not lose a child's case: fall back to a day
      return p.unit === 'HOURS' ? addHours(from, p.amount) : addWorkingDays(from, p.amount, calendar);
    },
  };
}

/** The desk's deadline to (re-)dispatch a case from `from`: at intake, after a return, a withdrawal or a reopen. */
export async function deskDeadline(db: Queryable, urgency: Urgency, from: Date): Promise<Date> {
  return (await loadSla(db)).deadline('DISPATCH', urgency, from);
}

export async function setting(db: Queryable, key: keyof typeof DEFAULT_SETTINGS): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value ?? DEFAULT_SETTINGS[key];
}

export type DeadlineState = 'OVERDUE' | 'DUE_SOON' | 'ON_TIME' | 'NONE';

/** Where `now` stands in the window from `start` to `deadline`; due soon in its last `dueSoonPercent`. */
export function deadlineState(start: Date, deadline: Date | null, now: Date, dueSoonPercent: number): DeadlineState {
  if (!deadline) return 'NONE';
  if (now.getTime() > deadline.getTime()) return 'OVERDUE';
  const window = deadline.getTime() - start.getTime();
  return now.getTime() >= deadline.getTime() - (window * dueSoonPercent) / 100 ? 'DUE_SOON' : 'ON_TIME';
}
