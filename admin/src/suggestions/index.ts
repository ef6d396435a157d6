import { lazy } from 'react';
import SuggestionIcon from '@mui/icons-material/TipsAndUpdates';

export const suggestions = {
  list: lazy(() => import('./SuggestionList')),
  show: lazy(() => import('./SuggestionShow')),
  create: lazy(() => import('./SuggestionCreate')),
  edit: undefined,
  icon: SuggestionIcon,
  recordRepresentation: (record: { code?: string; title?: string }) => `${record.code ?? ''} ${record.title ?? ''}`.trim(),
};
