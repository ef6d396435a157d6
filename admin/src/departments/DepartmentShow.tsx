import { BooleanField, Labeled, Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { Grid } from '@mui/material';
import { EmptyNote, EnumField, NameField } from '../fields';
import { DepartmentTable } from '../ui/DepartmentTable';
import { DepartmentAdminActions } from './DepartmentAdminActions';

const DepartmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <DepartmentAdminActions />
      <Grid container spacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Labeled source="code">
            <TextField source="code" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Labeled source="nameZh">
            <TextField source="nameZh" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Labeled source="nameEn">
            <TextField source="nameEn" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Labeled source="kind">
            <EnumField source="kind" enumName="DepartmentKind" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Labeled source="district">
            <NameField source="district" emptyText="—" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <Labeled source="active">
            <BooleanField source="active" />
          </Labeled>
        </Grid>
        <Grid size={12}>
          <Labeled source="parent">
            <NameField source="parent" reference="departments" emptyText="guardline.departments.no_parent" />
          </Labeled>
        </Grid>
      </Grid>
      <ReferenceManyField
        label="resources.departments.fields.children"
        reference="departments"
        target="parentId"
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
        empty={<EmptyNote message="guardline.departments.no_children" />}
      >
        <DepartmentTable />
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

export default DepartmentShow;
