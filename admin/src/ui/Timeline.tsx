// A vertical list of events (a case's timeline, a reward's decision trail): when, who, what, details.
import { Box, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatYuan } from './money';
import { formatBeijing } from './time';

export interface TimelineEvent {
  at: string;
  actor: string;
  action: string;
  detail?: string | null;
  entity?: string;
  fields?: string[];
}

/** "case.dispatch" → the translated action, or the raw name when there is no translation. */
function useActionLabel() {
  const translate = useTranslate();
  return (action: string) => translate(`guardline.audit.${action.replace(/\./g, '_')}`, { _: action });
}

const STATUS_ENUM: Record<string, string> = { case: 'caseStatus', dispatch: 'dispatchStatus', reward: 'rewardStatus', suggestion: 'suggestionStatus' };
/** Detail values worth a line, with how to show them; ids and internal keys are left out. */
const SHOWN: Record<string, 'text' | 'money' | `enum:${string}`> = {
  reason: 'text',
  note: 'text',
  into: 'text',
  code: 'text',
  standard: 'text',
  round: 'text',
  days: 'text',
  decision: 'enum:voteDecision',
  respondent: 'enum:followUpRespondent',
  satisfaction: 'enum:satisfaction',
  role: 'enum:dispatchRole',
  approved: 'text',
  finalAmount: 'money',
  proposedAmount: 'money',
  amount: 'money',
  recoverAmount: 'money',
};

function useDetailText() {
  const translate = useTranslate();
  return (action: string, detail: string | null | undefined): string => {
    if (!detail) return '';
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(detail) as Record<string, unknown>;
    } catch {
      return detail;
    }
    const parts: string[] = [];
    const statusEnum = STATUS_ENUM[action.split('.')[0] ?? ''];
    if (statusEnum && typeof parsed.from === 'string' && typeof parsed.to === 'string') {
      const label = (v: string) => translate(`guardline.enum.${statusEnum}.${v}`, { _: v });
      parts.push(`${label(parsed.from)} → ${label(parsed.to)}`);
    }
    for (const [key, how] of Object.entries(SHOWN)) {
      const v = parsed[key];
      if (v === null || v === undefined || v === '' || typeof v === 'object') continue;
      const shown =
        how === 'money'
          ? formatYuan(Number(v))
          : how.startsWith('enum:')
            ? translate(`guardline.enum.${how.slice(5)}.${String(v)}`, { _: String(v) })
            : typeof v === 'boolean'
              ? translate(v ? 'ra.boolean.true' : 'ra.boolean.false')
              : String(v);
      parts.push(`${translate(`guardline.audit_detail.${key}`, { _: key })}: ${shown}`);
    }
    return parts.join(' · ');
  };
}

export const Timeline = ({ events, testId }: { events: TimelineEvent[]; testId?: string }) => {
  const [locale] = useLocaleState();
  const actionLabel = useActionLabel();
  const detailText = useDetailText();
  return (
    <Stack spacing={0} data-testid={testId}>
      {events.map((e, i) => (
        <Box key={`${e.at}-${i}`} sx={{ display: 'grid', gridTemplateColumns: '130px 1fr', gap: 1.5, py: 0.75, borderLeft: 2, borderColor: 'divider', pl: 1.5, position: 'relative' }}>
          <Box sx={{ position: 'absolute', left: -5, top: 12, width: 8, height: 8, borderRadius: '50%', bgcolor: 'primary.main' }} />
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {formatBeijing(e.at, locale)}
          </Typography>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2">
              <strong>{actionLabel(e.action)}</strong>
              <Typography component="span" variant="body2" color="text.secondary">
                {' · '}
                {e.actor}
              </Typography>
            </Typography>
            {e.detail ? (
              <Typography variant="caption" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
                {detailText(e.action, e.detail)}
              </Typography>
            ) : null}
          </Box>
        </Box>
      ))}
    </Stack>
  );
};
