// Typed errors: one `Error` interface with a machine code, message and offending field, and one type per class.
import { builder } from '../builder.js';
import {
  ConflictError, DomainError, ForbiddenError, InvalidTransitionError, NotFoundError, RateLimitedError,
  StaleVersionError, UnauthenticatedError, ValidationError,
} from '../shared/errors.js';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  values: ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'INVALID_TRANSITION', 'STALE_VERSION', 'CONFLICT', 'RATE_LIMITED'] as const,
});

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure: what went wrong, in a machine code, a message and the input field at fault.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString('message'),
    field: t.string({ nullable: true, resolve: (e) => e.field }),
  }),
});

builder.objectType(DomainError, { name: 'DomainError', interfaces: [ErrorInterface] });
builder.objectType(ValidationError, { name: 'ValidationError', interfaces: [ErrorInterface] });
builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface] });
builder.objectType(ForbiddenError, { name: 'ForbiddenError', interfaces: [ErrorInterface] });
builder.objectType(UnauthenticatedError, { name: 'UnauthenticatedError', interfaces: [ErrorInterface] });
builder.objectType(ConflictError, { name: 'ConflictError', interfaces: [ErrorInterface] });
builder.objectType(InvalidTransitionError, {
  name: 'InvalidTransitionError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentState: t.exposeString('currentState'),
    action: t.exposeString('action'),
  }),
});
builder.objectType(StaleVersionError, {
  name: 'StaleVersionError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion') }),
});
builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
