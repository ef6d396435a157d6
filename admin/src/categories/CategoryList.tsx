// The case taxonomy with its routing hints: which department kinds a category suggests, and its
// default urgency. Administrators edit a row in place and create new ones (CategoryCreate).
import { Chip, Stack } from '@mui/material';
import { BooleanField, DataTable, List, SearchInput, TextField, useRecordContext } from 'react-admin';
import { useEnumLabel } from '../fields';
import { localName } from '../i18n';
import { UrgencyField } from '../ui/badges';
import { CategoryEditButton } from './CategoryEditButton';

const Name = (_props: { label?: string }) => {
  const r = useRecordContext<{ nameZh: string; nameEn: string; parent: { nameZh: string; nameEn: string } | null }>();
  if (!r) return null;
  return <span style={{ paddingLeft: r.parent ? 16 : 0, fontWeight: r.parent ? 400 : 600 }}>{localName(r)}</span>;
};

const Kinds = (_props: { label?: string }) => {
  const r = useRecordContext<{ suggestedDepartmentKinds: string[] }>();
  const label = useEnumLabel('DepartmentKind');
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(r?.suggestedDepartmentKinds ?? []).map((k) => (
        <Chip key={k} size="small" variant="outlined" label={label(k)} />
      ))}
    </Stack>
  );
};

const CategoryList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={100} pagination={false} empty={false} sort={{ field: "code", order: "ASC" }}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="code" disableSort>
        <TextField source="code" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="nameZh" disableSort>
        <Name />
      </DataTable.Col>
      <DataTable.Col source="defaultUrgency" disableSort>
        <UrgencyField source="defaultUrgency" />
      </DataTable.Col>
      <DataTable.Col source="suggestedDepartmentKinds" disableSort>
        <Kinds />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col label="" disableSort>
        <CategoryEditButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default CategoryList;
