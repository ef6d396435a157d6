import { List, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { enumChoices } from '../enums';
import { localName } from '../i18n';
import { DepartmentTable } from '../ui/DepartmentTable';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('DepartmentKind')} alwaysOn />,
  <ReferenceInput key="districtId" source="districtId" reference="districts" perPage={100} alwaysOn>
    <SelectInput optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)} />
  </ReferenceInput>,
];

const DepartmentList = () => (
  <List filters={filters} perPage={25} sort={{ field: 'code', order: 'ASC' }}>
    <DepartmentTable withParent />
  </List>
);

export default DepartmentList;
