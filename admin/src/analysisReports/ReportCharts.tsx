// A report's charts (a lazy chunk with the SVG charts): intake by month as a line, and cases by
// protection domain as columns — both from the published tables, hidden counts never drawn.
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ColumnChart, LineChart } from '../dashboard/charts';
import { useEnumLabel } from '../fields';
import { monthlyTrend, tableBars } from './chartData';
import type { ReportTable } from './types';

const ReportCharts = ({ tables }: { tables: ReportTable[] }) => {
  const translate = useTranslate();
  const domain = useEnumLabel('ProtectionDomain');
  const trend = monthlyTrend(tables);
  const domains = tableBars(tables.find((t) => t.id === 'domain')).map((b) => ({ ...b, label: domain(b.label) }));
  return (
    <Box className="report-section" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 3, '@media print': { gridTemplateColumns: '1fr 1fr' } }}>
      <Box>
        <Typography variant="subtitle2" gutterBottom>
          {translate('guardline.reports.chart_trend')}
        </Typography>
        <LineChart points={trend} height={120} testId="chart-trend" />
      </Box>
      <Box>
        <Typography variant="subtitle2" gutterBottom>
          {translate('guardline.reports.chart_domain')}
        </Typography>
        <ColumnChart bars={domains} height={120} testId="chart-domain" />
      </Box>
    </Box>
  );
};

export default ReportCharts;
