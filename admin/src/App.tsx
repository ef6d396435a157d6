// The admin panel. Each resource's pages are lazy-loaded (see each folder's index.ts), so the first
// load carries only react-admin's shell, the providers and the zh-CN catalog.
import { lazy } from 'react';
import { Admin, Resource } from 'react-admin';
import { apiTokens } from './apiTokens';
import { departments } from './departments';
import { districts } from './districts';
import { i18nProvider } from './i18n';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import { authProvider, dataProvider } from './providers';
import { darkTheme, lightTheme } from './theme';
import { users } from './users';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));

export const App = () => (
  <Admin
    disableTelemetry
    requireAuth
    title="护苗专线 · Guardline"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    lightTheme={lightTheme}
    darkTheme={darkTheme}
  >
    <Resource name="departments" {...departments} />
    <Resource name="users" {...users} />
    <Resource name="apiTokens" {...apiTokens} />
    <Resource name="districts" {...districts} />
  </Admin>
);
