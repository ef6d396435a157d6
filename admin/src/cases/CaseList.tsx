// The desk's case list: the API's filters, saved queries (react-admin's, kept per browser), quick
// filters for the queues a shift works through, and overdue / due-soon badges.
import { Card, CardContent, Typography } from '@mui/material';
import OverdueIcon from '@mui/icons-material/AlarmOn';
import StatusIcon from '@mui/icons-material/Flag';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  FilterList,
  FilterListItem,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SavedQueriesList,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useListContext,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { enumChoices } from '../enums';
import { BeijingTimeField, useEnumLabel } from '../fields';
import { localName } from '../i18n';
import { CaseDeadlineField, StatusField, UrgencyField, worstDeadline } from '../ui/badges';
import { PagedExportButton } from '../ui/PagedExportButton';
import { pick, type CsvColumn } from '../ui/csv';
import { categoryPath, type Category } from './categories';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('CaseStatus')} alwaysOn sx={{ minWidth: 160 }} />,
  <ReferenceInput key="categoryId" source="categoryId" reference="caseCategories" perPage={1000} sort={{ field: "code", order: "ASC" }} alwaysOn>
    <AutocompleteInput optionText={(c: Category) => categoryPath(c)} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <SelectInput key="urgency" source="urgency" choices={enumChoices('Urgency')} alwaysOn />,
  <NullableBooleanInput key="overdue" source="overdue" />,
  <SelectInput key="domain" source="domain" choices={enumChoices('ProtectionDomain')} />,
  <SelectInput key="kind" source="kind" choices={enumChoices('CaseKind')} />,
  <SelectInput key="channel" source="channel" choices={enumChoices('CaseChannel')} />,
  <ReferenceInput key="districtId" source="districtId" reference="districts" perPage={100}>
    <SelectInput optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)} />
  </ReferenceInput>,
  <ReferenceInput key="departmentId" source="departmentId" reference="departments" perPage={25}>
    <AutocompleteInput optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <DateInput key="receivedFrom" source="receivedFrom" />,
  <DateInput key="receivedTo" source="receivedTo" />,
];

type CaseRow = Record<string, unknown> & { id: string };

function useExportColumns() {
  const status = useEnumLabel('CaseStatus');
  const urgency = useEnumLabel('Urgency');
  const kind = useEnumLabel('CaseKind');
  const channel = useEnumLabel('CaseChannel');
  const domain = useEnumLabel('ProtectionDomain');
  const deadline = useEnumLabel('DeadlineState');
  const relation = useEnumLabel('ReporterRelation');
  return (t: (k: string) => string): CsvColumn<CaseRow>[] => [
    { header: t('resources.cases.fields.code'), value: (r) => r.code },
    { header: t('resources.cases.fields.receivedAt'), value: (r) => r.receivedAt },
    { header: t('resources.cases.fields.status'), value: (r) => status(r.status) },
    { header: t('resources.cases.fields.urgency'), value: (r) => urgency(r.urgency) },
    { header: t('resources.cases.fields.kind'), value: (r) => kind(r.kind) },
    { header: t('resources.cases.fields.channel'), value: (r) => channel(r.channel) },
    { header: t('resources.cases.fields.domain'), value: (r) => domain(r.domain) },
    { header: t('resources.cases.fields.categoryId'), value: (r) => categoryPath(r.category as Category) },
    { header: t('resources.cases.fields.districtId'), value: (r) => localName(r.district as never) },
    { header: t('resources.cases.fields.street'), value: (r) => r.street },
    { header: t('resources.cases.fields.summary'), value: (r) => r.summary },
    { header: t('resources.cases.fields.departmentId'), value: (r) => ((r.dispatches as { department: never }[]) ?? []).map((d) => localName(d.department)) },
    { header: t('guardline.cases.deadline'), value: (r) => deadline(worstDeadline(r as never).state ?? 'NONE') },
    { header: t('resources.cases.fields.closedAt'), value: (r) => r.closedAt },
    { header: t('guardline.cases.reporter_relation'), value: (r) => relation(pick(r, 'reporter.relationToMinor')) },
    { header: t('guardline.cases.reporter_anonymous'), value: (r) => pick(r, 'reporter.anonymous') },
    { header: t('guardline.cases.reporter_mandatory'), value: (r) => pick(r, 'reporter.mandatoryReporter') },
    // personal data: empty wherever the API does not return it to this role
    { header: t('guardline.cases.reporter_name'), value: (r) => pick(r, 'reporter.name') },
    { header: t('guardline.cases.reporter_phone'), value: (r) => pick(r, 'reporter.phone') },
  ];
}

const ListActions = () => {
  const columns = useExportColumns();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess ? <CreateButton label="guardline.intake.new" variant="contained" /> : null}
      <PagedExportButton columns={columns} filename="cases" />
    </TopToolbar>
  );
};

/** Queues a shift works through, and the saved queries of this browser. */
const CaseListAside = () => {
  const translate = useTranslate();
  const label = useEnumLabel('CaseStatus');
  return (
    <Card sx={{ order: -1, mr: 1, mt: 8, width: 150, flexShrink: 0, display: { xs: 'none', lg: 'block' }, alignSelf: 'flex-start', '& .MuiListItemButton-root': { pl: 1 } }}>
      <CardContent sx={{ p: 1, '&:last-child': { pb: 1 } }}>
        <SavedQueriesList />
        <FilterList label="guardline.cases.queues" icon={<StatusIcon />}>
          <FilterListItem label={translate('guardline.cases.queue_to_dispatch')} value={{ status: ['RECEIVED', 'REOPENED'] }} />
          <FilterListItem label={translate('guardline.cases.queue_in_departments')} value={{ status: ['DISPATCHED', 'IN_PROGRESS'] }} />
          <FilterListItem label={translate('guardline.cases.queue_to_follow_up')} value={{ status: ['REPLIED'] }} />
          <FilterListItem label={translate('guardline.cases.queue_to_close')} value={{ status: ['FOLLOWED_UP'] }} />
          <FilterListItem label={label('CLOSED')} value={{ status: ['CLOSED'] }} />
        </FilterList>
        <FilterList label="guardline.cases.deadline" icon={<OverdueIcon />}>
          <FilterListItem label={translate('guardline.enum.deadlineState.OVERDUE')} value={{ overdue: true }} />
        </FilterList>
      </CardContent>
    </Card>
  );
};

const SummaryField = (_props: { label?: string }) => {
  const record = useRecordContext<{ summary: string; needsPoliceNow?: boolean; guardianInvolved?: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" sx={{ maxWidth: { xs: 200, xl: 360 }, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={record.summary}>
      {record.guardianInvolved ? (
        <Typography component="span" variant="caption" color="warning.main" sx={{ mr: 0.5 }}>
          [{translate('guardline.cases.guardian_involved_short')}]
        </Typography>
      ) : null}
      {record.summary}
    </Typography>
  );
};

const CategoryField = (_props: { label?: string }) => {
  const record = useRecordContext<{ category?: Category }>();
  return (
    <Typography variant="body2" sx={{ maxWidth: 160 }}>
      {categoryPath(record?.category)}
    </Typography>
  );
};

const Empty = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return (
    <Typography sx={{ p: 3 }} color="text.secondary">
      {translate(Object.keys(filterValues).length ? 'guardline.cases.none_filtered' : 'guardline.cases.none')}
    </Typography>
  );
};

const rowSx = (record: RaRecord) => (record.urgency === 'IMMEDIATE' ? { boxShadow: 'inset 3px 0 0 #b3261e' } : {});

const CaseList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    aside={<CaseListAside />}
    perPage={25}
    sort={{ field: 'receivedAt', order: 'DESC' }}
    storeKey="cases.list"
    empty={false}
    sx={{ '& .RaList-main': { minWidth: 0 } }}
  >
    <DataTable rowClick="show" bulkActionButtons={false} rowSx={rowSx} empty={<Empty />} data-testid="case-list">
      <DataTable.Col source="code" disableSort>
        <TextField source="code" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} />
      </DataTable.Col>
      <DataTable.Col source="urgency" disableSort>
        <UrgencyField source="urgency" />
      </DataTable.Col>
      <DataTable.Col source="summary" disableSort>
        <SummaryField />
      </DataTable.Col>
      <DataTable.Col source="categoryId" disableSort>
        <CategoryField />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <StatusField source="status" enumName="CaseStatus" />
      </DataTable.Col>
      <DataTable.Col label="guardline.cases.deadline" disableSort>
        <CaseDeadlineField />
      </DataTable.Col>
      <DataTable.Col source="receivedAt">
        <BeijingTimeField source="receivedAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default CaseList;
