// Choosing departments in a dialog: the routing suggestions first (the district's own branch on top),
// then any active department found by typing part of its name or code.
import { useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { localName } from '../i18n';
import { SEARCH_DEPARTMENTS } from '../dataProvider/queries';
import { useGql } from './useGql';

export interface DepartmentOption {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind?: string;
}

interface Common {
  label: string;
  suggested?: DepartmentOption[];
  exclude?: string[];
  error?: string;
  helperText?: string;
  testId?: string;
  autoFocus?: boolean;
}

function useOptions(input: string, suggested: DepartmentOption[], exclude: string[]) {
  const { data, isFetching } = useGql<{ departments: { edges: { node: DepartmentOption }[] } }>(['searchDepartments'], SEARCH_DEPARTMENTS, { search: input.trim() || null }, { staleTime: 60_000 });
  const found = (data?.departments.edges ?? []).map((e) => e.node);
  const seen = new Set<string>();
  const options: (DepartmentOption & { suggested: boolean })[] = [];
  const q = input.trim().toLowerCase();
  const matches = (d: DepartmentOption) => !q || [d.code, d.nameZh, d.nameEn].some((v) => v.toLowerCase().includes(q));
  for (const d of suggested) if (!seen.has(d.id) && !exclude.includes(d.id) && matches(d)) (seen.add(d.id), options.push({ ...d, suggested: true }));
  for (const d of found) if (!seen.has(d.id) && !exclude.includes(d.id)) (seen.add(d.id), options.push({ ...d, suggested: false }));
  return { options, loading: isFetching };
}

export const DepartmentPicker = ({ value, onChange, label, suggested = [], exclude = [], error, helperText, testId, autoFocus }: Common & { value: DepartmentOption | null; onChange: (d: DepartmentOption | null) => void }) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const { options, loading } = useOptions(input, suggested, exclude);
  return (
    <Autocomplete
      options={options}
      loading={loading}
      value={value ? { ...value, suggested: false } : null}
      autoHighlight
      openOnFocus
      groupBy={(d) => translate(d.suggested ? 'guardline.dispatch.suggested' : 'guardline.dispatch.other_departments')}
      getOptionLabel={(d) => localName(d)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      onInputChange={(_e, v, reason) => reason === 'input' && setInput(v)}
      onChange={(_e, d) => onChange(d ? { id: d.id, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, kind: d.kind } : null)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate(label)}
          required
          error={!!error}
          helperText={error ? translate(error, { _: error }) : helperText ? translate(helperText) : undefined}
          autoFocus={autoFocus}
          slotProps={{ ...params.slotProps, htmlInput: { ...(params.slotProps?.htmlInput as object), 'data-testid': testId } }}
        />
      )}
    />
  );
};

export const DepartmentMultiPicker = ({ value, onChange, label, suggested = [], exclude = [], error, helperText, testId }: Common & { value: DepartmentOption[]; onChange: (d: DepartmentOption[]) => void }) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const { options, loading } = useOptions(input, suggested, exclude);
  return (
    <Autocomplete
      multiple
      options={options}
      loading={loading}
      value={value.map((v) => ({ ...v, suggested: false }))}
      autoHighlight
      groupBy={(d) => translate(d.suggested ? 'guardline.dispatch.suggested' : 'guardline.dispatch.other_departments')}
      getOptionLabel={(d) => localName(d)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      onInputChange={(_e, v, reason) => reason === 'input' && setInput(v)}
      onChange={(_e, list) => onChange(list.map((d) => ({ id: d.id, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, kind: d.kind })))}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate(label)}
          error={!!error}
          helperText={error ? translate(error, { _: error }) : helperText ? translate(helperText) : undefined}
          slotProps={{ ...params.slotProps, htmlInput: { ...(params.slotProps?.htmlInput as object), 'data-testid': testId } }}
        />
      )}
    />
  );
};
