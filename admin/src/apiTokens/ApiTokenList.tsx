import { BooleanField, CreateButton, DataTable, ExportButton, List, TextField, TopToolbar } from 'react-admin';
import { BeijingTimeField, EnumField, NameField } from '../fields';
import { ApiTokenEmpty } from './ApiTokenEmpty';
import { RevokeButton } from './RevokeButton';

const Actions = () => (
  <TopToolbar>
    <CreateButton label="guardline.apiTokens.issue" />
    <ExportButton />
  </TopToolbar>
);

const ApiTokenList = () => (
  <List perPage={25} actions={<Actions />} empty={<ApiTokenEmpty />}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="kind" disableSort>
        <EnumField source="kind" enumName="ApiTokenKind" />
      </DataTable.Col>
      <DataTable.Col source="department" disableSort>
        <NameField source="department" reference="departments" />
      </DataTable.Col>
      <DataTable.Col source="tokenPrefix" disableSort>
        <TextField source="tokenPrefix" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="createdAt" disableSort>
        <BeijingTimeField source="createdAt" />
      </DataTable.Col>
      <DataTable.Col source="lastUsedAt" disableSort>
        <BeijingTimeField source="lastUsedAt" />
      </DataTable.Col>
      <DataTable.Col source="revokedAt" disableSort>
        <BeijingTimeField source="revokedAt" />
      </DataTable.Col>
      <DataTable.Col label="">
        <RevokeButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default ApiTokenList;
