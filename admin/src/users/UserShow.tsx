import { BooleanField, DateField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumChipsField, NameField } from '../fields';

const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="username" />
      <TextField source="displayName" />
      <EnumChipsField source="roles" enumName="Role" />
      <NameField source="department" reference="departments" emptyText="—" />
      <BooleanField source="active" />
      <DateField source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);

export default UserShow;
