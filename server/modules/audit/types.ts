// GraphQL: the audit log, for administrators. Events carry names and non-personal values only.
import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { auditEvents } from '../../../schema/index.js';
import { keysetPage } from '../../shared/pagination.js';

type EventRow = typeof auditEvents.$inferSelect;

const AuditEventRef = builder.objectRef<EventRow>('AuditEvent').implement({
  description: 'One write, or one read of personal data: who, what, when — never the personal values.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    at: t.expose('at', { type: 'DateTime' }),
    actorKind: t.exposeString('actorKind'),
    actor: t.exposeString('actorLabel'),
    action: t.exposeString('action'),
    entity: t.exposeString('entity'),
    entityId: t.exposeString('entityId', { nullable: true }),
    fields: t.exposeStringList('fields'),
    detail: t.string({ nullable: true, description: 'JSON of non-personal values.', resolve: (e) => (e.detail ? JSON.stringify(e.detail) : null) }),
    requestId: t.exposeString('requestId', { nullable: true }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    entity: t.string({ validate: z.string().max(50) }),
    entityId: t.string({ description: 'The row id (not a global id) of the entity.', validate: z.string().uuid() }),
    action: t.string({ validate: z.string().max(100) }),
    actor: t.string({ description: 'Username or token name.', validate: z.string().max(100) }),
    from: t.field({ type: 'DateTime' }),
    to: t.field({ type: 'DateTime' }),
  }),
});

builder.queryField('auditEvents', (t) =>
  t.connection({
    type: AuditEventRef,
    description: 'The append-only audit log, newest first (administrators).',
    authScopes: { role: 'ADMIN' },
    args: { filter: t.arg({ type: AuditEventFilter }) },
    resolve: (_r, args, ctx) => {
      const f = args.filter ?? {};
      const where: SQL | undefined = and(
        f.entity ? eq(auditEvents.entity, f.entity) : undefined,
        f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
        f.action ? eq(auditEvents.action, f.action) : undefined,
        f.actor ? eq(auditEvents.actorLabel, f.actor) : undefined,
        f.from ? gte(auditEvents.at, f.from) : undefined,
        f.to ? lt(auditEvents.at, f.to) : undefined,
      );
      return keysetPage<EventRow>(args, {
        keys: [{ expr: auditEvents.id, cast: 'int', value: (e) => e.id }],
        direction: 'desc',
        fetch: (cursor, orderBy, limit) => ctx.db.select().from(auditEvents).where(and(where, cursor)).orderBy(...orderBy).limit(limit),
        count: () => ctx.db.$count(auditEvents, where),
      });
    },
  }),
);
