// The dashboard's figures and charts (loaded after the shell: this chunk carries the data hook and
// the SVG charts).
import { Box, Card, CardActionArea, CardContent, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCanAccess, useCreatePath, useTranslate } from 'react-admin';
import { countQuery, DEPARTMENT_PERFORMANCE } from '../dataProvider/queries';
import { beijingToday } from '../ui/time';
import { localName } from '../i18n';
import { useGql } from '../ui/useGql';
import { BarList, ColumnChart } from './charts';
import { CATEGORY_DAYS, monthStart, useDashboardFigures } from './useDashboardFigures';

const Tile = ({ label, value, tone, to, testId }: { label: string; value: number | undefined; tone?: 'error' | 'warning' | 'primary'; to?: string; testId: string }) => {
  const translate = useTranslate();
  const body = (
    <CardContent sx={{ py: 1.25, '&:last-child': { pb: 1.25 } }}>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {translate(label)}
      </Typography>
      {value === undefined ? (
        <Skeleton width={40} height={34} />
      ) : (
        <Typography variant="h5" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums', color: value > 0 && tone ? `${tone}.main` : undefined }}>
          {value}
        </Typography>
      )}
    </CardContent>
  );
  return <Card sx={{ minWidth: 0 }}>{to ? <CardActionArea component={Link} to={to}>{body}</CardActionArea> : body}</Card>;
};

const listWith = (resource: string, filter: Record<string, unknown>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const RewardTiles = () => {
  const { canAccess: votes } = useCanAccess({ resource: 'rewardInbox', action: 'list' });
  const { canAccess: review } = useCanAccess({ resource: 'rewardRecords', action: 'review' });
  const { data } = useGql<Record<string, { totalCount: number }>>(
    ['dashboard', 'rewards'],
    countQuery('RewardFigures', 'rewardRecords', 'RewardRecordFilter', ['mine', 'review', 'notice']),
    { mine: { pendingMyVote: true }, review: { status: ['NOMINATED', 'UNDER_REVIEW'] }, notice: { status: ['PUBLIC_NOTICE'] } },
    { enabled: !!(votes || review) },
  );
  if (!votes && !review) return null;
  return (
    <>
      {votes ? <Tile label="guardline.dashboard.pending_votes" value={data?.mine.totalCount} tone="primary" to="/rewardInbox" testId="fig-votes" /> : null}
      {review ? <Tile label="guardline.dashboard.to_review" value={data?.review.totalCount} tone="primary" to={listWith('rewardRecords', { status: ['NOMINATED', 'UNDER_REVIEW'] })} testId="fig-review" /> : null}
      {review ? <Tile label="guardline.dashboard.in_notice" value={data?.notice.totalCount} to={listWith('rewardRecords', { status: ['PUBLIC_NOTICE'] })} testId="fig-notice" /> : null}
    </>
  );
};

interface PerformanceRow {
  department: { id: string; nameZh: string; nameEn: string };
  rank: number | null;
  responseRate: { value: number | null };
  resolutionRate: { value: number | null };
  satisfactionRate: { value: number | null };
}

const pct = (v: number | null | undefined) => (v == null ? '—' : `${Math.round(v * 100)}%`);

/** The three rates (响应率, 解决率, 满意率) of this month, from the analytics API; hidden if it has none. */
const PerformanceCard = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'departmentPerformance', action: 'list' });
  // this month and the last: early in a month few dispatches have fallen due, and this month alone
  // often has no rate to show
  const toMonth = beijingToday().slice(0, 7);
  const fromMonth = monthStart(beijingToday(), 1).slice(0, 7);
  const { data, error } = useGql<{ departmentPerformance: { provisional: boolean; rows: PerformanceRow[] } }>(['dashboard', 'performance'], DEPARTMENT_PERFORMANCE, { fromMonth, toMonth }, { enabled: !!canAccess, retry: false });
  if (!canAccess || error) return null;
  const rows = [...(data?.departmentPerformance.rows ?? [])].filter((r) => r.rank != null).sort((a, b) => a.rank! - b.rank!).slice(0, 5);
  return (
    <Card data-testid="performance">
      <CardContent>
        <Typography variant="subtitle2" gutterBottom>
          {translate('guardline.dashboard.performance', { month: `${fromMonth} – ${toMonth}` })}
        </Typography>
        {!data ? (
          <Skeleton variant="rectangular" height={80} />
        ) : rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('guardline.dashboard.no_performance')}
          </Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('guardline.dashboard.rank')}</TableCell>
                <TableCell>{translate('resources.departments.name', { smart_count: 1 })}</TableCell>
                <TableCell align="right">{translate('guardline.dashboard.rate_response')}</TableCell>
                <TableCell align="right">{translate('guardline.dashboard.rate_resolution')}</TableCell>
                <TableCell align="right">{translate('guardline.dashboard.rate_satisfaction')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.department.id}>
                  <TableCell>{r.rank}</TableCell>
                  <TableCell>{localName(r.department)}</TableCell>
                  <TableCell align="right">{pct(r.responseRate.value)}</TableCell>
                  <TableCell align="right">{pct(r.resolutionRate.value)}</TableCell>
                  <TableCell align="right">{pct(r.satisfactionRate.value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {data?.departmentPerformance.provisional ? (
          <Typography variant="caption" color="text.secondary">
            {translate('guardline.dashboard.provisional')}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
};

const Figures = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const f = useDashboardFigures();
  // the desk's own queues (a department's clerk sees its cases, but does not dispatch or call back)
  const { canAccess: isDesk } = useCanAccess({ resource: 'cases', action: 'dispatch' });
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5 }} data-testid="dashboard-figures">
        {f.seesCases ? (
          <>
            <Tile label="guardline.dashboard.today" value={f.today} to={createPath({ resource: 'cases', type: 'list' })} testId="fig-today" />
            {isDesk ? <Tile label="guardline.dashboard.to_dispatch" value={f.toDispatch} tone="warning" to={listWith('cases', { status: ['RECEIVED', 'REOPENED'] })} testId="fig-to-dispatch" /> : null}
            <Tile label="guardline.dashboard.overdue_cases" value={f.overdueCases} tone="error" to={listWith('cases', { overdue: true })} testId="fig-overdue-cases" />
            {isDesk ? <Tile label="guardline.dashboard.to_follow_up" value={f.toFollowUp} tone="primary" to={listWith('cases', { status: ['REPLIED'] })} testId="fig-follow-up" /> : null}
          </>
        ) : null}
        {f.seesDispatches ? (
          <>
            <Tile label="guardline.dashboard.pending_dispatches" value={f.pendingDispatches} tone="warning" to={listWith('dispatches', { status: ['PENDING'] })} testId="fig-pending" />
            <Tile label="guardline.dashboard.overdue_dispatches" value={f.overdueDispatches} tone="error" to={listWith('dispatches', { overdue: true })} testId="fig-overdue-dispatches" />
            <Tile label="guardline.dashboard.due_soon_dispatches" value={f.dueSoonDispatches} tone="warning" to={listWith('dispatches', { dueSoon: true })} testId="fig-due-soon" />
          </>
        ) : null}
        <RewardTiles />
      </Box>
      {f.seesCases ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 1.5 }}>
          <Card>
            <CardContent>
              <Typography variant="subtitle2" gutterBottom>
                {translate('guardline.dashboard.by_month')}
              </Typography>
              {f.byMonth ? <ColumnChart bars={f.byMonth} height={110} testId="chart-months" /> : <Skeleton variant="rectangular" height={140} />}
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle2" gutterBottom>
                {translate('guardline.dashboard.by_category', { days: CATEGORY_DAYS })}
              </Typography>
              {f.byCategory ? (
                <BarList bars={f.byCategory.slice(0, 6).map((c) => ({ key: c.key, label: localName(c.category), value: c.value }))} testId="chart-categories" />
              ) : (
                <Skeleton variant="rectangular" height={140} />
              )}
            </CardContent>
          </Card>
        </Box>
      ) : null}
      <PerformanceCard />
    </Box>
  );
};

export default Figures;
