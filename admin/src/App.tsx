// The admin panel. Each resource's pages are lazy-loaded (see each folder's index.ts), so the first
// load carries only react-admin's shell, the providers and the zh-CN catalog.
import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { apiTokens } from './apiTokens';
import { caseCategories } from './categories';
import { cases } from './cases';
import { committeeConfig } from './committee';
import { departments } from './departments';
import { dispatches } from './dispatches';
import { holidays } from './holidays';
import { districts } from './districts';
import { i18nProvider } from './i18n';
import { Layout } from './Layout';
import { LoginPage } from './LoginPage';
import { authProvider, dataProvider } from './providers';
import { publicNotices, rewardBudgets, rewardInbox, rewardRecords, rewardStandards } from './rewards';
import { slaPolicies } from './slaPolicies';
import { suggestions } from './suggestions';
import { darkTheme, lightTheme } from './theme';
import { users } from './users';
import { auditEvents } from './auditEvents';
import { analysisReports, AnalysisReportPrint } from './analysisReports';
import { subjectAlerts } from './subjectAlerts';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const ClaimPage = lazy(() => import('./public/ClaimPage'));

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
    <Resource name="cases" {...cases} />
    <Resource name="dispatches" {...dispatches} />
    <Resource name="suggestions" {...suggestions} />
    <Resource name="subjectAlerts" {...subjectAlerts} />
    <Resource name="analysisReports" {...analysisReports}>
      <Route path=":id/print" element={<AnalysisReportPrint />} />
    </Resource>
    <Resource name="rewardInbox" {...rewardInbox} />
    <Resource name="rewardRecords" {...rewardRecords} />
    <Resource name="publicNotices" {...publicNotices} />
    <Resource name="rewardBudgets" {...rewardBudgets} />
    <Resource name="rewardStandards" {...rewardStandards} />
    <Resource name="committeeConfig" {...committeeConfig} />
    <Resource name="departments" {...departments} />
    <Resource name="caseCategories" {...caseCategories} />
    <Resource name="slaPolicies" {...slaPolicies} />
    <Resource name="holidays" {...holidays} />
    <Resource name="users" {...users} />
    <Resource name="apiTokens" {...apiTokens} />
    <Resource name="auditEvents" {...auditEvents} />
    <Resource name="districts" {...districts} />
    {/* the public claim page: no sign-in (claim code holders, not staff) */}
    <CustomRoutes noLayout>
      <Route path="/claim" element={<ClaimPage />} />
    </CustomRoutes>
  </Admin>
);
