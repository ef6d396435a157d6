// A new case category (administrators): a top-level category, or a leaf under one (two levels), with
// its routing hints — the department kinds suggested, in order — and a default urgency.
import { BooleanInput, Create, SelectArrayInput, SelectInput, SimpleForm, TextInput, maxLength, required, useGetList } from 'react-admin';
import { enumChoices } from '../enums';
import { localName } from '../i18n';
import { CODE_PATTERN } from '../ui/codes';

/** Only top-level categories can take a leaf. */
const ParentInput = () => {
  const { data = [] } = useGetList<{ id: string; nameZh: string; nameEn: string; parent: unknown }>('caseCategories', { pagination: { page: 1, perPage: 500 }, filter: {} });
  const choices = data.filter((c) => !c.parent).map((c) => ({ id: c.id, name: localName(c) }));
  return <SelectInput source="parentId" choices={choices} emptyText="guardline.categories.top_level" helperText="guardline.categories.parent_help" translateChoice={false} />;
};

const CategoryCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ active: true, suggestedDepartmentKinds: [] }}>
      <TextInput source="code" validate={[required(), CODE_PATTERN]} helperText="guardline.categories.code_help" sx={{ maxWidth: 320 }} />
      <TextInput source="nameZh" validate={[required(), maxLength(200)]} sx={{ maxWidth: 480 }} />
      <TextInput source="nameEn" validate={[required(), maxLength(200)]} sx={{ maxWidth: 480 }} />
      <ParentInput />
      <SelectInput source="defaultUrgency" choices={enumChoices('Urgency')} emptyText="guardline.categories.no_default" />
      <SelectArrayInput source="suggestedDepartmentKinds" choices={enumChoices('DepartmentKind')} helperText="guardline.categories.kinds_help" />
      <BooleanInput source="active" />
    </SimpleForm>
  </Create>
);

export default CategoryCreate;
