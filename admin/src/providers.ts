// The app's providers, wired together: one session, one GraphQL client for data and auth.
import { createAuthProvider } from './authProvider';
import { createAppDataProvider, createGraphQLClient } from './dataProvider';
import { createSessionStore } from './session';

export const session = createSessionStore();

// A 401 ends the session here; react-admin then asks authProvider.checkError, which logs out.
const clientOptions = { getToken: () => session.getToken(), onUnauthorized: () => session.clear() };

export const dataProvider = createAppDataProvider(clientOptions);
export const authProvider = createAuthProvider(createGraphQLClient(clientOptions), session);
