// The HTTP listener as a partner's system meets it: the request body limit is enforced before GraphQL.
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

  it('refuses a body that does not state its length with 411', async () => {
    const res = await post({ 'transfer-encoding': 'chunked' }, [QUERY.slice(0, 10), QUERY.slice(10)]);
    expect(res.status).toBe(411);
  });
});
