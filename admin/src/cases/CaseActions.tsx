// The case's moves: exactly the buttons for the entries of `availableActions` (the server's rules for
// this viewer and this state), each with its confirmation and the reason the API asks for.
import { useState } from 'react';
import { Alert, Stack, Typography } from '@mui/material';
import RewardIcon from '@mui/icons-material/EmojiEvents';
import SendIcon from '@mui/icons-material/Send';
import PhoneIcon from '@mui/icons-material/PhoneInTalk';
import { Button, HttpError, useCanAccess, useDataProvider, useRedirect, useTranslate } from 'react-admin';
import type { GuardlineDataProvider } from '../dataProvider';
import { CASE_BY_CODE, SUGGESTED_DEPARTMENTS } from '../dataProvider/queries';
import { enumChoices } from '../enums';
import { ActionButton, actionTarget } from '../ui/ActionButton';
import { DepartmentMultiPicker, DepartmentPicker, type DepartmentOption } from '../ui/DepartmentPicker';
import { useGql } from '../ui/useGql';

export interface CaseRecord {
  id: string;
  code: string;
  status: string;
  kind: string;
  version: number;
  guardianInvolved: boolean;
  availableActions: string[];
  category?: { id: string };
  district?: { id: string } | null;
  reporter?: { anonymous: boolean; hasSafeContact: boolean; safeContactInstructions?: string | null; phone?: string | null } | null;
}

const DispatchButton = ({ record }: { record: CaseRecord }) => {
  const translate = useTranslate();
  const [lead, setLead] = useState<DepartmentOption | null>(null);
  const [assists, setAssists] = useState<DepartmentOption[]>([]);
  const { data } = useGql<{ suggestedDepartments: DepartmentOption[] }>(['suggestedDepartments'], SUGGESTED_DEPARTMENTS, {
    categoryId: record.category?.id,
    districtId: record.district?.id ?? null,
  });
  const suggested = data?.suggestedDepartments ?? [];
  return (
    <ActionButton
      label="guardline.enum.caseAction.DISPATCH"
      title="guardline.dispatch.title"
      titleOptions={{ code: record.code }}
      {...actionTarget('cases', record.id, { version: record.version })}
      action="dispatch"
      variant="contained"
      icon={<SendIcon />}
      confirmLabel="guardline.dispatch.confirm"
      done="guardline.dispatch.done"
      testId="case-dispatch"
      maxWidth="md"
      toData={(v) => ({ ...v, leadDepartmentId: lead?.id, assists: assists.map((a) => ({ departmentId: a.id, instructions: v.instructions })) })}
      validate={() => (lead ? {} : { instructions: 'guardline.dispatch.pick_lead' })}
      fields={[{ name: 'instructions', label: 'guardline.dispatch.instructions', kind: 'multiline', helperText: 'guardline.dispatch.instructions_help' }]}
    >
      <Typography variant="body2" color="text.secondary">
        {translate('guardline.dispatch.help')}
      </Typography>
      <DepartmentPicker label="guardline.dispatch.lead" value={lead} onChange={setLead} suggested={suggested} testId="dispatch-lead" autoFocus />
      <DepartmentMultiPicker
        label="guardline.dispatch.assists"
        value={assists}
        onChange={setAssists}
        suggested={suggested}
        exclude={lead ? [lead.id] : []}
        helperText="guardline.dispatch.assists_help"
        testId="dispatch-assists"
      />
    </ActionButton>
  );
};

/** Safe contact: the warnings come first, before anyone dials. */
const FollowUpButton = ({ record }: { record: CaseRecord }) => {
  const translate = useTranslate();
  const r = record.reporter;
  const reporterReachable = !!r && !r.anonymous && r.hasSafeContact;
  const instructions = r?.safeContactInstructions ?? null;
  const needsWarning = record.guardianInvolved || !!instructions || !reporterReachable;
  return (
    <ActionButton
      label="guardline.enum.caseAction.RECORD_FOLLOW_UP"
      title="guardline.follow_up.title"
      titleOptions={{ code: record.code }}
      {...actionTarget('cases', record.id, { version: record.version })}
      action="followUp"
      variant="contained"
      icon={<PhoneIcon />}
      confirmLabel="guardline.follow_up.confirm"
      done="guardline.follow_up.done"
      testId="case-follow-up"
      maxWidth="md"
      toData={(v) => ({ ...v, resolved: v.resolved === 'yes' })}
      fields={[
        {
          name: 'respondent',
          label: 'guardline.follow_up.respondent',
          kind: 'radio',
          required: true,
          defaultValue: reporterReachable ? 'REPORTER' : '',
          choices: enumChoices('FollowUpRespondent').map((c) => ({
            ...c,
            disabled: (c.id === 'REPORTER' && !reporterReachable) || (c.id === 'GUARDIAN' && record.guardianInvolved),
          })),
        },
        {
          name: 'safeContactObserved',
          label: 'guardline.follow_up.safe_contact_observed',
          kind: 'checkbox',
          required: true,
          visible: (v) => v.respondent === 'REPORTER' && !!instructions,
        },
        {
          name: 'resolved',
          label: 'guardline.follow_up.resolved',
          kind: 'radio',
          required: true,
          choices: [
            { id: 'yes', name: 'guardline.follow_up.resolved_yes' },
            { id: 'no', name: 'guardline.follow_up.resolved_no' },
          ],
          helperText: 'guardline.follow_up.resolved_help',
        },
        { name: 'satisfaction', label: 'guardline.follow_up.satisfaction', kind: 'radio', choices: enumChoices('Satisfaction') },
        { name: 'note', label: 'guardline.follow_up.note', kind: 'multiline' },
      ]}
    >
      {needsWarning ? (
        <Stack spacing={1} data-testid="follow-up-warning">
          {record.guardianInvolved ? <Alert severity="error">{translate('guardline.follow_up.guardian_warning')}</Alert> : null}
          {instructions ? (
            <Alert severity="warning">
              <strong>{translate('guardline.follow_up.before_dialing')}</strong> {translate('guardline.follow_up.instructions', { instructions })}
            </Alert>
          ) : null}
          {!reporterReachable ? <Alert severity="info">{translate('guardline.follow_up.no_reporter_call')}</Alert> : null}
        </Stack>
      ) : null}
      {reporterReachable && r?.phone ? (
        <Typography variant="body2">
          {translate('guardline.follow_up.number')} <strong>{r.phone}</strong>
        </Typography>
      ) : null}
    </ActionButton>
  );
};

const MergeButton = ({ record }: { record: CaseRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  return (
    <ActionButton
      label="guardline.enum.caseAction.MERGE"
      title="guardline.case_moves.merge_title"
      titleOptions={{ code: record.code }}
      {...actionTarget('cases', record.id, { version: record.version })}
      action="merge"
      color="warning"
      confirmColor="warning"
      done="guardline.case_moves.merged"
      fields={[
        { name: 'intoCode', label: 'guardline.case_moves.into_code', required: true, autoFocus: true, helperText: 'guardline.case_moves.into_code_help' },
        { name: 'reason', label: 'guardline.case_moves.reason', kind: 'multiline', required: true },
      ]}
      // the code is resolved to the case's id just before the move
      prepare={async (v) => {
        const code = String(v.intoCode ?? '').trim().toUpperCase();
        const { caseByCode } = await dataProvider.request<{ caseByCode: { id: string } | null }>(CASE_BY_CODE, { code });
        if (!caseByCode) throw new HttpError(translate('guardline.case_moves.no_such_case', { code }), 404, { errors: { intoCode: translate('guardline.case_moves.no_such_case', { code }) } });
        return { ...v, intoCaseId: caseByCode.id };
      }}
    >
      <Typography variant="body2">{translate('guardline.case_moves.merge_help')}</Typography>
    </ActionButton>
  );
};

export const CaseActions = ({ record }: { record: CaseRecord }) => {
  const actions = new Set(record.availableActions ?? []);
  const redirect = useRedirect();
  const { canAccess: canNominate } = useCanAccess({ resource: 'rewardRecords', action: 'create' });
  const base = { version: record.version };
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }} data-testid="case-actions">
      {actions.has('DISPATCH') ? <DispatchButton record={record} /> : null}
      {actions.has('RECORD_FOLLOW_UP') ? <FollowUpButton record={record} /> : null}
      {actions.has('CLOSE') ? (
        <ActionButton
          label="guardline.enum.caseAction.CLOSE"
          title="guardline.case_moves.close_title"
          titleOptions={{ code: record.code }}
          {...actionTarget('cases', record.id, base)}
          action="close"
          variant="contained"
          color="success"
          confirmColor="success"
          done="guardline.case_moves.closed"
          testId="case-close"
          fields={[{ name: 'reason', label: 'guardline.case_moves.close_note', kind: 'multiline' }]}
        />
      ) : null}
      {actions.has('CLOSE_WITHOUT_FOLLOW_UP') ? (
        <ActionButton
          label="guardline.enum.caseAction.CLOSE_WITHOUT_FOLLOW_UP"
          {...actionTarget('cases', record.id, base)}
          action="close"
          done="guardline.case_moves.closed"
          fields={[{ name: 'reason', label: 'guardline.case_moves.why_no_follow_up', kind: 'multiline', required: true, autoFocus: true }]}
        />
      ) : null}
      {actions.has('ANSWER_DIRECTLY') ? (
        <ActionButton
          label="guardline.enum.caseAction.ANSWER_DIRECTLY"
          {...actionTarget('cases', record.id, base)}
          action="close"
          variant="contained"
          done="guardline.case_moves.closed"
          fields={[{ name: 'reason', label: 'guardline.case_moves.answer_given', kind: 'multiline', required: true, autoFocus: true }]}
        />
      ) : null}
      {actions.has('REOPEN') ? (
        <ActionButton
          label="guardline.enum.caseAction.REOPEN"
          {...actionTarget('cases', record.id, base)}
          action="reopen"
          color="warning"
          confirmColor="warning"
          done="guardline.case_moves.reopened"
          fields={[
            { name: 'reason', label: 'guardline.case_moves.reason', kind: 'multiline', required: true, autoFocus: true },
            { name: 'flagRewardForReview', label: 'guardline.case_moves.flag_reward', kind: 'checkbox', helperText: 'guardline.case_moves.flag_reward_help' },
          ]}
        />
      ) : null}
      {actions.has('MERGE') ? <MergeButton record={record} /> : null}
      {actions.has('INVALIDATE') ? (
        <ActionButton
          label="guardline.enum.caseAction.INVALIDATE"
          {...actionTarget('cases', record.id, base)}
          action="invalidate"
          color="error"
          confirmColor="error"
          done="guardline.case_moves.invalidated"
          fields={[{ name: 'reason', label: 'guardline.case_moves.reason', kind: 'multiline', required: true, autoFocus: true, helperText: 'guardline.case_moves.invalidate_help' }]}
        />
      ) : null}
      {record.status === 'CLOSED' && record.kind === 'REPORT' && canNominate ? (
        <Button
          label="guardline.rewards.nominate"
          variant="outlined"
          onClick={() => redirect('create', 'rewardRecords', undefined, undefined, { record: { kind: 'REPORT_REWARD', basisCaseId: record.id } })}
          data-testid="case-nominate"
        >
          <RewardIcon />
        </Button>
      ) : null}
    </Stack>
  );
};

