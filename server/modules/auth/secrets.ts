// Session tokens are signed (HMAC) and point at a revocable session row; API tokens are random and stored hashed.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const SESSION_PREFIX = 'gls_';
export const API_TOKEN_PREFIX = 'glt_';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomCode(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signSessionToken(secret: string, sessionId: string, expiresAt: Date): string {
  const payload = `${sessionId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${SESSION_PREFIX}${payload}.${sign(secret, payload)}`;
}

/** The session id of a well-signed, unexpired token, or null. Revocation is checked against the database. */
export function readSessionToken(secret: string, token: string, now: Date): string | null {
  if (!token.startsWith(SESSION_PREFIX)) return null;
  const [sessionId, exp, mac] = token.slice(SESSION_PREFIX.length).split('.');
  if (!sessionId || !exp || !mac) return null;
  const expected = Buffer.from(sign(secret, `${sessionId}.${exp}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(exp) * 1000 <= now.getTime()) return null;
  return sessionId;
}

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomCode(32)}`;
}

export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);
