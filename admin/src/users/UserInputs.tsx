// The inputs of a staff account (create now; an edit page would share them).
import { AutocompleteInput, CheckboxGroupInput, PasswordInput, ReferenceInput, TextInput, maxLength, minLength, required } from 'react-admin';
import { enumChoices } from '../enums';
import { localName } from '../i18n';

/** Mirrors server/modules/auth/rules.ts MIN_PASSWORD_LENGTH; the server checks again. */
const MIN_PASSWORD_LENGTH = 10;

const departmentForHandler = (value: unknown, values: { roles?: string[] }) =>
  values.roles?.includes('DEPARTMENT_HANDLER') && !value ? 'guardline.users.department_required' : undefined;

export const UserInputs = () => (
  <>
    <TextInput source="username" validate={[required(), maxLength(100)]} autoComplete="off" sx={{ maxWidth: 480 }} />
    <TextInput source="displayName" validate={[required(), maxLength(100)]} sx={{ maxWidth: 480 }} />
    <PasswordInput
      source="password"
      validate={[required(), minLength(MIN_PASSWORD_LENGTH)]}
      autoComplete="new-password"
      helperText="guardline.users.password_help"
      sx={{ maxWidth: 480 }}
    />
    <CheckboxGroupInput source="roles" choices={enumChoices('Role')} validate={required()} helperText="guardline.users.roles_help" />
    <ReferenceInput source="departmentId" reference="departments" perPage={25}>
      <AutocompleteInput
        optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)}
        filterToQuery={(q: string) => ({ q })}
        validate={departmentForHandler}
        sx={{ maxWidth: 480 }}
      />
    </ReferenceInput>
  </>
);
