// Input validation in services (so direct callers and HTTP callers get the same rules).
import type { z } from 'zod';
import { ValidationError } from './errors.js';

/** GraphQL clients may send an explicit null for an optional field: it means "not given". */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v)]));
  }
  return value;
}

/** `keepNulls` for partial updates, where null means "clear this field". */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, opts: { keepNulls?: boolean } = {}): z.output<S> {
  const parsed = schema.safeParse(opts.keepNulls ? raw : dropNulls(raw));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || null;
  throw new ValidationError(field ? `${field}: ${issue.message}` : issue.message, field);
}
