// An administrator's moves on a department: its names, and activation (an inactive department gets no
// new dispatch and no routing suggestion; what it holds stays with it).
import { Stack, Typography } from '@mui/material';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton, actionTarget } from '../ui/ActionButton';

export const DepartmentAdminActions = () => {
  const record = useRecordContext<{ id: string; nameZh: string; nameEn: string; active: boolean; version: number }>();
  const { canAccess } = useCanAccess({ resource: 'departments', action: 'edit' });
  const translate = useTranslate();
  if (!record || !canAccess) return null;
  const base = { version: record.version };
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', mb: 1 }}>
      <ActionButton
        label="guardline.departments.rename"
        {...actionTarget('departments', record.id, base)}
        action="update"
        confirmLabel="ra.action.save"
        done="guardline.departments.saved"
        fields={[
          { name: 'nameZh', label: 'resources.departments.fields.nameZh', required: true, defaultValue: record.nameZh },
          { name: 'nameEn', label: 'resources.departments.fields.nameEn', required: true, defaultValue: record.nameEn },
        ]}
      />
      {record.active ? (
        <ActionButton
          label="guardline.departments.deactivate"
          title="guardline.departments.deactivate_title"
          titleOptions={{ name: record.nameZh }}
          {...actionTarget('departments', record.id, base)}
          action="deactivate"
          color="warning"
          confirmColor="warning"
          done="guardline.departments.deactivated"
        >
          <Typography variant="body2">{translate('guardline.departments.deactivate_help')}</Typography>
        </ActionButton>
      ) : (
        <ActionButton label="guardline.departments.activate" resource="departments" action="activate" id={record.id} base={base} done="guardline.departments.activated" />
      )}
    </Stack>
  );
};
