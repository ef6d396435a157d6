import { lazy } from 'react';
import CaseIcon from '@mui/icons-material/SupportAgent';

export const cases = {
  list: lazy(() => import('./CaseList')),
  show: lazy(() => import('./CaseShow')),
  create: lazy(() => import('./CaseCreate')),
  edit: undefined,
  icon: CaseIcon,
  recordRepresentation: (record: { code?: string }) => record.code ?? '',
};
