import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { BeijingTimeField, EnumChipsField, NameField } from '../fields';
import { UserAdminActions } from './UserAdminActions';

const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <UserAdminActions />
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
