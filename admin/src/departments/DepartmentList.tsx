import { BooleanField, DataTable, List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { enumChoices } from '../enums';
import { EnumField, NameField } from '../fields';
import { localName } from '../i18n';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('DepartmentKind')} alwaysOn />,
  <ReferenceInput key="districtId" source="districtId" reference="districts" perPage={100} alwaysOn>
    <SelectInput optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)} />
  </ReferenceInput>,
];

const DepartmentList = () => (
  <List filters={filters} perPage={25} sort={{ field: 'code', order: 'ASC' }}>
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
      <DataTable.Col source="parent" disableSort>
        <NameField source="parent" reference="departments" />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default DepartmentList;
