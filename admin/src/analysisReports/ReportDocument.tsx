// An analysis report as a document: the facts, narrative and recommendations, charts, every table as
// published ("<5" and "*" kept), department performance, hotspots and the formulas. Shared by the
// report's page and its printable page.
import { lazy, Suspense, type ReactNode } from 'react';
import { Box, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields';
import { formatBeijing } from '../ui/time';
import type { Report, ReportTable } from './types';

const ReportCharts = lazy(() => import('./ReportCharts'));

/** Tables whose labels are enum values (the server writes the code): shown in the user's language. */
const ENUM_TABLES = { domain: 'ProtectionDomain', channel: 'CaseChannel', urgency: 'Urgency' } as const;

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box component="section" className="report-section" data-testid={testId} sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" sx={{ fontSize: 16, borderBottom: 1, borderColor: 'divider', pb: 0.5, mb: 1 }}>
        {translate(title, { _: title })}
      </Typography>
      {children}
    </Box>
  );
};

const Prose = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', color: text ? undefined : 'text.secondary' }}>
      {text || translate('guardline.reports.not_written')}
    </Typography>
  );
};

const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

const CountTable = ({ table }: { table: ReportTable }) => {
  const translate = useTranslate();
  const enumName = ENUM_TABLES[table.id as keyof typeof ENUM_TABLES];
  const label = useEnumLabel(enumName ?? 'ProtectionDomain');
  const last = table.columns.length - 1;
  return (
    <Box className="report-section" sx={{ mb: 2 }} data-testid={`report-table-${table.id}`}>
      <Typography variant="subtitle2">{table.title}</Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            {table.columns.map((c, i) => (
              <TableCell key={c} sx={i === last ? num : undefined}>
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((r) => (
            <TableRow key={r.labels.join('|')}>
              {r.labels.map((l, i) => (
                <TableCell key={i}>{enumName ? label(l) : l}</TableCell>
              ))}
              <TableCell sx={num}>{r.count.display}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={last} sx={{ fontWeight: 600 }}>
              {translate('guardline.reports.total')}
            </TableCell>
            <TableCell sx={{ ...num, fontWeight: 600 }}>{table.total.display}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
};

const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
const hours = (v: number | null) => (v == null ? '—' : v.toFixed(1));

export const ReportDocument = ({ report }: { report: Required<Report> }) => {
  const translate = useTranslate();
  const status = useEnumLabel('AnalysisReportStatus');
  const hotspotKind = (k: string) => translate(`guardline.reports.hotspot.${k}`, { _: k });
  const f = report.figures;
  const p = f.performance;
  const fact = (label: string, value: ReactNode) => (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div">
        {value}
      </Typography>
    </Box>
  );
  return (
    <Box className="report-document" data-testid="report-document">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 1.5, mb: 3 }}>
        {fact('guardline.reports.period', `${report.periodStart} — ${report.periodEnd}`)}
        {fact('guardline.reports.scope', f.scopeLabel)}
        {fact('resources.analysisReports.fields.status', status(report.status))}
        {fact('guardline.reports.generated_at', formatBeijing(f.generatedAt))}
        {report.publishedAt ? fact('resources.analysisReports.fields.publishedAt', formatBeijing(report.publishedAt)) : null}
        {fact('guardline.reports.formula_version', f.formulaVersion)}
      </Box>
      <Section title="resources.analysisReports.fields.narrative" testId="report-narrative">
        <Prose text={report.narrative} />
      </Section>
      <Section title="resources.analysisReports.fields.recommendations" testId="report-recommendations">
        <Prose text={report.recommendations} />
      </Section>
      <Section title="guardline.reports.charts">
        <Suspense fallback={<Skeleton variant="rectangular" height={160} />}>
          <ReportCharts tables={f.tables} />
        </Suspense>
      </Section>
      <Section title="guardline.reports.tables">
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {translate('guardline.reports.suppression_note')}
        </Typography>
        {f.tables.map((t) => (
          <CountTable key={t.id} table={t} />
        ))}
      </Section>
      <Section title="guardline.reports.performance">
        <Typography variant="caption" color="text.secondary" component="p">
          {`${p.fromMonth} — ${p.toMonth}`} · {p.provisional ? translate('guardline.reports.provisional', { date: p.finalFrom }) : translate('guardline.reports.final')}
        </Typography>
        <Table size="small" data-testid="report-performance">
          <TableHead>
            <TableRow>
              {['rank', 'department', 'dispatched', 'response', 'resolution', 'satisfaction', 'on_time', 'accept_hours', 'reply_hours', 'rereported', 'overdue'].map((k) => (
                <TableCell key={k} sx={k === 'department' ? undefined : num}>
                  {translate(`guardline.reports.col.${k}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {p.rows.map((r) => (
              <TableRow key={r.code}>
                <TableCell sx={num}>{r.rank ?? '—'}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell sx={num}>{r.dispatched}</TableCell>
                <TableCell sx={num}>{pct(r.responseRate)}</TableCell>
                <TableCell sx={num}>{pct(r.resolutionRate)}</TableCell>
                <TableCell sx={num}>{pct(r.satisfactionRate)}</TableCell>
                <TableCell sx={num}>{pct(r.onTimeReplyRate)}</TableCell>
                <TableCell sx={num}>{hours(r.meanAcceptHours)}</TableCell>
                <TableCell sx={num}>{hours(r.meanReplyHours)}</TableCell>
                <TableCell sx={num}>{r.rereported}</TableCell>
                <TableCell sx={num}>{r.overdueNow}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title="guardline.reports.hotspots">
        {f.hotspots.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('guardline.reports.no_hotspots')}
          </Typography>
        ) : (
          <Table size="small">
            <TableBody>
              {f.hotspots.map((h) => (
                <TableRow key={`${h.kind}|${h.label}`}>
                  <TableCell>{hotspotKind(h.kind)}</TableCell>
                  <TableCell>{h.label}</TableCell>
                  <TableCell sx={num}>{h.count.display}</TableCell>
                  <TableCell>{h.suggestedDepartment ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section title="guardline.reports.formulas">
        {f.formulas.map((fm) => (
          <Typography key={fm.name} variant="caption" component="p" color="text.secondary">
            <strong>{fm.name}</strong> {fm.text}
          </Typography>
        ))}
      </Section>
    </Box>
  );
};
