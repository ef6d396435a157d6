import { BooleanField, DataTable, List } from 'react-admin';
import { BeijingTimeField, EnumChipsField, NameField } from '../fields';

const UserList = () => (
  <List perPage={25} sort={{ field: 'username', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="username" disableSort />
      <DataTable.Col source="displayName" disableSort />
      <DataTable.Col source="roles" disableSort>
        <EnumChipsField source="roles" enumName="Role" />
      </DataTable.Col>
      <DataTable.Col source="department" disableSort>
        <NameField source="department" reference="departments" />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="createdAt" disableSort>
        <BeijingTimeField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default UserList;
