// The HTTP listener: /graphql, /healthz and the built admin panel on one port; graceful shutdown.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './shared/log.js';
import { openConfiguredDatabase, prepareDatabase, systemContext } from './boot.js';
import { createApp, type App } from './yoga.js';
import { DatabaseEventBus } from './shared/events.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo.js';
import { seedDevelopmentData } from './seed/development.js';

const PANEL_DIR = fileURLToPath(new URL('../admin/dist', import.meta.url));
const MAX_BODY = 1_000_000;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2', '.map': 'application/json',
};

/**
 * The request body limit, enforced here rather than by yoga (whose limit pipes every body through a
 * stream transform): a body that states its length is refused over MAX_BODY before it is read, and
 * Node's parser reads no more than that length. A body sent in chunks without a length (some HTTP
 * clients stream that way) is read here, up to the limit, and handed to yoga whole.
 */
function bodyRefusal(req: IncomingMessage): 413 | null {
  const length = req.headers['content-length'];
  return length !== undefined && Number(length) > MAX_BODY ? 413 : null;
}

const isChunked = (req: IncomingMessage) => req.headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined;

/** The whole body, or null once it passes `limit` (the rest is left unread; the caller closes the connection). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).pause();
      done(null);
    };
    req.on('data', onData).once('end', () => done(Buffer.concat(chunks))).once('error', fail);
  });
}

/** A chunked request through yoga's fetch interface, its answer streamed back (a subscription's too). */
async function answerChunked(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req, MAX_BODY);
  if (!body) {
    res.writeHead(413, { connection: 'close' }).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'transfer-encoding') headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const bodyless = req.method === 'GET' || req.method === 'HEAD';
  const request = new Request(new URL(req.url ?? '/', 'http://localhost'), { method: req.method, headers, body: bodyless ? undefined : Uint8Array.from(body) });
  const response = await app.fetch(request, { req, res });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  // yoga's body is its own ReadableStream, not Node's; both iterate
  await pipeline(Readable.from(response.body as unknown as AsyncIterable<Uint8Array>), res).catch(() => undefined);
}

async function servePanel(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const root = resolve(PANEL_DIR);
  let file = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root)) {
    res.writeHead(400).end();
    return;
  }
  const isFile = await stat(file).then((s) => s.isFile(), () => false);
  if (!isFile) file = join(root, 'index.html'); // the panel routes on the client
  try {
    const body = await readFile(file);
    const immutable = url.pathname.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('The admin panel is not built: run `npm run admin:build`.');
  }
}

export async function start(config: Config) {
  const logger = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config);
  await prepareDatabase(database, config, logger);
  if (config.env === 'development') {
    const created = await seedDevelopmentData(systemContext(database, config), logger);
    if (created.length) {
      logger.info('demo accounts created (development only)', { password: DEMO_PASSWORD, users: DEMO_USERS.map((u) => `${u.username} (${u.roles.join(',')})`) });
    }
  }
  const events = new DatabaseEventBus(database);
  const app = createApp({ database, config, events, logger });
  let inflight = 0;
  const server = createServer(async (req, res) => {
    const refused = bodyRefusal(req);
    if (refused) {
      res.writeHead(refused, { connection: 'close' }).end();
      return;
    }
    inflight += 1;
    res.on('close', () => (inflight -= 1));
    try {
      if (req.url === '/healthz') {
        await database.db.execute(sql`select 1`);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, database: database.driver }));
      } else if (req.url?.startsWith('/graphql')) {
        await (isChunked(req) ? answerChunked(app, req, res) : app.requestListener(req, res));
      } else {
        await servePanel(req, res);
      }
    } catch (e) {
      logger.error('request failed', { error: String(e) });
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(config.port, config.host, ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info(`Guardline listening on ${url} (panel ${url}/, API ${url}/graphql)`, { database: database.driver, env: config.env });

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down: draining requests');
      server.close();
      server.closeIdleConnections();
      const deadline = Date.now() + 10_000;
      while (inflight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      server.closeAllConnections();
      await events.close();
      await database.close();
      logger.info('stopped');
    })());
  return { url, port, stop, database };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : String(e));
    process.exit(1);
  }
  start(config).then(
    ({ stop }) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
    },
    (e) => {
      console.error(`start-up failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
