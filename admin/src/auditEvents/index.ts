import { lazy } from 'react';
import AuditIcon from '@mui/icons-material/FactCheck';

/** The append-only audit log (administrators): read only. */
export const auditEvents = {
  list: lazy(() => import('./AuditEventList')),
  show: undefined,
  create: undefined,
  edit: undefined,
  icon: AuditIcon,
  recordRepresentation: (record: { action?: string }) => record.action ?? '',
};
