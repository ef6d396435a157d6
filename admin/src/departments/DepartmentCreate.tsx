// A new department (administrators): a stable code, names, kind, and where it sits — its parent and
// district. Under a district-level parent the district may be left empty: the server takes the parent's.
import { AutocompleteInput, BooleanInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { enumChoices } from '../enums';
import { localName } from '../i18n';
import { CODE_PATTERN } from '../ui/codes';

const name = (d: { nameZh?: string; nameEn?: string }) => localName(d);

const DepartmentCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ active: true }}>
      <TextInput source="code" validate={[required(), CODE_PATTERN]} helperText="guardline.departments.code_help" sx={{ maxWidth: 320 }} />
      <TextInput source="nameZh" validate={[required(), maxLength(200)]} sx={{ maxWidth: 480 }} />
      <TextInput source="nameEn" validate={[required(), maxLength(200)]} sx={{ maxWidth: 480 }} />
      <SelectInput source="kind" choices={enumChoices('DepartmentKind')} validate={required()} />
      <ReferenceInput source="parentId" reference="departments" perPage={25}>
        <AutocompleteInput optionText={name} filterToQuery={(q: string) => ({ q })} helperText="guardline.departments.parent_help" sx={{ maxWidth: 480 }} />
      </ReferenceInput>
      <ReferenceInput source="districtId" reference="districts" perPage={100}>
        <SelectInput optionText={name} helperText="guardline.departments.district_help" />
      </ReferenceInput>
      <BooleanInput source="active" />
    </SimpleForm>
  </Create>
);

export default DepartmentCreate;
