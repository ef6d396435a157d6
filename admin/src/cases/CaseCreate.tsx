// The intake form, built for a phone call: the cursor starts in the category search; Tab walks the
// form in the order of a call; Ctrl+Enter registers. The urgent banner turns red the moment the call
// is IMMEDIATE (and says "call the police now" when the category routes to them). After registering,
// the claim code (and a mandatory reporter's receipt code) is shown large, to be read out.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Alert, AlertTitle, Box, Card, CardContent, CardHeader, Chip, Stack, Typography } from '@mui/material';
import WarningIcon from '@mui/icons-material/ReportProblem';
import {
  ArrayInput,
  BooleanInput,
  Form,
  HttpError,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  maxLength,
  maxValue,
  minValue,
  number,
  required,
  useCreatePath,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { enumChoices } from '../enums';
import { localName } from '../i18n';
import type { GuardlineDataProvider } from '../dataProvider';
import { useGql } from '../ui/useGql';
import { SUGGESTED_DEPARTMENTS } from '../dataProvider/queries';
import { CategoryInput } from './CategoryInput';
import { needsPoliceNow, useCategories } from './categories';
import { RegisteredDialog, type Registered } from './RegisteredDialog';

const DEFAULTS = {
  channel: 'HOTLINE',
  kind: 'REPORT',
  domain: 'FAMILY',
  perpetratorRelation: 'UNKNOWN',
  guardianInvolved: false,
  reasonableSuspicion: false,
  minors: [{}],
  reporter: { anonymous: false, relationToMinor: 'OTHER', mandatoryReporter: false, consentToShareContact: false, hasSafeContact: true },
};

/** A random key (getRandomValues works outside secure contexts too, unlike randomUUID). */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `panel-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const districtName = (d: { nameZh?: string; nameEn?: string }) => localName(d);

const UrgentBanner = () => {
  const translate = useTranslate();
  const { leaves } = useCategories();
  const [urgency, categoryId] = useWatch({ name: ['urgency', 'categoryId'] }) as [string | undefined, string | undefined];
  const category = leaves.find((c) => c.id === categoryId);
  if (urgency !== 'IMMEDIATE') return null;
  const police = needsPoliceNow(urgency, category);
  return (
    <Alert severity="error" variant="filled" icon={<WarningIcon />} data-testid="urgent-banner" sx={{ py: 0.25 }}>
      <AlertTitle sx={{ mb: 0 }}>{translate(police ? 'guardline.intake.police_now' : 'guardline.intake.immediate')}</AlertTitle>
      {translate(police ? 'guardline.intake.police_now_help' : 'guardline.intake.immediate_help')}
    </Alert>
  );
};

/** Departments the category routes to, the district's own branch first: what the dispatch will offer. */
const RoutingHints = () => {
  const translate = useTranslate();
  const [categoryId, districtId] = useWatch({ name: ['categoryId', 'districtId'] }) as [string | undefined, string | undefined];
  const { data } = useGql<{ suggestedDepartments: { id: string; nameZh: string; nameEn: string; kind: string }[] }>(
    ['suggestedDepartments'],
    SUGGESTED_DEPARTMENTS,
    { categoryId, districtId: districtId || null },
    { enabled: !!categoryId },
  );
  return (
    <Box data-testid="routing-hints">
      <Typography variant="subtitle2" gutterBottom>
        {translate('guardline.intake.routing')}
      </Typography>
      {!categoryId ? (
        <Typography variant="body2" color="text.secondary">
          {translate('guardline.intake.routing_empty')}
        </Typography>
      ) : (
        <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap' }}>
          {(data?.suggestedDepartments ?? []).slice(0, 8).map((d, i) => (
            <Chip key={d.id} size="small" color={i === 0 ? 'primary' : 'default'} variant={i === 0 ? 'filled' : 'outlined'} label={localName(d)} />
          ))}
        </Stack>
      )}
    </Box>
  );
};

const ReporterFields = () => {
  const [anonymous, hasSafeContact, mandatory] = useWatch({ name: ['reporter.anonymous', 'reporter.hasSafeContact', 'reporter.mandatoryReporter'] }) as [boolean, boolean, boolean];
  const translate = useTranslate();
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <BooleanInput source="reporter.anonymous" helperText={false} />
        <SelectInput source="reporter.relationToMinor" choices={enumChoices('ReporterRelation')} helperText={false} sx={{ flex: 1 }} />
      </Stack>
      {anonymous ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('guardline.intake.anonymous_help')}
        </Typography>
      ) : (
        <>
          <Stack direction="row" spacing={1}>
            <TextInput source="reporter.name" helperText={false} validate={maxLength(50)} />
            <TextInput source="reporter.phone" helperText={false} validate={maxLength(30)} />
          </Stack>
          <TextInput source="reporter.organization" helperText={false} validate={maxLength(100)} />
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <BooleanInput source="reporter.consentToShareContact" helperText={false} />
            <BooleanInput source="reporter.hasSafeContact" helperText={false} />
          </Stack>
          {hasSafeContact !== false ? (
            <TextInput source="reporter.safeContactInstructions" helperText="guardline.intake.safe_contact_help" validate={maxLength(500)} />
          ) : (
            <Alert severity="warning" sx={{ mb: 1 }}>
              {translate('guardline.intake.no_safe_contact')}
            </Alert>
          )}
        </>
      )}
      <BooleanInput source="reporter.mandatoryReporter" helperText={mandatory ? 'guardline.intake.mandatory_help' : false} />
    </>
  );
};

const IntakeFields = () => {
  const translate = useTranslate();
  const { setValue, getFieldState } = useFormContext();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '7fr 5fr' }, gap: 2, alignItems: 'start' }}>
      <Card>
        <CardContent sx={{ '& .MuiFormControl-root': { mt: 0 } }}>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1.5 }}>
            <Box sx={{ gridColumn: '1 / -1' }}>
              <CategoryInput
                source="categoryId"
                validate={required()}
                autoFocus
                onPicked={(c) => {
                  // the category's default urgency, unless the operator already chose one
                  if (c?.defaultUrgency && !getFieldState('urgency').isDirty) setValue('urgency', c.defaultUrgency);
                }}
              />
            </Box>
            <SelectInput source="urgency" choices={enumChoices('Urgency')} emptyText="guardline.intake.urgency_default" helperText={false} />
            <SelectInput source="domain" choices={enumChoices('ProtectionDomain')} validate={required()} helperText={false} />
            <SelectInput source="kind" choices={enumChoices('CaseKind')} validate={required()} helperText={false} />
            <SelectInput source="channel" choices={enumChoices('CaseChannel')} validate={required()} helperText={false} />
            <ReferenceInput source="districtId" reference="districts" perPage={100}>
              <SelectInput optionText={districtName} helperText={false} />
            </ReferenceInput>
            <TextInput source="street" helperText={false} validate={maxLength(100)} />
            <Box sx={{ gridColumn: '1 / -1' }}>
              <TextInput source="summary" validate={[required(), maxLength(200)]} helperText={false} />
              <TextInput source="narrative" multiline minRows={2} maxRows={6} helperText={false} validate={maxLength(20000)} />
            </Box>
            <SelectInput source="perpetratorRelation" choices={enumChoices('PerpetratorRelation')} helperText={false} />
            <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <BooleanInput source="guardianInvolved" helperText={false} />
              <BooleanInput source="reasonableSuspicion" helperText={false} />
            </Stack>
          </Box>
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate('guardline.intake.minors')}
          </Typography>
          <ArrayInput source="minors" label={false}>
            <SimpleFormIterator inline disableReordering disableClear>
              <TextInput source="name" label="guardline.intake.minor_name" helperText={false} validate={maxLength(50)} sx={{ width: 140 }} />
              <TextInput source="birthYear" label="guardline.intake.minor_birth_year" helperText={false} validate={[number(), minValue(1990), maxValue(2100)]} sx={{ width: 100 }} />
              <TextInput source="school" label="guardline.intake.minor_school" helperText={false} validate={maxLength(100)} sx={{ width: 180 }} />
              <TextInput source="guardianName" label="guardline.intake.minor_guardian" helperText={false} validate={maxLength(50)} sx={{ width: 120 }} />
            </SimpleFormIterator>
          </ArrayInput>
        </CardContent>
      </Card>
      <Stack spacing={2}>
        <Card>
          <CardHeader title={translate('guardline.intake.reporter')} slotProps={{ title: { variant: 'subtitle1' } }} sx={{ pb: 0 }} />
          <CardContent sx={{ '& .MuiFormControl-root': { mt: 0 } }}>
            <ReporterFields />
          </CardContent>
        </Card>
        <Card>
          <CardContent>
            <RoutingHints />
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};

const CaseCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const notify = useNotify();
  const createPath = useCreatePath();
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [formKey, setFormKey] = useState(0);
  // One key per call: a double submit (or a retry after a lost answer) registers the case once.
  const defaults = useMemo(() => ({ ...DEFAULTS, idempotencyKey: newKey() }), [formKey]);

  const save = async (values: Record<string, unknown>) => {
    try {
      const { data } = await dataProvider.create('cases', { data: values });
      setRegistered({ id: String(data.id), code: String(data.code), claimCode: String(data.claimCode), receiptCode: (data.receiptCode as string | null) ?? null, alertsRaised: Number(data.alertsRaised ?? 0) });
      return undefined;
    } catch (e) {
      if (e instanceof HttpError && e.body?.errors) return e.body.errors as Record<string, unknown>;
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  const submitOnCtrlEnter = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.querySelector('form')?.requestSubmit();
    }
  };

  return (
    <Box onKeyDown={submitOnCtrlEnter} sx={{ mt: 1 }} data-testid="intake-form">
      <Title title="guardline.intake.title" />
      <Form key={formKey} defaultValues={defaults} onSubmit={save} noValidate>
        <Stack spacing={1.5}>
          <Card sx={{ position: 'sticky', top: 48, zIndex: 2 }}>
            <CardContent sx={{ py: 1, '&:last-child': { pb: 1 }, display: 'flex', alignItems: 'center', gap: 2 }}>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="h6" component="h1">
                  {translate('guardline.intake.title')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('guardline.intake.keyboard_help')}
                </Typography>
              </Box>
              <SaveButton label="guardline.intake.register" alwaysEnable variant="contained" />
            </CardContent>
          </Card>
          <UrgentBanner />
          <IntakeFields />
        </Stack>
      </Form>
      <RegisteredDialog
        registered={registered}
        caseHref={registered ? `#${createPath({ resource: 'cases', id: registered.id, type: 'show' })}` : ''}
        onNext={() => {
          setRegistered(null);
          setFormKey((k) => k + 1);
        }}
      />
    </Box>
  );
};

export default CaseCreate;
