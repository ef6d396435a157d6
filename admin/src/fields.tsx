// Small fields shared by the resources: enum values in the user's language, and names that exist in
// Chinese and English (`nameZh`/`nameEn`), optionally linking to the named record.
import type { MouseEvent } from 'react';
import { Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { DateField, Link, useCreatePath, useFieldValue, useLocaleState, useRecordContext, useTranslate, type DateFieldProps, type FieldProps } from 'react-admin';
import { ENUMS } from './enums';
import { localName } from './i18n';

type EnumName = keyof typeof ENUMS;

export function useEnumLabel(enumName: EnumName): (value: unknown) => string {
  const translate = useTranslate();
  return (value) => (value == null || value === '' ? '' : translate(`${ENUMS[enumName].i18n}.${String(value)}`, { _: String(value) }));
}

/** One enum value, translated. */
export const EnumField = ({ enumName, ...props }: FieldProps & { enumName: EnumName }) => {
  const value = useFieldValue(props);
  const label = useEnumLabel(enumName);
  return (
    <Typography component="span" variant="body2">
      {label(value)}
    </Typography>
  );
};

/** A list of enum values (e.g. roles), as small chips. */
export const EnumChipsField = ({ enumName, ...props }: FieldProps & { enumName: EnumName }) => {
  const value = useFieldValue(props);
  const label = useEnumLabel(enumName);
  if (!Array.isArray(value) || value.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {value.map((v: string) => (
        <Chip key={v} label={label(v)} variant="outlined" />
      ))}
    </Stack>
  );
};

/**
 * The name of the record, or of the object at `source` (a nested reference like `department`), in the
 * language in use; with `reference`, a link to that record's show page.
 */
export const NameField = ({ reference, emptyText, ...props }: Omit<FieldProps, 'source'> & { source?: string; reference?: string }) => {
  const record = useRecordContext();
  const value = useFieldValue({ ...props, source: props.source ?? 'id' });
  const createPath = useCreatePath();
  const translate = useTranslate();
  const target = (props.source ? value : record) as { id?: string; nameZh?: string; nameEn?: string } | null | undefined;
  if (!target) {
    return emptyText ? (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate(emptyText, { _: emptyText })}
      </Typography>
    ) : null;
  }
  const name = localName(target);
  if (!reference || !target.id) {
    return (
      <Typography component="span" variant="body2">
        {name}
      </Typography>
    );
  }
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource: reference, id: target.id, type: 'show' })}
      variant="body2"
      onClick={(e: MouseEvent) => e.stopPropagation()}
    >
      {name}
    </MuiLink>
  );
};

/** A quiet line of text in place of an empty list or value. */
export const EmptyNote = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate(message, { _: message })}
    </Typography>
  );
};

const BEIJING_TIME: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

/** An instant in Beijing time (the desk's clock, whatever the browser's), in the language in use. */
export const BeijingTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={locale} options={BEIJING_TIME} {...props} />;
};
