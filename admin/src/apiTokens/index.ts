import { lazy } from 'react';
import ApiTokenIcon from '@mui/icons-material/VpnKey';

export const apiTokens = {
  list: lazy(() => import('./ApiTokenList')),
  show: undefined,
  // "create" is issuing: the page shows the new secret once (ApiTokenIssue.tsx)
  create: lazy(() => import('./ApiTokenIssue')),
  edit: undefined,
  icon: ApiTokenIcon,
  recordRepresentation: (record: { name?: string }) => record.name ?? '',
};
