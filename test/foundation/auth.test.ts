// Login, sessions, partner tokens, throttling and default deny — over HTTP, as each kind of caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { DEMO_PASSWORD } from '../../server/seed/demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
  __typename ... on LoginPayload { token expiresAt } ... on Error { code message }
  ... on RateLimitedError { retryAfterSeconds } } }`;
const ME = `{ me { kind username roles department { code } } }`;

async function departmentId(code: string): Promise<string> {
  const op = await t.login('admin');
  const r = await t.gql(`{ departments(first: 100, filter: { search: "${code}" }) { edges { node { id code } } } }`, {}, op);
  return r.data.departments.edges.find((e: any) => e.node.code === code).node.id;
}

describe('login', () => {
  it('gives a session token that identifies the user and its roles', async () => {
    const r = await t.gql(LOGIN, { u: 'operator', p: DEMO_PASSWORD });
    expect(r.data.login.__typename).toBe('LoginPayload');
    const me = await t.gql(ME, {}, r.data.login.token);
    expect(me.data.me).toMatchObject({ kind: 'USER', username: 'operator', roles: ['OPERATOR'] });
  });

  it('refuses a wrong password with a typed error and no token', async () => {
    const r = await t.gql(LOGIN, { u: 'analyst', p: 'wrong-password' });
    expect(r.data.login).toMatchObject({ __typename: 'UnauthenticatedError', code: 'UNAUTHENTICATED' });
  });

  it('throttles after five failures in a row, even when the sixth password is right', async () => {
    for (let i = 0; i < 5; i++) await t.gql(LOGIN, { u: 'member3', p: `wrong-${i}` });
    const r = await t.gql(LOGIN, { u: 'member3', p: DEMO_PASSWORD });
    expect(r.data.login.__typename).toBe('RateLimitedError');
    expect(r.data.login.retryAfterSeconds).toBeGreaterThan(0);
    // The lock ends on its own.
    t.clock.advanceHours(1);
    const later = await t.gql(LOGIN, { u: 'member3', p: DEMO_PASSWORD });
    expect(later.data.login.__typename).toBe('LoginPayload');
  });

  it('a forged, expired or revoked session token is refused with 401', async () => {
    const token = await t.login('supervisor');
    const forged = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    const r1 = await t.gql(ME, {}, forged);
    expect(r1.status).toBe(401);
    expect(r1.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const fresh = (await t.gql(LOGIN, { u: 'supervisor', p: DEMO_PASSWORD })).data.login.token;
    const out = await t.gql(`mutation { logout { __typename ... on LogoutPayload { ok } } }`, {}, fresh);
    expect(out.data.logout.ok).toBe(true);
    expect((await t.gql(ME, {}, fresh)).status).toBe(401);

    const short = (await t.gql(LOGIN, { u: 'supervisor', p: DEMO_PASSWORD })).data.login.token;
    t.clock.advanceHours(t.config.sessionTtlHours + 1);
    expect((await t.gql(ME, {}, short)).status).toBe(401);
  });
});

describe('API tokens', () => {
  const ISSUE = `mutation($i: IssueApiTokenInput!) { issueApiToken(input: $i) {
    __typename ... on IssuedApiToken { secret apiToken { id kind tokenPrefix } } ... on Error { code field } } }`;

  it('a DEPARTMENT token gets a handler of that department, shown once, stored hashed', async () => {
    const admin = await t.login('admin');
    const dept = await departmentId('PSB-110105');
    const r = await t.gql(ISSUE, { i: { name: 'Chaoyang police system', kind: 'DEPARTMENT', departmentId: dept } }, admin);
    const { secret, apiToken } = r.data.issueApiToken;
    expect(secret).toMatch(/^glt_/);
    const me = await t.gql(ME, {}, secret);
    expect(me.data.me).toMatchObject({ kind: 'TOKEN', roles: ['DEPARTMENT_HANDLER'], department: { code: 'PSB-110105' } });
    const stored = await t.database.rows<{ token_hash: string }>(
      (await import('drizzle-orm')).sql`select token_hash from api_tokens`,
    );
    expect(stored.some((s) => s.token_hash.includes(secret))).toBe(false);

    const revoke = await t.gql(`mutation($id: ID!) { revokeApiToken(input: { id: $id }) { __typename ... on ApiToken { active } } }`, { id: apiToken.id }, admin);
    expect(revoke.data.revokeApiToken.active).toBe(false);
    expect((await t.gql(ME, {}, secret)).status).toBe(401);
  });

  it('an INTAKE token reaches nothing but registerCase', async () => {
    const admin = await t.login('admin');
    const r = await t.gql(ISSUE, { i: { name: '12345 general line', kind: 'INTAKE' } }, admin);
    const secret = r.data.issueApiToken.secret;
    const deps = await t.gql(`{ departments(first: 1) { totalCount } }`, {}, secret);
    expect(deps.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a DEPARTMENT token needs a department', async () => {
    const admin = await t.login('admin');
    const r = await t.gql(ISSUE, { i: { name: 'x', kind: 'DEPARTMENT' } }, admin);
    expect(r.data.issueApiToken).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field: 'departmentId' });
  });

  it('only an administrator issues tokens', async () => {
    const op = await t.login('operator');
    const r = await t.gql(ISSUE, { i: { name: 'x', kind: 'INTAKE' } }, op);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('default deny', () => {
  it('without a token only the public surface answers', async () => {
    for (const q of [ME, `{ departments(first: 1) { totalCount } }`, `{ districts { code } }`, `{ users(first: 1) { totalCount } }`]) {
      const r = await t.gql(q);
      expect(r.errors?.[0]?.extensions?.code, q).toBe('UNAUTHENTICATED');
      expect(r.data, q).toBeNull();
    }
    const login = await t.gql(LOGIN, { u: 'nobody', p: 'nothing-at-all' });
    expect(login.data.login.__typename).toBe('UnauthenticatedError');
  });

  it('staff see reference data; only an administrator sees accounts', async () => {
    for (const user of ['operator', 'analyst', 'police', 'secretary', 'chair']) {
      const token = await t.login(user);
      const deps = await t.gql(`{ departments(first: 1) { totalCount } }`, {}, token);
      expect(deps.data.departments.totalCount, user).toBeGreaterThanOrEqual(40);
      const users = await t.gql(`{ users(first: 1) { totalCount } }`, {}, token);
      expect(users.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
    }
    const admin = await t.login('admin');
    expect((await t.gql(`{ users(first: 1) { totalCount } }`, {}, admin)).data.users.totalCount).toBeGreaterThanOrEqual(8);
  });
});
