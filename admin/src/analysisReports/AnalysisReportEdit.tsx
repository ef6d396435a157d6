// The analyst's page for a draft: title, narrative and recommendations (the figures are the
// snapshot; take it again from the report's page). A stale version comes back as an error, not an
// overwrite. Publishing is a move on the report's page.
import { Edit, SimpleForm, TextInput, maxLength, required, Toolbar, SaveButton, useRecordContext, useTranslate } from 'react-admin';
import { Alert } from '@mui/material';
import type { Report } from './types';

const Frozen = () => {
  const r = useRecordContext<Report>();
  const translate = useTranslate();
  return r?.status === 'PUBLISHED' ? <Alert severity="info">{translate('guardline.reports.frozen')}</Alert> : null;
};

const AnalysisReportEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}>
      <Frozen />
      <TextInput source="title" validate={[required(), maxLength(200)]} sx={{ maxWidth: 720 }} />
      <TextInput source="narrative" multiline minRows={8} validate={maxLength(20000)} fullWidth helperText="guardline.reports.no_personal_data" />
      <TextInput source="recommendations" multiline minRows={5} validate={maxLength(20000)} fullWidth />
    </SimpleForm>
  </Edit>
);

export default AnalysisReportEdit;
