// The data provider against a fake server that executes every request on the real contract
// (schema/schema.graphql) — so each operation the provider builds is also checked to be valid.
import { readFileSync } from 'node:fs';
import { buildSchema, graphql } from 'graphql';
import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { createAuthProvider } from '../authProvider';
import { createSessionStore } from '../session';
import { createDataProvider, createGraphQLClient, MAX_NODES_PER_REQUEST, MAX_PAGE, RESOURCES } from './index';

const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));

interface Department {
  __typename: 'Department';
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  active: boolean;
  version: number;
  district: null;
  parent: null;
}

const DEPARTMENTS: Department[] = Array.from({ length: 250 }, (_, i) => ({
  __typename: 'Department',
  id: `RGVwYXJ0bWVudDo${i}`,
  code: `D-${String(i).padStart(3, '0')}`,
  nameZh: `部门${i}`,
  nameEn: `Department ${i}`,
  kind: i % 2 ? 'EDUCATION' : 'PUBLIC_SECURITY',
  active: true,
  version: 1,
  district: null,
  parent: null,
}));

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Relay connection over an array, with the server's rules (first xor last, 1..100). */
function connection<T>(rows: T[], args: PageArgs) {
  if ((args.first == null) === (args.last == null)) throw new Error('Give either `first` or `last`');
  const size = (args.first ?? args.last)!;
  if (size < 1 || size > MAX_PAGE) throw new Error(`page size ${size} out of range`);
  let start = args.after ? Number(args.after.slice(1)) + 1 : 0;
  let end = args.before ? Number(args.before.slice(1)) : rows.length;
  if (args.first != null) end = Math.min(end, start + size);
  else start = Math.max(start, end - size);
  const edges = rows.slice(start, end).map((node, i) => ({ cursor: `c${start + i}`, node }));
  return {
    totalCount: rows.length,
    edges,
    pageInfo: {
      hasNextPage: end < rows.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

interface Call {
  query: string;
  variables: Record<string, any>;
  headers: Record<string, string>;
}

function fakeServer(overrides: Record<string, unknown> = {}) {
  const calls: Call[] = [];
  const rootValue = {
    departments: (args: PageArgs & { filter?: { kind?: string; search?: string } }) => {
      const f = args.filter ?? {};
      const rows = DEPARTMENTS.filter((d) => (!f.kind || d.kind === f.kind) && (!f.search || d.nameZh.includes(f.search)));
      return connection(rows, args);
    },
    users: (args: PageArgs) => connection([], args),
    apiTokens: (args: PageArgs) => connection([], args),
    districts: () => [
      { __typename: 'District', id: 'ZDox', code: '110105', nameZh: '朝阳区', nameEn: 'Chaoyang' },
      { __typename: 'District', id: 'ZDoy', code: '110108', nameZh: '海淀区', nameEn: 'Haidian' },
    ],
    node: ({ id }: { id: string }) => DEPARTMENTS.find((d) => d.id === id) ?? null,
    me: () => ({ username: 'admin', displayName: '系统管理员', roles: ['ADMIN'], department: null, kind: 'USER', intake: false }),
    login: ({ input }: { input: { username: string; password: string } }) =>
      input.password === 'guardline-demo'
        ? { __typename: 'LoginPayload', token: 'tok-1', expiresAt: '2999-01-01T00:00:00Z' }
        : { __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED', message: 'Wrong username or password', field: null },
    logout: () => ({ __typename: 'LogoutPayload', ok: true }),
    createUser: ({ input }: { input: { username: string } }) =>
      input.username === 'taken'
        ? { __typename: 'ConflictError', code: 'CONFLICT', message: 'That username is taken', field: 'username' }
        : input.username === 'stale'
          ? { __typename: 'StaleVersionError', code: 'STALE_VERSION', message: 'Changed by someone else', field: null, currentVersion: 2 }
          : {
              __typename: 'User', id: 'VXNlcjox', username: input.username, displayName: 'X', roles: ['OPERATOR'],
              active: true, createdAt: '2025-01-01T00:00:00Z', version: 1, department: null,
            },
    issueApiToken: ({ input }: { input: { name: string } }) => ({
      __typename: 'IssuedApiToken',
      secret: 'gl_secret',
      apiToken: {
        __typename: 'ApiToken', id: 'QXBpVG9rZW46MQ', name: input.name, kind: 'INTAKE', scopes: [], tokenPrefix: 'gl_s',
        active: true, createdAt: '2025-01-01T00:00:00Z', lastUsedAt: null, revokedAt: null, department: null,
      },
    }),
    revokeApiToken: ({ input }: { input: { id: string } }) => ({
      __typename: 'ApiToken', id: input.id, name: 'x', kind: 'INTAKE', scopes: [], tokenPrefix: 'gl_s',
      active: false, createdAt: '2025-01-01T00:00:00Z', lastUsedAt: null, revokedAt: '2025-01-02T00:00:00Z', department: null,
    }),
    ...overrides,
  };
  const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
    const { query, variables } = JSON.parse(String(init!.body));
    calls.push({ query, variables, headers: init!.headers as Record<string, string> });
    const result = await graphql({ schema, source: query, variableValues: variables, rootValue });
    if (result.errors) throw new Error(`invalid operation or resolver failure: ${result.errors.map((e) => e.message).join('; ')}\n${query}`);
    return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

function setup(token: string | null = 'tok-1', overrides?: Record<string, unknown>) {
  const server = fakeServer(overrides);
  let unauthorized = 0;
  const request = createGraphQLClient({ fetch: server.fetch, getToken: () => token, onUnauthorized: () => (unauthorized += 1) });
  return { ...server, request, provider: createDataProvider(request), unauthorized: () => unauthorized };
}

const list = (page: number, perPage: number, filter: Record<string, unknown> = {}) => ({
  pagination: { page, perPage },
  sort: { field: 'code', order: 'ASC' as const },
  filter,
});

describe('getList over a Relay connection', () => {
  it('maps the connection to { data, total } with totalCount, sending JSON and the bearer token', async () => {
    const { provider, calls } = setup();
    const { data, total } = await provider.getList('departments', list(1, 25));
    expect(total).toBe(250);
    expect(data).toHaveLength(25);
    expect(data[0]).toMatchObject({ id: DEPARTMENTS[0]!.id, code: 'D-000', nameZh: '部门0', kind: 'PUBLIC_SECURITY' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.variables).toMatchObject({ first: 25 });
    expect(calls[0]!.query).toContain('totalCount');
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(calls[0]!.headers.authorization).toBe('Bearer tok-1');
  });

  it('page 2 continues after page 1 with one request (cursor cache)', async () => {
    const { provider, calls } = setup();
    await provider.getList('departments', list(1, 25));
    const { data } = await provider.getList('departments', list(2, 25));
    expect(data.map((d) => d.code)).toEqual(DEPARTMENTS.slice(25, 50).map((d) => d.code));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.variables).toMatchObject({ first: 25, after: 'c24' });
  });

  it('page N straight away walks the cursors (no rows), then pages back and forth in one request each', async () => {
    const { provider, calls } = setup();
    const page4 = await provider.getList('departments', list(4, 25));
    expect(page4.data.map((d) => d.code)).toEqual(DEPARTMENTS.slice(75, 100).map((d) => d.code));
    expect(calls).toHaveLength(2);
    expect(calls[0]!.variables).toMatchObject({ first: 75 });
    expect(calls[0]!.query).not.toContain('node {'); // the walk reads cursors only
    expect(calls[1]!.variables).toMatchObject({ first: 25, after: 'c74' });

    const page3 = await provider.getList('departments', list(3, 25));
    expect(page3.data[0]!.code).toBe('D-050');
    expect(calls[2]!.variables).toMatchObject({ first: 25, after: 'c49' });
    const page5 = await provider.getList('departments', list(5, 25));
    expect(page5.data[0]!.code).toBe('D-100');
    expect(calls).toHaveLength(4);
  });

  it('a jump to the last page asks for the tail with `last`', async () => {
    const { provider, calls } = setup();
    await provider.getList('departments', list(1, 25));
    const last = await provider.getList('departments', list(10, 25));
    expect(last.data.map((d) => d.code)).toEqual(DEPARTMENTS.slice(225).map((d) => d.code));
    expect(last.total).toBe(250);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.variables).toMatchObject({ last: 25 });
  });

  it('a page past the end is empty', async () => {
    const { provider } = setup();
    expect(await provider.getList('departments', list(30, 25))).toEqual({ data: [], total: 250 });
  });

  it('keeps cursors per filter, and maps react-admin filters to the GraphQL filter', async () => {
    const { provider, calls } = setup();
    await provider.getList('departments', list(1, 10));
    const { data, total } = await provider.getList('departments', list(2, 10, { kind: 'EDUCATION', q: ' 部门1 ', districtId: '' }));
    expect(total).toBe(DEPARTMENTS.filter((d) => d.kind === 'EDUCATION' && d.nameZh.includes('部门1')).length);
    expect(data).toHaveLength(10);
    // no cursor of the unfiltered list was reused: a walk from the start, then the page
    expect(calls.slice(1).map((c) => c.variables)).toEqual([
      { first: 10, filter: { kind: 'EDUCATION', search: '部门1' } },
      { first: 10, after: calls[2]!.variables.after, filter: { kind: 'EDUCATION', search: '部门1' } },
    ]);
  });

  it('fetches an export of 1,000 rows 100 at a time', async () => {
    const { provider, calls } = setup();
    const { data, total } = await provider.getList('departments', list(1, 1000));
    expect(data).toHaveLength(250);
    expect(total).toBe(250);
    expect(calls.map((c) => c.variables.first)).toEqual([100, 100, 100]);
    expect(calls.every((c) => (c.variables.first ?? c.variables.last) <= MAX_PAGE)).toBe(true);
  });

  it('getManyReference filters on the target', async () => {
    const { provider, calls } = setup();
    await provider.getManyReference('departments', { target: 'parentId', id: 'RGVwYXJ0bWVudDow', ...list(1, 25) });
    expect(calls[0]!.variables.filter).toEqual({ parentId: 'RGVwYXJ0bWVudDow' });
  });

  it('lists a plain-array resource (districts) with client-side filter and paging', async () => {
    const { provider } = setup();
    const { data, total } = await provider.getList('districts', list(1, 25, { q: '海淀' }));
    expect(total).toBe(1);
    expect(data[0]).toMatchObject({ code: '110108', nameEn: 'Haidian' });
  });
});

describe('getOne / getMany through node(id:)', () => {
  it('getOne returns the node, and 404 for a missing one', async () => {
    const { provider } = setup();
    const { data } = await provider.getOne('departments', { id: DEPARTMENTS[3]!.id });
    expect(data).toMatchObject({ code: 'D-003' });
    expect(data).not.toHaveProperty('__typename');
    await expect(provider.getOne('departments', { id: 'nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('getMany batches ids within the alias limit', async () => {
    const { provider, calls } = setup();
    const ids = DEPARTMENTS.slice(0, 45).map((d) => d.id);
    const { data } = await provider.getMany('departments', { ids: [...ids, ids[0]!] });
    expect(data.map((d) => d.code)).toEqual(DEPARTMENTS.slice(0, 45).map((d) => d.code));
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => Object.keys(c.variables).length <= MAX_NODES_PER_REQUEST)).toBe(true);
  });
});

describe('mutations and typed errors', () => {
  it('create returns the payload as the record', async () => {
    const { provider } = setup();
    const { data } = await provider.create('users', { data: { username: 'new', displayName: 'X', password: 'p'.repeat(12), roles: ['OPERATOR'], departmentId: '' } });
    expect(data).toMatchObject({ id: 'VXNlcjox', username: 'new' });
  });

  it('a typed error naming a field becomes a server-side validation error on that field', async () => {
    const { provider } = setup();
    const error = await provider.create('users', { data: { username: 'taken', displayName: 'X', password: 'x', roles: [] } }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    // in the panel's language (zh-CN by default); the server's English message stays in the body
    expect(error.message).toBe('该用户名已被占用');
    expect(error.body).toMatchObject({ code: 'CONFLICT', field: 'username', detail: 'That username is taken' });
    expect(error.body.errors).toMatchObject({ username: '该用户名已被占用', root: { serverError: '该用户名已被占用' } });
  });

  it('other typed errors carry their translated message', async () => {
    const { provider } = setup();
    const error = await provider.create('users', { data: { username: 'stale', displayName: 'X', password: 'x', roles: [] } }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe('该记录已被他人修改，请刷新后重试');
    expect(error.body).toMatchObject({ code: 'STALE_VERSION', detail: 'Changed by someone else' });
    expect(error.status).toBe(409);
    expect(error.body.errors).toBeUndefined();
  });

  it('issuing a token returns its secret once; revoking is an action', async () => {
    const { provider } = setup();
    const { data } = await provider.create('apiTokens', { data: { name: 'general line', kind: 'INTAKE', departmentId: 'ignored' } });
    expect(data).toMatchObject({ name: 'general line', secret: 'gl_secret' });
    const revoked = await provider.action('apiTokens', 'revoke', { id: 'QXBpVG9rZW46MQ' });
    expect(revoked.data).toMatchObject({ id: 'QXBpVG9rZW46MQ', active: false });
  });

  it('a write forgets the resource cursors', async () => {
    const { provider, calls } = setup();
    await provider.getList('apiTokens', list(1, 25));
    await provider.create('apiTokens', { data: { name: 'n', kind: 'INTAKE' } });
    await provider.getList('apiTokens', list(1, 25));
    expect(calls.at(-1)!.query).toContain('totalCount');
  });

  it('update and delete are refused where the API has no such mutation', async () => {
    const { provider } = setup();
    await expect(provider.update('departments', { id: 'x', data: {}, previousData: { id: 'x' } })).rejects.toMatchObject({ status: 405 });
    await expect(provider.delete('users', { id: 'x' })).rejects.toMatchObject({ status: 405 });
  });
});

describe('401: the session ends', () => {
  it('an HTTP 401 throws HttpError(401) and reports it, and the authProvider logs out', async () => {
    let cleared = 0;
    const request = createGraphQLClient({
      fetch: (async () =>
        new Response(JSON.stringify({ errors: [{ message: 'Session expired or revoked; sign in again', extensions: { code: 'UNAUTHENTICATED' } }] }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        })) as typeof fetch,
      getToken: () => 'expired',
      onUnauthorized: () => (cleared += 1),
    });
    const error = await createDataProvider(request).getList('departments', list(1, 25)).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(401);
    expect(cleared).toBe(1);

    const storage = new Map<string, string>();
    const session = createSessionStore({
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    } as Storage);
    session.set('expired', '2999-01-01T00:00:00Z');
    const auth = createAuthProvider(request, session);
    await expect(auth.checkError(error)).rejects.toBeTruthy();
    expect(session.getToken()).toBeNull();
    await expect(auth.checkAuth({})).rejects.toBeTruthy();
  });

  it('an UNAUTHENTICATED error in a 200 answer is a 401 too; FORBIDDEN is a 403 that keeps the session', async () => {
    let unauthorized = 0;
    const answer = (code: string) =>
      createDataProvider(
        createGraphQLClient({
          fetch: (async () => new Response(JSON.stringify({ data: null, errors: [{ message: 'x', extensions: { code } }] }), { status: 200 })) as typeof fetch,
          getToken: () => 'tok',
          onUnauthorized: () => (unauthorized += 1),
        }),
      ).getList('users', list(1, 25));
    await expect(answer('UNAUTHENTICATED')).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toBe(1);
    const forbidden = await answer('FORBIDDEN').catch((e) => e);
    expect(forbidden.status).toBe(403);
    expect(unauthorized).toBe(1);
    const session = createSessionStore(null);
    await expect(createAuthProvider(setup().request, session).checkError(forbidden)).resolves.toBeUndefined();
  });
});

describe('top-level typed errors', () => {
  it('RATE_LIMITED on a field without a result union (the notice board) is a translated 429', async () => {
    const request = createGraphQLClient({
      fetch: (async () =>
        new Response(JSON.stringify({ data: null, errors: [{ message: 'Too many requests; try again later', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }] }), {
          status: 200,
        })) as typeof fetch,
      getToken: () => null,
    });
    const error = await request('{ publicNotices { code } }').catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(429);
    expect(error.message).toBe('请求过于频繁，请稍后再试');
    expect(error.body).toMatchObject({ code: 'RATE_LIMITED', detail: 'Too many requests; try again later' });
  });
});

describe('authProvider', () => {
  function memorySession() {
    const storage = new Map<string, string>();
    return createSessionStore({
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    } as Storage);
  }

  it('logs in with the login mutation, keeps the token, and answers identity and access from `me`', async () => {
    const session = memorySession();
    const server = fakeServer();
    const request = createGraphQLClient({ fetch: server.fetch, getToken: () => session.getToken() });
    const auth = createAuthProvider(request, session);
    await expect(auth.login({ username: 'admin', password: 'wrong' })).rejects.toThrow('ra.auth.sign_in_error');
    expect(server.calls[0]!.headers.authorization).toBeUndefined();
    await auth.login({ username: 'admin', password: 'guardline-demo' });
    expect(session.getToken()).toBe('tok-1');
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    expect(await auth.getIdentity!()).toMatchObject({ id: 'admin', fullName: '系统管理员', roles: ['ADMIN'] });
    expect(await auth.getPermissions!({})).toEqual(['ADMIN']);
    expect(await auth.canAccess!({ resource: 'users', action: 'list' })).toBe(true);
    expect(await auth.canAccess!({ resource: 'cases', action: 'list' })).toBe(false);
    expect(server.calls.filter((c) => c.query.includes('me {'))).toHaveLength(1); // `me` once per token
    await auth.logout({});
    expect(server.calls.at(-1)!.query).toContain('logout');
    expect(session.getToken()).toBeNull();
  });
});

it('every resource in the map names a type and fields the contract has', async () => {
  for (const [name, cfg] of Object.entries(RESOURCES)) {
    expect(schema.getType(cfg.type), name).toBeTruthy();
    // a record needs an id: selected, or made by the list's toRecord (e.g. a notice's code)
    if (!cfg.list?.toRecord) expect(cfg.fields, name).toMatch(/\bid\b/);
  }
});
