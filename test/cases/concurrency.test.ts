// Racing requests over HTTP: each move happens once, the losers get a typed error, and the trail and the
// event stream record exactly one move. On PostgreSQL (TEST_DATABASE_URL) these run on a 20-connection pool
// for real; on PGlite the transactions queue on its one connection.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';
import type { DispatchEvent } from '../../server/shared/events.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
const heard: DispatchEvent[] = [];
let stopListening: () => void = () => {};

beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
  stopListening = await t.events.subscribe((e) => heard.push(e));
  // Log everyone in up front, so the races are between the moves, not the sign-ins.
  for (const u of ['operator', 'supervisor', 'police', 'education']) await t.login(u);
});
afterAll(async () => {
  stopListening();
  await t?.close();
});

/** The uuid behind a global id (for counting rows in the database itself). */
const raw = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await t.database.rows<{ n: number }>(query);
  return Number(row!.n);
}
const auditCount = (action: string, entityId: string) =>
  count(sql`select count(*)::int as n from audit_events where action = ${action} and entity_id = ${raw(entityId)}`);

/** Waits until the event bus has delivered what was committed (NOTIFY arrives after the response). */
async function eventsFor(dispatchId: string, kind: DispatchEvent['kind'], atLeast = 1) {
  const id = raw(dispatchId);
  for (let i = 0; i < 100 && heard.filter((e) => e.dispatchId === id && e.kind === kind).length < atLeast; i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100)); // and a little longer: a duplicate would show up now
  return heard.filter((e) => e.dispatchId === id && e.kind === kind);
}

const tally = (results: { __typename: string }[]) =>
  results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.__typename]: (acc[r.__typename] ?? 0) + 1 }), {});

describe('20 concurrent acceptDispatch on one dispatch', () => {
  it('accept exactly once: one ACCEPTED, 19 typed INVALID_TRANSITION, one audit event, one event, the case IN_PROGRESS once', async () => {
    const { caseId, dispatchId } = await h.dispatched('PSB-110105');
    const results = await Promise.all(Array.from({ length: 20 }, () => h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId })));

    expect(tally(results)).toEqual({ Dispatch: 1, InvalidTransitionError: 19 });
    expect(results.find((r) => r.__typename === 'Dispatch')).toMatchObject({ id: dispatchId, status: 'ACCEPTED', version: 2 });
    for (const r of results.filter((x) => x.__typename !== 'Dispatch')) {
      expect(r).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'ACCEPTED' });
    }

    expect(await auditCount('dispatch.accept', dispatchId)).toBe(1);
    expect(await auditCount('case.leadAccepts', caseId)).toBe(1);
    const c = await h.getCase(caseId);
    // register → 1, dispatch → 2, the lead's acceptance → 3: moved once.
    expect(c).toMatchObject({ status: 'IN_PROGRESS', version: 3 });
    expect(c.dispatches).toMatchObject([{ id: dispatchId, status: 'ACCEPTED', version: 2 }]);
    expect(await eventsFor(dispatchId, 'ACCEPTED')).toHaveLength(1);
  });

  it('with the version the department saw: one wins, 19 typed STALE_VERSION naming the new version', async () => {
    const { caseId, dispatchId } = await h.dispatched('PSB-110105');
    const results = await Promise.all(Array.from({ length: 20 }, () => h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId, version: 1 })));

    expect(tally(results)).toEqual({ Dispatch: 1, StaleVersionError: 19 });
    for (const r of results.filter((x) => x.__typename !== 'Dispatch')) expect(r).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2, field: 'version' });
    expect(await auditCount('dispatch.accept', dispatchId)).toBe(1);
    expect(await auditCount('case.leadAccepts', caseId)).toBe(1);
    expect(await h.getCase(caseId)).toMatchObject({ status: 'IN_PROGRESS', version: 3 });
  });
});

describe('concurrent desk moves on one case', () => {
  it('two dispatchCase at once: one dispatches, the other is a typed INVALID_TRANSITION; one lead dispatch exists', async () => {
    const reg = await h.register();
    const caseId = reg.case.id;
    const sel = `... on DispatchCasePayload { case { status version } dispatches { id role department { code } } }`;
    const results = await Promise.all([
      h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, sel),
      h.mutate('supervisor', 'dispatchCase', 'DispatchCaseInput', { caseId, lead: { departmentId: await h.refId('Department', 'EDU-110108') } }, sel),
    ]);
    expect(tally(results)).toEqual({ DispatchCasePayload: 1, InvalidTransitionError: 1 });
    const won = results.find((r) => r.__typename === 'DispatchCasePayload');
    expect(results.find((r) => r.__typename !== 'DispatchCasePayload')).toMatchObject({ code: 'INVALID_TRANSITION', currentState: 'DISPATCHED' });
    expect(won.case).toEqual({ status: 'DISPATCHED', version: 2 });

    const c = await h.getCase(caseId);
    expect(c).toMatchObject({ status: 'DISPATCHED', version: 2 });
    expect(c.dispatches).toHaveLength(1);
    expect(c.dispatches[0]).toMatchObject({ role: 'LEAD', status: 'PENDING', department: { code: won.dispatches[0].department.code } });
    expect(await count(sql`select count(*)::int as n from dispatches where case_id = ${raw(caseId)}`)).toBe(1);
    expect(await auditCount('case.dispatch', caseId)).toBe(1);
    expect(await eventsFor(c.dispatches[0].id, 'DISPATCHED')).toHaveLength(1);
  });

  it('ten dispatchCase at once with the version they saw: one wins, nine typed STALE_VERSION', async () => {
    const reg = await h.register();
    const caseId = reg.case.id;
    const lead = { departmentId: await h.refId('Department', 'PSB-110105') };
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      h.mutate(i % 2 ? 'operator' : 'supervisor', 'dispatchCase', 'DispatchCaseInput', { caseId, version: reg.case.version, lead }, `... on DispatchCasePayload { dispatches { id } }`)));
    expect(tally(results)).toEqual({ DispatchCasePayload: 1, StaleVersionError: 9 });
    expect(await count(sql`select count(*)::int as n from dispatches where case_id = ${raw(caseId)}`)).toBe(1);
    expect(await auditCount('case.dispatch', caseId)).toBe(1);
  });

  it('concurrent follow-ups on one REPLIED case: one wins, the rest are typed INVALID_TRANSITION, one follow-up is kept', async () => {
    const { caseId } = await h.dispatched('PSB-110105', { reply: true });
    expect((await h.getCase(caseId)).status).toBe('REPLIED');
    // A satisfied call and dissatisfied calls race: whichever wins decides, the others change nothing.
    const sel = `... on RecordFollowUpPayload { case { status version } followUp { resolved satisfaction } }`;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => h.mutate('operator', 'recordFollowUp', 'RecordFollowUpInput', {
      caseId, respondent: 'REPORTER', resolved: i % 2 === 0, satisfaction: i % 2 === 0 ? 'SATISFIED' : 'DISSATISFIED', note: `call ${i}`,
    }, sel)));
    expect(tally(results)).toEqual({ RecordFollowUpPayload: 1, InvalidTransitionError: 5 });
    const won = results.find((r) => r.__typename === 'RecordFollowUpPayload');
    const expected = won.followUp.resolved ? 'FOLLOWED_UP' : 'REOPENED';
    expect(won.case.status).toBe(expected);
    for (const r of results.filter((x) => x.__typename !== 'RecordFollowUpPayload')) expect(r).toMatchObject({ code: 'INVALID_TRANSITION', currentState: expected });

    const fu = await t.gql(`query($id: ID!) { node(id: $id) { ... on Case { status version followUps { resolved satisfaction } } } }`, { id: caseId }, await t.login('operator'));
    expect(fu.data.node).toEqual({ status: expected, version: won.case.version, followUps: [won.followUp] });
    expect(await count(sql`select count(*)::int as n from follow_ups where case_id = ${raw(caseId)}`)).toBe(1);
    const moves = await count(sql`select count(*)::int as n from audit_events where entity_id = ${raw(caseId)} and action in ('case.followUpResolved', 'case.followUpUnresolved')`);
    expect(moves).toBe(1);
  });
});

describe('crossing moves on one case', () => {
  it('the department accepting while a supervisor invalidates the case: both answer with a typed result, never an internal error', async () => {
    for (let round = 0; round < 8; round++) {
      const { caseId, dispatchId } = await h.dispatched('PSB-110105');
      const [accept, invalidate] = await Promise.all([
        h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId }),
        h.mutate('supervisor', 'invalidateCase', 'InvalidateCaseInput', { caseId, reason: '恶意骚扰来电' }),
      ]);
      // Invalidating always succeeds (from any open state); the acceptance either came first or finds the dispatch withdrawn.
      expect(invalidate, `round ${round}`).toMatchObject({ __typename: 'Case', status: 'INVALID' });
      if (accept.__typename === 'Dispatch') expect(accept.status).toBe('ACCEPTED');
      else expect(accept, `round ${round}`).toMatchObject({ __typename: 'InvalidTransitionError', code: 'INVALID_TRANSITION', currentState: 'WITHDRAWN' });
      const c = await h.getCase(caseId);
      expect(c.status).toBe('INVALID');
      expect(c.dispatches).toMatchObject([{ status: 'WITHDRAWN' }]);
    }
  });

  it('the department returning while the desk withdraws the same dispatch: one of them, typed', async () => {
    for (let round = 0; round < 8; round++) {
      const { caseId, dispatchId } = await h.dispatched('PSB-110105');
      const [ret, wd] = await Promise.all([
        h.mutate('police', 'returnDispatch', 'ReturnDispatchInput', { dispatchId, reason: '不属于本单位管辖' }),
        h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId, reason: '派错单位' }),
      ]);
      expect(tally([ret, wd]), `round ${round}`).toEqual({ Dispatch: 1, InvalidTransitionError: 1 });
      const c = await h.getCase(caseId);
      // Either way the case is back at the desk, moved once.
      expect(c).toMatchObject({ status: 'RECEIVED', version: 3 });
      expect(c.dispatches[0].status).toBe(ret.__typename === 'Dispatch' ? 'RETURNED' : 'WITHDRAWN');
    }
  });
});
