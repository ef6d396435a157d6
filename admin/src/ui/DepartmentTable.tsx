// The departments' grid: the list page and a department's sub-departments show the same columns (the
// list adds the parent).
import { BooleanField, DataTable } from 'react-admin';
import { EnumField, NameField } from '../fields';

export const DepartmentTable = ({ withParent = false }: { withParent?: boolean }) => (
  <DataTable rowClick="show" bulkActionButtons={false}>
    <DataTable.Col source="code" disableSort />
    <DataTable.Col source="name" disableSort>
      <NameField />
    </DataTable.Col>
    <DataTable.Col source="kind" disableSort>
      <EnumField source="kind" enumName="DepartmentKind" />
    </DataTable.Col>
    <DataTable.Col source="district" disableSort>
      <NameField source="district" />
    </DataTable.Col>
    {withParent ? (
      <DataTable.Col source="parent" disableSort>
        <NameField source="parent" reference="departments" />
      </DataTable.Col>
    ) : null}
    <DataTable.Col source="active" disableSort>
      <BooleanField source="active" />
    </DataTable.Col>
  </DataTable>
);
