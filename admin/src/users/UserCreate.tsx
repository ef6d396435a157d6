import { Create, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';

const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ roles: [] }}>
      <UserInputs />
    </SimpleForm>
  </Create>
);

export default UserCreate;
