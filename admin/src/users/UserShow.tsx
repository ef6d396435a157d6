import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { BeijingTimeField, EnumChipsField, NameField } from '../fields';

const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="username" />
      <TextField source="displayName" />
      <EnumChipsField source="roles" enumName="Role" />
      <NameField source="department" reference="departments" emptyText="—" />
      <BooleanField source="active" />
      <BeijingTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);

export default UserShow;
