import { lazy } from 'react';
import CategoryIcon from '@mui/icons-material/Category';
import { categoryPath } from '../cases/categories';

export const caseCategories = {
  list: lazy(() => import('./CategoryList')),
  show: undefined,
  create: lazy(() => import('./CategoryCreate')),
  edit: undefined,
  icon: CategoryIcon,
  recordRepresentation: (record: { nameZh?: string; nameEn?: string; parent?: { nameZh: string; nameEn: string } | null }) =>
    categoryPath({ nameZh: record.nameZh ?? '', nameEn: record.nameEn ?? '', parent: (record.parent as never) ?? null }),
};
