// One suggestion: the idea, its evaluation and replies, the measured effect (case counts before and
// after implementation), and the moves for this role and state.
import { useState, type ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Stack, Typography, LinearProgress } from '@mui/material';
import RewardIcon from '@mui/icons-material/EmojiEvents';
import { Button, Link, Show, useCanAccess, useCreatePath, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields';
import { localName } from '../i18n';
import { ActionButton, actionTarget } from '../ui/ActionButton';
import { StatusChip } from '../ui/badges';
import { DepartmentPicker, type DepartmentOption } from '../ui/DepartmentPicker';
import { formatBeijing } from '../ui/time';

interface Suggestion {
  id: string;
  code: string;
  title: string;
  content: string;
  topic: string;
  status: string;
  version: number;
  submitterKind: string;
  submittedAt: string;
  implementationNote: string | null;
  effectEvidence: string | null;
  casesBefore: number | null;
  casesAfter: number | null;
  claimCode: string | null;
  submitterName: string | null;
  evaluatingDepartment: { nameZh: string; nameEn: string } | null;
  submitterDepartment: { nameZh: string; nameEn: string } | null;
  targetCategory: { nameZh: string; nameEn: string } | null;
  targetDistrict: { nameZh: string; nameEn: string } | null;
  sourceCase: { id: string; code: string; summary: string } | null;
  mergedInto: { id: string; code: string } | null;
  replies: { status: string; body: string; createdAt: string }[];
}

const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  if (children === null || children === undefined || children === '') return null;
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Box>
  );
};

const AssignButton = ({ s }: { s: Suggestion }) => {
  const [dept, setDept] = useState<DepartmentOption | null>(null);
  return (
    <ActionButton
      label="guardline.suggestions.assign"
      {...actionTarget('suggestions', s.id, { version: s.version })}
      action="assign"
      variant="contained"
      done="guardline.suggestions.assigned"
      toData={(v) => ({ ...v, departmentId: dept?.id })}
      validate={() => (dept ? {} : { note: 'guardline.suggestions.pick_department' })}
      fields={[{ name: 'note', label: 'guardline.suggestions.assign_note', kind: 'multiline' }]}
    >
      <DepartmentPicker label="guardline.suggestions.evaluating_department" value={dept} onChange={setDept} autoFocus />
    </ActionButton>
  );
};

const Moves = ({ s }: { s: Suggestion }) => {
  const { canAccess: assign } = useCanAccess({ resource: 'suggestions', action: 'assign' });
  const { canAccess: decide } = useCanAccess({ resource: 'suggestions', action: 'decide' });
  const { canAccess: nominate } = useCanAccess({ resource: 'rewardRecords', action: 'create' });
  const redirect = useRedirect();
  const base = { version: s.version };
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }}>
      {assign && s.status === 'SUBMITTED' ? <AssignButton s={s} /> : null}
      {assign && (s.status === 'SUBMITTED' || s.status === 'UNDER_EVALUATION') ? (
        <ActionButton
          label="guardline.suggestions.merge"
          {...actionTarget('suggestions', s.id, base)}
          action="merge"
          color="warning"
          done="guardline.suggestions.merged"
          fields={[
            { name: 'intoSuggestionId', label: 'guardline.suggestions.into_id', required: true, helperText: 'guardline.suggestions.into_help' },
            { name: 'reply', label: 'guardline.suggestions.reply', kind: 'multiline', required: true },
          ]}
        />
      ) : null}
      {decide && s.status === 'UNDER_EVALUATION' ? (
        <ActionButton
          label="guardline.suggestions.decide"
          {...actionTarget('suggestions', s.id, base)}
          action="decide"
          variant="contained"
          confirmLabel="guardline.suggestions.adopt"
          confirmColor="success"
          done="guardline.suggestions.decided"
          toData={(v) => ({ ...v, adopt: v.adopt !== false })}
          fields={[{ name: 'reply', label: 'guardline.suggestions.reply', kind: 'multiline', required: true, autoFocus: true, helperText: 'guardline.suggestions.reply_help' }]}
          extraActions={(_v, submit, busy) => <Button label="guardline.suggestions.decline" color="error" disabled={busy} onClick={() => submit({ adopt: false })} />}
        />
      ) : null}
      {decide && s.status === 'ADOPTED' ? (
        <ActionButton
          label="guardline.suggestions.implement"
          {...actionTarget('suggestions', s.id, base)}
          action="implement"
          variant="contained"
          done="guardline.suggestions.implemented"
          fields={[
            { name: 'note', label: 'guardline.suggestions.implementation_note', kind: 'multiline', required: true, autoFocus: true },
            { name: 'reply', label: 'guardline.suggestions.reply', kind: 'multiline', required: true },
          ]}
        />
      ) : null}
      {decide && s.status === 'IMPLEMENTED' ? (
        <ActionButton
          label="guardline.suggestions.assess"
          {...actionTarget('suggestions', s.id, base)}
          action="assess"
          variant="contained"
          done="guardline.suggestions.assessed"
          toData={(v) => ({ ...v, effective: v.effective === 'yes' })}
          fields={[
            {
              name: 'effective',
              label: 'guardline.suggestions.effective',
              kind: 'radio',
              required: true,
              choices: [
                { id: 'yes', name: 'guardline.enum.suggestionStatus.EFFECTIVE' },
                { id: 'no', name: 'guardline.enum.suggestionStatus.INEFFECTIVE' },
              ],
              helperText: 'guardline.suggestions.effect_help',
            },
            { name: 'evidence', label: 'guardline.suggestions.evidence', kind: 'multiline', required: true },
            { name: 'reply', label: 'guardline.suggestions.reply', kind: 'multiline', required: true },
          ]}
        />
      ) : null}
      {nominate && s.status === 'EFFECTIVE' ? (
        <Button label="guardline.rewards.nominate" variant="outlined" onClick={() => redirect('create', 'rewardRecords', undefined, undefined, { record: { kind: 'SUGGESTION_REWARD', basisSuggestionId: s.id } })}>
          <RewardIcon />
        </Button>
      ) : null}
    </Stack>
  );
};

const SuggestionPage = () => {
  const s = useRecordContext<Suggestion>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const kind = useEnumLabel('SubmitterKind');
  const status = useEnumLabel('SuggestionStatus');
  // the list's row is shown while the page's own query runs: wait for the detail selection
  if (!s?.replies) return <LinearProgress sx={{ mt: 2 }} />;
  const measured = s.casesBefore != null && s.casesAfter != null;
  return (
    <Stack spacing={1.5} sx={{ mt: 1 }}>
      <Card>
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', '&:last-child': { pb: 2 } }}>
          <Box sx={{ flex: 1, minWidth: 240 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="h6" component="h1" sx={{ fontFamily: 'monospace' }}>
                {s.code}
              </Typography>
              <StatusChip enumName="SuggestionStatus" value={s.status} />
            </Stack>
            <Typography variant="subtitle1">{s.title}</Typography>
          </Box>
          <Moves s={s} />
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 1.5, alignItems: 'start' }}>
        <Card>
          <CardContent>
            <Stack spacing={1.5}>
              <Fact label="resources.suggestions.fields.content">{s.content}</Fact>
              <Fact label="resources.suggestions.fields.topic">{s.topic}</Fact>
              <Fact label="resources.suggestions.fields.implementationNote">{s.implementationNote}</Fact>
              <Fact label="resources.suggestions.fields.effectEvidence">{s.effectEvidence}</Fact>
              {measured ? (
                <Alert severity={s.casesAfter! < s.casesBefore! ? 'success' : 'info'} data-testid="effect-counts">
                  {translate('guardline.suggestions.counts', { before: s.casesBefore, after: s.casesAfter })}
                </Alert>
              ) : null}
            </Stack>
          </CardContent>
        </Card>
        <Stack spacing={1.5}>
          <Card>
            <CardContent>
              <Stack spacing={1.5}>
                <Fact label="resources.suggestions.fields.submittedAt">{formatBeijing(s.submittedAt)}</Fact>
                <Fact label="resources.suggestions.fields.submitterKind">{kind(s.submitterKind)}</Fact>
                <Fact label="resources.suggestions.fields.submitterName">{s.submitterName}</Fact>
                <Fact label="guardline.intake.claim_code">{s.claimCode}</Fact>
                <Fact label="resources.suggestions.fields.submitterDepartment">{s.submitterDepartment ? localName(s.submitterDepartment) : null}</Fact>
                <Fact label="resources.suggestions.fields.evaluatingDepartment">{s.evaluatingDepartment ? localName(s.evaluatingDepartment) : null}</Fact>
                <Fact label="resources.suggestions.fields.targetCategory">{s.targetCategory ? localName(s.targetCategory) : null}</Fact>
                <Fact label="resources.suggestions.fields.targetDistrict">{s.targetDistrict ? localName(s.targetDistrict) : null}</Fact>
                <Fact label="resources.suggestions.fields.sourceCase">
                  {s.sourceCase ? <Link to={createPath({ resource: 'cases', id: s.sourceCase.id, type: 'show' })}>{s.sourceCase.code}</Link> : null}
                </Fact>
                <Fact label="resources.suggestions.fields.mergedInto">
                  {s.mergedInto ? <Link to={createPath({ resource: 'suggestions', id: s.mergedInto.id, type: 'show' })}>{s.mergedInto.code}</Link> : null}
                </Fact>
              </Stack>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {translate('guardline.suggestions.replies')}
              </Typography>
              {s.replies.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('guardline.suggestions.no_replies')}
                </Typography>
              ) : (
                <Stack spacing={1}>
                  {s.replies.map((r, i) => (
                    <Box key={i}>
                      <Typography variant="caption" color="text.secondary">
                        {formatBeijing(r.createdAt)} · {status(r.status)}
                      </Typography>
                      <Typography variant="body2">{r.body}</Typography>
                    </Box>
                  ))}
                </Stack>
              )}
            </CardContent>
          </Card>
        </Stack>
      </Box>
    </Stack>
  );
};

const SuggestionShow = () => (
  <Show component="div" actions={false}>
    <SuggestionPage />
  </Show>
);

export default SuggestionShow;
