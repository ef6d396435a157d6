// Input validation in services (so direct callers and HTTP callers get the same rules).
import type { z } from 'zod';
import { ValidationError } from './errors.js';

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || null;
  throw new ValidationError(field ? `${field}: ${issue.message}` : issue.message, field);
}
