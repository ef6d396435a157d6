// Expected failures, each with a machine code. They reach clients as typed errors (see graphql/errors.ts);
// anything else is unexpected and is masked.
export type ErrorCode =
  | 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'INVALID_TRANSITION'
  | 'STALE_VERSION' | 'CONFLICT' | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly field: string | null = null) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, field: string | null = null) {
    super('VALIDATION', message, field);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, field: string | null = 'id') {
    super('NOT_FOUND', `${entity} not found`, field);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed for your role', field: string | null = null) {
    super('FORBIDDEN', message, field);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign-in required') {
    super('UNAUTHENTICATED', message);
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(readonly entity: string, readonly action: string, readonly currentState: string) {
    super('INVALID_TRANSITION', `${entity} in state ${currentState} cannot ${action}`, null);
  }
}

export class StaleVersionError extends DomainError {
  constructor(readonly entity: string, readonly currentVersion: number) {
    super('STALE_VERSION', `${entity} was changed by someone else (now version ${currentVersion}); reload and retry`, 'version');
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field: string | null = null) {
    super('CONFLICT', message, field);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', message, null);
  }
}

/** Every expected failure a mutation result can carry, each its own GraphQL type. */
export const ERROR_CLASSES = [
  ValidationError, NotFoundError, ForbiddenError, UnauthenticatedError, InvalidTransitionError,
  StaleVersionError, ConflictError, RateLimitedError,
];
