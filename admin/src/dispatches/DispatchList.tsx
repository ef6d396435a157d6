// A department's queue (派单): pending first, then by the next deadline (the API's order), with the
// moves the API allows on each row; it follows the dispatchEvents feed and refreshes itself live.
import { Box, Chip, Typography } from '@mui/material';
import LiveIcon from '@mui/icons-material/Sensors';
import OfflineIcon from '@mui/icons-material/SensorsOff';
import {
  AutocompleteInput,
  DataTable,
  FilterButton,
  List,
  Link,
  NullableBooleanInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useCreatePath,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../enums';
import { BeijingTimeField, NameField, useEnumLabel } from '../fields';
import { localName } from '../i18n';
import { DeadlineBadge, StatusField, UrgencyChip } from '../ui/badges';
import { PagedExportButton } from '../ui/PagedExportButton';
import type { CsvColumn } from '../ui/csv';
import type { GuardlineIdentity } from '../authProvider';
import { DispatchActions, type DispatchRecord } from './DispatchActions';
import { useDispatchFeed } from './useDispatchFeed';

const filters = [
  <SelectArrayInput key="status" source="status" choices={enumChoices('DispatchStatus')} alwaysOn sx={{ minWidth: 180 }} />,
  <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
  <NullableBooleanInput key="dueSoon" source="dueSoon" />,
  <SelectInput key="role" source="role" choices={enumChoices('DispatchRole')} />,
  <ReferenceInput key="departmentId" source="departmentId" reference="departments" perPage={25}>
    <AutocompleteInput optionText={(d: { nameZh?: string; nameEn?: string }) => localName(d)} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

type Row = DispatchRecord & Record<string, unknown>;

function useColumns() {
  const status = useEnumLabel('DispatchStatus');
  const role = useEnumLabel('DispatchRole');
  const deadline = useEnumLabel('DeadlineState');
  const outcome = useEnumLabel('DispatchOutcome');
  return (t: (k: string) => string): CsvColumn<Row>[] => [
    { header: t('guardline.dispatches.case_code'), value: (r) => (r.case as { code?: string } | null)?.code },
    { header: t('guardline.dispatches.case_summary'), value: (r) => (r.case as { summary?: string } | null)?.summary },
    { header: t('resources.dispatches.fields.department'), value: (r) => localName(r.department as never) },
    { header: t('resources.dispatches.fields.role'), value: (r) => role(r.role) },
    { header: t('resources.dispatches.fields.status'), value: (r) => status(r.status) },
    { header: t('resources.dispatches.fields.deadline'), value: (r) => deadline(r.deadline) },
    { header: t('resources.dispatches.fields.acceptBy'), value: (r) => r.acceptBy },
    { header: t('resources.dispatches.fields.replyBy'), value: (r) => r.replyBy },
    { header: t('resources.dispatches.fields.repliedAt'), value: (r) => r.repliedAt },
    { header: t('resources.dispatches.fields.replyOutcome'), value: (r) => outcome(r.replyOutcome) },
  ];
}

const LiveChip = ({ status, count }: { status: string; count: number }) => {
  const translate = useTranslate();
  const live = status === 'live';
  return (
    <Chip
      size="small"
      icon={live ? <LiveIcon /> : <OfflineIcon />}
      color={live ? 'success' : 'default'}
      variant="outlined"
      label={translate(`guardline.dispatches.feed_${status}`, { _: status }) + (count ? ` · ${count}` : '')}
      data-testid="dispatch-feed"
      data-status={status}
    />
  );
};

const Actions = ({ feed }: { feed: { status: string; count: number } }) => {
  const columns = useColumns();
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      <LiveChip status={feed.status} count={feed.count} />
      <FilterButton />
      <PagedExportButton columns={columns} filename="dispatches" />
    </TopToolbar>
  );
};

const CaseCell = (_props: { label?: string }) => {
  const record = useRecordContext<Row>();
  const createPath = useCreatePath();
  const c = record?.case as { id: string; code: string; summary: string; urgency: string; guardianInvolved?: boolean } | null | undefined;
  if (!c) return <Typography variant="body2" color="text.secondary">—</Typography>;
  return (
    <Box sx={{ minWidth: 0, maxWidth: 360 }}>
      <Link to={createPath({ resource: 'cases', id: c.id, type: 'show' })} onClick={(e: { stopPropagation: () => void }) => e.stopPropagation()} sx={{ fontFamily: 'monospace' }}>
        {c.code}
      </Link>{' '}
      <UrgencyChip value={c.urgency} />
      <Typography variant="body2" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={c.summary}>
        {c.summary}
      </Typography>
    </Box>
  );
};

const DeadlineCell = (_props: { label?: string }) => {
  const record = useRecordContext<Row & { deadline?: string; acceptBy?: string; replyBy?: string }>();
  const translate = useTranslate();
  if (!record) return null;
  const pending = record.status === 'PENDING';
  const open = pending || record.status === 'ACCEPTED';
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      {open ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate(pending ? 'guardline.dispatches.accept_by' : 'guardline.dispatches.reply_by')}
        </Typography>
      ) : null}
      {open ? <BeijingTimeField source={pending ? 'acceptBy' : 'replyBy'} /> : null} <DeadlineBadge state={record.deadline} />
    </Box>
  );
};

const ActionsCell = (_props: { label?: string }) => {
  const record = useRecordContext<Row>();
  return record ? <DispatchActions dispatch={record} compact /> : null;
};

const DispatchList = () => {
  const { identity } = useGetIdentity();
  const me = identity as GuardlineIdentity | undefined;
  const feed = useDispatchFeed(null);
  const isHandler = me?.roles.includes('DEPARTMENT_HANDLER');
  return (
    <List
      filters={filters}
      actions={<Actions feed={feed} />}
      perPage={25}
      storeKey="dispatches.list"
      filterDefaultValues={isHandler ? { status: ['PENDING', 'ACCEPTED'] } : {}}
      title="resources.dispatches.name"
      empty={false}
    >
      <DataTable bulkActionButtons={false} rowClick={false} data-testid="dispatch-queue">
        <DataTable.Col label="guardline.dispatches.case" disableSort>
          <CaseCell />
        </DataTable.Col>
        <DataTable.Col source="department" disableSort>
          <NameField source="department" />
        </DataTable.Col>
        <DataTable.Col source="role" disableSort>
          <StatusField source="role" enumName="DispatchRole" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <StatusField source="status" enumName="DispatchStatus" />
        </DataTable.Col>
        <DataTable.Col source="deadline" disableSort>
          <DeadlineCell />
        </DataTable.Col>
        <DataTable.Col label="guardline.dispatches.moves" disableSort>
          <ActionsCell />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default DispatchList;
