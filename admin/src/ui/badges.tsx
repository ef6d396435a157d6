// Small status marks used across lists and pages: deadline badges, coloured status chips, urgency.
import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { useEnumLabel } from '../fields';
import type { ENUMS } from '../enums';

type Colour = ChipProps['color'];

/** OVERDUE red, DUE_SOON amber; ON_TIME and NONE show nothing (a quiet list is a healthy one). */
export const DeadlineBadge = ({ state, prefix }: { state: string | null | undefined; prefix?: string }) => {
  const translate = useTranslate();
  const label = useEnumLabel('DeadlineState');
  if (state !== 'OVERDUE' && state !== 'DUE_SOON') return null;
  return (
    <Chip
      size="small"
      color={state === 'OVERDUE' ? 'error' : 'warning'}
      variant={state === 'OVERDUE' ? 'filled' : 'outlined'}
      label={prefix ? `${translate(prefix, { _: prefix })}${label(state)}` : label(state)}
      data-testid={`deadline-${state}`}
    />
  );
};

interface CaseLike {
  dispatchDeadline?: string;
  dispatches?: { deadline?: string; status?: string }[];
}

/** A case's worst deadline now: the desk's dispatch deadline, or any open dispatch's. */
export function worstDeadline(c: CaseLike | null | undefined): { state: string | null; who: 'desk' | 'department' | null } {
  if (!c) return { state: null, who: null };
  const rank = (s?: string) => (s === 'OVERDUE' ? 2 : s === 'DUE_SOON' ? 1 : 0);
  let best: { state: string | null; who: 'desk' | 'department' | null } = { state: null, who: null };
  if (rank(c.dispatchDeadline) > 0) best = { state: c.dispatchDeadline!, who: 'desk' };
  for (const d of c.dispatches ?? []) {
    if (rank(d.deadline) > rank(best.state ?? undefined)) best = { state: d.deadline!, who: 'department' };
  }
  return best;
}

export const CaseDeadlineField = (_props: { label?: string; source?: string }) => {
  const record = useRecordContext<CaseLike & { id: string }>();
  const { state, who } = worstDeadline(record);
  return <DeadlineBadge state={state} prefix={who === 'desk' ? 'guardline.cases.dispatch_deadline_prefix' : who === 'department' ? 'guardline.cases.department_deadline_prefix' : undefined} />;
};

const STATUS_COLOURS: Record<string, Colour> = {
  RECEIVED: 'info',
  REOPENED: 'warning',
  DISPATCHED: 'primary',
  IN_PROGRESS: 'primary',
  REPLIED: 'secondary',
  FOLLOWED_UP: 'secondary',
  CLOSED: 'success',
  MERGED: 'default',
  INVALID: 'default',
  PENDING: 'warning',
  ACCEPTED: 'primary',
  RETURNED: 'default',
  WITHDRAWN: 'default',
  NOMINATED: 'info',
  UNDER_REVIEW: 'info',
  IN_COMMITTEE: 'primary',
  AWAITING_SECOND_APPROVAL: 'warning',
  APPROVED: 'secondary',
  PUBLIC_NOTICE: 'warning',
  GRANTED: 'success',
  REJECTED: 'default',
  REVOKED: 'error',
  SUBMITTED: 'info',
  UNDER_EVALUATION: 'primary',
  ADOPTED: 'secondary',
  NOT_ADOPTED: 'default',
  IMPLEMENTED: 'secondary',
  EFFECTIVE: 'success',
  INEFFECTIVE: 'default',
  ACTIVE: 'success',
  DRAFT: 'info',
  PUBLISHED: 'success',
  RETIRED: 'default',
  UPHELD: 'error',
  DISMISSED: 'default',
};

/** A status value as a coloured chip, translated. */
export const StatusChip = ({ enumName, value }: { enumName: keyof typeof ENUMS; value: string | null | undefined }) => {
  const label = useEnumLabel(enumName);
  if (!value) return null;
  return <Chip size="small" color={STATUS_COLOURS[value] ?? 'default'} label={label(value)} data-testid={`status-${value}`} />;
};

export const StatusField = ({ enumName, ...props }: FieldProps & { enumName: keyof typeof ENUMS }) => {
  const value = useFieldValue(props) as string | undefined;
  return <StatusChip enumName={enumName} value={value} />;
};

export const UrgencyChip = ({ value }: { value: string | null | undefined }) => {
  const label = useEnumLabel('Urgency');
  if (!value) return null;
  const color: Colour = value === 'IMMEDIATE' ? 'error' : value === 'URGENT' ? 'warning' : 'default';
  return <Chip size="small" variant={value === 'NORMAL' ? 'outlined' : 'filled'} color={color} label={label(value)} />;
};

export const UrgencyField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | undefined;
  return <UrgencyChip value={value} />;
};
