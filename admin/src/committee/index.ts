import { lazy } from 'react';
import CommitteeIcon from '@mui/icons-material/Gavel';

export const committeeConfig = {
  list: lazy(() => import('./CommitteeConfigPage')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: CommitteeIcon,
};
