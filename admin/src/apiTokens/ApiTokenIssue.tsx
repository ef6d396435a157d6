// Issuing a partner token. The secret exists only in the issue response: it is shown once in a dialog
// and kept nowhere — not in react-admin's cache (the page calls the data provider itself rather than
// <Create>'s mutation, whose result would be cached), not in storage.
import { useState } from 'react';
import { Card, CardContent } from '@mui/material';
import {
  AutocompleteInput,
  FormDataConsumer,
  HttpError,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SimpleForm,
  TextArrayInput,
  TextInput,
  Title,
  Toolbar,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useRedirect,
} from 'react-admin';

type FieldValues = Record<string, unknown>;
import { enumChoices } from '../enums';
import { localName } from '../i18n';
import type { GuardlineDataProvider } from '../dataProvider';
import { SecretDialog } from './SecretDialog';

const IssueToolbar = () => (
  <Toolbar>
    <SaveButton label="guardline.apiTokens.issue" />
  </Toolbar>
);

const ApiTokenIssue = () => {
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null);

  const issue = async (values: FieldValues) => {
    try {
      const { data } = await dataProvider.create('apiTokens', { data: values });
      setIssued({ name: String(data.name), secret: String(data.secret) });
      return undefined;
    } catch (e) {
      // a typed error naming an input shows under it (react-admin's server-side validation format)
      if (e instanceof HttpError && e.body?.errors) return e.body.errors as FieldValues;
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  return (
    <Card sx={{ mt: 1 }}>
      <Title title="guardline.apiTokens.issue_title" />
      <CardContent sx={{ p: 0, '&:last-child': { pb: 0 } }}>
        <SimpleForm onSubmit={issue} defaultValues={{ kind: 'DEPARTMENT', scopes: [] }} toolbar={<IssueToolbar />}>
          <TextInput source="name" validate={[required(), maxLength(100)]} sx={{ maxWidth: 480 }} />
          <RadioButtonGroupInput source="kind" choices={enumChoices('ApiTokenKind')} validate={required()} helperText="guardline.apiTokens.kind_help" />
          <FormDataConsumer<{ kind?: string }>>
            {({ formData }) =>
              formData.kind === 'DEPARTMENT' ? (
                <ReferenceInput source="departmentId" reference="departments" perPage={25}>
                  <AutocompleteInput
                    optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)}
                    filterToQuery={(q: string) => ({ q })}
                    validate={required()}
                    sx={{ maxWidth: 480 }}
                  />
                </ReferenceInput>
              ) : null
            }
          </FormDataConsumer>
          <TextArrayInput source="scopes" helperText="guardline.apiTokens.scopes_help" sx={{ maxWidth: 480 }} />
        </SimpleForm>
      </CardContent>
      <SecretDialog
        issued={issued}
        onClose={() => {
          setIssued(null);
          redirect('list', 'apiTokens');
        }}
      />
    </Card>
  );
};

export default ApiTokenIssue;
