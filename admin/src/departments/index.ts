import { lazy } from 'react';
import DepartmentIcon from '@mui/icons-material/Apartment';
import { localName } from '../i18n';

export const departments = {
  list: lazy(() => import('./DepartmentList')),
  show: lazy(() => import('./DepartmentShow')),
  create: lazy(() => import('./DepartmentCreate')),
  edit: undefined,
  icon: DepartmentIcon,
  recordRepresentation: (record: { nameZh?: string; nameEn?: string }) => localName(record),
};
