// The HTTP listener: /graphql, /healthz and the built admin panel on one port; graceful shutdown.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './shared/log.js';
import { openConfiguredDatabase, prepareDatabase, systemContext } from './boot.js';
import { createApp } from './yoga.js';
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
 * The request body limit, enforced here rather than by yoga: a body must state its length (411
 * otherwise) and stay within MAX_BODY (413). Node's parser reads no more than the stated length, so no
 * body can outgrow the check; yoga's own limit would pipe every body through a stream transform.
 */
function bodyRefusal(req: IncomingMessage): 411 | 413 | null {
  const length = req.headers['content-length'];
  if (length === undefined) return req.headers['transfer-encoding'] ? 411 : null;
  return Number(length) > MAX_BODY ? 413 : null;
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
        await app.requestListener(req, res);
      } else {
        await servePanel(req, res);
      }
    } catch (e) {
      logger.error('request failed', { error: String(e) });
      if (!res.headersSent) res.writeHead(500).end();
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
