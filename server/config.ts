// Configuration from the environment. Invalid configuration stops start-up with a one-line reason.
import { z } from 'zod';

export const DEVELOPMENT_SECRET = 'guardline-development-secret-do-not-use-in-production';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SESSION_SECRET: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_PREPARE: z.enum(['0', '1', 'true', 'false']).default('1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  env: 'development' | 'production' | 'test';
  production: boolean;
  sessionSecret: string;
  sessionTtlHours: number;
  poolSize: number;
  /** Named statements on PostgreSQL (off behind a pooler in transaction mode). */
  prepare: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Behind a load balancer: take the client address from X-Forwarded-For (else a client could forge it). */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && (!e.SESSION_SECRET || e.SESSION_SECRET === DEVELOPMENT_SECRET)) {
    throw new ConfigError('invalid configuration: SESSION_SECRET must be set to a secret of your own in production');
  }
  if (e.SESSION_SECRET !== undefined && e.SESSION_SECRET.length < 32) {
    throw new ConfigError('invalid configuration: SESSION_SECRET must be at least 32 characters');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    env: e.NODE_ENV,
    production,
    sessionSecret: e.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    poolSize: e.DB_POOL_SIZE,
    prepare: e.DB_PREPARE === '1' || e.DB_PREPARE === 'true',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
  };
}
