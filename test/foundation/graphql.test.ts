// The GraphQL contract's foundations: Relay ids and connections, limits, CSRF, masking, GraphiQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { LIMITS } from '../../server/yoga.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { globalIdEncoder } from '../../server/graphql/node-id-plugin.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.login('operator');
});
afterAll(() => t?.close());

const PAGE = `query($first: Int, $last: Int, $after: String, $before: String) {
  departments(first: $first, last: $last, after: $after, before: $before) {
    totalCount edges { cursor node { id code } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

describe('Relay connections', () => {
  it('page forwards and backwards over the same rows, with totalCount', async () => {
    const all = (await t.gql(PAGE, { first: 100 }, token)).data.departments;
    const codes = all.edges.map((e: any) => e.node.code);
    expect(all.totalCount).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);

    const p1 = (await t.gql(PAGE, { first: 10 }, token)).data.departments;
    const p2 = (await t.gql(PAGE, { first: 10, after: p1.pageInfo.endCursor }, token)).data.departments;
    expect(p1.edges.map((e: any) => e.node.code)).toEqual(codes.slice(0, 10));
    expect(p2.edges.map((e: any) => e.node.code)).toEqual(codes.slice(10, 20));
    expect(p2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const back = (await t.gql(PAGE, { last: 5, before: p2.pageInfo.startCursor }, token)).data.departments;
    expect(back.edges.map((e: any) => e.node.code)).toEqual(codes.slice(5, 10));
    const tail = (await t.gql(PAGE, { last: 3 }, token)).data.departments;
    expect(tail.edges.map((e: any) => e.node.code)).toEqual(codes.slice(-3));
    expect(tail.pageInfo.hasPreviousPage).toBe(true);
  });

  it('require first or last, at most 100, and refuse foreign cursors — as typed errors', async () => {
    for (const [vars, field] of [[{}, 'first'], [{ first: 101 }, 'first'], [{ first: 0 }, 'first'], [{ last: 500 }, 'last'], [{ first: 5, after: 'bm9wZQ' }, 'after']] as const) {
      const r = await t.gql(PAGE, vars, token);
      expect(r.errors?.[0]?.extensions, JSON.stringify(vars)).toMatchObject({ code: 'VALIDATION', field });
    }
  });
});

describe('node(id)', () => {
  it('resolves a global id to its object, and a wrong or malformed id to nothing', async () => {
    const first = (await t.gql(PAGE, { first: 1 }, token)).data.departments.edges[0].node;
    const r = await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on Department { code } } }`, { id: first.id }, token);
    expect(r.data.node).toEqual({ __typename: 'Department', code: first.code });
    for (const id of ['nonsense', Buffer.from('Department:not-a-uuid').toString('base64'), Buffer.from('Department:00000000-0000-4000-8000-000000000000').toString('base64')]) {
      const miss = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, token);
      expect(miss.data?.node ?? null).toBeNull();
      expect(miss.text).not.toMatch(/select|uuid|syntax/i);
    }
  });

  it("encodes ids exactly as plugin-relay does, ASCII or not", async () => {
    const first = (await t.gql(PAGE, { first: 1 }, token)).data.departments.edges[0].node;
    expect(Buffer.from(first.id, 'base64').toString()).toMatch(/^Department:[0-9a-f-]{36}$/);
    for (const [type, id] of [['Case', '00000000-0000-4000-8000-00000000002a'], ['Case', '案件-42'], ['Dispatch', 'é'], ['类型', 'x']]) {
      expect(globalIdEncoder(type!)(id!), `${type}:${id}`).toBe(encodeGlobalID(type!, id!));
    }
  });

  it('is not public', async () => {
    const id = Buffer.from('Department:00000000-0000-4000-8000-000000000000').toString('base64');
    const r = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('operation limits', () => {
  it('refuse deep, alias-heavy and oversized operations before they run', async () => {
    const deep = `{ departments(first: 1) { edges { node { ${'parent { '.repeat(LIMITS.maxDepth)} code ${'} '.repeat(LIMITS.maxDepth)} } } } }`;
    expect((await t.gql(deep, {}, token)).errors?.[0]?.message).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: districts { code }`).join(' ')} }`;
    expect((await t.gql(aliases, {}, token)).errors?.[0]?.message).toMatch(/alias/i);
    const huge = `{ districts { ${Array.from({ length: LIMITS.maxTokens }, () => 'code').join(' ')} } }`;
    expect((await t.gql(huge, {}, token)).errors?.[0]?.message).toMatch(/token/i);
  });
});

describe('transport', () => {
  it('refuses a simple (CSRF-able) request without the client header', async () => {
    const res = await t.app.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ me { username } }' }) });
    expect(res.status).toBe(403);
  });

  it('masks unexpected errors and keeps typed ones', async () => {
    const r = await t.gql(`{ departments(first: 1, filter: { search: "${'x'.repeat(101)}" }) { totalCount } }`, {}, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('serves GraphiQL only in development, and introspection is off in production', async () => {
    const dev = await createTestApp({ env: { NODE_ENV: 'development' }, demoUsers: false });
    const prod = await createTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret-of-at-least-32-chars' }, demoUsers: false });
    try {
      const page = async (a: TestApp) => (await a.app.fetch('http://test/graphql', { headers: { accept: 'text/html' } })).text();
      expect(await page(dev)).toMatch(/GraphiQL/);
      expect(await page(prod)).not.toMatch(/GraphiQL/);
      expect((await prod.gql('{ __schema { types { name } } }')).errors?.[0]?.message).toMatch(/introspection/i);
      expect((await dev.gql('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
    } finally {
      await dev.close();
      await prod.close();
    }
  });
});
