// One button per move the API lists in the dispatch's `availableActions`, plus a supervisor's
// decision on a pending extension request. Used in the queue and on the case page.
import { Alert, Stack, Typography } from '@mui/material';
import { Button, useCanAccess, useTranslate } from 'react-admin';
import { useState } from 'react';
import { ActionButton, actionTarget } from '../ui/ActionButton';
import { ActionDialog } from '../ui/ActionDialog';
import { useRunAction } from '../ui/ActionButton';
import { DepartmentMultiPicker, type DepartmentOption } from '../ui/DepartmentPicker';
import { enumChoices } from '../enums';
import { beijingLocalToIso, formatBeijing } from '../ui/time';

export interface DispatchRecord {
  id: string;
  role: string;
  status: string;
  version: number;
  availableActions: string[];
  replyBy?: string;
  department?: { id: string };
  extensions?: { id: string; status: string; reason: string; requestedReplyBy: string }[];
  case?: { code?: string; summary?: string } | null;
}

export const DispatchActions = ({ dispatch, compact }: { dispatch: DispatchRecord; compact?: boolean }) => {
  const translate = useTranslate();
  const actions = new Set(dispatch.availableActions ?? []);
  const base = { version: dispatch.version };
  const size = compact ? 'small' : 'medium';
  const code = dispatch.case?.code ?? '';
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} onClick={(e) => e.stopPropagation()} data-size={size}>
      {actions.has('ACCEPT') ? (
        <ActionButton
          label="guardline.enum.dispatchAction.ACCEPT"
          title="guardline.dispatches.accept_title"
          titleOptions={{ code }}
          {...actionTarget('dispatches', dispatch.id, base)}
          action="accept"
          variant="contained"
          done="guardline.dispatches.accepted"
          testId="dispatch-accept"
        >
          <Typography variant="body2">{translate('guardline.dispatches.accept_help')}</Typography>
        </ActionButton>
      ) : null}
      {actions.has('REPLY') ? (
        <ActionButton
          label="guardline.enum.dispatchAction.REPLY"
          {...actionTarget('dispatches', dispatch.id, base)}
          action="reply"
          variant="contained"
          confirmLabel="guardline.dispatches.send_reply"
          done="guardline.dispatches.replied"
          testId="dispatch-reply"
          maxWidth="md"
          fields={[
            { name: 'result', label: 'resources.dispatches.fields.replyResult', kind: 'multiline', required: true, autoFocus: true },
            { name: 'measures', label: 'resources.dispatches.fields.replyMeasures', kind: 'multiline' },
            { name: 'outcome', label: 'resources.dispatches.fields.replyOutcome', kind: 'radio', required: dispatch.role === 'LEAD', choices: enumChoices('DispatchOutcome'), helperText: dispatch.role === 'LEAD' ? 'guardline.dispatches.outcome_help' : undefined },
          ]}
        />
      ) : null}
      {actions.has('RETURN') ? (
        <ActionButton
          label="guardline.enum.dispatchAction.RETURN"
          {...actionTarget('dispatches', dispatch.id, base)}
          action="return"
          color="warning"
          confirmColor="warning"
          done="guardline.dispatches.returned"
          testId="dispatch-return"
          fields={[{ name: 'reason', label: 'guardline.dispatches.return_reason', kind: 'multiline', required: true, autoFocus: true, helperText: 'guardline.dispatches.return_help' }]}
        />
      ) : null}
      {actions.has('SUMMON') ? <SummonButton dispatch={dispatch} /> : null}
      {actions.has('REQUEST_EXTENSION') ? (
        <ActionButton
          label="guardline.enum.dispatchAction.REQUEST_EXTENSION"
          {...actionTarget('dispatches', dispatch.id, base)}
          action="requestExtension"
          confirmLabel="guardline.dispatches.send_request"
          done="guardline.dispatches.extension_requested"
          testId="dispatch-extension"
          toData={(v) => ({ ...v, requestedReplyBy: beijingLocalToIso(String(v.requestedReplyBy ?? '')) })}
          fields={[
            { name: 'requestedReplyBy', label: 'guardline.dispatches.requested_reply_by', kind: 'datetime', required: true, helperText: 'guardline.dispatches.beijing_time' },
            { name: 'reason', label: 'guardline.dispatches.extension_reason', kind: 'multiline', required: true },
          ]}
        >
          {dispatch.replyBy ? <Typography variant="body2">{translate('guardline.dispatches.current_reply_by', { at: formatBeijing(dispatch.replyBy) })}</Typography> : null}
        </ActionButton>
      ) : null}
      {actions.has('WITHDRAW') ? (
        <ActionButton
          label="guardline.enum.dispatchAction.WITHDRAW"
          {...actionTarget('dispatches', dispatch.id, base)}
          action="withdraw"
          color="warning"
          confirmColor="warning"
          done="guardline.dispatches.withdrawn"
          fields={[{ name: 'reason', label: 'guardline.dispatches.withdraw_reason', kind: 'multiline', required: true, autoFocus: true }]}
        />
      ) : null}
      {(dispatch.extensions ?? [])
        .filter((x) => x.status === 'PENDING')
        .map((x) => (
          <DecideExtensionButton key={x.id} extension={x} />
        ))}
    </Stack>
  );
};

const SummonButton = ({ dispatch }: { dispatch: DispatchRecord }) => {
  const translate = useTranslate();
  const [chosen, setChosen] = useState<DepartmentOption[]>([]);
  return (
    <ActionButton
      label="guardline.enum.dispatchAction.SUMMON"
      {...actionTarget('dispatches', dispatch.id, { version: dispatch.version })}
      action="summon"
      confirmLabel="guardline.dispatches.summon_confirm"
      done="guardline.dispatches.summoned"
      testId="dispatch-summon"
      toData={(v) => ({ ...v, departmentIds: chosen.map((d) => d.id) })}
      validate={() => (chosen.length ? {} : { instructions: 'guardline.dispatches.summon_pick' })}
      fields={[{ name: 'instructions', label: 'guardline.dispatch.instructions', kind: 'multiline' }]}
    >
      <Typography variant="body2">{translate('guardline.dispatches.summon_help')}</Typography>
      <DepartmentMultiPicker label="guardline.dispatches.summon_departments" value={chosen} onChange={setChosen} exclude={dispatch.department ? [dispatch.department.id] : []} />
    </ActionButton>
  );
};

const DecideExtensionButton = ({ extension }: { extension: { id: string; reason: string; requestedReplyBy: string } }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'decideExtension' });
  const [open, setOpen] = useState(false);
  const run = useRunAction();
  if (!canAccess) return null;
  return (
    <>
      <Button label="guardline.dispatches.decide_extension" onClick={() => setOpen(true)} color="warning" variant="outlined" />
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        title="guardline.dispatches.decide_extension"
        confirmLabel="guardline.dispatches.approve_extension"
        confirmColor="success"
        fields={[{ name: 'note', label: 'guardline.dispatches.decision_note', kind: 'multiline' }]}
        onSubmit={(v) => run('dispatches', 'decideExtension', extension.id, { approve: v.approve !== false, note: v.note }, 'guardline.dispatches.extension_decided').then(() => undefined)}
        extraActions={(_v, submit, busy) => (
          <Button label="guardline.dispatches.reject_extension" color="error" disabled={busy} onClick={() => submit({ approve: false })} />
        )}
      >
        <Alert severity="info">
          {translate('guardline.dispatches.extension_summary', { at: formatBeijing(extension.requestedReplyBy), reason: extension.reason })}
        </Alert>
      </ActionDialog>
    </>
  );
};
