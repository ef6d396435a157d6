// react-admin's AuthProvider over our API: `login` / `logout` mutations, `me` for identity and roles,
// and canAccess from the role table in permissions.ts (default deny).
import type { AuthProvider, UserIdentity } from 'react-admin';
import type { GraphQLRequest } from './dataProvider/graphqlClient';
import { apiErrorMessage } from './i18n/apiErrors';
import { can } from './permissions';
import type { SessionStore } from './session';

export interface Me {
  username: string;
  displayName: string;
  roles: string[];
  department: { id: string; nameZh: string; nameEn?: string } | null;
}

export interface GuardlineIdentity extends UserIdentity {
  username: string;
  roles: string[];
  department: Me['department'];
}

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(input: { username: $username, password: $password }) {
    __typename
    ... on LoginPayload { token expiresAt }
    ... on Error { code message }
  }
}`;
const LOGOUT = 'mutation Logout { logout { __typename } }';
const ME = 'query Me { me { username displayName roles department { id nameZh nameEn } } }';

export function createAuthProvider(request: GraphQLRequest, session: SessionStore): AuthProvider {
  // `me` once per token: canAccess is asked for every menu entry and button.
  let me: { token: string; promise: Promise<Me> } | null = null;

  function loadMe(): Promise<Me> {
    const token = session.getToken();
    if (!token) return Promise.reject(new Error('ra.auth.auth_check_error'));
    if (me?.token !== token) {
      const promise = request<{ me: Me }>(ME).then((d) => d.me);
      me = { token, promise };
      promise.catch(() => {
        if (me?.promise === promise) me = null;
      });
    }
    return me.promise;
  }

  return {
    async login({ username, password }: { username: string; password: string }) {
      me = null;
      const data = await request<{ login: { __typename: string; token?: string; expiresAt?: string; code?: string; message?: string } }>(
        LOGIN,
        { username, password },
        { anonymous: true },
      );
      const result = data.login;
      if (result.__typename === 'LoginPayload' && result.token && result.expiresAt) {
        session.set(result.token, result.expiresAt);
        return;
      }
      // messages are translation keys: the login form translates them
      if (result.code === 'UNAUTHENTICATED') throw new Error('ra.auth.sign_in_error');
      if (result.code === 'RATE_LIMITED') throw new Error('guardline.auth.locked');
      throw new Error(result.code && result.message ? apiErrorMessage({ code: result.code, message: result.message }) : 'ra.auth.sign_in_error');
    },

    async logout() {
      const token = session.getToken();
      me = null;
      if (token) {
        try {
          await request(LOGOUT);
        } catch {
          // already expired or revoked: nothing to end on the server
        }
      }
      session.clear();
    },

    async checkAuth() {
      if (!session.getToken()) throw { message: false, redirectTo: '/login' };
    },

    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        session.clear();
        me = null;
        throw new Error('ra.notification.logged_out');
      }
      // 403 and the rest: show the error, stay signed in
    },

    async getIdentity(): Promise<GuardlineIdentity> {
      const m = await loadMe();
      return { id: m.username, fullName: m.displayName, username: m.username, roles: m.roles, department: m.department };
    },

    async getPermissions() {
      if (!session.getToken()) return [];
      return (await loadMe()).roles;
    },

    async canAccess({ resource, action }) {
      if (!session.getToken()) return false;
      try {
        return can((await loadMe()).roles, resource, action);
      } catch {
        return false;
      }
    },
  };
}
