// Suggestions (金点子): submitted from calls, by departments or staff; evaluated by a department.
import { CreateButton, DataTable, FilterButton, List, ReferenceInput, AutocompleteInput, SelectArrayInput, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { enumChoices } from '../enums';
import { BeijingTimeField, EnumField, NameField, useEnumLabel } from '../fields';
import { localName } from '../i18n';
import { StatusField } from '../ui/badges';
import { PagedExportButton } from '../ui/PagedExportButton';
import type { CsvColumn } from '../ui/csv';

const filters = [
  <SelectArrayInput key="status" source="status" choices={enumChoices('SuggestionStatus')} alwaysOn sx={{ minWidth: 180 }} />,
  <ReferenceInput key="evaluatingDepartmentId" source="evaluatingDepartmentId" reference="departments" perPage={25}>
    <AutocompleteInput optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

type Row = Record<string, unknown> & { id: string };

function useColumns() {
  const status = useEnumLabel('SuggestionStatus');
  const kind = useEnumLabel('SubmitterKind');
  return (t: (k: string) => string): CsvColumn<Row>[] => [
    { header: t('resources.suggestions.fields.code'), value: (r) => r.code },
    { header: t('resources.suggestions.fields.title'), value: (r) => r.title },
    { header: t('resources.suggestions.fields.topic'), value: (r) => r.topic },
    { header: t('resources.suggestions.fields.status'), value: (r) => status(r.status) },
    { header: t('resources.suggestions.fields.submitterKind'), value: (r) => kind(r.submitterKind) },
    { header: t('resources.suggestions.fields.evaluatingDepartment'), value: (r) => localName(r.evaluatingDepartment as never) },
    { header: t('resources.suggestions.fields.submittedAt'), value: (r) => r.submittedAt },
    { header: t('resources.suggestions.fields.casesBefore'), value: (r) => r.casesBefore },
    { header: t('resources.suggestions.fields.casesAfter'), value: (r) => r.casesAfter },
  ];
}

const Actions = () => {
  const columns = useColumns();
  const { canAccess } = useCanAccess({ resource: 'suggestions', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess ? <CreateButton /> : null}
      <PagedExportButton columns={columns} filename="suggestions" />
    </TopToolbar>
  );
};

const SuggestionList = () => (
  <List filters={filters} actions={<Actions />} perPage={25} storeKey="suggestions.list" empty={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" disableSort>
        <TextField source="code" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="status" disableSort>
        <StatusField source="status" enumName="SuggestionStatus" />
      </DataTable.Col>
      <DataTable.Col source="submitterKind" disableSort>
        <EnumField source="submitterKind" enumName="SubmitterKind" />
      </DataTable.Col>
      <DataTable.Col source="evaluatingDepartment" disableSort>
        <NameField source="evaluatingDepartment" />
      </DataTable.Col>
      <DataTable.Col source="submittedAt" disableSort>
        <BeijingTimeField source="submittedAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default SuggestionList;
