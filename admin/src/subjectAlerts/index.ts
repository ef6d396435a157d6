import { lazy } from 'react';
import AlertIcon from '@mui/icons-material/NotificationImportant';

/** Subjects (a child, household, adult, school, address) that reached the report threshold: supervisors. */
export const subjectAlerts = {
  list: lazy(() => import('./SubjectAlertList')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: AlertIcon,
};
