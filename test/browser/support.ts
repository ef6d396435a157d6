// The browser tests' harness: the real server in-process (development mode: demo users and the seeded
// records, PGlite in a temporary folder), Debian's Chromium through playwright-core, a session per
// role, 1366×768 screenshots, and the public GraphQL API for set-up steps.
// GUARDLINE_TEST_URL points the tests at a server already running instead (faster while developing).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { start } from '../../server/main.js';

const PANEL_INDEX = fileURLToPath(new URL('../../admin/dist/index.html', import.meta.url));
export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PASSWORD = 'guardline-demo';
export const VIEWPORT = { width: 1366, height: 768 };

export interface Harness {
  url: string;
  browser: Browser;
  pageErrors: string[];
  /** A fresh browser session (its own storage) signed in as `username`. */
  signIn(username: string, opts?: { loginScreenshot?: string }): Promise<Page>;
  /** A fresh browser session with nobody signed in. */
  anonymousPage(): Promise<Page>;
  /** A GraphQL request as `username` (or anonymous), over HTTP like a partner system. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, username?: string): Promise<T>;
  closeContexts(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(PANEL_INDEX)) throw new Error('admin/dist is not built: run `npm run admin:build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei`);
  await mkdir(RESULTS, { recursive: true });
  let dataDir: string | null = null;
  let server: Awaited<ReturnType<typeof start>> | null = null;
  let url = process.env.GUARDLINE_TEST_URL ?? '';
  if (!url) {
    dataDir = await mkdtemp(join(tmpdir(), 'guardline-browser-'));
    server = await start(loadConfig({ NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
    url = server.url;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // playwright gives each launch a fresh temporary profile (user data dir)
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const tokens = new Map<string, string>();

  const newPage = async (label: string) => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    // generous: a shared, busy machine can take seconds to start the panel's JS in a fresh context
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(`${label}: ${e.message}`));
    return page;
  };

  const harness: Harness = {
    url,
    browser,
    pageErrors,
    async signIn(username, opts = {}) {
      const page = await newPage(username);
      await page.goto(url);
      await page.locator('input[name="username"]').waitFor({ timeout: 90_000 });
      if (opts.loginScreenshot) await shot(page, opts.loginScreenshot);
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText(/^您好，/).waitFor({ timeout: 60_000 });
      return page;
    },
    anonymousPage: () => newPage('anonymous'),
    async gql<T = any>(query: string, variables: Record<string, unknown> = {}, username?: string): Promise<T> {
      let token: string | undefined;
      if (username) {
        token = tokens.get(username);
        if (!token) {
          const login = await harness.gql<{ login: { token?: string; message?: string } }>(
            'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { ... on LoginPayload { token } ... on Error { message } } }',
            { u: username, p: PASSWORD },
          );
          if (!login.login.token) throw new Error(`login ${username}: ${login.login.message}`);
          token = login.login.token;
          tokens.set(username, token);
        }
      }
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guardline-client': 'browser-test', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    },
    async closeContexts() {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    },
    async stop() {
      await harness.closeContexts();
      await browser.close();
      await server?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A 1366×768 screenshot in test-results/ (transitions finished first). */
export const shot = (page: Page, name: string) => page.screenshot({ path: join(RESULTS, `${name}.png`), animations: 'disabled' });

export const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name, exact: true });

/** No raw translation key on screen (a missing message shows as its key). */
export async function expectNoRawKeys(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text.match(/\b(guardline|resources|ra)\.[a-z][A-Za-z_]*\.[A-Za-z_.]+/g) ?? []).toEqual([]);
}

/** The primary action is on screen without scrolling. */
export async function expectInViewport(page: Page, locator: ReturnType<Page['locator']>): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, 'element not rendered').not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
  expect(box!.y).toBeGreaterThanOrEqual(0);
}

/** No element wider than the window (nothing cut off to the right). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
