// A minimal GraphQL-over-fetch client: JSON POST to /graphql with the session's bearer token, and a
// mapping of every failure to react-admin's HttpError (401 → the authProvider logs out). A typed error's
// message is translated here, once (apiErrors.ts), so every place that shows an HttpError — react-admin's
// forms and notifications, our dialogs and pages — shows it in the user's language.
import { HttpError } from 'react-admin';
import { apiErrorMessage, errorField } from '../i18n/apiErrors';

export interface GraphQLClientOptions {
  /** Defaults to `/graphql` (same origin: the server serves the panel and the API on one port). */
  url?: string;
  fetch?: typeof fetch;
  /** The session token, read on every request. */
  getToken: () => string | null;
  /** Called once per 401 answer, before the HttpError is thrown (the app clears the session). */
  onUnauthorized?: () => void;
}

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string | null; [key: string]: unknown };
}

/** A typed error of a mutation result (`interface Error { code message field }`). */
export interface TypedError {
  __typename?: string;
  code: string;
  message: string;
  field?: string | null;
}

export type GraphQLRequest = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  options?: { signal?: AbortSignal; anonymous?: boolean },
) => Promise<T>;

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  STALE_VERSION: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
};

/**
 * A typed error to the HttpError react-admin understands, its message translated: one naming an input
 * field becomes a server-side validation error shown under that input (and as the form's notification).
 * The body keeps the machine `code`, the `field` and the server's own message as `detail`.
 */
export function typedErrorToHttpError(error: TypedError): HttpError {
  const message = apiErrorMessage(error);
  const body = { code: error.code, field: errorField(error.field), detail: error.message };
  if (body.field) {
    return new HttpError(message, 400, { ...body, errors: { [body.field]: message, root: { serverError: message } } });
  }
  return new HttpError(message, STATUS_BY_CODE[error.code] ?? 400, body);
}

function topLevelErrorToHttpError(error: GraphQLErrorEntry, httpStatus: number): HttpError {
  const code = error.extensions?.code ?? '';
  // a masked failure says nothing useful to staff: react-admin's own "server error" text
  if (code === 'INTERNAL') return new HttpError('ra.notification.http_error', 500, { code, detail: error.message });
  if (code && error.extensions?.field) return typedErrorToHttpError({ code, message: error.message, field: error.extensions.field });
  const body = { code, field: null, detail: error.message };
  return new HttpError(apiErrorMessage({ code, message: error.message }), STATUS_BY_CODE[code] ?? (httpStatus >= 400 ? httpStatus : 500), body);
}

export function createGraphQLClient(options: GraphQLClientOptions): GraphQLRequest {
  const url = options.url ?? '/graphql';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));

  return async function request<T>(query: string, variables: Record<string, unknown> = {}, opts: { signal?: AbortSignal; anonymous?: boolean } = {}) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-guardline-client': 'admin-panel',
    };
    const token = opts.anonymous ? null : options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await doFetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: opts.signal });
    } catch (e) {
      if (e instanceof Error && e.name === 'AbortError') throw e;
      throw new HttpError('ra.notification.http_error', 0, { message: e instanceof Error ? e.message : String(e) });
    }

    let body: { data?: T | null; errors?: GraphQLErrorEntry[] } | undefined;
    try {
      body = (await response.json()) as typeof body;
    } catch {
      body = undefined;
    }
    const errors = body?.errors ?? [];
    const unauthorized = response.status === 401 || errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (unauthorized) {
      options.onUnauthorized?.();
      const detail = errors[0]?.message;
      throw new HttpError(detail ? apiErrorMessage({ code: 'UNAUTHENTICATED', message: detail }) : 'ra.auth.auth_check_error', 401, { code: 'UNAUTHENTICATED', detail });
    }
    // A nested field the role may not read (e.g. a receipt code shown only to the desk) comes back as
    // null with a FORBIDDEN error at its path: the rest of the answer stands, as if the API had nulled it.
    const nestedForbidden = (e: GraphQLErrorEntry) => e.extensions?.code === 'FORBIDDEN' && (e.path?.length ?? 0) > 1;
    if (errors.length > 0 && body?.data && errors.every(nestedForbidden)) return body.data;
    if (errors.length > 0) throw topLevelErrorToHttpError(errors[0]!, response.status);
    if (!response.ok || !body?.data) {
      throw new HttpError('ra.notification.http_error', response.status || 500, { message: response.statusText });
    }
    return body.data;
  };
}

/**
 * Runs a mutation whose result is an `XResult` union selected as `__typename … on Error { code message field }`:
 * the payload, or the typed error as an HttpError (inline on its field).
 */
export async function typedMutation<T = Record<string, unknown>>(request: GraphQLRequest, query: string, variables: Record<string, unknown>, field: string): Promise<T> {
  const data = await request<Record<string, (Record<string, unknown> & { __typename: string }) | null>>(query, variables);
  const result = data[field];
  if (result && typeof result.code === 'string' && typeof result.message === 'string' && result.__typename.endsWith('Error')) {
    throw typedErrorToHttpError({ code: result.code, message: result.message, field: (result.field as string | null) ?? null });
  }
  if (!result) throw new HttpError('ra.notification.http_error', 500);
  return result as T;
}
