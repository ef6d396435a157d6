// The `dispatchEvents` subscription over server-sent events: a department hears its own dispatches and
// nothing of others'; the desk may follow any department; events cross server processes through
// PostgreSQL LISTEN/NOTIFY (and, on the embedded database, between apps in one process).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';
import { poll, subscribe, type SseMessage, type SseSubscription } from '../support/sse.js';
import { createApp, type App } from '../../server/yoga.js';
import { openDatabase, type Database } from '../../server/db.js';
import { DatabaseEventBus, type DispatchEvent } from '../../server/shared/events.js';
import { createLogger } from '../../server/shared/log.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
/** Wraps an event bus to count the subscribers it holds right now (each is LISTENing once counted). */
function countListeners(bus: DatabaseEventBus): { active: number } {
  const state = { active: 0 };
  const original = bus.subscribe.bind(bus);
  bus.subscribe = async (listener: (e: DispatchEvent) => void) => {
    const off = await original(listener);
    state.active++;
    let done = false;
    return () => {
      if (!done) state.active--;
      done = true;
      off();
    };
  };
  return state;
}
let bus1: { active: number };
const open: SseSubscription[] = [];

beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
  bus1 = countListeners(t.events);
  for (const u of ['operator', 'police', 'education', 'analyst', 'secretary', 'admin', 'member1']) await t.login(u);
});
afterAll(async () => {
  for (const s of open) await s.close();
  await t?.close();
});

/** The brief's subscription, as partners write it. */
const SUB = `subscription { dispatchEvents { kind dispatch { id department { code } } } }`;
const SUB_FOR = `subscription($d: ID) { dispatchEvents(departmentId: $d) { kind dispatch { id department { code } } } }`;

/** Opens a subscription as `who` and waits until the server is listening for it. */
async function listen(who: string | null, query = SUB, variables: Record<string, unknown> = {}, app: App = t.app, expectListener = true) {
  const before = bus1.active;
  const sub = await subscribe(app, query, variables, who ? (who.startsWith('glt_') ? who : await t.login(who)) : null);
  open.push(sub);
  expect(sub.status).toBe(200);
  expect(sub.contentType).toMatch(/text\/event-stream/);
  if (expectListener && app === t.app) await poll(() => bus1.active > before, 5000, () => `no listener for ${who}`);
  return sub;
}

type Seen = { kind: string; id: string; department: string };
const seen = (s: SseSubscription): Seen[] => s.messages.map((m) => {
  expect(m.errors, JSON.stringify(m)).toBeUndefined();
  return { kind: m.data.dispatchEvents.kind, id: m.data.dispatchEvents.dispatch.id, department: m.data.dispatchEvents.dispatch.department.code };
});
const isEvent = (kind: string, dispatchId: string) => (m: SseMessage) => m.data?.dispatchEvents?.kind === kind && m.data.dispatchEvents.dispatch.id === dispatchId;

describe('a department hears its own dispatches', () => {
  it('police hears DISPATCHED, ACCEPTED and REPLIED for PSB-110105 and never an event of EDU-110108; education hears its own', async () => {
    const police = await listen('police');
    const education = await listen('education');

    const p = await h.dispatched('PSB-110105', { reply: true });
    const e = await h.dispatched('EDU-110108', { reply: true });
    // Last, one more for each: once these arrive, everything committed before them has been fanned out.
    const pEnd = await h.dispatched('PSB-110105');
    const eEnd = await h.dispatched('EDU-110108');
    await police.waitFor(isEvent('DISPATCHED', pEnd.dispatchId));
    await education.waitFor(isEvent('DISPATCHED', eEnd.dispatchId));

    expect(seen(police)).toEqual([
      { kind: 'DISPATCHED', id: p.dispatchId, department: 'PSB-110105' },
      { kind: 'ACCEPTED', id: p.dispatchId, department: 'PSB-110105' },
      { kind: 'REPLIED', id: p.dispatchId, department: 'PSB-110105' },
      { kind: 'DISPATCHED', id: pEnd.dispatchId, department: 'PSB-110105' },
    ]);
    expect(seen(education)).toEqual([
      { kind: 'DISPATCHED', id: e.dispatchId, department: 'EDU-110108' },
      { kind: 'ACCEPTED', id: e.dispatchId, department: 'EDU-110108' },
      { kind: 'REPLIED', id: e.dispatchId, department: 'EDU-110108' },
      { kind: 'DISPATCHED', id: eEnd.dispatchId, department: 'EDU-110108' },
    ]);
    for (const id of [e.dispatchId, eEnd.dispatchId]) expect(police.messages.some((m) => JSON.stringify(m).includes(id))).toBe(false);
    await police.close();
    await education.close();
  });

  it('an assist dispatch to another department is heard by that department only', async () => {
    const police = await listen('police');
    const education = await listen('education');
    const reg = await h.register();
    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', {
      caseId: reg.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') }, assists: [{ departmentId: await h.refId('Department', 'EDU-110108') }],
    }, `... on DispatchCasePayload { dispatches { id role } }`);
    const lead = d.dispatches.find((x: any) => x.role === 'LEAD').id;
    const assist = d.dispatches.find((x: any) => x.role === 'ASSIST').id;
    await police.waitFor(isEvent('DISPATCHED', lead));
    await education.waitFor(isEvent('DISPATCHED', assist));
    expect(seen(police)).toEqual([{ kind: 'DISPATCHED', id: lead, department: 'PSB-110105' }]);
    expect(seen(education)).toEqual([{ kind: 'DISPATCHED', id: assist, department: 'EDU-110108' }]);
    await police.close();
    await education.close();
  });

  it('each event shows the dispatch and case as they are at that event, not as first seen on the stream', async () => {
    const police = await listen('police', `subscription { dispatchEvents { kind dispatch { id status version case { status } } } }`);
    const reg = await h.register();
    const d = await h.mutate('operator', 'dispatchCase', 'DispatchCaseInput', { caseId: reg.case.id, lead: { departmentId: await h.refId('Department', 'PSB-110105') } }, `... on DispatchCasePayload { dispatches { id } }`);
    const dispatchId = d.dispatches[0].id;
    await police.waitFor(isEvent('DISPATCHED', dispatchId));
    await h.mutate('police', 'acceptDispatch', 'AcceptDispatchInput', { dispatchId });
    await police.waitFor(isEvent('ACCEPTED', dispatchId));
    await h.mutate('police', 'replyDispatch', 'ReplyDispatchInput', { dispatchId, result: '已处理', outcome: 'NOT_SUBSTANTIATED' });
    await police.waitFor(isEvent('REPLIED', dispatchId));
    expect(police.messages.map((m) => m.data.dispatchEvents)).toEqual([
      { kind: 'DISPATCHED', dispatch: { id: dispatchId, status: 'PENDING', version: 1, case: { status: 'DISPATCHED' } } },
      { kind: 'ACCEPTED', dispatch: { id: dispatchId, status: 'ACCEPTED', version: 2, case: { status: 'IN_PROGRESS' } } },
      { kind: 'REPLIED', dispatch: { id: dispatchId, status: 'REPLIED', version: 3, case: { status: 'REPLIED' } } },
    ]);
    await police.close();
  });

  it('a withdrawn dispatch is announced to its department, without the case it no longer holds', async () => {
    const police = await listen('police', `subscription { dispatchEvents { kind dispatch { id status case { code } } } }`);
    const { dispatchId, code } = await h.dispatched('PSB-110105');
    await police.waitFor(isEvent('DISPATCHED', dispatchId));
    await h.mutate('operator', 'withdrawDispatch', 'WithdrawDispatchInput', { dispatchId, reason: '派错单位' });
    const m = await police.waitFor(isEvent('WITHDRAWN', dispatchId));
    expect(m).toEqual({ data: { dispatchEvents: { kind: 'WITHDRAWN', dispatch: { id: dispatchId, status: 'WITHDRAWN', case: null } } } });
    expect(police.messages[0]!.data.dispatchEvents.dispatch.case).toEqual({ code });
    await police.close();
  });
});

describe('the desk follows any department', () => {
  it('an operator subscribes with departmentId and hears that department only; without it, all; a department cannot widen its stream', async () => {
    const eduOnly = await listen('operator', SUB_FOR, { d: await h.refId('Department', 'EDU-110108') });
    const all = await listen('operator', SUB_FOR, {});
    const policeAskingForEdu = await listen('police', SUB_FOR, { d: await h.refId('Department', 'EDU-110108') });

    const p = await h.dispatched('PSB-110105');
    const e = await h.dispatched('EDU-110108');
    await all.waitFor(isEvent('DISPATCHED', e.dispatchId));
    await eduOnly.waitFor(isEvent('DISPATCHED', e.dispatchId));

    expect(seen(all)).toEqual([
      { kind: 'DISPATCHED', id: p.dispatchId, department: 'PSB-110105' },
      { kind: 'DISPATCHED', id: e.dispatchId, department: 'EDU-110108' },
    ]);
    expect(seen(eduOnly)).toEqual([{ kind: 'DISPATCHED', id: e.dispatchId, department: 'EDU-110108' }]);
    // Both events were offered to every listener before the desk's streams delivered the second one.
    await new Promise((r) => setTimeout(r, 100));
    expect(policeAskingForEdu.messages).toEqual([]);
    for (const s of [eduOnly, all, policeAskingForEdu]) await s.close();
  });
});

describe('who may not subscribe', () => {
  it('roles without case records get FORBIDDEN, anonymous UNAUTHENTICATED; no events and no listener', async () => {
    const before = bus1.active;
    const subs: [string | null, string, SseSubscription][] = [];
    for (const who of ['analyst', 'secretary', 'member1', 'admin', null]) {
      subs.push([who, who ? 'FORBIDDEN' : 'UNAUTHENTICATED', await listen(who, SUB, {}, t.app, false)]);
    }
    await h.dispatched('PSB-110105');
    await h.dispatched('EDU-110108');
    for (const [who, code, s] of subs) {
      const m = await s.waitFor((x) => !!x.errors);
      expect(m.errors![0]!.extensions?.code, String(who)).toBe(code);
      expect(m.data ?? null).toBeNull();
      await s.ended();
      expect(s.messages, String(who)).toHaveLength(1);
    }
    expect(bus1.active).toBe(before);
  });
});

describe('closing', () => {
  it('a closed subscription stops listening at once, even when no event comes', async () => {
    const before = bus1.active;
    const subs = [await listen('police'), await listen('education'), await listen('operator')];
    expect(bus1.active).toBe(before + 3);
    for (const s of subs) await s.close();
    await poll(() => bus1.active === before, 2000, () => `${bus1.active - before} listeners left behind`);
    expect(bus1.active).toBe(before);
  });
});

describe('personal data read through a subscription', () => {
  it('is audited like any other read', async () => {
    const police = await listen('police', `subscription { dispatchEvents { kind dispatch { id case { subjects { subjectId name } } } } }`);
    const minor = '欧阳小溪';
    const { dispatchId } = await h.dispatched('PSB-110105', { input: { minors: [{ name: minor, birthYear: 2015 }] } });
    const m = await police.waitFor(isEvent('DISPATCHED', dispatchId));
    const subject = m.data.dispatchEvents.dispatch.case.subjects[0];
    expect(subject.name).toBe(minor);
    const subjectId = subject.subjectId as string;
    const reads = () => t.database.rows<{ actor_label: string; fields: string[] }>(
      sql`select actor_label, fields from audit_events where action = 'personal_data.read' and entity = 'Subject' and entity_id = ${subjectId}`,
    );
    // Recorded while the subscription stays open.
    const rows = await poll(async () => ((await reads()).length ? reads() : undefined), 3000, () => 'no audit event for the read');
    expect(rows).toEqual([{ actor_label: 'police', fields: ['CaseSubject.name'] }]);
    await police.close();
  });
});

describe('across server processes', () => {
  it(process.env.TEST_DATABASE_URL
    ? 'PostgreSQL: an event written through app 1 reaches a subscriber of app 2 on its own connection pool, and back'
    : 'PGlite: an event written through app 1 reaches a subscriber of a second app with its own event bus, in this process', async () => {
    // On a real server the second app is what another process would be: its own pool and its own LISTEN.
    const onServer = !!process.env.TEST_DATABASE_URL;
    expect(t.database.driver).toBe(onServer ? 'postgres' : 'pglite');
    expect(!!t.database.url).toBe(onServer);
    const database2: Database = onServer ? await openDatabase({ url: t.database.url!, poolSize: 4 }) : t.database;
    const events2 = new DatabaseEventBus(database2);
    const app2 = createApp({ database: database2, config: t.config, events: events2, logger: createLogger('silent'), clock: t.clock });
    expect(events2).not.toBe(t.events);
    if (onServer) expect(database2.db).not.toBe(t.database.db);
    const bus2 = countListeners(events2);
    try {
      const police2 = await subscribe(app2, SUB, {}, await t.login('police'));
      open.push(police2);
      expect(police2.status).toBe(200);
      await poll(() => bus2.active === 1, 5000, () => 'app 2 is not listening');
      const police1 = await listen('police');

      // Written through app 1: app 2's subscriber hears it, through its own bus.
      const next = await h.dispatched('PSB-110105');
      await police2.waitFor(isEvent('DISPATCHED', next.dispatchId));
      await police1.waitFor(isEvent('DISPATCHED', next.dispatchId));

      // And the other way: the department accepts through app 2; app 1's subscriber hears it.
      const gql2 = async (query: string, variables: Record<string, unknown>) => {
        const res = await app2.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.login('police')}` }, body: JSON.stringify({ query, variables }) });
        return (await res.json()) as { data: any };
      };
      const accepted = await gql2(`mutation($i: AcceptDispatchInput!) { acceptDispatch(input: $i) { __typename ... on Dispatch { status } } }`, { i: { dispatchId: next.dispatchId } });
      expect(accepted.data.acceptDispatch).toEqual({ __typename: 'Dispatch', status: 'ACCEPTED' });
      await police1.waitFor(isEvent('ACCEPTED', next.dispatchId));
      await police2.waitFor(isEvent('ACCEPTED', next.dispatchId));
      expect(seen(police2)).toEqual([
        { kind: 'DISPATCHED', id: next.dispatchId, department: 'PSB-110105' },
        { kind: 'ACCEPTED', id: next.dispatchId, department: 'PSB-110105' },
      ]);
      await police1.close();
      await police2.close();
      await poll(() => bus2.active === 0, 2000, () => 'app 2 still listening');
    } finally {
      await events2.close();
      if (onServer) await database2.close();
    }
  });
});
