// Nominating a reward (a supervisor): the basis (a closed case, or an EFFECTIVE suggestion), the
// standard — its allowed range shown in yuan — and the proposed amount, stored in fen.
import { Alert, Card, CardContent, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ACTIVE_STANDARDS } from '../dataProvider/queries';
import { enumChoices } from '../enums';
import { localName } from '../i18n';
import { formatRange } from '../ui/money';
import { useGql } from '../ui/useGql';

interface Standard {
  id: string;
  code: string;
  version: number;
  kind: string;
  level: string;
  nameZh: string;
  nameEn: string;
  criteria: string;
  minAmount: number;
  maxAmount: number;
}

function useStandards(kind: string | undefined) {
  const { data } = useGql<{ rewardStandards: Standard[] }>(['activeStandards'], ACTIVE_STANDARDS, { kind: kind ?? null }, { enabled: !!kind });
  return data?.rewardStandards ?? [];
}

const standardLabel = (s: Standard) => `${localName(s)} · ${s.level} · ${formatRange(s.minAmount, s.maxAmount)}`;

const StandardFields = () => {
  const translate = useTranslate();
  const [kind, standardId] = useWatch({ name: ['kind', 'standardId'] }) as [string | undefined, string | undefined];
  const standards = useStandards(kind);
  const chosen = standards.find((s) => s.id === standardId);
  const amountInRange = (v: unknown) => {
    if (!chosen || v === '' || v == null) return undefined;
    const fen = Math.round(Number(v) * 100);
    return Number.isNaN(fen) || fen < chosen.minAmount || fen > chosen.maxAmount ? translate('guardline.rewards.range', { range: formatRange(chosen.minAmount, chosen.maxAmount) }) : undefined;
  };
  return (
    <>
      <RadioButtonGroupInput
        source="standardId"
        choices={standards.map((s) => ({ id: s.id, name: standardLabel(s) }))}
        optionText="name"
        translateChoice={false}
        validate={required()}
        row={false}
        helperText={kind ? false : 'guardline.rewards.pick_kind_first'}
      />
      {chosen ? (
        <Alert severity="info" sx={{ mb: 2, maxWidth: 720 }} data-testid="standard-range">
          {translate('guardline.rewards.range', { range: formatRange(chosen.minAmount, chosen.maxAmount) })} · {chosen.criteria}
        </Alert>
      ) : null}
      <TextInput source="proposedAmountYuan" type="number" validate={[required(), amountInRange]} helperText="guardline.rewards.amount_help" sx={{ maxWidth: 240 }} />
    </>
  );
};

const BasisField = () => {
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  if (kind === 'SUGGESTION_REWARD') {
    return (
      <ReferenceInput source="basisSuggestionId" reference="suggestions" filter={{ status: ['EFFECTIVE'] }} perPage={50}>
        <AutocompleteInput optionText={(s: { code: string; title: string }) => `${s.code} ${s.title}`} validate={required()} sx={{ maxWidth: 720 }} />
      </ReferenceInput>
    );
  }
  return (
    <ReferenceInput source="basisCaseId" reference="cases" filter={{ status: ['CLOSED'], kind: 'REPORT' }} perPage={25}>
      <AutocompleteInput optionText={(c: { code: string; summary: string }) => `${c.code} ${c.summary}`} filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ maxWidth: 720 }} />
    </ReferenceInput>
  );
};

const NominateToolbar = () => (
  <Toolbar>
    <SaveButton label="guardline.rewards.nominate" />
  </Toolbar>
);

const RewardNominate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" title="guardline.rewards.nominate_title" resource="rewardRecords">
      <SimpleForm defaultValues={{ kind: 'REPORT_REWARD' }} toolbar={<NominateToolbar />}>
        <Card variant="outlined" sx={{ mb: 2, maxWidth: 720 }}>
          <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
            <Typography variant="body2" color="text.secondary">
              {translate('guardline.rewards.nominate_help')}
            </Typography>
          </CardContent>
        </Card>
        <RadioButtonGroupInput source="kind" choices={enumChoices('RewardKind')} validate={required()} />
        <BasisField />
        <StandardFields />
        <TextInput source="justification" multiline minRows={3} validate={[required(), maxLength(5000)]} sx={{ maxWidth: 720 }} />
      </SimpleForm>
    </Create>
  );
};

export default RewardNominate;
