import { lazy } from 'react';
import DispatchIcon from '@mui/icons-material/AssignmentInd';

export const dispatches = {
  list: lazy(() => import('./DispatchList')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: DispatchIcon,
  recordRepresentation: (record: { case?: { code?: string } | null }) => record.case?.code ?? '',
};
