// Reward records: the secretary's and supervisors' register; the committee sees what reached it.
import { Chip } from '@mui/material';
import { CreateButton, DataTable, FilterButton, List, NumberInput, SelectArrayInput, SelectInput, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { enumChoices } from '../enums';
import { BeijingTimeField, EnumField, useEnumLabel } from '../fields';
import { localName } from '../i18n';
import { StatusField } from '../ui/badges';
import { MoneyField } from '../ui/money';
import { PagedExportButton } from '../ui/PagedExportButton';
import type { CsvColumn } from '../ui/csv';

const filters = [
  <SelectArrayInput key="status" source="status" choices={enumChoices('RewardStatus')} alwaysOn sx={{ minWidth: 180 }} />,
  <SelectInput key="kind" source="kind" choices={enumChoices('RewardKind')} alwaysOn />,
  <NumberInput key="year" source="year" />,
];

type Row = Record<string, unknown> & { id: string };

function useColumns() {
  const status = useEnumLabel('RewardStatus');
  const kind = useEnumLabel('RewardKind');
  return (t: (k: string) => string): CsvColumn<Row>[] => [
    { header: t('resources.rewardRecords.fields.code'), value: (r) => r.code },
    { header: t('resources.rewardRecords.fields.kind'), value: (r) => kind(r.kind) },
    { header: t('resources.rewardRecords.fields.status'), value: (r) => status(r.status) },
    { header: t('resources.rewardRecords.fields.nomineePseudonym'), value: (r) => r.nomineePseudonym },
    { header: t('resources.rewardRecords.fields.standard'), value: (r) => localName(r.standard as never) },
    { header: t('guardline.rewards.proposed_yuan'), value: (r) => (Number(r.proposedAmount) / 100).toFixed(2) },
    { header: t('guardline.rewards.final_yuan'), value: (r) => (r.finalAmount == null ? '' : (Number(r.finalAmount) / 100).toFixed(2)) },
    { header: t('resources.rewardRecords.fields.createdAt'), value: (r) => r.createdAt },
    { header: t('resources.rewardRecords.fields.grantedAt'), value: (r) => r.grantedAt },
  ];
}

const Actions = () => {
  const columns = useColumns();
  const { canAccess } = useCanAccess({ resource: 'rewardRecords', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess ? <CreateButton label="guardline.rewards.nominate" /> : null}
      <PagedExportButton columns={columns} filename="reward-records" />
    </TopToolbar>
  );
};

const Flags = (_props: { label?: string }) => {
  const record = useRecordContext<{ flaggedForReview?: boolean; revokeReason?: string | null; status?: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {record.flaggedForReview ? <Chip size="small" color="error" label={translate('guardline.rewards.flagged')} /> : null}
      {record.revokeReason && record.status === 'GRANTED' ? <Chip size="small" color="warning" label={translate('guardline.rewards.revoke_proposed_short')} /> : null}
    </>
  );
};

const StandardName = (_props: { label?: string }) => {
  const record = useRecordContext<{ standard?: { nameZh: string; nameEn: string } }>();
  return <span>{localName(record?.standard)}</span>;
};

export const RewardTable = () => (
  <DataTable rowClick={(id) => `/rewardRecords/${encodeURIComponent(String(id))}/show`} bulkActionButtons={false} data-testid="reward-list">
    <DataTable.Col source="code" disableSort>
      <TextField source="code" sx={{ fontFamily: 'monospace' }} />
    </DataTable.Col>
    <DataTable.Col source="kind" disableSort>
      <EnumField source="kind" enumName="RewardKind" />
    </DataTable.Col>
    <DataTable.Col source="status" disableSort>
      <StatusField source="status" enumName="RewardStatus" />
    </DataTable.Col>
    <DataTable.Col source="nomineePseudonym" disableSort />
    <DataTable.Col source="standard" disableSort>
      <StandardName />
    </DataTable.Col>
    <DataTable.Col source="proposedAmount" disableSort>
      <MoneyField source="proposedAmount" />
    </DataTable.Col>
    <DataTable.Col source="finalAmount" disableSort>
      <MoneyField source="finalAmount" />
    </DataTable.Col>
    <DataTable.Col source="createdAt" disableSort>
      <BeijingTimeField source="createdAt" />
    </DataTable.Col>
    <DataTable.Col label="" disableSort>
      <Flags />
    </DataTable.Col>
  </DataTable>
);

const RewardRecordList = () => (
  <List filters={filters} actions={<Actions />} perPage={25} storeKey="rewardRecords.list" empty={false}>
    <RewardTable />
  </List>
);

export default RewardRecordList;
