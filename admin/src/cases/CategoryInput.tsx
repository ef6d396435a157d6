// The category picker of the intake form: type any part of a name or code (in Chinese or English,
// the parent's name too), arrow keys and Enter pick; leaves are grouped under their parent.
import { Autocomplete, TextField } from '@mui/material';
import { useInput, useTranslate, type InputProps } from 'react-admin';
import { localName } from '../i18n';
import { categoryPath, matchesCategory, useCategories, type Category } from './categories';

export const CategoryInput = ({ autoFocus, onPicked, ...props }: InputProps & { autoFocus?: boolean; onPicked?: (c: Category | null) => void }) => {
  const translate = useTranslate();
  const { leaves, isPending } = useCategories();
  const { field, fieldState, isRequired } = useInput(props);
  const value = leaves.find((c) => c.id === field.value) ?? null;
  return (
    <Autocomplete<Category>
      options={leaves}
      loading={isPending}
      value={value}
      autoHighlight
      openOnFocus
      groupBy={(c) => (c.parent ? localName(c.parent) : '')}
      getOptionLabel={(c) => categoryPath(c)}
      filterOptions={(options, state) => options.filter((c) => matchesCategory(c, state.inputValue))}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderOption={(liProps, c) => {
        const { key, ...rest } = liProps as typeof liProps & { key: string };
        return (
          <li key={key} {...rest}>
            <span style={{ flex: 1 }}>{localName(c)}</span>
            <span style={{ color: '#889', fontSize: 12, marginLeft: 8 }}>{c.code}</span>
          </li>
        );
      }}
      onChange={(_e, c) => {
        field.onChange(c?.id ?? null);
        onPicked?.(c);
      }}
      onBlur={field.onBlur}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field.name}
          inputRef={field.ref}
          autoFocus={autoFocus}
          label={translate('resources.cases.fields.categoryId')}
          required={isRequired}
          error={!!fieldState.error}
          helperText={fieldState.error ? translate(fieldState.error.message ?? 'ra.validation.required', { _: fieldState.error.message }) : translate('guardline.intake.category_help')}
          slotProps={{ ...params.slotProps, htmlInput: { ...(params.slotProps?.htmlInput as object), 'data-testid': 'category-picker' } }}
        />
      )}
    />
  );
};
