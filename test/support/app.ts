// The server as partners meet it, over HTTP through yoga's fetch, on a per-file test database.
import { loadConfig, type Config } from '../../server/config.js';
import { createApp, type App } from '../../server/yoga.js';
import { DatabaseEventBus } from '../../server/shared/events.js';
import { createLogger } from '../../server/shared/log.js';
import { seedDemoUsers, DEMO_PASSWORD } from '../../server/seed/demo.js';
import { systemViewer, type Viewer } from '../../server/modules/auth/viewer.js';
import type { ServiceContext } from '../../server/context.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { TestClock } from './clock.js';

export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
  text: string;
}

export interface TestApp {
  app: App;
  database: TestDatabase;
  config: Config;
  clock: TestClock;
  /** The app's event bus (LISTEN on the per-file database). */
  events: DatabaseEventBus;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null, headers?: Record<string, string>): Promise<GqlResult<T>>;
  /** A session token for a demo account (seeded on first use). */
  login(username: string): Promise<string>;
  /** A service context acting as `viewer` (for calling services directly). */
  serviceContext(viewer?: Viewer): ServiceContext;
  close(): Promise<void>;
}

export async function createTestApp(opts: { env?: Record<string, string>; demoUsers?: boolean } = {}): Promise<TestApp> {
  const clock = new TestClock();
  // Tests stand behind a pretend proxy, so each can give its own client address.
  const config = loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '1', ...opts.env });
  const database = await createTestDatabase(clock);
  const events = new DatabaseEventBus(database);
  const app = createApp({ database, config, events, logger: createLogger((process.env.TEST_LOG_LEVEL as 'error' | undefined) ?? 'silent'), clock });
  const serviceContext = (viewer: Viewer = systemViewer): ServiceContext => ({
    db: database.db, database, clock, viewer, requestId: 'test', config, events,
  });
  if (opts.demoUsers !== false) await seedDemoUsers(serviceContext());
  // Session tokens per demo user, dropped when the (test) clock passes their expiry.
  const tokens = new Map<string, { token: string; expiresAt: number }>();

  async function gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
    const res = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const body = JSON.parse(text);
    return { status: res.status, data: body.data, errors: body.errors, text };
  }

  async function login(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached && cached.expiresAt > clock.now().getTime() + 60_000) return cached.token;
    const r = await gql(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { __typename ... on LoginPayload { token expiresAt } ... on Error { code message } } }`, { u: username, p: DEMO_PASSWORD });
    const token = r.data?.login?.token;
    if (!token) throw new Error(`login ${username} failed: ${r.text}`);
    tokens.set(username, { token, expiresAt: Date.parse(r.data.login.expiresAt) });
    return token;
  }

  return {
    app, database, config, clock, events, gql, login, serviceContext,
    close: async () => {
      await events.close();
      await database.dispose();
    },
  };
}
