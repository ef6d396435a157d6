// Figures against hand-computed expectations on a small fixed data set, built over HTTP with the
// injected clock: caseStats by category / parent / district / day / month, the Beijing day boundary,
// and departmentPerformance's three rates, mean times, live overdue, provisional months and rank.
// The trigger-kept rollups must equal a rebuild from the base tables.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { analyticsHelpers, keyOf, STATS_FIELDS } from './support.js';

let t: TestApp;
let a: ReturnType<typeof analyticsHelpers>;
const ids: Record<string, string> = {};

const STATS = `query($from: Date!, $to: Date!, $groupBy: [StatsDimension!], $bucket: TimeBucket, $filter: CaseStatsFilter) {
  caseStats(from: $from, to: $to, groupBy: $groupBy, bucket: $bucket, filter: $filter) { ${STATS_FIELDS} } }`;
const PERF = `query($from: String!, $to: String, $dep: ID) { departmentPerformance(fromMonth: $from, toMonth: $to, departmentId: $dep) {
  fromMonth toMonth formulaVersion provisional finalFrom formulas { name text }
  rows { department { code } dispatched leadDispatched leadReplied rereported excludedGuardianFollowUps pendingLate overdueNow score rank provisional formulaVersion
    meanAcceptHours meanReplyHours
    responseRate { value numerator denominator formula } resolutionRate { value numerator denominator formula }
    satisfactionRate { value numerator denominator formula } onTimeReplyRate { value numerator denominator } } } }`;

const stats = async (as: string, vars: Record<string, unknown>) => {
  const r = await a.h.query(as, STATS, vars);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.caseStats;
};
const table = (s: any) => Object.fromEntries(s.rows.map((r: any) => [keyOf(r), r.received.value]));

beforeAll(async () => {
  t = await createTestApp();
  a = analyticsHelpers(t);

  // Intake only: March and April 2026, two districts. A1/A2 straddle Beijing midnight (16:00 UTC).
  await a.flow({ at: '2026-03-31T15:59:59Z', category: 'SCHOOL-BULLYING', district: '110105' }); // 03-31 23:59:59 Beijing
  await a.flow({ at: '2026-03-31T16:00:00Z', category: 'SCHOOL-BULLYING', district: '110105' }); // 04-01 00:00:00 Beijing
  await a.flow({ at: '2026-03-10T02:00:00Z', category: 'HARM-DOMESTIC', district: '110105' });
  await a.flow({ at: '2026-04-05T02:00:00Z', category: 'HARM-DOMESTIC', district: '110108' });
  await a.flow({ at: '2026-04-06T02:00:00Z', category: 'NET-BULLYING', district: '110108', kind: 'CONSULTATION' });

  // The police branch in May (URGENT: accept within 4 h, reply within 3 working days).
  const child = [{ name: '小明', birthYear: 2014 }];
  ids.P1 = (await a.flow({ at: '2026-05-11T02:00:00Z', minors: child, lead: 'PSB-110105', acceptAfterH: 1, replyAfterH: 3, followUp: { afterH: 24, respondent: 'REPORTER', resolved: true, satisfaction: 'SATISFIED' } })).caseId;
  ids.P2 = (await a.flow({ at: '2026-05-12T02:00:00Z', minors: [{ name: '小红', birthYear: 2013 }], lead: 'PSB-110105', acceptAfterH: 6, replyAfterH: 8, followUp: { afterH: 30, respondent: 'REPORTER', resolved: false, satisfaction: 'DISSATISFIED' } })).caseId;
  ids.P3 = (await a.flow({ at: '2026-05-13T02:00:00Z', lead: 'PSB-110105', acceptAfterH: 1, replyAfterH: 4, followUp: { afterH: 28, respondent: 'GUARDIAN', resolved: false, satisfaction: 'DISSATISFIED' } })).caseId;
  ids.P4 = (await a.flow({ at: '2026-05-14T02:00:00Z', lead: 'PSB-110105', returnAfterH: 2 })).caseId;
  ids.P5 = (await a.flow({ at: '2026-05-15T02:00:00Z', lead: 'PSB-110105' })).caseId; // never accepted
  ids.P7 = (await a.flow({ at: '2026-05-18T02:00:00Z', lead: 'PSB-110105', acceptAfterH: 2, replyAfterH: 6, followUp: { afterH: 26, respondent: 'REPORTER', resolved: true, satisfaction: 'BASICALLY_SATISFIED' } })).caseId;

  // The Haidian education commission: E2 is dispatched at 00:30 Beijing on 1 May (16:30 UTC on 30 April).
  ids.E1 = (await a.flow({ at: '2026-05-19T02:00:00Z', district: '110108', lead: 'EDU-110108', acceptAfterH: 1, replyAfterH: 5, followUp: { afterH: 24, respondent: 'REPORTER', resolved: true, satisfaction: 'SATISFIED' } })).caseId;
  ids.E2 = (await a.flow({ at: '2026-04-30T16:20:00Z', category: 'SCHOOL-SAFETY', district: '110108', lead: 'EDU-110108', dispatchAfterH: 10 / 60, acceptAfterH: 1 })).caseId;

  // 1 June: the same child as P1 is reported again (within 90 days of P1's reply).
  ids.P6 = (await a.flow({ at: '2026-06-01T02:00:00Z', category: 'NET-BULLYING', minors: child })).caseId;
  t.clock.set('2026-06-15T02:00:00Z');
});
afterAll(() => t?.close());

describe('caseStats: hand-computed counts', () => {
  it('by category × month, with the Beijing day deciding the month', async () => {
    const s = await stats('supervisor', { from: '2026-03-01', to: '2026-04-30', groupBy: ['CATEGORY'], bucket: 'MONTH' });
    expect(s.measure).toBe('CASES');
    expect(s.suppressionApplied).toBe(false);
    // E2 was received at 00:20 Beijing on 1 May: not April.
    expect(table(s)).toEqual({
      '2026-03-01|HARM-DOMESTIC': 1,
      '2026-03-01|SCHOOL-BULLYING': 1,
      '2026-04-01|HARM-DOMESTIC': 1,
      '2026-04-01|NET-BULLYING': 1,
      '2026-04-01|SCHOOL-BULLYING': 1,
    });
    expect(s.total.value).toBe(5);
  });

  it('rolls leaves up to their parent category and filters by a parent', async () => {
    const s = await stats('supervisor', { from: '2026-03-01', to: '2026-04-30', groupBy: ['PARENT_CATEGORY'], bucket: 'NONE' });
    expect(table(s)).toEqual({ HARM: 2, NET: 1, SCHOOL: 2 });
    const school = await a.h.refId('CaseCategory', 'SCHOOL');
    const f = await stats('supervisor', { from: '2026-03-01', to: '2026-05-31', groupBy: ['CATEGORY'], filter: { categoryId: school } });
    // March–May: A1, A2, the six police cases (SCHOOL-BULLYING by default), E1 and E2 (SCHOOL-SAFETY).
    expect(table(f)).toEqual({ 'SCHOOL-BULLYING': 9, 'SCHOOL-SAFETY': 1 });
  });

  it('by district and kind, and a period that does not align with months', async () => {
    const s = await stats('supervisor', { from: '2026-03-01', to: '2026-04-30', groupBy: ['DISTRICT'] });
    expect(table(s)).toEqual({ '110105': 3, '110108': 2 });
    // 15 March to 5 April: a partial month at each edge (the rollup's edges come from the daily table).
    const p = await stats('supervisor', { from: '2026-03-15', to: '2026-04-05', groupBy: ['KIND'] });
    expect(table(p)).toEqual({ REPORT: 3 });
    expect(p.total.value).toBe(3);
  });

  it('puts a call at 00:00 Beijing on the new day, one at 23:59:59 on the old (not by UTC)', async () => {
    const s = await stats('supervisor', { from: '2026-03-30', to: '2026-04-02', bucket: 'DAY' });
    expect(table(s)).toEqual({ '2026-03-31': 1, '2026-04-01': 1 });
    const w = await stats('supervisor', { from: '2026-03-30', to: '2026-04-05', bucket: 'WEEK', groupBy: ['DISTRICT'] });
    // 30 March 2026 is a Monday; A1, A2 and the 5 April case fall in that week.
    expect(table(w)).toEqual({ '2026-03-30|110105': 2, '2026-03-30|110108': 1 });
  });

  it('counts dispatches when broken down by department, and open and overdue work live', async () => {
    const s = await stats('supervisor', { from: '2026-05-01', to: '2026-05-31', groupBy: ['DEPARTMENT'] });
    expect(s.measure).toBe('DISPATCHES');
    expect(table(s)).toEqual({ 'PSB-110105': 6, 'EDU-110108': 2 });
    const byCode = Object.fromEntries(s.rows.map((r: any) => [r.department.code, r]));
    // Open now: P5 (pending), E2 (accepted, never replied). Overdue now: both (accept-by / reply-by long past).
    expect(byCode['PSB-110105'].open.value).toBe(1);
    expect(byCode['PSB-110105'].overdue.value).toBe(1);
    expect(byCode['EDU-110108'].open.value).toBe(1);
    expect(byCode['EDU-110108'].overdue.value).toBe(1);

    const c = await stats('supervisor', { from: '2026-05-01', to: '2026-06-30', bucket: 'MONTH' });
    const may = c.rows.find((r: any) => r.period === '2026-05-01');
    // May: P1–P5, P7, E1, E2 received, none closed: P2 and P3 reopened by their unresolved follow-ups, P4 returned
    // (RECEIVED), P5 dispatched, E2 in progress, P1/P7/E1 followed up.
    expect(may.received.value).toBe(8);
    expect(may.open.value).toBe(8);
    // Late now: P2, P3 and P4 wait for re-dispatch past dispatch-by; P5 and E2 hold late dispatches.
    expect(may.overdue.value).toBe(5);
    // The same rule as the case list's overdue filter.
    const list = await a.h.query('supervisor', `query($f: CaseFilter) { cases(first: 1, filter: $f) { totalCount } }`, {
      f: { overdue: true, receivedFrom: '2026-04-30T16:00:00Z', receivedTo: '2026-05-31T16:00:00Z' },
    });
    expect(list.data.cases.totalCount).toBe(5);
  });
});

describe('departmentPerformance: hand-computed rates', () => {
  it('computes response, resolution and satisfaction with the child-adapted rules', async () => {
    const r = await a.h.query('analyst', PERF, { from: '2026-05' });
    expect(r.errors).toBeUndefined();
    const perf = r.data.departmentPerformance;
    expect(perf.formulaVersion).toBe('guardline-performance/1');
    expect(perf.formulas.map((f: any) => f.name)).toEqual(expect.arrayContaining(['responseRate', 'resolutionRate', 'satisfactionRate']));
    const police = perf.rows.find((x: any) => x.department.code === 'PSB-110105');
    // Response: P1, P3, P7 accepted in time, P4 returned in time; P2 accepted after 6 h; P5 still pending past accept-by (live).
    expect(police.responseRate).toMatchObject({ numerator: 4, denominator: 6 });
    expect(police.responseRate.value).toBeCloseTo(4 / 6, 10);
    expect(police.pendingLate).toBe(1);
    expect(police.dispatched).toBe(6);
    // Resolution: judged P1 (re-reported: counts against), P2 (unresolved), P7 (resolved); P3's displeased guardian is left out.
    expect(police.resolutionRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(police.excludedGuardianFollowUps).toBe(1);
    expect(police.rereported).toBe(1);
    // Satisfaction: P1 satisfied, P7 basically satisfied, P2 dissatisfied (P3 left out).
    expect(police.satisfactionRate).toMatchObject({ numerator: 2, denominator: 3 });
    // Accept: 1 + 6 + 1 + 2 h over 4; reply (from acceptance): 2 + 2 + 3 + 4 h over 4.
    expect(police.meanAcceptHours).toBeCloseTo(2.5, 6);
    expect(police.meanReplyHours).toBeCloseTo(2.75, 6);
    expect(police.onTimeReplyRate).toMatchObject({ numerator: 4, denominator: 4 });
    expect(police.leadReplied).toBe(4);
    expect(police.overdueNow).toBe(1);
    expect(police.score).toBeCloseTo(0.3 * (4 / 6) + 0.4 * (1 / 3) + 0.3 * (2 / 3), 10);
    expect(police.resolutionRate.formula).toMatch(/90 days/);

    const edu = perf.rows.find((x: any) => x.department.code === 'EDU-110108');
    // E1 and E2 (dispatched 00:30 Beijing on 1 May) both accepted in time; E1 resolved and satisfied.
    expect(edu).toMatchObject({ dispatched: 2, rank: 1, responseRate: { numerator: 2, denominator: 2 }, resolutionRate: { numerator: 1, denominator: 1 } });
    expect(police.rank).toBe(2);
    expect(perf.rows.map((x: any) => x.department.code)).toEqual(['EDU-110108', 'PSB-110105']);
  });

  it('keeps a month provisional for 90 days after it ends', async () => {
    const may = (await a.h.query('analyst', PERF, { from: '2026-05' })).data.departmentPerformance;
    expect(may).toMatchObject({ provisional: true, finalFrom: '2026-08-30' });
    expect(may.rows.every((r: any) => r.provisional)).toBe(true);
    t.clock.set('2026-08-29T15:59:59Z'); // 23:59:59 Beijing on 29 August
    expect((await a.h.query('analyst', PERF, { from: '2026-05' })).data.departmentPerformance.provisional).toBe(true);
    t.clock.set('2026-08-29T16:00:00Z'); // 00:00 Beijing on 30 August
    expect((await a.h.query('analyst', PERF, { from: '2026-05' })).data.departmentPerformance.provisional).toBe(false);
    t.clock.set('2026-06-15T02:00:00Z');
  });

  it('counts a dispatch made at 00:30 Beijing on 1 May in May, not April', async () => {
    const april = (await a.h.query('analyst', PERF, { from: '2026-04' })).data.departmentPerformance;
    // The row is there only for what is late now (live, whatever the month): nothing was dispatched in April.
    expect(april.rows.find((x: any) => x.department.code === 'EDU-110108')).toMatchObject({ dispatched: 0, responseRate: { denominator: 0 }, overdueNow: 1, rank: null });
  });

  it('shows a department handler its own row only, with its rank among all', async () => {
    const r = (await a.h.query('police', PERF, { from: '2026-05' })).data.departmentPerformance;
    expect(r.rows.map((x: any) => x.department.code)).toEqual(['PSB-110105']);
    expect(r.rows[0].rank).toBe(2);
    const other = await a.h.query('police', PERF, { from: '2026-05', dep: await a.h.refId('Department', 'EDU-110108') });
    expect(other.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('takes back a re-report that turns out invalid', async () => {
    const inv = await a.h.mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId: ids.P6, reason: '恶意骚扰来电' });
    expect(inv.__typename).toBe('Case');
    const police = (await a.h.query('analyst', PERF, { from: '2026-05' })).data.departmentPerformance.rows.find((x: any) => x.department.code === 'PSB-110105');
    expect(police.rereported).toBe(0);
    expect(police.resolutionRate).toMatchObject({ numerator: 2, denominator: 3 });
  });
});

describe('rollups', () => {
  it('kept by the triggers equal a rebuild from the base tables', async () => {
    const kept = await a.rollupSnapshot();
    expect(kept.department_monthly_stats.length).toBeGreaterThan(0);
    await t.database.rows(sql`select analytics_rebuild_rollups()`);
    const rebuilt = await a.rollupSnapshot();
    expect(rebuilt).toEqual(kept);
  });
});
