import { DataTable, ExportButton, List, TextField, TextInput, TopToolbar } from 'react-admin';
import { BeijingTimeField } from '../fields';

const filters = [
  <TextInput key="entity" source="entity" alwaysOn />,
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="actor" source="actor" />,
];

const AuditEventList = () => (
  <List perPage={50} filters={filters} actions={<TopToolbar><ExportButton /></TopToolbar>}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="at" disableSort>
        <BeijingTimeField source="at" />
      </DataTable.Col>
      <DataTable.Col source="actor" disableSort />
      <DataTable.Col source="action" disableSort />
      <DataTable.Col source="entity" disableSort />
      <DataTable.Col source="fields" disableSort>
        <TextField source="fields" />
      </DataTable.Col>
      <DataTable.Col source="detail" disableSort>
        <TextField source="detail" sx={{ fontFamily: 'monospace', fontSize: 12 }} />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default AuditEventList;
