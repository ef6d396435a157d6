// The printable report: the document alone on a white A4-wide sheet. On paper (@media print) the
// panel's app bar, menu and this page's own buttons are hidden, and tables and charts avoid being
// cut across pages.
import { Box, Button, GlobalStyles, LinearProgress, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintIcon from '@mui/icons-material/Print';
import { Link, Title, useGetOne, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { ReportDocument } from './ReportDocument';
import { hasDetail, type Report } from './types';

const PRINT_CSS = {
  '@page': { size: 'A4', margin: '14mm 12mm' },
  '@media print': {
    'header.MuiAppBar-root, .RaSidebar-root, .MuiDrawer-root, .no-print': { display: 'none !important' },
    '.RaLayout-appFrame': { marginTop: '0 !important' },
    '.RaLayout-content, .report-print': { padding: '0 !important', margin: '0 !important', boxShadow: 'none !important', maxWidth: 'none !important' },
    body: { background: '#fff !important' },
    '.report-section, tr': { breakInside: 'avoid' },
    'h1, h2': { breakAfter: 'avoid' },
  },
} as const;

const AnalysisReportPrint = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const { data, error } = useGetOne<Report & { id: string }>('analysisReports', { id });
  return (
    <Box sx={{ py: 2 }}>
      <GlobalStyles styles={PRINT_CSS} />
      <Title title={data?.title ?? 'guardline.reports.print_page'} />
      <Box className="no-print" sx={{ display: 'flex', gap: 1, mb: 2, maxWidth: '210mm', mx: 'auto' }}>
        <Button startIcon={<ArrowBackIcon />} component={Link} to={`/analysisReports/${encodeURIComponent(id)}/show`}>
          {translate('ra.action.back')}
        </Button>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!data} data-testid="print">
          {translate('guardline.reports.print')}
        </Button>
      </Box>
      {error ? (
        <Typography color="error">{translate('ra.notification.item_doesnt_exist')}</Typography>
      ) : !hasDetail(data) ? (
        <LinearProgress />
      ) : (
        <Box className="report-print" data-testid="report-print" sx={{ maxWidth: '210mm', mx: 'auto', bgcolor: '#fff', color: '#000', p: '12mm', boxShadow: 1 }}>
          <Typography variant="overline" color="text.secondary">
            {translate('resources.analysisReports.name', { smart_count: 1 })}
          </Typography>
          <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
            {data.title}
          </Typography>
          <ReportDocument report={data as Required<Report>} />
        </Box>
      )}
    </Box>
  );
};

export default AnalysisReportPrint;
