// The Pothos builder, and nothing else: types live in their modules (see schema.ts).
import SchemaBuilder, { brandWithType } from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import type { Role } from '../schema/enums.js';
import { DomainError, ERROR_CLASSES, ValidationError } from './shared/errors.js';
import './graphql/personal-data-plugin.js';
import './graphql/node-id-plugin.js';
import { nodeReader } from './graphql/projection.js';

export interface Scopes {
  /** The no-login surface: login, claim-code lookup and claim, public notices, objections. */
  public: boolean;
  loggedIn: boolean;
  /** Staff signed in with a user account (not a partner token). */
  staff: boolean;
  role: Role;
  anyRole: readonly Role[];
  /** The general line's INTAKE token. */
  intake: boolean;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: Scopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
  // nodeId last: innermost, so the others wrap its synchronous id
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, RelayPlugin, DataloaderPlugin, 'personalData', 'nodeId'],
  scopeAuth: {
    // Default deny: a field with no scopes is refused (test/schema-contract.test.ts checks every root field declares them).
    treatErrorsAsUnauthorized: true,
    // Subscriptions are checked when they open, not only per event.
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      public: true,
      // An INTAKE token may only register cases: it is not "logged in" for anything else.
      loggedIn: ctx.viewer.kind !== 'anonymous' && !ctx.viewer.intake,
      staff: ctx.viewer.kind === 'user',
      role: (role) => ctx.viewer.roles.has(role),
      anyRole: (roles) => roles.some((r) => ctx.viewer.roles.has(r)),
      intake: ctx.viewer.intake,
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer.kind === 'anonymous'
        ? new GraphQLError('Sign-in required', { extensions: { code: 'UNAUTHENTICATED' } })
        : new GraphQLError('Not allowed for your role', { extensions: { code: 'FORBIDDEN' } }),
  },
  errors: {
    defaultTypes: ERROR_CLASSES,
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}Result` },
  },
  validation: {
    validationError: (failure) => {
      const issue = failure.issues[0];
      const path = issue?.path?.map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') ?? null;
      return new ValidationError(issue?.message ?? 'Invalid input', path || null);
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      authScopes: { loggedIn: true },
      // A type that plans its node (a case page) reads it in one statement shaped by the selection;
      // the others load whole through their loader.
      resolve: async (_root, { id }, ctx, info, resolveNode) => {
        const read = nodeReader(id.typename);
        if (!read) return resolveNode(id);
        const row = await read(id.id, ctx, info);
        brandWithType(row, id.typename as never);
        return row;
      },
    },
    nodesQueryOptions: false,
    nodeFieldOptions: { nullable: false },
  },
});

builder.queryType({});
// Every connection answers totalCount, counted only when asked for.
builder.globalConnectionField('totalCount', (t) =>
  t.int({ resolve: (conn) => (conn as unknown as { totalCount: () => Promise<number> }).totalCount() }),
);
builder.mutationType({});

export { DomainError, GraphQLError };
