// Deadlines over HTTP: dispatch-by, accept-by and reply-by from the SLA policies (hours, or working days
// on the Beijing calendar with holidays and make-up days); overdue and due-soon computed at read time from
// the injected clock (never by sleeping); a department's queue in the order it works it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
});
afterAll(() => t?.close());

const MONDAY_10_BEIJING = '2026-06-15T02:00:00.000Z';
beforeEach(() => t.clock.set(MONDAY_10_BEIJING));

const iso = (s: string) => new Date(s).toISOString();
const DISPATCH_SEL = `... on DispatchCasePayload { dispatches { id acceptBy replyBy } }`;

/** A case of `urgency` registered and dispatched to the police at `at` (Beijing deadlines follow). */
async function dispatchedAt(at: string, urgency: string) {
  t.clock.set(at);
  const reg = h.must(await h.register({ urgency }), 'RegisterCasePayload', 'register');
  const d = h.must(await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, DISPATCH_SEL), 'DispatchCasePayload', 'dispatch');
  return { caseId: reg.case.id as string, dispatchId: d.dispatches[0].id as string, acceptBy: d.dispatches[0].acceptBy as string, replyBy: d.dispatches[0].replyBy as string };
}

async function dispatchState(id: string, as = 'police') {
  const r = await h.query(as, `query($id: ID!) { node(id: $id) { ... on Dispatch { status deadline overdue acceptBy replyBy } } }`, { id });
  return r.data.node;
}
async function caseState(id: string) {
  const r = await h.query('operator', `query($id: ID!) { node(id: $id) { ... on Case { status dispatchBy dispatchDeadline } } }`, { id });
  return r.data.node;
}
async function ids(as: string, q: string, filter: Record<string, unknown>) {
  const r = await h.query(as, q, { f: filter });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data)[0] as any;
}
const overdueCases = async (overdue = true) => (await ids('operator', `query($f: CaseFilter) { cases(first: 100, filter: $f) { edges { node { id } } } }`, { overdue })).edges.map((e: any) => e.node.id);
const listDispatches = async (filter: Record<string, unknown>, as = 'police') =>
  (await ids(as, `query($f: DispatchFilter) { dispatches(first: 100, filter: $f) { edges { node { id } } } }`, filter)).edges.map((e: any) => e.node.id);

describe('deadlines follow the SLA policies', () => {
  it("the desk's dispatch-by: 1 h IMMEDIATE, 2 h URGENT, 24 h NORMAL (or the category's urgency); none for a consultation", async () => {
    const by = async (input: Record<string, unknown>) => (await h.register(input)).case;
    expect((await by({ urgency: 'IMMEDIATE' })).dispatchBy).toBe(iso('2026-06-15T03:00:00Z'));
    expect((await by({ urgency: 'URGENT' })).dispatchBy).toBe(iso('2026-06-15T04:00:00Z'));
    expect((await by({ urgency: 'NORMAL' })).dispatchBy).toBe(iso('2026-06-16T02:00:00Z'));
    const sexual = await by({ categoryId: await h.refId('CaseCategory', 'HARM-SEXUAL') });
    expect(sexual).toMatchObject({ urgency: 'IMMEDIATE', dispatchBy: iso('2026-06-15T03:00:00Z') });
    const consult = await by({ kind: 'CONSULTATION', categoryId: await h.refId('CaseCategory', 'LEGAL-ADVICE') });
    expect(consult.dispatchBy).toBeNull();
  });

  it('accept-by and reply-by: hours for IMMEDIATE, working days for URGENT and NORMAL', async () => {
    // Monday 2026-06-15, 10:00 in Beijing; the Dragon Boat holiday is Fri 19 – Sun 21 June.
    expect(await dispatchedAt(MONDAY_10_BEIJING, 'IMMEDIATE')).toMatchObject({ acceptBy: iso('2026-06-15T03:00:00Z'), replyBy: iso('2026-06-16T02:00:00Z') });
    // URGENT: accept in 4 h; reply by the end of the 3rd working day (Tue, Wed, Thu).
    expect(await dispatchedAt(MONDAY_10_BEIJING, 'URGENT')).toMatchObject({ acceptBy: iso('2026-06-15T06:00:00Z'), replyBy: iso('2026-06-18T16:00:00Z') });
    // NORMAL: accept by the end of Tuesday; reply in 15 working days, the holiday skipped: end of Tue 7 July.
    expect(await dispatchedAt(MONDAY_10_BEIJING, 'NORMAL')).toMatchObject({ acceptBy: iso('2026-06-16T16:00:00Z'), replyBy: iso('2026-07-07T16:00:00Z') });
  });

  it('working days skip weekends and holidays, count make-up days (调休), and go by the Beijing day', async () => {
    // Friday 10:00: the next working day is Monday; 3 working days end on Wednesday.
    expect((await dispatchedAt('2026-06-12T02:00:00Z', 'NORMAL')).acceptBy).toBe(iso('2026-06-15T16:00:00Z'));
    expect((await dispatchedAt('2026-06-12T02:00:00Z', 'URGENT')).replyBy).toBe(iso('2026-06-17T16:00:00Z'));
    // Thursday before the Dragon Boat holiday (Fri–Sun): Monday is the next working day.
    expect((await dispatchedAt('2026-06-18T02:00:00Z', 'NORMAL')).acceptBy).toBe(iso('2026-06-22T16:00:00Z'));
    expect((await dispatchedAt('2026-06-18T02:00:00Z', 'URGENT')).replyBy).toBe(iso('2026-06-24T16:00:00Z'));
    // Saturday 19 September: Sunday the 20th is a make-up working day.
    expect((await dispatchedAt('2026-09-19T02:00:00Z', 'NORMAL')).acceptBy).toBe(iso('2026-09-20T16:00:00Z'));
    // 01:00 on Monday in Beijing is still Sunday in UTC: the next working day is Tuesday, not Monday.
    expect((await dispatchedAt('2026-06-14T17:00:00Z', 'NORMAL')).acceptBy).toBe(iso('2026-06-16T16:00:00Z'));
  });

  it('policies and the holiday calendar are data: a change applies to the next deadline', async () => {
    await t.database.db.execute(sql`update sla_policies set amount = 3 where phase = 'DISPATCH' and urgency = 'URGENT'`);
    await t.database.db.execute(sql`insert into calendar_days (day, kind, name_zh, name_en) values ('2026-06-16', 'HOLIDAY', '测试假日', 'Test holiday')`);
    try {
      expect((await h.register({ urgency: 'URGENT' })).case.dispatchBy).toBe(iso('2026-06-15T05:00:00Z'));
      // Tuesday is now a holiday: accept by the end of Wednesday.
      expect((await dispatchedAt(MONDAY_10_BEIJING, 'NORMAL')).acceptBy).toBe(iso('2026-06-17T16:00:00Z'));
    } finally {
      await t.database.db.execute(sql`update sla_policies set amount = 2 where phase = 'DISPATCH' and urgency = 'URGENT'`);
      await t.database.db.execute(sql`delete from calendar_days where day = '2026-06-16'`);
    }
    expect((await h.register({ urgency: 'URGENT' })).case.dispatchBy).toBe(iso('2026-06-15T04:00:00Z'));
  });
});

describe('overdue and due soon, at read time', () => {
  it('flip as the clock passes each deadline of the loop, and clear when the work is done', async () => {
    const reg = h.must(await h.register({ urgency: 'URGENT' }), 'RegisterCasePayload', 'register'); // dispatch by 04:00Z
    const caseId = reg.case.id as string;
    expect(await caseState(caseId)).toMatchObject({ status: 'RECEIVED', dispatchDeadline: 'ON_TIME' });
    expect(await overdueCases()).not.toContain(caseId);
    expect(await overdueCases(false)).toContain(caseId);

    t.clock.set('2026-06-15T03:40:00Z'); // the last quarter of the 2-hour window
    expect((await caseState(caseId)).dispatchDeadline).toBe('DUE_SOON');
    expect(await overdueCases()).not.toContain(caseId);

    t.clock.set('2026-06-15T04:01:00Z');
    expect((await caseState(caseId)).dispatchDeadline).toBe('OVERDUE');
    expect(await overdueCases()).toContain(caseId);
    expect(await overdueCases(false)).not.toContain(caseId);

    // Dispatched: the desk's deadline is met; the department's accept-by (4 h) starts now.
    const d = h.must(await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, DISPATCH_SEL), 'DispatchCasePayload', 'dispatch');
    const dispatchId = d.dispatches[0].id as string;
    expect(d.dispatches[0].acceptBy).toBe(iso('2026-06-15T08:01:00Z'));
    expect((await caseState(caseId)).dispatchDeadline).toBe('NONE');
    expect(await overdueCases()).not.toContain(caseId);
    expect(await dispatchState(dispatchId)).toMatchObject({ status: 'PENDING', deadline: 'ON_TIME', overdue: false });
    expect(await listDispatches({ dueSoon: true })).not.toContain(dispatchId);

    t.clock.set('2026-06-15T07:30:00Z'); // the last hour of the 4-hour accept window
    expect(await dispatchState(dispatchId)).toMatchObject({ deadline: 'DUE_SOON', overdue: false });
    expect(await listDispatches({ dueSoon: true })).toContain(dispatchId);
    expect(await listDispatches({ overdue: true })).not.toContain(dispatchId);

    t.clock.set('2026-06-15T08:02:00Z'); // not accepted in time
    expect(await dispatchState(dispatchId)).toMatchObject({ status: 'PENDING', deadline: 'OVERDUE', overdue: true });
    expect(await listDispatches({ overdue: true })).toContain(dispatchId);
    expect(await listDispatches({ overdue: false })).not.toContain(dispatchId);
    expect(await listDispatches({ dueSoon: true })).not.toContain(dispatchId);
    expect(await overdueCases()).toContain(caseId);

    // Accepted (late): the next deadline is the reply-by, end of Thursday.
    h.must(await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId }), 'Dispatch', 'accept');
    expect(await dispatchState(dispatchId)).toMatchObject({ status: 'ACCEPTED', deadline: 'ON_TIME', overdue: false, replyBy: iso('2026-06-18T16:00:00Z') });
    expect(await listDispatches({ overdue: true })).not.toContain(dispatchId);
    expect(await overdueCases()).not.toContain(caseId);

    t.clock.set('2026-06-18T16:01:00Z');
    expect(await dispatchState(dispatchId)).toMatchObject({ deadline: 'OVERDUE', overdue: true });
    expect(await listDispatches({ overdue: true })).toContain(dispatchId);
    expect(await overdueCases()).toContain(caseId);

    // An approved extension moves the reply-by: no longer overdue, with nothing rewritten but the deadline.
    const ext = await h.mutate('police', 'requestExtension', 'RequestExtensionInput', { dispatchId, reason: '需要调取监控录像', requestedReplyBy: '2026-06-25T16:00:00Z' }, `... on ExtensionRequest { id }`);
    expect(await dispatchState(dispatchId)).toMatchObject({ overdue: true });
    h.must(await h.mutate('supervisor', 'decideExtension', 'DecideExtensionInput', { extensionId: ext.id, approve: true }, `... on ExtensionRequest { status }`), 'ExtensionRequest', 'decide');
    expect(await dispatchState(dispatchId)).toMatchObject({ deadline: 'ON_TIME', overdue: false });
    expect(await overdueCases()).not.toContain(caseId);

    h.must(await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId, result: '已处置', outcome: 'SUBSTANTIATED' }), 'Dispatch', 'reply');
    t.clock.set('2026-07-30T00:00:00Z');
    expect(await dispatchState(dispatchId)).toMatchObject({ status: 'REPLIED', deadline: 'NONE', overdue: false });
    expect(await listDispatches({ overdue: true })).not.toContain(dispatchId);
    expect(await overdueCases()).not.toContain(caseId);
  });

  it('a reopened case gets a new dispatch-by and is overdue again only when it passes', async () => {
    const c = await h.caseIn('CLOSED', { input: { urgency: 'IMMEDIATE' } });
    t.clock.set('2026-06-20T02:00:00Z');
    h.must(await h.mutate('supervisor', 'reopenCase', 'ReopenCaseInput', { caseId: c.caseId, reason: '再次来电' }), 'Case', 'reopen');
    expect(await caseState(c.caseId)).toMatchObject({ status: 'REOPENED', dispatchBy: iso('2026-06-20T03:00:00Z'), dispatchDeadline: 'ON_TIME' });
    expect(await overdueCases()).not.toContain(c.caseId);
    t.clock.set('2026-06-20T02:50:00Z');
    expect((await caseState(c.caseId)).dispatchDeadline).toBe('DUE_SOON');
    t.clock.set('2026-06-20T03:01:00Z');
    expect((await caseState(c.caseId)).dispatchDeadline).toBe('OVERDUE');
    expect(await overdueCases()).toContain(c.caseId);
  });
});

describe("a department's queue", () => {
  it('lists pending first, then by the next deadline (accept-by while pending, then reply-by), page after page', async () => {
    t.clock.set('2026-08-03T02:00:00Z'); // Monday 10:00 in Beijing
    const normal = await dispatchedAt('2026-08-03T02:00:00Z', 'NORMAL'); // accept by end of Tue
    const immediate = await dispatchedAt('2026-08-03T02:10:00Z', 'IMMEDIATE'); // accept by 03:10Z
    const urgent = await dispatchedAt('2026-08-03T02:20:00Z', 'URGENT'); // accept by 06:20Z
    const acceptedUrgent = await dispatchedAt('2026-08-03T02:30:00Z', 'URGENT'); // reply by end of Thu
    const acceptedImmediate = await dispatchedAt('2026-08-03T02:40:00Z', 'IMMEDIATE'); // reply by Tue 02:40Z
    const replied = await dispatchedAt('2026-08-03T02:50:00Z', 'IMMEDIATE');
    for (const d of [acceptedUrgent, acceptedImmediate, replied]) h.must(await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId: d.dispatchId }), 'Dispatch', 'accept');
    h.must(await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId: replied.dispatchId, result: '已处置', outcome: 'REFERRED' }), 'Dispatch', 'reply');
    // A pending dispatch whose accept-by is later than an accepted one's reply-by still comes first.
    expect(new Date(normal.acceptBy).getTime()).toBeGreaterThan(new Date(acceptedImmediate.replyBy).getTime());

    const FIELDS = `id status acceptBy replyBy`;
    const all = await h.query('police', `{ dispatches(first: 100) { totalCount edges { node { ${FIELDS} } } } }`);
    const queue = all.data.dispatches.edges.map((e: any) => e.node);
    expect(queue).toHaveLength(all.data.dispatches.totalCount);
    const mine = [immediate, urgent, normal, acceptedImmediate, acceptedUrgent, replied].map((d) => d.dispatchId);
    expect(queue.map((d: any) => d.id).filter((id: string) => mine.includes(id))).toEqual(mine);

    // The whole queue obeys the rule: status rank, then the next deadline.
    const RANK: Record<string, number> = { PENDING: 0, ACCEPTED: 1, REPLIED: 2, RETURNED: 3, WITHDRAWN: 4 };
    const key = (d: any) => [RANK[d.status]!, new Date(d.status === 'PENDING' ? d.acceptBy : d.replyBy).getTime()] as const;
    for (let i = 1; i < queue.length; i++) {
      const [a, b] = [key(queue[i - 1]), key(queue[i])];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]), `${JSON.stringify(queue[i - 1])} before ${JSON.stringify(queue[i])}`).toBe(true);
    }

    // Walking it two at a time gives the same order.
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await h.query('police', `query($after: String) { dispatches(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      walked.push(...r.data.dispatches.edges.map((e: any) => e.node.id));
      if (!r.data.dispatches.pageInfo.hasNextPage) break;
      after = r.data.dispatches.pageInfo.endCursor;
    }
    expect(walked).toEqual(queue.map((d: any) => d.id));

    // Another department's queue holds none of these.
    const edu = await listDispatches({}, 'education');
    expect(edu.filter((id: string) => mine.includes(id))).toEqual([]);
  });
});
