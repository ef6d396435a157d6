// The case list reads only the columns its selection needs and nests dispatches and departments in its
// own statement (server/graphql/projection.ts). Guards: whatever a client selects, a listed case answers
// exactly what the same case answers when read whole by id; and the list with its dispatches and
// departments costs one statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { caseHelpers } from '../support/cases.js';
import { recordAudit } from '../../server/modules/audit/service.js';
import { systemViewer } from '../../server/modules/auth/viewer.js';

let t: TestApp;
let h: ReturnType<typeof caseHelpers>;
beforeAll(async () => {
  t = await createTestApp();
  h = caseHelpers(t);
  await h.register({ urgency: 'IMMEDIATE' });
  await h.dispatched('PSB-110105');
  await h.dispatched('PSB-110105', { accept: true, reply: true });
  await h.dispatched('EDU-110108', { accept: true });
  // two assists summoned together: same round, same creation time
  const led = await h.dispatched('PSB-110105', { accept: true });
  const summon = await t.gql(`mutation($i: SummonDepartmentsInput!) { summonDepartments(input: $i) { __typename } }`,
    { i: { dispatchId: led.dispatchId, departments: [{ departmentId: await h.refId('Department', 'EDU-110105') }, { departmentId: await h.refId('Department', 'CIV-110105') }] } },
    await t.login('police'));
  expect(summon.data.summonDepartments.__typename).not.toMatch(/Error$/);
  await h.caseIn('CLOSED');
  await h.caseIn('REOPENED');
}, 240_000);
afterAll(() => t?.close());

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type Field = { name: string; args: unknown[]; type: TypeRef };

/**
 * One selection per leaf field without arguments, to `depth` levels of objects (`dispatches { department { nameZh } }`):
 * each probe asks for one thing, so a field that reads a column it does not declare shows up alone.
 */
async function probes(typeName: string, depth: number, token: string, seen = new Map<string, Field[]>()): Promise<string[]> {
  if (!seen.has(typeName)) {
    const r = await t.gql(`query($n: String!) { __type(name: $n) { fields { name args { name } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`, { n: typeName }, token);
    seen.set(typeName, r.data.__type.fields);
  }
  const out: string[] = [];
  for (const f of seen.get(typeName)!) {
    if (f.args.length) continue;
    let type = f.type;
    while (type.ofType) type = type.ofType;
    if (type.kind === 'SCALAR' || type.kind === 'ENUM') out.push(f.name);
    else if (type.kind === 'OBJECT' && depth > 0) for (const p of await probes(type.name!, depth - 1, token, seen)) out.push(`${f.name} { ${p} }`);
  }
  return out;
}

type GqlError = { path?: (string | number)[]; extensions?: { code?: string } };
/** Refused fields (a handler may not see every field) as code and path below the case. */
const refusals = (errors: GqlError[] | undefined, caseAt: (path: (string | number)[]) => number) =>
  (errors ?? []).map((e) => `${e.extensions?.code} ${e.path?.slice(caseAt(e.path)).join('.')}`).sort();

describe('the case list planned from its selection', () => {
  for (const as of ['operator', 'police']) {
    it(`answers, as ${as}, exactly what each case answers read whole, field by field two levels deep`, async () => {
      const token = await t.login(as);
      const all = await probes('Case', 2, token);
      expect(all).toContain('dispatches { department { nameZh } }');
      let compared = 0;
      for (const probe of all) {
        const list = await t.gql(`{ cases(first: 20) { edges { node { id code ${probe} } } } }`, {}, token);
        expect(list.data, `${probe}: ${JSON.stringify(list.errors)}`).toBeTruthy();
        const listed: { id: string; code: string }[] = list.data.cases.edges.map((e: { node: { id: string; code: string } }) => e.node);
        expect(listed.length).toBeGreaterThan(as === 'operator' ? 5 : 1);
        // read whole: by code, through the loaders (node(id) is planned too, so it is compared as well)
        const whole = await t.gql(`{ ${listed.map((c, i) => `c${i}: caseByCode(code: "${c.code}") { id code ${probe} }`).join(' ')} }`, {}, token);
        const nodes = await t.gql(`{ ${listed.map((c, i) => `c${i}: node(id: "${c.id}") { ... on Case { id code ${probe} } }`).join(' ')} }`, {}, token);
        const wholes = listed.map((_c, i) => whole.data[`c${i}`]);
        expect({ probe, listed }).toEqual({ probe, listed: wholes });
        expect({ probe, nodes: listed.map((_c, i) => nodes.data[`c${i}`]) }).toEqual({ probe, nodes: wholes });
        expect({ probe, refused: refusals(list.errors, () => 4) }).toEqual({ probe, refused: refusals(whole.errors, () => 1) });
        expect({ probe, refused: refusals(nodes.errors, () => 1) }).toEqual({ probe, refused: refusals(whole.errors, () => 1) });
        compared++;
      }
      expect(compared).toBeGreaterThan(100);
    });
  }

  it("a case handed on as its own merge-group root answers its own selection, not the list's", async () => {
    const token = await t.login('operator');
    const r = await t.gql(`{ cases(first: 20) { edges { node { id dispatches { id } mergeGroupRoot { id dispatches { role status department { code } } } } } } }`, {}, token);
    expect(r.errors).toBeUndefined();
    const roots = r.data.cases.edges.map((e: { node: { id: string; mergeGroupRoot: { id: string; dispatches: unknown[] } } }) => e.node).filter((n: { id: string; mergeGroupRoot: { id: string } }) => n.mergeGroupRoot.id === n.id);
    const dispatches = roots.flatMap((n: { mergeGroupRoot: { dispatches: unknown[] } }) => n.mergeGroupRoot.dispatches);
    expect(dispatches.length).toBeGreaterThan(0);
    for (const d of dispatches) expect(d).toEqual({ role: expect.any(String), status: expect.any(String), department: { code: expect.any(String) } });
  });

  it('reads the list, its dispatches and their departments in one statement', async () => {
    const token = await t.login('operator');
    const query = `{ cases(first: 20) { edges { node { id code status receivedAt dispatches { id role status department { nameZh } } } } } }`;
    await t.gql(query, {}, token); // the session's first request also reads the user
    const before = t.database.statements.length;
    const r = await t.gql(query, {}, token);
    const statements = t.database.statements.slice(before);
    expect(r.data.cases.edges.some((e: { node: { dispatches: unknown[] } }) => e.node.dispatches.length > 0)).toBe(true);
    expect(statements).toHaveLength(1);
    // and only the columns asked for, not the narrative
    expect(statements[0]).not.toContain('"narrative"');
  });

  it("reads a case page — the case, its category, reporter, dispatches, departments and timeline — in one statement; the reporter's identity in one more", async () => {
    const token = await t.login('operator');
    const id = (await t.gql(`{ cases(first: 20) { edges { node { id reporter { anonymous } dispatches { id } } } } }`, {}, token)).data.cases.edges
      .map((e: { node: { id: string; reporter: { anonymous: boolean }; dispatches: unknown[] } }) => e.node)
      .find((n: { reporter: { anonymous: boolean }; dispatches: unknown[] }) => n.dispatches.length > 1 && !n.reporter.anonymous).id;
    const page = `query($id: ID!) { node(id: $id) { ... on Case { id code status summary narrative category { nameZh } reporter { anonymous hasSafeContact }
      dispatches { id role status department { nameZh } } timeline { at actor action } } } }`;
    const before = t.database.statements.length;
    const r = await t.gql(page, { id }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.node.reporter).toEqual({ anonymous: false, hasSafeContact: expect.any(Boolean) });
    expect(r.data.node.dispatches.length).toBeGreaterThan(1);
    expect(r.data.node.timeline.length).toBeGreaterThan(2);
    expect(t.database.statements.slice(before)).toHaveLength(1);
    expect(t.database.statements[before]).not.toContain('reporter_identities');
    // the identity is personal data: read apart, only when asked for
    const beforeNamed = t.database.statements.length;
    const named = await t.gql(page.replace('reporter { anonymous', 'reporter { name anonymous'), { id }, token);
    expect(named.data.node.reporter.name).toEqual(expect.any(String));
    expect(t.database.statements.slice(beforeNamed).filter((s) => s.includes('reporter_identities'))).toHaveLength(1);
  });

  it('a case timeline leaves out personal-data reads, planned or loaded', async () => {
    const token = await t.login('operator');
    const { id, code } = (await t.gql(`{ cases(first: 1) { edges { node { id code } } } }`, {}, token)).data.cases.edges[0].node;
    const caseId = Buffer.from(id, 'base64').toString().split(':')[1];
    await recordAudit(t.database.db, { viewer: systemViewer }, { action: 'personal_data.read', entity: 'Case', entityId: caseId, fields: ['nomineeOrganization'] });
    const r = await t.gql(`query($id: ID!, $code: String!) { node(id: $id) { ... on Case { timeline { action } } } caseByCode(code: $code) { timeline { action } } }`, { id, code }, token);
    expect(r.data.node.timeline.length).toBeGreaterThan(0);
    expect(r.data.node.timeline).toEqual(r.data.caseByCode.timeline);
    expect(r.data.node.timeline.map((e: { action: string }) => e.action)).not.toContain('personal_data.read');
  });

  it("a case page is still only what the viewer may see: another department's case is no node", async () => {
    const others = (await t.gql(`{ cases(first: 50) { edges { node { id dispatches { department { code } } } } } }`, {}, await t.login('operator'))).data.cases.edges
      .map((e: { node: { id: string; dispatches: { department: { code: string } }[] } }) => e.node)
      .filter((n: { dispatches: { department: { code: string } }[] }) => n.dispatches.length && n.dispatches.every((d) => d.department.code === 'EDU-110108'));
    expect(others.length).toBeGreaterThan(0);
    const r = await t.gql(`query($id: ID!) { node(id: $id) { ... on Case { id code timeline { action } } } }`, { id: others[0].id }, await t.login('police'));
    expect(r.data?.node ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('pages through the list in every order though the selection asks for no column its cursor is made of', async () => {
    const token = await t.login('operator');
    for (const order of ['RECEIVED_AT_DESC', 'RECEIVED_AT_ASC', 'DISPATCH_BY_ASC']) {
      const all = (await t.gql(`query($o: CaseOrder) { cases(first: 100, orderBy: $o) { edges { node { code } } } }`, { o: order }, token)).data.cases.edges.map((e: { node: { code: string } }) => e.node.code);
      expect(all.length).toBeGreaterThan(5);
      const walked: string[] = [];
      let after: string | null = null;
      do {
        const before = t.database.statements.length;
        const r: any = await t.gql(`query($o: CaseOrder, $after: String) { cases(first: 2, after: $after, orderBy: $o) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`, { o: order, after }, token);
        walked.push(...r.data.cases.edges.map((e: { node: { code: string } }) => e.node.code));
        after = r.data.cases.pageInfo.hasNextPage ? r.data.cases.pageInfo.endCursor : null;
        // a cursor by received time needs no deadline, and the other way round
        expect(t.database.statements.slice(before).join('\n')).not.toContain(order === 'DISPATCH_BY_ASC' ? '"received_at"' : '"dispatch_by"');
      } while (after);
      expect({ order, walked }).toEqual({ order, walked: all });
    }
  });

  it('a field that says nothing of what it reads makes the list read every column', async () => {
    const token = await t.login('operator');
    const before = t.database.statements.length;
    const r = await t.gql(`{ cases(first: 5) { edges { node { id availableActions } } } }`, {}, token);
    expect(r.errors).toBeUndefined();
    expect(t.database.statements.slice(before)[0]).toContain('"narrative"');
  });
});
