// One report: its title, state and audience, the moves for this role and state, and the report itself.
import { Box, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { localName } from '../i18n';
import { StatusChip } from '../ui/badges';
import { ReportActions } from './ReportActions';
import { ReportDocument } from './ReportDocument';
import { hasDetail, type Report } from './types';

const ReportPage = () => {
  const r = useRecordContext<Report>();
  const translate = useTranslate();
  // the list's row is shown while the page's own query runs: wait for the figures
  if (!hasDetail(r)) return <LinearProgress sx={{ mt: 2 }} />;
  return (
    <Stack spacing={1.5} sx={{ mt: 1 }}>
      <Card>
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', '&:last-child': { pb: 2 } }}>
          <Box sx={{ flex: 1, minWidth: 260 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="h6" component="h1" data-testid="report-title">
                {r.title}
              </Typography>
              <StatusChip enumName="AnalysisReportStatus" value={r.status} />
            </Stack>
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1 }} data-testid="report-audience">
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.reports.audience')}:
              </Typography>
              {r.audience.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('guardline.reports.no_audience')}
                </Typography>
              ) : (
                r.audience.map((d) => <Chip key={d.id} size="small" variant="outlined" label={localName(d)} />)
              )}
            </Stack>
          </Box>
          <ReportActions report={r} />
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <ReportDocument report={r as Required<Report>} />
        </CardContent>
      </Card>
    </Stack>
  );
};

const AnalysisReportShow = () => (
  <Show component="div" actions={false}>
    <ReportPage />
  </Show>
);

export default AnalysisReportShow;
