import { lazy } from 'react';
import UserIcon from '@mui/icons-material/People';

export const users = {
  list: lazy(() => import('./UserList')),
  show: lazy(() => import('./UserShow')),
  create: lazy(() => import('./UserCreate')),
  edit: undefined,
  icon: UserIcon,
  recordRepresentation: (record: { displayName?: string; username?: string }) => record.displayName ?? record.username ?? '',
};
