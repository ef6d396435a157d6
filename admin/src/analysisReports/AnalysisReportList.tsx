// Analysis reports (研判分析报告): analysts and supervisors see every report, drafts too; the desk the
// published ones; a department those published to it (the server decides which).
import { CreateButton, DataTable, FunctionField, List, SelectInput, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { enumChoices } from '../enums';
import { BeijingTimeField } from '../fields';
import { localName } from '../i18n';
import { StatusField } from '../ui/badges';
import { useScopeLabel } from './scope';
import type { Report } from './types';

const filters = [<SelectInput key="status" source="status" choices={enumChoices('AnalysisReportStatus')} alwaysOn />];

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'analysisReports', action: 'create' });
  return <TopToolbar>{canAccess ? <CreateButton /> : null}</TopToolbar>;
};

const AnalysisReportList = () => {
  const scope = useScopeLabel();
  return (
    <List filters={filters} actions={<Actions />} perPage={25} storeKey="analysisReports.list" empty={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" disableSort>
          <TextField source="title" />
        </DataTable.Col>
        <DataTable.Col source="period" disableSort>
          <FunctionField<Report> render={(r) => `${r.periodStart} — ${r.periodEnd}`} sx={{ whiteSpace: 'nowrap' }} />
        </DataTable.Col>
        <DataTable.Col source="scope" disableSort>
          <FunctionField<Report> render={(r) => scope(r.scope)} />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <StatusField source="status" enumName="AnalysisReportStatus" />
        </DataTable.Col>
        <DataTable.Col source="audience" disableSort>
          <FunctionField<Report> render={(r) => r.audience.map((d) => localName(d)).join('、') || '—'} />
        </DataTable.Col>
        <DataTable.Col source="publishedAt" disableSort>
          <BeijingTimeField source="publishedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default AnalysisReportList;
