// Authentication: login with throttling, sessions, partner API tokens, and who a request is.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { apiTokens, departments, loginAttempts, sessions, users } from '../../../schema/index.js';
import { ROLES, TOKEN_KINDS, type Role } from '../../../schema/enums.js';
import type { Config } from '../../config.js';
import type { Db, Tx } from '../../db.js';
import type { ServiceContext } from '../../context.js';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, RateLimitedError, StaleVersionError, UnauthenticatedError, ValidationError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validate.js';
import { TtlCache } from '../../shared/ttl-cache.js';
import { recordAudit } from '../audit/service.js';
import { anonymous, hasRole, type Viewer } from './viewer.js';
import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MINUTES, MIN_PASSWORD_LENGTH } from './rules.js';
import {
  API_TOKEN_PREFIX, hashPassword, newApiTokenSecret, readSessionToken, SESSION_PREFIX, sha256, signSessionToken, verifyPassword,
} from './secrets.js';

let dummyHash: Promise<string> | null = null;
/** Spent on unknown usernames so that a login's timing does not tell which accounts exist. */
const dummy = () => (dummyHash ??= hashPassword('guardline-timing-equaliser'));

const loginInput = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
}

export async function login(ctx: ServiceContext, raw: z.input<typeof loginInput>): Promise<LoginResult> {
  const input = parseInput(loginInput, raw);
  const now = ctx.clock.now();
  const username = input.username.toLowerCase();
  const [attempt] = await ctx.db.select().from(loginAttempts).where(eq(loginAttempts.username, username));
  if (attempt?.lockedUntil && attempt.lockedUntil > now) {
    const retry = Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new RateLimitedError(`Too many failed sign-ins; try again in ${Math.ceil(retry / 60)} minutes`, retry);
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummy(), input.password), false);
  if (!user || !ok || !user.active) {
    await noteFailure(ctx, username, now, attempt);
    throw new UnauthenticatedError('Wrong username or password');
  }
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3600_000);
  return ctx.db.transaction(async (tx) => {
    await tx.delete(loginAttempts).where(eq(loginAttempts.username, username));
    const [session] = await tx.insert(sessions).values({ userId: user.id, expiresAt, createdAt: now }).returning();
    const viewer = viewerOfUser(user, session!.id);
    await recordAudit(tx, { viewer, requestId: ctx.requestId }, { action: 'auth.login', entity: 'User', entityId: user.id });
    return { token: signSessionToken(ctx.config.sessionSecret, session!.id, expiresAt), expiresAt, userId: user.id };
  });
}

async function noteFailure(ctx: ServiceContext, username: string, now: Date, prior: typeof loginAttempts.$inferSelect | undefined) {
  const windowOpen = prior && now.getTime() - prior.windowStartedAt.getTime() < LOGIN_WINDOW_MINUTES * 60_000;
  const failures = windowOpen ? prior.failures + 1 : 1;
  const lockedUntil = failures >= LOGIN_MAX_FAILURES ? new Date(now.getTime() + LOGIN_LOCK_MINUTES * 60_000) : null;
  const row = { username, failures, windowStartedAt: windowOpen ? prior.windowStartedAt : now, lockedUntil };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values(row).onConflictDoUpdate({ target: loginAttempts.username, set: row });
    await recordAudit(tx, { viewer: anonymous, requestId: ctx.requestId }, {
      action: lockedUntil ? 'auth.login_locked' : 'auth.login_failed', entity: 'User', detail: { failures },
    });
  });
}

export async function logout(ctx: ServiceContext): Promise<boolean> {
  if (!ctx.viewer.sessionId) throw new UnauthenticatedError('Not signed in with a session');
  await ctx.db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: ctx.clock.now() }).where(eq(sessions.id, ctx.viewer.sessionId!));
    sessionViewers.delete(ctx.viewer.sessionId!);
    await recordAudit(tx, ctx, { action: 'auth.logout', entity: 'User', entityId: ctx.viewer.id });
  });
  return true;
}

export function viewerOfUser(user: typeof users.$inferSelect, sessionId: string | null): Viewer {
  return {
    kind: 'user', id: user.id, label: user.username, roles: new Set(user.roles as Role[]),
    departmentId: user.departmentId, intake: false, sessionId,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

/**
 * Who a session or token is, kept for a few seconds so a busy partner system does not cost a lookup
 * per request. Logout and revocation evict at once in this process; other processes within the TTL.
 */
export const VIEWER_CACHE_SECONDS = 10;
const sessionViewers = new TtlCache<Viewer | null>(VIEWER_CACHE_SECONDS * 1000);
const tokenViewers = new TtlCache<Viewer | null>(VIEWER_CACHE_SECONDS * 1000);

/** Who sends this Authorization header. A token that is not valid is an error, not anonymity. */
export async function resolveViewer(db: Db, config: Config, now: Date, authorization: string | null): Promise<Viewer> {
  if (!authorization) return anonymous;
  const token = authorization.replace(/^Bearer\s+/i, '').trim();
  if (token.startsWith(SESSION_PREFIX)) {
    const sessionId = readSessionToken(config.sessionSecret, token, now);
    if (!sessionId || !isUuid(sessionId)) throw new UnauthenticatedError('Session expired or invalid; sign in again');
    const viewer = await sessionViewers.get(sessionId, now.getTime(), async () => {
      const [row] = await db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), eq(users.active, true)));
      return row ? viewerOfUser(row.user, sessionId) : null;
    });
    if (!viewer) {
      sessionViewers.delete(sessionId);
      throw new UnauthenticatedError('Session expired or revoked; sign in again');
    }
    return viewer;
  }
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const hash = sha256(token);
    const viewer = await tokenViewers.get(hash, now.getTime(), async () => {
      const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.tokenHash, hash), eq(apiTokens.active, true)));
      if (!row) return null;
      // Last use is noted when the token is looked up, so partner traffic does not write on every request.
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
      return {
        kind: 'token' as const, id: row.id, label: `token:${row.name}`,
        roles: new Set<Role>(row.kind === 'DEPARTMENT' ? ['DEPARTMENT_HANDLER'] : []),
        departmentId: row.departmentId, intake: row.kind === 'INTAKE', sessionId: null,
      };
    });
    if (!viewer) {
      tokenViewers.delete(hash);
      throw new UnauthenticatedError('API token invalid or revoked');
    }
    return viewer;
  }
  throw new UnauthenticatedError('Unknown credential');
}

const issueInput = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(TOKEN_KINDS),
  departmentId: z.string().uuid().nullish(),
  scopes: z.array(z.string().max(50)).max(20).default([]),
});

export async function issueApiToken(ctx: ServiceContext, raw: z.input<typeof issueInput>) {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(issueInput, raw);
  if ((input.kind === 'DEPARTMENT') !== !!input.departmentId) {
    throw new ValidationError('A DEPARTMENT token needs a department; an INTAKE token has none', 'departmentId');
  }
  if (input.departmentId) {
    const [dept] = await ctx.db.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!dept) throw new NotFoundError('Department', 'departmentId');
  }
  const secret = newApiTokenSecret();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        name: input.name, kind: input.kind, departmentId: input.departmentId ?? null, scopes: input.scopes,
        tokenHash: sha256(secret), tokenPrefix: secret.slice(0, 10), createdById: ctx.viewer.id,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'api_token.issue', entity: 'ApiToken', entityId: row!.id, detail: { kind: input.kind, name: input.name } });
    return { token: row!, secret };
  });
}

export async function revokeApiToken(ctx: ServiceContext, id: string) {
  requireRole(ctx.viewer, 'ADMIN');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ active: false, revokedAt: ctx.clock.now(), revokedById: ctx.viewer.id, version: sql`${apiTokens.version} + 1` })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.active, true)))
      .returning();
    if (!row) throw new NotFoundError('Active API token');
    tokenViewers.delete(row.tokenHash);
    await recordAudit(tx, ctx, { action: 'api_token.revoke', entity: 'ApiToken', entityId: id });
    return row;
  });
}

const userInput = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/, 'Use 3–40 letters, digits, dot, dash or underscore'),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`).max(200),
  roles: z.array(z.enum(ROLES)).min(1),
  departmentId: z.string().uuid().nullish(),
});

/** Creates a staff account. `bootstrap` is the command-line path that makes the first administrator. */
export async function createUser(ctx: ServiceContext, raw: z.input<typeof userInput>, opts: { isDemo?: boolean; bootstrap?: boolean } = {}) {
  if (!opts.bootstrap) requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(userInput, raw);
  if (input.roles.includes('DEPARTMENT_HANDLER') && !input.departmentId) {
    throw new ValidationError('A department handler belongs to a department', 'departmentId');
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ ...input, departmentId: input.departmentId ?? null, passwordHash, isDemo: opts.isDemo ?? false })
      .onConflictDoNothing({ target: users.username })
      .returning();
    if (!row) throw new ConflictError('That username is taken', 'username');
    await recordAudit(tx, ctx, { action: 'user.create', entity: 'User', entityId: row.id, fields: ['username', 'roles', 'departmentId'], detail: { roles: input.roles } });
    return row;
  });
}

// ── Account administration (ADMIN): roles and department, deactivation, password reset. One transaction
// each; deactivating an account or resetting its password ends its open sessions at once.

type UserRow = typeof users.$inferSelect;

/**
 * The account's open sessions: ended (`revokeAt`), or only dropped from this process's viewer cache so
 * the next request sees the new roles. Either way the change is in force at once in this process.
 */
async function forgetSessionsOf(tx: Tx, userId: string, revokeAt: Date | null): Promise<void> {
  const open = and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  const rows = revokeAt
    ? await tx.update(sessions).set({ revokedAt: revokeAt }).where(open).returning({ id: sessions.id })
    : await tx.select({ id: sessions.id }).from(sessions).where(open);
  for (const r of rows) sessionViewers.delete(r.id);
}

async function lockUser(tx: Tx, id: string, version?: number | null): Promise<UserRow> {
  const [row] = isUuid(id) ? await tx.select().from(users).where(eq(users.id, id)).for('update') : [];
  if (!row) throw new NotFoundError('User', 'id');
  if (version != null && version !== row.version) throw new StaleVersionError('User', row.version);
  return row;
}

const updateUserInput = z.object({
  id: z.string(),
  version: z.number().int().nullish(),
  displayName: z.string().trim().min(1).max(100).optional(),
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  /** null: no department. */
  departmentId: z.string().uuid().nullish(),
});

/** Display name, roles and department. A department handler keeps a department; an admin keeps their own ADMIN role. */
export async function updateUser(ctx: ServiceContext, raw: z.input<typeof updateUserInput>): Promise<UserRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const { id, version, ...input } = parseInput(updateUserInput, raw, { keepNulls: true });
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<UserRow>;
  return ctx.db.transaction(async (tx) => {
    const row = await lockUser(tx, id, version);
    const roles = patch.roles ?? row.roles;
    const departmentId = patch.departmentId !== undefined ? patch.departmentId : row.departmentId;
    if (roles.includes('DEPARTMENT_HANDLER') && !departmentId) throw new ValidationError('A department handler belongs to a department', 'departmentId');
    if (id === ctx.viewer.id && !roles.includes('ADMIN')) throw new ForbiddenError('You cannot remove your own administrator role', 'roles');
    if (departmentId && patch.departmentId !== undefined) {
      const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
      if (!dept) throw new NotFoundError('Department', 'departmentId');
    }
    const fields = Object.keys(patch).filter((k) => JSON.stringify((row as Record<string, unknown>)[k]) !== JSON.stringify((patch as Record<string, unknown>)[k]));
    const [updated] = await tx.update(users).set({ ...patch, version: sql`${users.version} + 1`, updatedAt: ctx.clock.now() }).where(eq(users.id, id)).returning();
    await forgetSessionsOf(tx, id, null);
    await recordAudit(tx, ctx, { action: 'user.update', entity: 'User', entityId: id, fields, detail: patch.roles ? { roles: patch.roles } : undefined });
    return updated!;
  });
}

/** Deactivation signs the account out everywhere and refuses its sign-ins; reactivation undoes it. */
export async function setUserActive(ctx: ServiceContext, raw: { id: string; version?: number | null }, active: boolean): Promise<UserRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const { id, version } = parseInput(z.object({ id: z.string(), version: z.number().int().nullish() }), raw);
  if (!active && id === ctx.viewer.id) throw new ForbiddenError('You cannot deactivate your own account', 'id');
  return ctx.db.transaction(async (tx) => {
    const row = await lockUser(tx, id, version);
    if (row.active === active) throw new InvalidTransitionError('User', active ? 'reactivate' : 'deactivate', row.active ? 'ACTIVE' : 'INACTIVE');
    const now = ctx.clock.now();
    const [updated] = await tx.update(users).set({ active, version: sql`${users.version} + 1`, updatedAt: now }).where(eq(users.id, id)).returning();
    await forgetSessionsOf(tx, id, active ? null : now);
    await recordAudit(tx, ctx, { action: active ? 'user.reactivate' : 'user.deactivate', entity: 'User', entityId: id, fields: ['active'] });
    return updated!;
  });
}

const resetInput = z.object({
  id: z.string(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

/** A new password chosen by the administrator (given to the person through a safe channel); their sessions end. */
export async function resetUserPassword(ctx: ServiceContext, raw: z.input<typeof resetInput>): Promise<UserRow> {
  requireRole(ctx.viewer, 'ADMIN');
  const input = parseInput(resetInput, raw);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await lockUser(tx, input.id);
    const now = ctx.clock.now();
    const [updated] = await tx.update(users).set({ passwordHash, passwordChangedAt: now, version: sql`${users.version} + 1`, updatedAt: now }).where(eq(users.id, input.id)).returning();
    await forgetSessionsOf(tx, input.id, now);
    await tx.delete(loginAttempts).where(eq(loginAttempts.username, updated!.username));
    await recordAudit(tx, ctx, { action: 'user.reset_password', entity: 'User', entityId: input.id, fields: ['password'] });
    return updated!;
  });
}

export function requireRole(viewer: Viewer, ...roles: Role[]): void {
  if (!hasRole(viewer, ...roles)) throw new ForbiddenError();
}
