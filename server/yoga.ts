// The GraphQL server: yoga with our schema, limits and error policy. No listener here (see main.ts),
// so tests call `app.fetch` directly.
import { randomUUID } from 'node:crypto';
import { createYoga, type Plugin } from 'graphql-yoga';
import { GraphQLError, NoSchemaIntrospectionCustomRule, getOperationAST } from 'graphql';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useGraphQlJit } from '@envelop/graphql-jit';
import type { Config } from './config.js';
import type { Database } from './db.js';
import { newContext, type Context } from './context.js';
import { schema } from './schema.js';
import { DomainError, RateLimitedError } from './shared/errors.js';
import type { EventBus } from './shared/events.js';
import type { Logger } from './shared/log.js';
import { systemClock, type Clock } from './shared/time.js';
import { resolveViewer } from './modules/auth/service.js';

export interface AppDeps {
  database: Database;
  config: Config;
  events: EventBus;
  logger: Logger;
  clock?: Clock;
}

export const LIMITS = { maxDepth: 12, maxAliases: 20, maxCost: 20000, maxTokens: 4000 };

/** Flushes the request's personal-data reads to the audit trail before the response leaves. */
const auditReads: Plugin<Context> = {
  onExecute({ setExecuteFn, executeFn }) {
    setExecuteFn(async (args) => {
      const result = await executeFn(args);
      const ctx = args.contextValue as Context;
      if (ctx.audit.size > 0) await ctx.audit.flush(ctx.db, ctx);
      return result;
    });
  },
};

const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock;
  const { config, database, logger } = deps;
  const development = config.env !== 'production';
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // main.ts refuses a body without a length or over its limit before yoga sees it
    maxRequestBodySize: false,
    graphiql: config.env === 'development' ? { title: 'Guardline GraphQL' } : false,
    logging: false,
    maskedErrors: {
      maskError(error, message) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof DomainError) {
          const path = error instanceof GraphQLError ? error.path : undefined;
          // A field without a result union (publicNotices) still tells the client when to retry.
          const retry = original instanceof RateLimitedError ? { retryAfterSeconds: original.retryAfterSeconds } : {};
          return new GraphQLError(original.message, { path, extensions: { code: original.code, field: original.field, ...retry } });
        }
        if (error instanceof GraphQLError && !error.originalError) return error;
        // Our own GraphQLErrors (auth scopes, scalars) carry their code already.
        if (original instanceof GraphQLError) {
          return new GraphQLError(original.message, { path: (error as GraphQLError).path, extensions: original.extensions });
        }
        logger.error('unexpected error', { error: String(original instanceof Error ? original.stack : original) });
        return new GraphQLError(message, { extensions: { code: 'INTERNAL' } });
      },
    },
    plugins: [
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'x-guardline-client'] }),
      maxTokensPlugin({ n: LIMITS.maxTokens }),
      maxDepthPlugin({ n: LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true }),
      maxAliasesPlugin({ n: LIMITS.maxAliases, exposeLimits: true }),
      costLimitPlugin({ maxCost: LIMITS.maxCost, ignoreIntrospection: true, exposeLimits: true }),
      ...(development ? [] : [noIntrospection]),
      // Compiled execution: a query's plan is built once per document, not walked field by field on
      // every request. Subscriptions keep the standard executor (the event stream's auth and filters
      // run per event there). Before auditReads, which wraps whatever execute function is in place.
      useGraphQlJit({}, { enableIf: ({ document, operationName }) => getOperationAST(document, operationName)?.operation !== 'subscription' }),
      auditReads,
    ],
    context: async ({ request, req }: { request: Request; req?: { socket?: { remoteAddress?: string } } }): Promise<Context> => {
      let viewer;
      try {
        viewer = await resolveViewer(database.db, config, clock.now(), request.headers.get('authorization'));
      } catch (e) {
        if (e instanceof DomainError) {
          throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
        }
        throw e;
      }
      return newContext({
        db: database.db, database, clock, viewer, config, events: deps.events,
        requestId: request.headers.get('x-request-id') ?? randomUUID(),
      }, (config.trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined) || req?.socket?.remoteAddress || null);
    },
  });
}

export type App = ReturnType<typeof createApp>;
