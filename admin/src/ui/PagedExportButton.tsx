// Export the whole filtered list as CSV, 100 rows a request (the API's page cap), with the export
// selection of the resource: personal data appears only where the API returns it to this role.
import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, downloadCSV, useDataProvider, useListContext, useNotify, useResourceContext, useTranslate, type RaRecord } from 'react-admin';
import { CircularProgress } from '@mui/material';
import { toCsv, type CsvColumn } from './csv';

export const EXPORT_PAGE = 100;
/** A safety stop for a runaway export (the desk exports what it works on, not the archive). */
export const EXPORT_MAX_ROWS = 20_000;

/** Every row of a list, page by page. */
export async function fetchAllPages(
  getList: (page: number) => Promise<{ data: RaRecord[]; total?: number }>,
  max = EXPORT_MAX_ROWS,
): Promise<RaRecord[]> {
  const rows: RaRecord[] = [];
  for (let page = 1; rows.length < max; page += 1) {
    const { data, total } = await getList(page);
    rows.push(...data);
    if (data.length < EXPORT_PAGE || (total !== undefined && rows.length >= total)) break;
  }
  return rows.slice(0, max);
}

export const PagedExportButton = <R extends RaRecord>({ columns, filename }: { columns: (translate: (k: string) => string) => CsvColumn<R>[]; filename?: string }) => {
  const resource = useResourceContext() ?? 'export';
  const { filterValues, sort, total } = useListContext();
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const rows = await fetchAllPages((page) =>
        dataProvider.getList(resource, { pagination: { page, perPage: EXPORT_PAGE }, sort, filter: filterValues, meta: { fields: 'export' } }),
      );
      const t = (k: string) => translate(k, { _: k });
      downloadCSV(toCsv(rows as R[], columns(t)), filename ?? resource);
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="ra.action.export" onClick={() => void run()} disabled={busy || total === 0}>
      {busy ? <CircularProgress size={14} /> : <DownloadIcon />}
    </Button>
  );
};
