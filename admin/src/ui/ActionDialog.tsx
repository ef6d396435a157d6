// One dialog for every workflow move: a confirmation, the reason or details the API asks for, and the
// server's typed errors shown under the field they name (or above the form). Plain MUI state: these
// forms are small, and a move is one mutation.
import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { HttpError, useTranslate } from 'react-admin';

export type Values = Record<string, unknown>;

export interface Choice {
  id: string;
  /** A translation key, or text. */
  name: string;
  disabled?: boolean;
}

export interface ActionField {
  name: string;
  /** A translation key. */
  label: string;
  kind?: 'text' | 'multiline' | 'select' | 'multiselect' | 'radio' | 'checkbox' | 'number' | 'datetime' | 'date' | 'password';
  required?: boolean;
  choices?: Choice[];
  helperText?: string;
  defaultValue?: unknown;
  autoFocus?: boolean;
  /** Shown only when this returns true for the current values. */
  visible?: (values: Values) => boolean;
  min?: number;
  max?: number;
  step?: number;
}

export interface ActionDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  titleOptions?: Record<string, unknown>;
  /** Above the fields: context, warnings, facts. */
  children?: ReactNode | ((values: Values, set: (name: string, value: unknown) => void) => ReactNode);
  fields?: ActionField[];
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'warning' | 'success' | 'secondary';
  /** Client-side checks: field → translation key. */
  validate?: (values: Values) => Record<string, string | undefined>;
  /** Throws on failure; an HttpError with `body.errors` shows inline. */
  onSubmit: (values: Values) => Promise<void>;
  maxWidth?: 'xs' | 'sm' | 'md' | 'lg';
  testId?: string;
  /** Extra buttons before the confirm button (e.g. a second decision). */
  extraActions?: (values: Values, submit: (extra: Values) => void, busy: boolean) => ReactNode;
  /** Hide the default confirm button (when `extraActions` offers the choices). */
  hideConfirm?: boolean;
}

function initial(fields: ActionField[]): Values {
  return Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? (f.kind === 'checkbox' ? false : '')]));
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);

export const ActionDialog = ({
  open,
  onClose,
  title,
  titleOptions,
  children,
  fields = [],
  confirmLabel,
  confirmColor = 'primary',
  validate,
  onSubmit,
  maxWidth = 'sm',
  testId,
  extraActions,
  hideConfirm,
}: ActionDialogProps) => {
  const translate = useTranslate();
  const [values, setValues] = useState<Values>(() => initial(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setValues(initial(fields));
      setErrors({});
      setFormError(null);
    }
    // the fields of one dialog do not change while it is open
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const set = (name: string, value: unknown) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      const { [name]: _gone, ...rest } = e;
      return rest;
    });
  };
  const visible = fields.filter((f) => !f.visible || f.visible(values));

  const submit = async (extra: Values = {}) => {
    const all = { ...values, ...extra };
    const found: Record<string, string> = {};
    for (const f of visible) if (f.required && isEmpty(all[f.name])) found[f.name] = 'ra.validation.required';
    for (const [k, v] of Object.entries(validate?.(all) ?? {})) if (v) found[k] = v;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFormError(null);
    try {
      await onSubmit(all);
      onClose();
    } catch (e) {
      const body = e instanceof HttpError ? (e.body as { errors?: Record<string, unknown> } | undefined) : undefined;
      if (body?.errors) {
        const { root, ...byField } = body.errors;
        const shown = Object.fromEntries(Object.entries(byField).filter(([k]) => visible.some((f) => f.name === k || k.startsWith(`${f.name}.`))).map(([k, v]) => [k.split('.')[0]!, String(v)]));
        setErrors(shown);
        if (Object.keys(shown).length === 0) setFormError(String((root as { serverError?: string } | undefined)?.serverError ?? (e as Error).message));
      } else {
        setFormError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const label = (f: ActionField) => translate(f.label, { _: f.label });
  const text = (key: string) => translate(key, { _: key });

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth={maxWidth} fullWidth aria-labelledby={`${testId ?? 'action'}-title`} data-testid={testId}>
      <DialogTitle id={`${testId ?? 'action'}-title`}>{translate(title, { _: title, ...titleOptions })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {typeof children === 'function' ? children(values, set) : children}
          {formError ? <Alert severity="error">{text(formError)}</Alert> : null}
          {visible.map((f) => {
            const error = errors[f.name];
            const helper = error ? text(error) : f.helperText ? text(f.helperText) : undefined;
            switch (f.kind) {
              case 'checkbox':
                return (
                  <FormControl key={f.name} error={!!error}>
                    <FormControlLabel
                      control={<Checkbox name={f.name} checked={values[f.name] === true} onChange={(e) => set(f.name, e.target.checked)} autoFocus={f.autoFocus} />}
                      label={label(f) + (f.required ? ' *' : '')}
                    />
                    {helper ? <FormHelperText>{helper}</FormHelperText> : null}
                  </FormControl>
                );
              case 'radio':
                return (
                  <FormControl key={f.name} error={!!error}>
                    <FormLabel>{label(f) + (f.required ? ' *' : '')}</FormLabel>
                    <RadioGroup row name={f.name} value={values[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)}>
                      {(f.choices ?? []).map((c) => (
                        <FormControlLabel key={c.id} value={c.id} control={<Radio />} label={text(c.name)} disabled={c.disabled} />
                      ))}
                    </RadioGroup>
                    {helper ? <FormHelperText>{helper}</FormHelperText> : null}
                  </FormControl>
                );
              case 'multiselect':
                return (
                  <TextField
                    key={f.name}
                    select
                    name={f.name}
                    label={label(f)}
                    required={f.required}
                    value={Array.isArray(values[f.name]) ? values[f.name] : []}
                    onChange={(e) => set(f.name, typeof e.target.value === 'string' ? e.target.value.split(',') : e.target.value)}
                    error={!!error}
                    helperText={helper}
                    fullWidth
                    slotProps={{
                      select: {
                        multiple: true,
                        renderValue: (v) => (v as string[]).map((id) => text(f.choices?.find((c) => c.id === id)?.name ?? id)).join('、'),
                      },
                    }}
                  >
                    {(f.choices ?? []).map((c) => (
                      <MenuItem key={c.id} value={c.id} disabled={c.disabled}>
                        {text(c.name)}
                      </MenuItem>
                    ))}
                  </TextField>
                );
              case 'select':
                return (
                  <TextField
                    key={f.name}
                    select
                    name={f.name}
                    label={label(f)}
                    required={f.required}
                    value={values[f.name] ?? ''}
                    onChange={(e) => set(f.name, e.target.value)}
                    error={!!error}
                    helperText={helper}
                    autoFocus={f.autoFocus}
                    fullWidth
                  >
                    {(f.choices ?? []).map((c) => (
                      <MenuItem key={c.id} value={c.id} disabled={c.disabled}>
                        {text(c.name)}
                      </MenuItem>
                    ))}
                  </TextField>
                );
              default:
                return (
                  <TextField
                    key={f.name}
                    name={f.name}
                    label={label(f)}
                    required={f.required}
                    value={values[f.name] ?? ''}
                    onChange={(e) => set(f.name, e.target.value)}
                    error={!!error}
                    helperText={helper}
                    autoFocus={f.autoFocus}
                    multiline={f.kind === 'multiline'}
                    minRows={f.kind === 'multiline' ? 3 : undefined}
                    type={f.kind === 'number' ? 'number' : f.kind === 'datetime' ? 'datetime-local' : f.kind === 'date' ? 'date' : f.kind === 'password' ? 'password' : 'text'}
                    slotProps={{
                      htmlInput: { min: f.min, max: f.max, step: f.step },
                      inputLabel: f.kind === 'datetime' || f.kind === 'date' ? { shrink: true } : undefined,
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
                    }}
                    fullWidth
                  />
                );
            }
          })}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        {extraActions?.(values, (extra) => void submit(extra), busy)}
        {hideConfirm ? null : (
          <Button variant="contained" color={confirmColor} onClick={() => void submit()} disabled={busy} startIcon={busy ? <CircularProgress size={14} /> : undefined}>
            {translate(confirmLabel, { _: confirmLabel })}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};
