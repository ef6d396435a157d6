// GraphQL: login/logout, `me`, staff accounts and partner API tokens.
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { RoleEnum, TokenKindEnum } from '../../graphql/enums.js';
import { decodeId } from '../../graphql/ids.js';
import { rowsByIds } from '../../graphql/loaders.js';
import { apiTokens, users } from '../../../schema/index.js';
import { keysetPage } from '../../shared/pagination.js';
import { DepartmentRef } from '../departments/types.js';
import { createUser, issueApiToken, login, logout, resetUserPassword, revokeApiToken, setUserActive, updateUser } from './service.js';

type UserRow = typeof users.$inferSelect;
type ApiTokenRow = typeof apiTokens.$inferSelect;

const adminOnly = { role: 'ADMIN' } as const;

export const UserRef = builder.loadableNode('User', {
  id: { resolve: (u: UserRow) => u.id },
  load: (ids: string[], ctx) => rowsByIds<UserRow>(ctx.db, users, ids, 'User'),
  authScopes: { role: 'ADMIN' },
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    roles: t.field({ type: [RoleEnum], resolve: (u) => u.roles as never }),
    department: t.field({ type: DepartmentRef, nullable: true, resolve: (u) => u.departmentId }),
    active: t.exposeBoolean('active'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    version: t.exposeInt('version'),
  }),
});

export const ApiTokenRef = builder.loadableNode('ApiToken', {
  id: { resolve: (a: ApiTokenRow) => a.id },
  load: (ids: string[], ctx) => rowsByIds<ApiTokenRow>(ctx.db, apiTokens, ids, 'ApiToken'),
  authScopes: { role: 'ADMIN' },
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: TokenKindEnum, resolve: (a) => a.kind as never }),
    department: t.field({ type: DepartmentRef, nullable: true, resolve: (a) => a.departmentId }),
    scopes: t.exposeStringList('scopes'),
    tokenPrefix: t.exposeString('tokenPrefix', { description: 'The first characters, to recognise a token without revealing it.' }),
    active: t.exposeBoolean('active'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const ViewerKindEnum = builder.enumType('ViewerKind', { values: ['USER', 'TOKEN'] as const });

const MeRef = builder.objectRef<{ kind: 'USER' | 'TOKEN'; id: string; label: string; roles: string[]; departmentId: string | null; intake: boolean }>('Me');
MeRef.implement({
  description: 'Who is signed in: a staff user or a partner token, with the roles the server applies.',
  fields: (t) => ({
    kind: t.field({ type: ViewerKindEnum, resolve: (m) => m.kind }),
    username: t.exposeString('label'),
    displayName: t.string({
      resolve: async (m, _a, ctx) => {
        if (m.kind !== 'USER') return m.label;
        const [u] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, m.id));
        return u?.displayName ?? m.label;
      },
    }),
    roles: t.field({ type: [RoleEnum], resolve: (m) => m.roles as never }),
    department: t.field({ type: DepartmentRef, nullable: true, resolve: (m) => m.departmentId }),
    intake: t.exposeBoolean('intake', { description: 'An INTAKE token of the general 12345 line: registerCase only.' }),
  }),
});

const LoginPayload = builder.objectRef<{ token: string; expiresAt: Date }>('LoginPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const IssuedApiToken = builder.objectRef<{ token: ApiTokenRow; secret: string }>('IssuedApiToken').implement({
  fields: (t) => ({
    apiToken: t.field({ type: ApiTokenRef, resolve: (p) => p.token }),
    secret: t.exposeString('secret', { description: 'Shown once; only its hash is kept.' }),
  }),
});

const LogoutPayload = builder.objectRef<{ ok: boolean }>('LogoutPayload').implement({ fields: (t) => ({ ok: t.exposeBoolean('ok') }) });

builder.queryFields((t) => ({
  me: t.field({
    type: MeRef,
    authScopes: { loggedIn: true },
    resolve: (_r, _a, ctx) => ({
      kind: ctx.viewer.kind === 'token' ? ('TOKEN' as const) : ('USER' as const),
      id: ctx.viewer.id!,
      label: ctx.viewer.label,
      roles: [...ctx.viewer.roles],
      departmentId: ctx.viewer.departmentId,
      intake: ctx.viewer.intake,
    }),
  }),
  users: t.connection({
    type: UserRef,
    authScopes: adminOnly,
    resolve: (_r, args, ctx) =>
      keysetPage<UserRow>(args, {
        keys: [{ expr: users.username, cast: 'text', value: (u) => u.username }],
        direction: 'asc',
        fetch: (cond, orderBy, limit) => ctx.db.select().from(users).where(cond).orderBy(...orderBy).limit(limit),
        count: () => ctx.db.$count(users),
      }),
  }),
  apiTokens: t.connection({
    type: ApiTokenRef,
    authScopes: adminOnly,
    resolve: (_r, args, ctx) =>
      keysetPage<ApiTokenRow>(args, {
        keys: [{ expr: apiTokens.createdAt, cast: 'timestamptz', value: (a) => a.createdAt }, { expr: apiTokens.id, cast: 'uuid', value: (a) => a.id }],
        direction: 'desc',
        fetch: (cond, orderBy, limit) => ctx.db.select().from(apiTokens).where(cond).orderBy(...orderBy).limit(limit),
        count: () => ctx.db.$count(apiTokens),
      }),
  }),
}));

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    username: t.string({ required: true, validate: z.string().max(100) }),
    password: t.string({ required: true, validate: z.string().max(200) }),
  }),
});

const IssueApiTokenInput = builder.inputType('IssueApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: TokenKindEnum, required: true }),
    departmentId: t.id({ description: 'Required for a DEPARTMENT token.' }),
    scopes: t.stringList(),
  }),
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string({ required: true }),
    password: t.string({ required: true }),
    roles: t.field({ type: [RoleEnum], required: true }),
    departmentId: t.id(),
  }),
});

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginPayload,
    description: 'Sign in. Five wrong passwords in 15 minutes lock the account for 15 minutes.',
    authScopes: { public: true },
    errors: {},
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: (_r, { input }, ctx) => login(ctx, input),
  }),
  logout: t.field({
    type: LogoutPayload,
    authScopes: { staff: true },
    errors: {},
    resolve: async (_r, _a, ctx) => ({ ok: await logout(ctx) }),
  }),
  issueApiToken: t.field({
    type: IssuedApiToken,
    authScopes: adminOnly,
    errors: {},
    args: { input: t.arg({ type: IssueApiTokenInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      issueApiToken(ctx, { ...input, departmentId: decodeId(input.departmentId, 'Department', 'departmentId'), scopes: input.scopes ?? [] }),
  }),
  revokeApiToken: t.field({
    type: ApiTokenRef,
    authScopes: adminOnly,
    errors: {},
    args: { input: t.arg({ type: builder.inputType('RevokeApiTokenInput', { fields: (f) => ({ id: f.id({ required: true }) }) }), required: true }) },
    resolve: (_r, { input }, ctx) => revokeApiToken(ctx, decodeId(input.id, 'ApiToken')!),
  }),
  createUser: t.field({
    type: UserRef,
    authScopes: adminOnly,
    errors: {},
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_r, { input }, ctx) => createUser(ctx, { ...input, departmentId: decodeId(input.departmentId, 'Department', 'departmentId') }),
  }),
}));

// ── Account administration (ADMIN)

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ description: 'The version you saw: a stale one is refused (StaleVersionError).' }),
    displayName: t.string(),
    roles: t.field({ type: [RoleEnum] }),
    departmentId: t.id({ description: 'Null: no department. Omitted: unchanged.' }),
  }),
});
const UserIdInput = builder.inputType('UserIdInput', {
  fields: (t) => ({ id: t.id({ required: true }), version: t.int() }),
});
const ResetUserPasswordInput = builder.inputType('ResetUserPasswordInput', {
  fields: (t) => ({ id: t.id({ required: true }), password: t.string({ required: true, validate: z.string().max(200) }) }),
});

builder.mutationFields((t) => ({
  updateUser: t.field({
    type: UserRef, authScopes: adminOnly, errors: {}, description: 'Display name, roles and department.',
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      updateUser(ctx, {
        id: decodeId(String(input.id), 'User')!, version: input.version,
        displayName: input.displayName ?? undefined, roles: (input.roles ?? undefined) as never,
        departmentId: input.departmentId === undefined ? undefined : decodeId(input.departmentId, 'Department', 'departmentId'),
      }),
  }),
  deactivateUser: t.field({
    type: UserRef, authScopes: adminOnly, errors: {}, description: 'Refuses its sign-ins and ends its sessions now.',
    args: { input: t.arg({ type: UserIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => setUserActive(ctx, { id: decodeId(String(input.id), 'User')!, version: input.version }, false),
  }),
  reactivateUser: t.field({
    type: UserRef, authScopes: adminOnly, errors: {},
    args: { input: t.arg({ type: UserIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => setUserActive(ctx, { id: decodeId(String(input.id), 'User')!, version: input.version }, true),
  }),
  resetUserPassword: t.field({
    type: UserRef, authScopes: adminOnly, errors: {}, description: 'A new password set by an administrator; the account\'s sessions end.',
    args: { input: t.arg({ type: ResetUserPasswordInput, required: true }) },
    resolve: (_r, { input }, ctx) => resetUserPassword(ctx, { id: decodeId(String(input.id), 'User')!, password: input.password }),
  }),
}));
