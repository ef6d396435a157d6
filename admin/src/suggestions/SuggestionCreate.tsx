// Submitting a suggestion (a caller's idea heard on a call, or a department's own): the submitter gets
// a claim code, shown once here to read out.
import { useState } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { AutocompleteInput, BooleanInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required, useRedirect, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { localName } from '../i18n';
import { categoryPath, type Category } from '../cases/categories';

const Submitter = () => {
  const anonymous = useWatch({ name: 'submitter.anonymous' }) as boolean;
  if (anonymous) return null;
  return (
    <>
      <TextInput source="submitter.name" validate={maxLength(50)} sx={{ maxWidth: 320 }} />
      <TextInput source="submitter.phone" validate={maxLength(30)} sx={{ maxWidth: 320 }} />
      <TextInput source="submitter.organization" validate={maxLength(100)} sx={{ maxWidth: 480 }} />
    </>
  );
};

const SuggestionCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [done, setDone] = useState<{ id: string; claimCode: string; code: string } | null>(null);
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: { id: string; claimCode: string; code: string }) => setDone(data) }}>
        <SimpleForm defaultValues={{ submitter: { anonymous: false } }}>
          <TextInput source="title" validate={[required(), maxLength(200)]} sx={{ maxWidth: 720 }} />
          <TextInput source="content" multiline minRows={4} validate={[required(), maxLength(20000)]} sx={{ maxWidth: 720 }} />
          <TextInput source="topic" validate={maxLength(100)} sx={{ maxWidth: 320 }} />
          <ReferenceInput source="targetCategoryId" reference="caseCategories" perPage={1000} sort={{ field: 'code', order: 'ASC' }}>
            <AutocompleteInput optionText={(c: Category) => categoryPath(c)} filterToQuery={(q: string) => ({ q })} sx={{ maxWidth: 480 }} />
          </ReferenceInput>
          <ReferenceInput source="targetDistrictId" reference="districts" perPage={100}>
            <SelectInput optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)} />
          </ReferenceInput>
          <BooleanInput source="submitter.anonymous" />
          <Submitter />
        </SimpleForm>
      </Create>
      <Dialog open={!!done} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('guardline.suggestions.submitted', { code: done?.code ?? '' })}</DialogTitle>
        <DialogContent>
          <Typography variant="overline">{translate('guardline.intake.claim_code')}</Typography>
          <Typography data-testid="suggestion-claim-code" sx={{ fontFamily: 'monospace', fontSize: 30, letterSpacing: 3 }}>
            {done?.claimCode}
          </Typography>
          <Alert severity="info">{translate('guardline.intake.claim_code_help')}</Alert>
        </DialogContent>
        <DialogActions>
          <MuiButton variant="contained" onClick={() => done && redirect('show', 'suggestions', done.id)}>
            {translate('ra.action.show')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

export default SuggestionCreate;
