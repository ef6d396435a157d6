// Staff accounts, their sessions, partner API tokens and login throttling.
import { bigint, boolean, index, integer, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { checkRaw, createdAt, id, oneOf, timestamps, tstz, version, pgTable } from './columns.js';
import { ROLES, TOKEN_KINDS } from './enums.js';
import { departments } from './reference.js';

const roleList = ROLES.map((r) => `'${r}'`).join(',');

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text().notNull().unique(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    roles: text().array().notNull(),
    departmentId: uuid().references(() => departments.id),
    active: boolean().notNull().default(true),
    /** Demo accounts exist only in development; production refuses to start while any is active. */
    isDemo: boolean().notNull().default(false),
    passwordChangedAt: tstz(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    checkRaw('users_roles_check', `"roles" <@ ARRAY[${roleList}]::text[] AND cardinality("roles") > 0`),
    checkRaw('users_handler_has_department', `NOT ('DEPARTMENT_HANDLER' = ANY("roles")) OR "department_id" IS NOT NULL`),
    index('users_department_idx').on(t.departmentId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid().notNull().references(() => users.id),
    expiresAt: tstz().notNull(),
    revokedAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    name: text().notNull(),
    kind: text().notNull(),
    departmentId: uuid().references(() => departments.id),
    scopes: text().array().notNull().default([]),
    /** sha256 of the secret; the secret itself is shown once, at issue. */
    tokenHash: text().notNull().unique(),
    tokenPrefix: text().notNull(),
    active: boolean().notNull().default(true),
    createdById: uuid().references(() => users.id),
    revokedAt: tstz(),
    revokedById: uuid().references(() => users.id),
    lastUsedAt: tstz(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    oneOf('api_tokens', 'kind', TOKEN_KINDS),
    checkRaw('api_tokens_department_kind', `("kind" = 'DEPARTMENT') = ("department_id" IS NOT NULL)`),
    index('api_tokens_department_idx').on(t.departmentId),
  ],
);

/** Failed logins per username, kept in the database so throttling holds across server processes. */
export const loginAttempts = pgTable('login_attempts', {
  username: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: tstz().notNull(),
  lockedUntil: tstz(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz().notNull().defaultNow(),
    actorKind: text().notNull(),
    actorId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: uuid(),
    /** Names of fields changed or read — never their personal values. */
    fields: text().array().notNull().default([]),
    /** Non-personal values only (statuses, codes, reasons written by staff). */
    detail: jsonb().$type<Record<string, unknown>>(),
    requestId: text(),
  },
  (t) => [
    oneOf('audit_events', 'actor_kind', ['USER', 'TOKEN', 'PUBLIC', 'SYSTEM']),
    index('audit_events_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    index('audit_events_at_idx').on(t.at),
  ],
);

