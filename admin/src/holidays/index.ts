import { lazy } from 'react';
import HolidayIcon from '@mui/icons-material/EventBusy';

/** The working-day calendar (holidays and make-up working days): one page, for administrators. */
export const holidays = {
  list: lazy(() => import('./HolidayPage')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: HolidayIcon,
};
