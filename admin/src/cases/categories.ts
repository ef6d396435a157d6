// The two-level case taxonomy (parents › leaves) as the panel uses it: loaded once, searched locally.
import { useGetList } from 'react-admin';
import { localName } from '../i18n';

export interface Category {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  defaultUrgency: string | null;
  suggestedDepartmentKinds: string[];
  parent: { id: string; code: string; nameZh: string; nameEn: string } | null;
}

export function useCategories() {
  const { data, isPending } = useGetList<Category>('caseCategories', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'displayOrder', order: 'ASC' } }, { staleTime: 10 * 60_000 });
  const all = data ?? [];
  return { all, leaves: all.filter((c) => c.parent), parents: all.filter((c) => !c.parent), isPending };
}

/** "侵害 › 性侵害" */
export const categoryPath = (c: Pick<Category, 'nameZh' | 'nameEn' | 'parent'> | null | undefined) =>
  c ? (c.parent ? `${localName(c.parent)} › ${localName(c)}` : localName(c)) : '';

/** Words typed by the operator match the code, either name, or the parent's name; all words must match. */
export function matchesCategory(c: Category, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = [c.code, c.nameZh, c.nameEn, c.parent?.nameZh, c.parent?.nameEn, c.parent?.code].filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** IMMEDIATE and routed to the police: the server's `needsPoliceNow` rule, known while typing. */
export const needsPoliceNow = (urgency: string | null | undefined, category: Category | null | undefined) =>
  urgency === 'IMMEDIATE' && !!category?.suggestedDepartmentKinds.includes('PUBLIC_SECURITY');
