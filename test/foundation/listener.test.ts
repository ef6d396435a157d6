// The HTTP listener as a partner's system meets it: the request body limit is enforced before GraphQL,
// whether the body states its length or comes in chunks.
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { start } from '../../server/main.js';

let server: Awaited<ReturnType<typeof start>>;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'guardline-listener-'));
  server = await start(loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** POSTs to /graphql with exactly these headers, writing `chunks` as they are; resolves with the status. */
function post(headers: Record<string, string>, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // the server may answer and close before a refused body is written
    req.on('error', (e) => (String(e).includes('EPIPE') || String(e).includes('ECONNRESET') ? undefined : reject(e)));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

const QUERY = JSON.stringify({ query: '{ __typename }' });

describe('request body limit', () => {
  it('answers a body of stated length within the limit', async () => {
    const res = await post({ 'content-length': String(Buffer.byteLength(QUERY)) }, [QUERY]);
    expect(res).toEqual({ status: 200, body: '{"data":{"__typename":"Query"}}' });
  });

  it('refuses a body stated over 1 MB with 413, before reading it', async () => {
    const res = await post({ 'content-length': '1000001' }, ['{"query":']);
    expect(res.status).toBe(413);
  });

  it('answers a body sent in chunks without a length, as some HTTP clients stream it', async () => {
    const res = await post({ 'transfer-encoding': 'chunked' }, [QUERY.slice(0, 10), QUERY.slice(10)]);
    expect(res).toEqual({ status: 200, body: '{"data":{"__typename":"Query"}}' });
  });

  it('refuses a body sent in chunks once it passes 1 MB, with 413', async () => {
    const padded = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(600_000) } });
    const res = await post({ 'transfer-encoding': 'chunked' }, [padded, padded]);
    expect(res.status).toBe(413);
    // one just under the limit is answered
    const under = await post({ 'transfer-encoding': 'chunked' }, [padded.slice(0, 300_000), padded.slice(300_000)]);
    expect(under.status).toBe(200);
  });

  it('answers a chunked request with the same errors as any other: a login failure is typed, not a 500', async () => {
    const login = JSON.stringify({ query: 'mutation { login(input: { username: "nobody", password: "wrong-password-long" }) { __typename } }' });
    const res = await post({ 'transfer-encoding': 'chunked' }, [login.slice(0, 20), login.slice(20)]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data.login.__typename).toMatch(/Error$/);
  });
});
