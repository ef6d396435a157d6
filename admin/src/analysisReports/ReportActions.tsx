// The moves on a report, each shown only when the role may make it and the state allows it: edit,
// take the figures again and publish (a draft, analysts and supervisors); download CSV or XLSX and
// open the printable page (anyone who reads it).
import { useState } from 'react';
import { Button as MuiButton, Stack } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import PublishIcon from '@mui/icons-material/Send';
import RefreshIcon from '@mui/icons-material/Refresh';
import { EditButton, Link, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { GuardlineDataProvider } from '../dataProvider';
import { ANALYSIS_REPORT_EXPORT } from '../dataProvider/queries';
import { ActionButton, actionTarget } from '../ui/ActionButton';
import { DepartmentMultiPicker, type DepartmentOption } from '../ui/DepartmentPicker';
import { downloadBase64 } from '../ui/download';
import type { Report } from './types';

type ExportFile = { filename: string; mimeType: string; base64: string };

const DownloadButton = ({ report, format }: { report: Report; format: 'CSV' | 'XLSX' }) => {
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const data = await dataProvider.request<{ node: { export: ExportFile } | null }>(ANALYSIS_REPORT_EXPORT, { id: report.id, format });
      if (!data.node) throw new Error('ra.notification.item_doesnt_exist');
      downloadBase64(data.node.export);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <MuiButton variant="outlined" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void download()} data-testid={`download-${format.toLowerCase()}`}>
      {translate(`guardline.reports.download_${format.toLowerCase()}`)}
    </MuiButton>
  );
};

const PublishButton = ({ report }: { report: Report }) => (
  <ActionButton
    label="guardline.reports.publish"
    {...actionTarget('analysisReports', report.id, { version: report.version })}
    action="publish"
    variant="contained"
    icon={<PublishIcon />}
    done="guardline.reports.published"
    testId="publish"
    toData={({ departments, ...v }) => ({ ...v, departmentIds: ((departments as DepartmentOption[] | undefined) ?? report.audience).map((d) => d.id) })}
    validate={(v) => (((v.departments as DepartmentOption[] | undefined) ?? report.audience).length ? {} : { confirmed: 'guardline.reports.pick_department' })}
    fields={[{ name: 'confirmed', label: 'guardline.reports.publish_confirm', kind: 'checkbox', required: true }]}
  >
    {(values, set) => (
      <DepartmentMultiPicker
        label="guardline.reports.audience"
        value={(values.departments as DepartmentOption[] | undefined) ?? report.audience}
        onChange={(list) => set('departments', list)}
        helperText="guardline.reports.audience_help"
        testId="publish-departments"
      />
    )}
  </ActionButton>
);

export const ReportActions = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const { canAccess: edit } = useCanAccess({ resource: 'analysisReports', action: 'edit' });
  const { canAccess: publish } = useCanAccess({ resource: 'analysisReports', action: 'publish' });
  const draft = report.status === 'DRAFT';
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }} className="no-print">
      {edit && draft ? <EditButton record={report} variant="outlined" /> : null}
      {edit && draft ? (
        <ActionButton
          label="guardline.reports.refresh"
          {...actionTarget('analysisReports', report.id, { version: report.version })}
          action="refresh"
          icon={<RefreshIcon />}
          done="guardline.reports.refreshed"
          testId="refresh"
        >
          {translate('guardline.reports.refresh_help')}
        </ActionButton>
      ) : null}
      {publish && draft ? <PublishButton report={report} /> : null}
      <DownloadButton report={report} format="CSV" />
      <DownloadButton report={report} format="XLSX" />
      <MuiButton variant="outlined" startIcon={<PrintIcon />} component={Link} to={`/analysisReports/${encodeURIComponent(report.id)}/print`} data-testid="open-print">
        {translate('guardline.reports.print_page')}
      </MuiButton>
    </Stack>
  );
};
