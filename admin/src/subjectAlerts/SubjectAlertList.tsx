// Subject alerts (多次反映提醒): weak signals from different callers about one child, household,
// adult, school or address met the threshold. Open ones first (a toggle shows all), each with its
// report count and the cases behind it, and an acknowledgement with confirmation. Not a react-admin
// list: the API's `subjectAlerts` takes `openOnly`, not a filter, and pages by cursor.
import { useState } from 'react';
import { Box, Button as MuiButton, Card, CardContent, Chip, FormControlLabel, LinearProgress, Link as MuiLink, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { Link, Title, useCanAccess, useCreatePath, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { typedMutation, type GuardlineDataProvider } from '../dataProvider';
import { ACKNOWLEDGE_SUBJECT_ALERT, SUBJECT_ALERTS } from '../dataProvider/queries';
import { ActionDialog } from '../ui/ActionDialog';
import { StatusChip } from '../ui/badges';
import { formatBeijing } from '../ui/time';
import { useGql } from '../ui/useGql';

interface CaseRow {
  id: string;
  code: string;
  summary: string;
  status: string;
  receivedAt: string;
}
interface Alert {
  id: string;
  reportCount: number;
  subjectKind: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  cases: { totalCount: number; edges: { node: CaseRow }[] };
}
interface Page {
  subjectAlerts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Alert }[] };
}

const PAGE = 25;

const AcknowledgeButton = ({ alert, onDone }: { alert: Alert; onDone: () => void }) => {
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <MuiButton size="small" variant="outlined" startIcon={<CheckIcon />} onClick={() => setOpen(true)} data-testid="acknowledge-button">
        {translate('guardline.subjectAlerts.acknowledge')}
      </MuiButton>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="guardline.subjectAlerts.acknowledge"
        confirmLabel="guardline.subjectAlerts.acknowledge"
        testId="acknowledge"
        onSubmit={async () => {
          await typedMutation(dataProvider.request, ACKNOWLEDGE_SUBJECT_ALERT, { alertId: alert.id }, 'acknowledgeSubjectAlert');
          notify('guardline.subjectAlerts.acknowledged', { type: 'success' });
          onDone();
        }}
      >
        <Typography variant="body2">{translate('guardline.subjectAlerts.acknowledge_help', { count: alert.reportCount })}</Typography>
      </ActionDialog>
    </>
  );
};

const Cases = ({ alert }: { alert: Alert }) => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  return (
    <Stack spacing={0.5}>
      {alert.cases.edges.map(({ node: c }) => (
        <Stack key={c.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <MuiLink component={Link} to={createPath({ resource: 'cases', id: c.id, type: 'show' })} sx={{ fontFamily: 'monospace' }}>
            {c.code}
          </MuiLink>
          <StatusChip enumName="CaseStatus" value={c.status} />
          <Typography variant="body2" noWrap sx={{ maxWidth: 360 }}>
            {c.summary}
          </Typography>
        </Stack>
      ))}
      {alert.cases.totalCount > alert.cases.edges.length ? (
        <Typography variant="caption" color="text.secondary">
          {translate('guardline.subjectAlerts.more_cases', { count: alert.cases.totalCount - alert.cases.edges.length })}
        </Typography>
      ) : null}
    </Stack>
  );
};

const SubjectAlertList = () => {
  const translate = useTranslate();
  const [openOnly, setOpenOnly] = useState(true);
  // cursors of the pages before this one: back is a pop, next a push
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const { canAccess: seesCases } = useCanAccess({ resource: 'cases', action: 'show' });
  const { canAccess: acknowledge } = useCanAccess({ resource: 'subjectAlerts', action: 'acknowledge' });
  const { data, isPending, refetch } = useGql<Page>(['subjectAlerts'], SUBJECT_ALERTS, { openOnly, first: PAGE, after });
  const page = data?.subjectAlerts;
  return (
    <Box sx={{ mt: 1 }}>
      <Title title="resources.subjectAlerts.name" />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="subtitle1" data-testid="alert-count">
              {translate(openOnly ? 'guardline.subjectAlerts.open_count' : 'guardline.subjectAlerts.all_count', { count: page?.totalCount ?? 0 })}
            </Typography>
            <FormControlLabel
              control={<Switch checked={!openOnly} onChange={(e) => (setOpenOnly(!e.target.checked), setCursors([null]))} />}
              label={translate('guardline.subjectAlerts.show_all')}
            />
          </Stack>
          {isPending ? <LinearProgress /> : null}
          {page && page.edges.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('guardline.subjectAlerts.none')}
            </Typography>
          ) : null}
          {page && page.edges.length > 0 ? (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.subjectAlerts.fields.raisedAt')}</TableCell>
                  <TableCell>{translate('resources.subjectAlerts.fields.subjectKind')}</TableCell>
                  <TableCell align="right">{translate('resources.subjectAlerts.fields.reportCount')}</TableCell>
                  {seesCases ? <TableCell>{translate('resources.subjectAlerts.fields.cases')}</TableCell> : null}
                  <TableCell>{translate('resources.subjectAlerts.fields.acknowledgedAt')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.edges.map(({ node: a }) => (
                  <TableRow key={a.id} data-testid="subject-alert">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatBeijing(a.raisedAt)}</TableCell>
                    <TableCell data-testid="subject-alert-kind">{translate(`guardline.enum.subjectKind.${a.subjectKind}`)}</TableCell>
                    <TableCell align="right">
                      <Chip size="small" color="warning" label={a.reportCount} />
                    </TableCell>
                    {seesCases ? (
                      <TableCell>
                        <Cases alert={a} />
                      </TableCell>
                    ) : null}
                    <TableCell>
                      {a.acknowledgedAt ? formatBeijing(a.acknowledgedAt) : acknowledge ? <AcknowledgeButton alert={a} onDone={() => void refetch()} /> : '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', mt: 1 }}>
            <MuiButton disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {translate('ra.navigation.previous')}
            </MuiButton>
            <MuiButton disabled={!page?.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, page!.pageInfo.endCursor])}>
              {translate('ra.navigation.next')}
            </MuiButton>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};

export default SubjectAlertList;
