// Deadlines as data (SLA policies): phase × urgency → hours or working days (holidays and make-up
// working days count). A change applies to deadlines set from then on.
import { DataTable, List, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../fields';
import { enumChoices } from '../enums';
import { ActionButton, actionTarget } from '../ui/ActionButton';
import { UrgencyField } from '../ui/badges';

const Amount = (_props: { label?: string }) => {
  const r = useRecordContext<{ amount: number; unit: string }>();
  const translate = useTranslate();
  return r ? <span>{translate(`guardline.sla.amount_${r.unit}`, { amount: r.amount })}</span> : null;
};

const Edit = (_props: { label?: string }) => {
  const r = useRecordContext<{ id: string; amount: number; unit: string; version: number }>();
  if (!r) return null;
  return (
    <ActionButton
      label="ra.action.edit"
      title="guardline.sla.edit_title"
      {...actionTarget('slaPolicies', r.id, { version: r.version })}
      action="update"
      confirmLabel="ra.action.save"
      done="guardline.sla.saved"
      fields={[
        { name: 'amount', label: 'resources.slaPolicies.fields.amount', kind: 'number', required: true, defaultValue: String(r.amount), min: 1 },
        { name: 'unit', label: 'resources.slaPolicies.fields.unit', kind: 'radio', required: true, defaultValue: r.unit, choices: enumChoices('SlaUnit') },
      ]}
    />
  );
};

const SlaPolicyList = () => (
  <List perPage={50} pagination={false} actions={false} empty={false} sort={{ field: 'phase', order: 'ASC' }}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="phase" disableSort>
        <EnumField source="phase" enumName="SlaPhase" />
      </DataTable.Col>
      <DataTable.Col source="urgency" disableSort>
        <UrgencyField source="urgency" />
      </DataTable.Col>
      <DataTable.Col source="amount" disableSort>
        <Amount />
      </DataTable.Col>
      <DataTable.Col label="" disableSort>
        <Edit />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default SlaPolicyList;
