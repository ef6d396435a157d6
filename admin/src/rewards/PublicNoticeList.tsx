// The public notice board (公示) as the secretary sees it — the same data the public gets: no identity.
import { DataTable, List, TextField, useRecordContext } from 'react-admin';
import { BeijingTimeField, EnumField } from '../fields';
import { MoneyField } from '../ui/money';
import { Countdown } from './Countdown';

const Left = (_props: { label?: string }) => {
  const record = useRecordContext<{ noticeEndsAt: string }>();
  return <Countdown until={record?.noticeEndsAt} />;
};

const PublicNoticeList = () => (
  <List perPage={25} pagination={false} actions={false} empty={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="code" disableSort>
        <TextField source="code" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort>
        <EnumField source="kind" enumName="RewardKind" />
      </DataTable.Col>
      <DataTable.Col source="nomineeMasked" disableSort />
      <DataTable.Col source="standardName" disableSort />
      <DataTable.Col source="amount" disableSort>
        <MoneyField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="noticeEndsAt" disableSort>
        <BeijingTimeField source="noticeEndsAt" />
      </DataTable.Col>
      <DataTable.Col label="guardline.rewards.time_left" disableSort>
        <Left />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default PublicNoticeList;
