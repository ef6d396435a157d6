// react-admin's layout with the app bar in the desk's primary colour (react-admin's default is the
// secondary one). In dark mode MUI keeps the app bar neutral.
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout } from 'react-admin';

const GuardlineAppBar = () => <AppBar color="primary" />;

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout appBar={GuardlineAppBar}>{children}</RaLayout>;
