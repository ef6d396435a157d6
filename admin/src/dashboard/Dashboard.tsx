// The first page after sign-in: who is on shift, the figures of the day for this role (today's
// intake, what waits for dispatch, overdue work, pending votes…), intake charts, and shortcuts. The
// figures and charts are a lazy chunk of their own.
import { createElement, lazy, Suspense } from 'react';
import { Box, Card, CardContent, Chip, Skeleton, Stack, Typography } from '@mui/material';
import {
  Link,
  Title,
  useCanAccessResources,
  useCreatePath,
  useGetIdentity,
  useGetResourceLabel,
  useResourceDefinitions,
  useTranslate,
} from 'react-admin';
import type { GuardlineIdentity } from '../authProvider';
import { useEnumLabel } from '../fields';
import { localName } from '../i18n';

const Figures = lazy(() => import('./Figures'));

const Dashboard = () => {
  const translate = useTranslate();
  const roleLabel = useEnumLabel('Role');
  const { identity } = useGetIdentity();
  const me = identity as GuardlineIdentity | undefined;
  const definitions = useResourceDefinitions();
  const withList = Object.values(definitions).filter((d) => d.hasList);
  const { canAccess } = useCanAccessResources({ action: 'list', resources: withList.map((d) => d.name) });
  const getResourceLabel = useGetResourceLabel();
  const createPath = useCreatePath();
  const shortcuts = withList.filter((d) => canAccess?.[d.name]);

  return (
    <Box sx={{ mt: 1, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', lg: '1fr 240px' }, alignItems: 'start' }}>
      <Title title="ra.page.dashboard" />
      <Box sx={{ display: 'grid', gap: 1.5, minWidth: 0 }}>
        <Card>
          <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h2" sx={{ mr: 1 }}>
                {translate('guardline.dashboard.greeting', { name: me?.fullName ?? '' })}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.dashboard.roles')}
              </Typography>
              {me?.roles.map((r) => (
                <Chip key={r} label={roleLabel(r)} color="primary" variant="outlined" data-testid="dashboard-role" />
              ))}
              {me?.department ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('guardline.dashboard.department', { name: localName(me.department) })}
                </Typography>
              ) : null}
            </Stack>
          </CardContent>
        </Card>
        <Suspense fallback={<Skeleton variant="rectangular" height={240} />}>
          <Figures />
        </Suspense>
      </Box>
      <Card>
        <CardContent>
          <Typography variant="subtitle2" gutterBottom>
            {translate('guardline.dashboard.shortcuts')}
          </Typography>
          {shortcuts.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('guardline.dashboard.no_shortcuts')}
            </Typography>
          ) : (
            <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
              {shortcuts.map((d) => (
                <Chip
                  key={d.name}
                  clickable
                  component={Link}
                  to={createPath({ resource: d.name, type: 'list' })}
                  icon={d.icon ? createElement(d.icon) : undefined}
                  label={getResourceLabel(d.name, 2)}
                  variant="outlined"
                />
              ))}
            </Stack>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};

export default Dashboard;
