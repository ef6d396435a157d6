// The dashboard's one data hook: counts only (`totalCount` of filtered connections, many figures per
// request as aliases), so it stays quick however many cases there are.
import { useCanAccess } from 'react-admin';
import { countQuery } from '../dataProvider/queries';
import { useCategories } from '../cases/categories';
import { beijingToday } from '../ui/time';
import { useGql } from '../ui/useGql';

type Counts = Record<string, { totalCount: number }>;

/** The first day of the Beijing month `back` months before this one, YYYY-MM-DD. */
export function monthStart(today: string, back: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export function lastDayOfMonth(first: string): string {
  const [y, m] = first.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${first.slice(0, 8)}${String(days).padStart(2, '0')}`;
}

const start = (day: string) => `${day}T00:00:00+08:00`;
const end = (day: string) => `${day}T23:59:59.999+08:00`;

export const MONTHS = 6;
export const CATEGORY_DAYS = 90;

export function useDashboardFigures() {
  const today = beijingToday();
  const { canAccess: seesCases } = useCanAccess({ resource: 'cases', action: 'list' });
  const { canAccess: seesDispatches } = useCanAccess({ resource: 'dispatches', action: 'list' });
  const { parents } = useCategories();

  const since = new Date(Date.now() - CATEGORY_DAYS * 86_400_000);
  const sinceDay = beijingToday(since);
  const figures = useGql<Counts>(
    ['dashboard', 'figures'],
    countQuery('DeskFigures', 'cases', 'CaseFilter', ['today', 'toDispatch', 'overdueCases', 'toFollowUp', 'open']),
    {
      today: { receivedFrom: start(today) },
      toDispatch: { status: ['RECEIVED', 'REOPENED'] },
      overdueCases: { overdue: true },
      toFollowUp: { status: ['REPLIED'] },
      open: { status: ['RECEIVED', 'DISPATCHED', 'IN_PROGRESS', 'REPLIED', 'FOLLOWED_UP', 'REOPENED'] },
    },
    { enabled: !!seesCases },
  );
  const dispatchFigures = useGql<Counts>(
    ['dashboard', 'dispatches'],
    countQuery('DispatchFigures', 'dispatches', 'DispatchFilter', ['pending', 'overdue', 'dueSoon']),
    { pending: { status: ['PENDING'] }, overdue: { overdue: true }, dueSoon: { dueSoon: true } },
    { enabled: !!seesDispatches },
  );
  const months = Array.from({ length: MONTHS }, (_, i) => monthStart(today, MONTHS - 1 - i));
  const byMonth = useGql<Counts>(
    ['dashboard', 'months'],
    countQuery('IntakeByMonth', 'cases', 'CaseFilter', months.map((_, i) => `m${i}`)),
    Object.fromEntries(months.map((m, i) => [`m${i}`, { receivedFrom: start(m), receivedTo: end(lastDayOfMonth(m)) }])),
    { enabled: !!seesCases },
  );
  const cats = parents.slice(0, 18);
  const byCategory = useGql<Counts>(
    ['dashboard', 'categories', cats.map((c) => c.id).join(',')],
    countQuery('IntakeByCategory', 'cases', 'CaseFilter', cats.map((_, i) => `c${i}`)),
    Object.fromEntries(cats.map((c, i) => [`c${i}`, { categoryId: c.id, receivedFrom: start(sinceDay) }])),
    { enabled: !!seesCases && cats.length > 0 },
  );

  const n = (counts: Counts | undefined, key: string) => counts?.[key]?.totalCount;
  return {
    seesCases: !!seesCases,
    seesDispatches: !!seesDispatches,
    today: n(figures.data, 'today'),
    toDispatch: n(figures.data, 'toDispatch'),
    overdueCases: n(figures.data, 'overdueCases'),
    toFollowUp: n(figures.data, 'toFollowUp'),
    open: n(figures.data, 'open'),
    pendingDispatches: n(dispatchFigures.data, 'pending'),
    overdueDispatches: n(dispatchFigures.data, 'overdue'),
    dueSoonDispatches: n(dispatchFigures.data, 'dueSoon'),
    byMonth: byMonth.data ? months.map((m, i) => ({ key: m, label: m.slice(0, 7), value: n(byMonth.data, `m${i}`) ?? 0 })) : null,
    byCategory: byCategory.data ? cats.map((c, i) => ({ key: c.id, category: c, value: n(byCategory.data, `c${i}`) ?? 0 })).sort((a, b) => b.value - a.value) : null,
  };
}
