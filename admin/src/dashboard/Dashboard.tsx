// The first page after sign-in: who is on shift, in which role, and the pages that role can use.
// A placeholder for now — later issues add the desk's figures and charts (lazy-loaded).
import { createElement } from 'react';
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
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
    <Box sx={{ mt: 1, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr' } }}>
      <Title title="ra.page.dashboard" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('guardline.dashboard.greeting', { name: me?.fullName ?? '' })}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('guardline.dashboard.roles')}
            </Typography>
            {me?.roles.map((r) => (
              <Chip key={r} label={roleLabel(r)} color="primary" variant="outlined" data-testid="dashboard-role" />
            ))}
          </Stack>
          {me?.department ? (
            <Typography variant="body2" color="text.secondary">
              {translate('guardline.dashboard.department', { name: me.department.nameZh })}
            </Typography>
          ) : null}
          <Typography variant="subtitle2" sx={{ mt: 3 }}>
            {translate('guardline.dashboard.overview')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('guardline.dashboard.placeholder')}
          </Typography>
        </CardContent>
      </Card>
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
