// The working-day calendar of one year: holidays (放假) and weekend make-up working days (调休上班),
// month by month, with add, change and remove for administrators. Working-day deadlines skip the first
// and count the second; a change applies to deadlines set from then on.
import { useState } from 'react';
import { Alert, Box, Card, CardContent, Chip, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import PrevIcon from '@mui/icons-material/ChevronLeft';
import NextIcon from '@mui/icons-material/ChevronRight';
import { Title, useCanAccess, useTranslate } from 'react-admin';
import { HOLIDAYS } from '../dataProvider/queries';
import { enumChoices } from '../enums';
import { useEnumLabel } from '../fields';
import { currentLocale, localName } from '../i18n';
import { ActionButton, actionTarget } from '../ui/ActionButton';
import type { ActionField } from '../ui/ActionDialog';
import { beijingToday } from '../ui/time';
import { useGql } from '../ui/useGql';

export interface CalendarDay {
  id: string;
  day: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  nameZh: string;
  nameEn: string;
}

/** "10月1日 周四" / "Thu, October 1": the day itself, never shifted by the browser's time zone. */
function dayLabel(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function monthLabel(day: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** The add and change dialogs share their fields; a change keeps the day. */
const dayFields = (d?: CalendarDay): ActionField[] => [
  ...(d ? [] : [{ name: 'day', label: 'resources.holidays.fields.day', kind: 'date', required: true, autoFocus: true } as ActionField]),
  { name: 'kind', label: 'resources.holidays.fields.kind', kind: 'radio', required: true, defaultValue: d?.kind ?? 'HOLIDAY', choices: enumChoices('CalendarDayKind'), helperText: 'guardline.holidays.kind_help' },
  { name: 'nameZh', label: 'resources.holidays.fields.nameZh', required: true, defaultValue: d?.nameZh },
  { name: 'nameEn', label: 'resources.holidays.fields.nameEn', required: true, defaultValue: d?.nameEn },
];

const DayActions = ({ d }: { d: CalendarDay }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      <ActionButton
        label="ra.action.edit"
        title="guardline.holidays.edit_title"
        titleOptions={{ day: d.day }}
        {...actionTarget('holidays', d.id, { day: d.day })}
        action="set"
        confirmLabel="ra.action.save"
        done="guardline.holidays.saved"
        fields={dayFields(d)}
      />
      <ActionButton
        label="guardline.holidays.remove"
        title="guardline.holidays.remove_title"
        titleOptions={{ day: d.day, name: localName(d) }}
        {...actionTarget('holidays', d.id, { day: d.day })}
        action="remove"
        color="error"
        confirmColor="error"
        done="guardline.holidays.removed"
        testId={`holiday-remove-${d.day}`}
      >
        <Typography variant="body2">{translate('guardline.holidays.remove_help')}</Typography>
      </ActionButton>
    </Stack>
  );
};

const HolidayPage = () => {
  const translate = useTranslate();
  const kind = useEnumLabel('CalendarDayKind');
  const [year, setYear] = useState(() => Number(beijingToday().slice(0, 4)));
  const { data, error } = useGql<{ holidays: CalendarDay[] }>(['holidays', year], HOLIDAYS, { year });
  const { canAccess: canEdit } = useCanAccess({ resource: 'holidays', action: 'edit' });
  const days = data?.holidays ?? [];
  const months = [...new Set(days.map((d) => d.day.slice(0, 7)))];

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('resources.holidays.name')} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <IconButton aria-label={translate('guardline.holidays.prev_year')} onClick={() => setYear(year - 1)}>
              <PrevIcon />
            </IconButton>
            <Typography variant="h6" data-testid="holiday-year" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {translate('guardline.holidays.year', { year })}
            </Typography>
            <IconButton aria-label={translate('guardline.holidays.next_year')} onClick={() => setYear(year + 1)}>
              <NextIcon />
            </IconButton>
            <Box sx={{ flex: 1 }} />
            {canEdit ? (
              <ActionButton
                label="guardline.holidays.add"
                title="guardline.holidays.add_title"
                {...actionTarget('holidays', undefined)}
                action="set"
                variant="contained"
                confirmLabel="ra.action.save"
                done="guardline.holidays.saved"
                testId="holiday-add"
                fields={dayFields()}
              />
            ) : null}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('guardline.holidays.help')}{' '}
            {translate('guardline.holidays.summary', { holidays: days.filter((d) => d.kind === 'HOLIDAY').length, workdays: days.filter((d) => d.kind === 'WORKDAY').length })}
          </Typography>
          {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
          {data && days.length === 0 ? <Alert severity="info">{translate('guardline.holidays.empty', { year })}</Alert> : null}
          {days.length ? (
            <Table size="small" data-testid="holiday-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.holidays.fields.day')}</TableCell>
                  <TableCell>{translate('resources.holidays.fields.kind')}</TableCell>
                  <TableCell>{translate('resources.holidays.fields.name')}</TableCell>
                  {canEdit ? <TableCell /> : null}
                </TableRow>
              </TableHead>
              <TableBody>
                {months.flatMap((m) => [
                  <TableRow key={m}>
                    <TableCell colSpan={canEdit ? 4 : 3} sx={{ fontWeight: 600, bgcolor: 'action.hover' }}>
                      {monthLabel(`${m}-01`)}
                    </TableCell>
                  </TableRow>,
                  ...days
                    .filter((d) => d.day.startsWith(m))
                    .map((d) => (
                      <TableRow key={d.day} data-testid={`holiday-${d.day}`}>
                        <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{dayLabel(d.day)}</TableCell>
                        <TableCell>
                          <Chip size="small" color={d.kind === 'HOLIDAY' ? 'success' : 'warning'} variant="outlined" label={kind(d.kind)} />
                        </TableCell>
                        <TableCell>{localName(d)}</TableCell>
                        {canEdit ? (
                          <TableCell>
                            <DayActions d={d} />
                          </TableCell>
                        ) : null}
                      </TableRow>
                    )),
                ])}
              </TableBody>
            </Table>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};

export default HolidayPage;
