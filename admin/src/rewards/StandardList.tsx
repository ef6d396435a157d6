// Reward standards (奖励标准): versioned rules a record cites; admins draft, activate and retire them.
import { CreateButton, DataTable, ExportButton, List, TextField, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { Stack } from '@mui/material';
import { EnumField } from '../fields';
import { localName } from '../i18n';
import { StatusField } from '../ui/badges';
import { ActionButton } from '../ui/ActionButton';
import { formatRange } from '../ui/money';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'rewardStandards', action: 'create' });
  return (
    <TopToolbar>
      {canAccess ? <CreateButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
};

const Name = (_props: { label?: string }) => {
  const r = useRecordContext<{ nameZh: string; nameEn: string; code: string; version: number }>();
  return r ? <span>{`${localName(r)} (${r.code} v${r.version})`}</span> : null;
};

const Range = (_props: { label?: string }) => {
  const r = useRecordContext<{ minAmount: number; maxAmount: number }>();
  return r ? <span style={{ whiteSpace: 'nowrap' }}>{formatRange(r.minAmount, r.maxAmount)}</span> : null;
};

const Moves = (_props: { label?: string }) => {
  const r = useRecordContext<{ id: string; status: string; code: string }>();
  const { canAccess: activate } = useCanAccess({ resource: 'rewardStandards', action: 'activate' });
  const { canAccess: retire } = useCanAccess({ resource: 'rewardStandards', action: 'retire' });
  if (!r) return null;
  return (
    <Stack direction="row" spacing={1}>
      {activate && r.status === 'DRAFT' ? (
        <ActionButton label="guardline.standards.activate" resource="rewardStandards" action="activate" id={r.id} done="guardline.standards.activated">
          <span>{r.code}</span>
        </ActionButton>
      ) : null}
      {retire && r.status === 'ACTIVE' ? (
        <ActionButton label="guardline.standards.retire" resource="rewardStandards" action="retire" id={r.id} color="warning" confirmLabel="guardline.standards.retire" confirmColor="warning" done="guardline.standards.retired">
          <span>{r.code}</span>
        </ActionButton>
      ) : null}
    </Stack>
  );
};

const StandardList = () => (
  <List perPage={50} actions={<Actions />} sort={{ field: 'code', order: 'ASC' }} empty={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="nameZh" disableSort>
        <Name />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <EnumField source="kind" enumName="RewardKind" />
      </DataTable.Col>
      <DataTable.Col source="level" disableSort>
        <TextField source="level" />
      </DataTable.Col>
      <DataTable.Col label="guardline.rewards.allowed_range" disableSort>
        <Range />
      </DataTable.Col>
      <DataTable.Col source="honourType" disableSort>
        <EnumField source="honourType" enumName="HonourType" />
      </DataTable.Col>
      <DataTable.Col source="validFrom" disableSort />
      <DataTable.Col source="status" disableSort>
        <StatusField source="status" enumName="RewardStandardStatus" />
      </DataTable.Col>
      <DataTable.Col label="" disableSort>
        <Moves />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default StandardList;
