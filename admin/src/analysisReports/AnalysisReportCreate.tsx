// A new report: a title, a Beijing period (inclusive days, at most a year) and a scope the API offers
// (district, category — a parent includes its children —, protection domain). The server takes the
// figures' snapshot, as they will be published; the narrative is written on the report's edit page.
import { Typography } from '@mui/material';
import { AutocompleteInput, Create, DateInput, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { categoryPath, type Category } from '../cases/categories';
import { enumChoices } from '../enums';
import { localName } from '../i18n';
import { lastDayOfMonth, monthStart } from '../dashboard/useDashboardFigures';
import { beijingToday } from '../ui/time';

/** Last month, the usual period of a report. */
function lastMonth() {
  const first = monthStart(beijingToday(), 1);
  return { periodStart: first, periodEnd: lastDayOfMonth(first) };
}

const periodOrder = (_v: unknown, values: { periodStart?: string; periodEnd?: string }) =>
  values.periodStart && values.periodEnd && values.periodEnd < values.periodStart ? 'guardline.reports.period_order' : undefined;

const AnalysisReportCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="edit">
      <SimpleForm defaultValues={lastMonth()}>
        <TextInput source="title" validate={[required(), maxLength(200)]} sx={{ maxWidth: 720 }} />
        <DateInput source="periodStart" validate={required()} sx={{ maxWidth: 220 }} />
        <DateInput source="periodEnd" validate={[required(), periodOrder]} sx={{ maxWidth: 220 }} />
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {translate('guardline.reports.scope')}
        </Typography>
        <ReferenceInput source="scope.districtId" reference="districts" perPage={100}>
          <SelectInput label="resources.analysisReports.fields.district" optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)} emptyText="guardline.reports.all_city" sx={{ minWidth: 220 }} />
        </ReferenceInput>
        <ReferenceInput source="scope.categoryId" reference="caseCategories" perPage={1000} sort={{ field: 'code', order: 'ASC' }}>
          <AutocompleteInput label="resources.analysisReports.fields.category" optionText={(c: Category) => categoryPath(c)} filterToQuery={(q: string) => ({ q })} helperText="guardline.reports.category_help" sx={{ maxWidth: 480 }} />
        </ReferenceInput>
        <SelectInput source="scope.domain" label="resources.analysisReports.fields.domain" choices={enumChoices('ProtectionDomain')} emptyText="guardline.reports.all_domains" sx={{ minWidth: 220 }} />
        <Typography variant="caption" color="text.secondary">
          {translate('guardline.reports.snapshot_help')}
        </Typography>
      </SimpleForm>
    </Create>
  );
};

export default AnalysisReportCreate;
