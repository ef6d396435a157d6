// GraphQL: the working-day calendar (holidays and make-up working days). Staff who set or meet
// deadlines read it; administrators edit it.
import { z } from 'zod';
import { builder } from '../../builder.js';
import { CalendarDayKindEnum } from '../../graphql/enums.js';
import { NotFoundError } from '../../shared/errors.js';
import { calendarDaysByDay, listCalendarDays, removeCalendarDay, setCalendarDay, type CalendarDayRow } from './calendar.js';

const calendarReaders = { anyRole: ['ADMIN', 'OPERATOR', 'SUPERVISOR', 'DEPARTMENT_HANDLER'] } as const;
const adminOnly = { role: 'ADMIN' } as const;

export const CalendarDayRef = builder.loadableNode('CalendarDay', {
  description: 'A day that breaks the Monday–Friday week: a public holiday, or a weekend make-up working day (调休).',
  id: { resolve: (d: CalendarDayRow) => d.day },
  load: async (days: string[], ctx) => {
    const rows = new Map((await calendarDaysByDay(ctx.db, days)).map((r) => [r.day, r]));
    return days.map((d) => rows.get(d) ?? new NotFoundError('CalendarDay'));
  },
  authScopes: calendarReaders,
  fields: (t) => ({
    day: t.expose('day', { type: 'Date' }),
    kind: t.field({ type: CalendarDayKindEnum, resolve: (d) => d.kind as never }),
    nameZh: t.exposeString('nameZh'),
    nameEn: t.exposeString('nameEn'),
  }),
});

const SetCalendarDayInput = builder.inputType('SetCalendarDayInput', {
  description: 'Adds the day, or changes the kind and names of a day already listed.',
  fields: (t) => ({
    day: t.field({ type: 'Date', required: true }),
    kind: t.field({ type: CalendarDayKindEnum, required: true }),
    nameZh: t.string({ required: true }),
    nameEn: t.string({ required: true }),
  }),
});
const RemoveCalendarDayInput = builder.inputType('RemoveCalendarDayInput', {
  fields: (t) => ({ day: t.field({ type: 'Date', required: true }) }),
});

builder.queryFields((t) => ({
  holidays: t.field({
    type: [CalendarDayRef],
    description: "The year's holidays and make-up working days, by day. Working-day deadlines skip the first and count the second.",
    authScopes: calendarReaders,
    args: { year: t.arg.int({ required: true, validate: z.number().int().min(2000).max(2100) }) },
    resolve: (_r, { year }, ctx) => listCalendarDays(ctx.db, year),
  }),
}));

builder.mutationFields((t) => ({
  setCalendarDay: t.field({
    type: CalendarDayRef, authScopes: adminOnly, errors: {},
    description: 'Adds or changes a holiday or make-up working day. Applies to deadlines set from now on.',
    args: { input: t.arg({ type: SetCalendarDayInput, required: true }) },
    resolve: (_r, { input }, ctx) => setCalendarDay(ctx, { ...input, kind: input.kind as never }),
  }),
  removeCalendarDay: t.field({
    type: CalendarDayRef, authScopes: adminOnly, errors: {},
    description: 'The day counts as an ordinary weekday or weekend day again, for deadlines set from now on.',
    args: { input: t.arg({ type: RemoveCalendarDayInput, required: true }) },
    resolve: (_r, { input }, ctx) => removeCalendarDay(ctx, input),
  }),
}));
