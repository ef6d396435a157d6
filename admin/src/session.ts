// The signed-in session: the token from `login` and its expiry, kept in sessionStorage (one browser
// tab, gone when the tab closes — a shared desk computer does not stay signed in).

const TOKEN_KEY = 'guardline.token';
const EXPIRES_KEY = 'guardline.expiresAt';

export interface SessionStore {
  getToken(): string | null;
  set(token: string, expiresAt: string): void;
  clear(): void;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function createSessionStore(store: Storage | null = storage(), now: () => number = Date.now): SessionStore {
  return {
    getToken() {
      const token = store?.getItem(TOKEN_KEY) ?? null;
      const expiresAt = store?.getItem(EXPIRES_KEY);
      if (token && expiresAt && Date.parse(expiresAt) <= now()) {
        store?.removeItem(TOKEN_KEY);
        store?.removeItem(EXPIRES_KEY);
        return null;
      }
      return token;
    },
    set(token, expiresAt) {
      store?.setItem(TOKEN_KEY, token);
      store?.setItem(EXPIRES_KEY, expiresAt);
    },
    clear() {
      store?.removeItem(TOKEN_KEY);
      store?.removeItem(EXPIRES_KEY);
    },
  };
}
