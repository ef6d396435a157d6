// A new standard, as a draft (amounts typed in yuan, stored in fen); activating it is a separate move.
import { Create, DateInput, SelectInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { enumChoices } from '../enums';

const StandardCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ kind: 'REPORT_REWARD', honourType: 'COMMENDATION_LETTER' }}>
      <TextInput source="code" validate={[required(), maxLength(40)]} sx={{ maxWidth: 320 }} />
      <SelectInput source="kind" choices={enumChoices('RewardKind')} validate={required()} />
      <TextInput source="level" validate={[required(), maxLength(40)]} sx={{ maxWidth: 320 }} />
      <TextInput source="nameZh" validate={[required(), maxLength(100)]} sx={{ maxWidth: 480 }} />
      <TextInput source="nameEn" validate={[required(), maxLength(100)]} sx={{ maxWidth: 480 }} />
      <TextInput source="criteria" multiline minRows={3} validate={required()} sx={{ maxWidth: 720 }} />
      <SelectInput source="honourType" choices={enumChoices('HonourType')} validate={required()} />
      <TextInput source="minAmountYuan" type="number" validate={required()} sx={{ maxWidth: 200 }} />
      <TextInput source="maxAmountYuan" type="number" validate={required()} sx={{ maxWidth: 200 }} />
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" />
    </SimpleForm>
  </Create>
);

export default StandardCreate;
