// An administrator's moves on an account: roles, department and name; deactivation (its sessions end
// at once) or reactivation; a new password (given to the person through a safe channel).
import { useState } from 'react';
import { Stack, Typography } from '@mui/material';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { enumChoices } from '../enums';
import { ActionButton, actionTarget } from '../ui/ActionButton';
import { DepartmentPicker, type DepartmentOption } from '../ui/DepartmentPicker';

interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  version: number;
  department: DepartmentOption | null;
}

const EditButton = ({ record }: { record: UserRecord }) => {
  const [dept, setDept] = useState<DepartmentOption | null>(record.department);
  return (
    <ActionButton
      label="ra.action.edit"
      title="guardline.users.edit_title"
      titleOptions={{ username: record.username }}
      {...actionTarget('users', record.id, { version: record.version })}
      action="update"
      confirmLabel="ra.action.save"
      done="guardline.users.saved"
      toData={(v) => ({ ...v, departmentId: dept?.id ?? null })}
      validate={(v) => ((v.roles as string[]).includes('DEPARTMENT_HANDLER') && !dept ? { roles: 'guardline.users.department_required' } : {})}
      fields={[
        { name: 'displayName', label: 'resources.users.fields.displayName', required: true, defaultValue: record.displayName },
        { name: 'roles', label: 'resources.users.fields.roles', kind: 'multiselect', required: true, defaultValue: record.roles, choices: enumChoices('Role'), helperText: 'guardline.users.roles_help' },
      ]}
    >
      <DepartmentPicker label="resources.users.fields.department" value={dept} onChange={setDept} />
    </ActionButton>
  );
};

export const UserAdminActions = () => {
  const record = useRecordContext<UserRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'edit' });
  if (!record || !canAccess) return null;
  const base = { version: record.version };
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', mb: 1 }}>
      <EditButton record={record} />
      <ActionButton
        label="guardline.users.reset_password"
        {...actionTarget('users', record.id)}
        action="resetPassword"
        done="guardline.users.password_reset"
        fields={[{ name: 'password', label: 'guardline.users.new_password', kind: 'password', required: true, helperText: 'guardline.users.password_help' }]}
        validate={(v) => (String(v.password ?? '').length < 10 ? { password: 'guardline.users.password_help' } : {})}
      >
        <Typography variant="body2">{translate('guardline.users.reset_help')}</Typography>
      </ActionButton>
      {record.active ? (
        <ActionButton
          label="guardline.users.deactivate"
          title="guardline.users.deactivate_title"
          titleOptions={{ username: record.username }}
          {...actionTarget('users', record.id, base)}
          action="deactivate"
          color="warning"
          confirmColor="warning"
          done="guardline.users.deactivated"
        >
          <Typography variant="body2">{translate('guardline.users.deactivate_help')}</Typography>
        </ActionButton>
      ) : (
        <ActionButton label="guardline.users.reactivate" resource="users" action="reactivate" id={record.id} base={base} done="guardline.users.reactivated" />
      )}
    </Stack>
  );
};
