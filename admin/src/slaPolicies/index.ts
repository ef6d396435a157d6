import { lazy } from 'react';
import SlaIcon from '@mui/icons-material/Timer';

export const slaPolicies = {
  list: lazy(() => import('./SlaPolicyList')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: SlaIcon,
};
