// An administrator edits a category: names, default urgency, routing hints (department kinds, in the
// order they are suggested) and activation.
import { useCanAccess, useRecordContext } from 'react-admin';
import { enumChoices } from '../enums';
import { ActionButton, actionTarget } from '../ui/ActionButton';

export const CategoryEditButton = (_props: { label?: string }) => {
  const r = useRecordContext<{ id: string; nameZh: string; nameEn: string; defaultUrgency: string | null; suggestedDepartmentKinds: string[]; active: boolean; version: number; code: string }>();
  const { canAccess } = useCanAccess({ resource: 'caseCategories', action: 'edit' });
  if (!r || !canAccess) return null;
  return (
    <ActionButton
      label="ra.action.edit"
      title="guardline.categories.edit_title"
      titleOptions={{ code: r.code }}
      {...actionTarget('caseCategories', r.id, { version: r.version })}
      action="update"
      confirmLabel="ra.action.save"
      done="guardline.categories.saved"
      testId="category-edit"
      fields={[
        { name: 'nameZh', label: 'resources.caseCategories.fields.nameZh', required: true, defaultValue: r.nameZh },
        { name: 'nameEn', label: 'resources.caseCategories.fields.nameEn', required: true, defaultValue: r.nameEn },
        { name: 'defaultUrgency', label: 'resources.caseCategories.fields.defaultUrgency', kind: 'select', defaultValue: r.defaultUrgency ?? '', choices: [{ id: '', name: 'guardline.categories.no_default' }, ...enumChoices('Urgency')] },
        { name: 'suggestedDepartmentKinds', label: 'resources.caseCategories.fields.suggestedDepartmentKinds', kind: 'multiselect', defaultValue: r.suggestedDepartmentKinds, choices: enumChoices('DepartmentKind'), helperText: 'guardline.categories.kinds_help' },
        { name: 'active', label: 'resources.caseCategories.fields.active', kind: 'checkbox', defaultValue: r.active },
      ]}
    />
  );
};
