// No N+1: the main lists send a fixed, small number of SQL statements whatever the page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
  for (let i = 0; i < 24; i++) {
    if (i % 2) await h.dispatched(i % 4 === 1 ? 'PSB-110105' : 'EDU-110108', { accept: i % 3 === 0 });
    else await h.register({ summary: `第${i}个来电` });
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
});
