// No N+1: the main lists send a fixed, small number of SQL statements whatever the page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';
import { inClosedSet } from '../../server/shared/sql.js';
import { cases } from '../../schema/index.js';
import { CASE_STATUSES } from '../../schema/enums.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
  for (let i = 0; i < 24; i++) {
    // eight children, each named in three calls: eight subject alerts (the threshold is three)
    const minors = [{ name: `测试儿童${i % 8}`, birthYear: 2015 }];
    if (i % 2) await h.dispatched(i % 4 === 1 ? 'PSB-110105' : 'EDU-110108', { accept: i % 3 === 0, input: { minors } });
    else await h.register({ summary: `第${i}个来电`, minors });
  }
}, 240_000);
afterAll(() => t?.close());

async function statementsFor(query: string, variables: Record<string, unknown>, token: string) {
  const before = t.database.statements.length;
  const r = await t.gql(query, variables, token);
  expect(r.errors).toBeUndefined();
  return { count: t.database.statements.length - before, data: r.data };
}

const CASE_LIST = `query($n: Int!) { cases(first: $n) { totalCount edges { node { code status needsPoliceNow category { nameZh parent { nameZh } } district { nameZh }
  dispatches { role status department { nameZh } } } } } }`;
const ALERTS = `query($n: Int!) { subjectAlerts(first: $n) { totalCount edges { node { reportCount subjectKind cases(first: 2) { totalCount pageInfo { hasNextPage } edges { node { code status category { nameZh } } } } } } } }`;
const QUEUE = `query($n: Int!) { dispatches(first: $n) { totalCount edges { node { status deadline case { code summary } department { nameZh } } } } }`;

describe('statements per request', () => {
  it('the case list with dispatches, departments and categories: the same few statements for 5 or 24 rows', async () => {
    const token = await t.login('operator');
    const small = await statementsFor(CASE_LIST, { n: 5 }, token);
    const large = await statementsFor(CASE_LIST, { n: 24 }, token);
    expect(large.data.cases.edges).toHaveLength(24);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(6);
  });

  it("a department's queue with each case: fixed, as a handler and as a partner token", async () => {
    const token = await t.login('police');
    const small = await statementsFor(QUEUE, { n: 2 }, token);
    const large = await statementsFor(QUEUE, { n: 20 }, token);
    expect(large.data.dispatches.edges.length).toBeGreaterThan(2);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(10);
  });

  it("subject alerts with each alert's cases: the same statements for 2 alerts as for 6", async () => {
    const token = await t.login('supervisor');
    await statementsFor(ALERTS, { n: 1 }, token); // the session's first request also reads the user
    const small = await statementsFor(ALERTS, { n: 2 }, token);
    const large = await statementsFor(ALERTS, { n: 6 }, token);
    expect(large.data.subjectAlerts.edges).toHaveLength(6);
    for (const { node } of large.data.subjectAlerts.edges) {
      expect(node.subjectKind).toBeTruthy();
      // a page per alert: two of its three cases, newest first
      expect(node.cases).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(node.cases.edges).toHaveLength(2);
    }
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(6); // the alerts, their count, their subjects' kinds, the cases and theirs
  });
});

describe('statement plans', () => {
  const OPEN = ['RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED'];
  const LIST = `query($s: [CaseStatus!]) { cases(first: 5, filter: { status: $s }) { edges { node { code } } } }`;
  const listStatement = async (status: string[]) => {
    const before = t.database.statements.length;
    const r = await t.gql(LIST, { s: status }, await t.login('operator'));
    expect(r.errors).toBeUndefined();
    return t.database.statements.slice(before).find((s) => s.includes('from "cases"') && s.includes('order by'))!;
  };

  it('a status filter is written into the statement, so a cached plan can use the open-case index', async () => {
    const text = await listStatement(OPEN);
    // the partial index's predicate, provable only from values in the text
    expect(text).toContain(`"cases"."status" in ('RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED')`);
    // one statement per set of statuses, however the client orders or repeats them
    expect(await listStatement([...OPEN].reverse().concat('RECEIVED'))).toBe(text);
  });

  it('writes into SQL only values of the closed set', () => {
    expect(() => inClosedSet(cases.status, ["CLOSED') or true --" as never], CASE_STATUSES)).toThrow(/not one of/);
  });
});
