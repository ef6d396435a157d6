// The moves on a reward record: exactly the buttons for the entries of its `availableActions` (the
// server's move table, for this viewer in this state): review (secretary), vote or recuse (committee),
// finalize and second approval (chair), public notice, grant, and revocation (proposed, co-signed).
// What only the move itself checks (notice still running, objections, no claim) shows as a warning.
import { useState } from 'react';
import { Alert, Box, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { Button, useGetIdentity, useTranslate } from 'react-admin';
import type { GuardlineIdentity } from '../authProvider';
import { COMMITTEE_CONFIG } from '../dataProvider/queries';
import { enumChoices } from '../enums';
import { useEnumLabel } from '../fields';
import { ActionButton, actionTarget, useRunAction } from '../ui/ActionButton';
import { ActionDialog } from '../ui/ActionDialog';
import { fenToYuan, formatRange, formatYuan } from '../ui/money';
import { formatBeijing } from '../ui/time';
import { useGql } from '../ui/useGql';

export interface Tally {
  eligibleMembers: number;
  quorumNeeded: number;
  voted: number;
  recused: number;
  approve: number;
  reject: number;
  abstain: number;
  quorumMet: boolean;
  majorityApproves: boolean;
}

export interface RewardRecord {
  id: string;
  code: string;
  kind: string;
  status: string;
  version: number;
  proposedAmount: number;
  finalAmount: number | null;
  nomineePseudonym: string;
  myVoteCast: boolean;
  /** The moves this viewer may make now (RewardRecord.availableActions). */
  availableActions?: string[];
  flaggedForReview: boolean;
  revokeReason: string | null;
  noticeEndsAt: string | null;
  standard: { code: string; version: number; nameZh: string; nameEn: string; minAmount: number; maxAmount: number };
  tally?: Tally;
  objections?: { id: string; status: string; body: string; filedAt: string }[];
  payee?: { name: string | null } | null;
}

export function useRoles(): string[] {
  const { identity } = useGetIdentity();
  return (identity as GuardlineIdentity | undefined)?.roles ?? [];
}

export const TallyTable = ({ tally }: { tally: Tally }) => {
  const translate = useTranslate();
  const rows: [string, string | number][] = [
    ['guardline.rewards.tally_eligible', tally.eligibleMembers],
    ['guardline.rewards.tally_quorum', `${tally.voted} / ${tally.quorumNeeded}`],
    ['guardline.enum.voteDecision.APPROVE', tally.approve],
    ['guardline.enum.voteDecision.REJECT', tally.reject],
    ['guardline.enum.voteDecision.ABSTAIN', tally.abstain],
    ['guardline.rewards.tally_recused', tally.recused],
  ];
  return (
    <Box data-testid="tally">
      <Table size="small">
        <TableBody>
          {rows.map(([k, v]) => (
            <TableRow key={k}>
              <TableCell sx={{ color: 'text.secondary', border: 0, py: 0.25 }}>{translate(k)}</TableCell>
              <TableCell sx={{ border: 0, py: 0.25, fontVariantNumeric: 'tabular-nums' }} align="right">
                {v}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Alert severity={tally.quorumMet ? 'success' : 'warning'} sx={{ py: 0, flex: 1 }} data-testid="quorum">
          {translate(tally.quorumMet ? 'guardline.rewards.quorum_met' : 'guardline.rewards.quorum_not_met')}
        </Alert>
        <Alert severity={tally.majorityApproves ? 'success' : 'warning'} sx={{ py: 0, flex: 1 }}>
          {translate(tally.majorityApproves ? 'guardline.rewards.majority_yes' : 'guardline.rewards.majority_no')}
        </Alert>
      </Stack>
    </Box>
  );
};

interface Eligibility {
  eligible: boolean;
  reason: string | null;
  caseStatus: string | null;
  leadOutcome: string | null;
  mandatoryReporter: boolean | null;
  earlierReports: string[];
  suggestionStatus: string | null;
}

const ReviewButton = ({ record }: { record: RewardRecord }) => {
  const translate = useTranslate();
  const run = useRunAction();
  const caseStatus = useEnumLabel('CaseStatus');
  const outcome = useEnumLabel('DispatchOutcome');
  const suggestionStatus = useEnumLabel('SuggestionStatus');
  const [facts, setFacts] = useState<{ eligibility: Eligibility; version: number } | null>(null);
  const [opening, setOpening] = useState(false);
  const yes = (b: boolean | null) => (b == null ? '—' : translate(b ? 'ra.boolean.true' : 'ra.boolean.false'));

  const open = async () => {
    setOpening(true);
    try {
      // opening the review reads the eligibility facts (an audited read) and starts the review
      const data = (await run('rewardRecords', 'review', record.id, {})) as unknown as { eligibility: Eligibility; version: number };
      setFacts({ eligibility: data.eligibility, version: data.version });
    } finally {
      setOpening(false);
    }
  };

  const e = facts?.eligibility;
  return (
    <>
      <Button label="guardline.rewards.review" variant="contained" onClick={() => void open()} disabled={opening} data-testid="reward-review-button" />
      <ActionDialog
        open={!!facts}
        onClose={() => setFacts(null)}
        title="guardline.rewards.review_title"
        titleOptions={{ code: record.code }}
        testId="reward-review"
        confirmLabel="guardline.rewards.review_eligible"
        confirmColor="success"
        fields={[{ name: 'note', label: 'guardline.rewards.review_note', kind: 'multiline' }]}
        onSubmit={async (v) => {
          await run('rewardRecords', 'review', record.id, { version: facts?.version, eligible: v.eligible !== false, note: v.note }, 'guardline.rewards.reviewed');
        }}
        extraActions={(_v, submit, busy) => <Button label="guardline.rewards.review_ineligible" color="error" disabled={busy} onClick={() => submit({ eligible: false })} />}
      >
        {e ? (
          <Stack spacing={1} data-testid="eligibility">
            <Alert severity={e.eligible ? 'success' : 'error'}>{e.eligible ? translate('guardline.rewards.eligible') : translate('guardline.rewards.not_eligible', { reason: e.reason ?? '' })}</Alert>
            <Table size="small">
              <TableBody>
                {record.kind === 'REPORT_REWARD' ? (
                  <>
                    <TableRow>
                      <TableCell>{translate('guardline.rewards.fact_case_status')}</TableCell>
                      <TableCell>{e.caseStatus ? caseStatus(e.caseStatus) : '—'}</TableCell>
                    </TableRow>
                    <TableRow>
                      <TableCell>{translate('guardline.rewards.fact_lead_outcome')}</TableCell>
                      <TableCell>{e.leadOutcome ? outcome(e.leadOutcome) : '—'}</TableCell>
                    </TableRow>
                    <TableRow>
                      <TableCell>{translate('guardline.rewards.fact_mandatory')}</TableCell>
                      <TableCell>{yes(e.mandatoryReporter)}</TableCell>
                    </TableRow>
                    <TableRow>
                      <TableCell>{translate('guardline.rewards.fact_earlier')}</TableCell>
                      <TableCell>{e.earlierReports.length ? e.earlierReports.join(', ') : translate('guardline.rewards.fact_first_report')}</TableCell>
                    </TableRow>
                  </>
                ) : (
                  <TableRow>
                    <TableCell>{translate('guardline.rewards.fact_suggestion_status')}</TableCell>
                    <TableCell>{e.suggestionStatus ? suggestionStatus(e.suggestionStatus) : '—'}</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </Stack>
        ) : null}
      </ActionDialog>
    </>
  );
};

export const VoteButton = ({ record, variant = 'contained' }: { record: RewardRecord; variant?: 'contained' | 'outlined' }) => {
  const translate = useTranslate();
  const relation = useEnumLabel('ReporterRelation');
  return (
    <ActionButton
      label="guardline.rewards.vote"
      title="guardline.rewards.vote_title"
      titleOptions={{ code: record.code }}
      {...actionTarget('rewardRecords', record.id)}
      action="vote"
      variant={variant}
      confirmLabel="guardline.rewards.cast_vote"
      done="guardline.rewards.voted"
      testId="reward-vote"
      toData={(v) => ({ ...v, recuse: v.mode === 'recuse' })}
      validate={(v) => (v.mode !== 'recuse' && !v.decision ? { decision: 'ra.validation.required' } : v.mode !== 'recuse' && v.noConflict !== true ? { noConflict: 'guardline.rewards.affirm_required' } : {})}
      fields={[
        {
          name: 'mode',
          label: 'guardline.rewards.vote_mode',
          kind: 'radio',
          required: true,
          defaultValue: 'vote',
          choices: [
            { id: 'vote', name: 'guardline.rewards.mode_vote' },
            { id: 'recuse', name: 'guardline.rewards.mode_recuse' },
          ],
        },
        { name: 'noConflict', label: 'guardline.rewards.no_conflict', kind: 'checkbox', visible: (v) => v.mode !== 'recuse', helperText: 'guardline.rewards.no_conflict_help' },
        { name: 'decision', label: 'guardline.rewards.decision', kind: 'radio', choices: enumChoices('VoteDecision'), visible: (v) => v.mode !== 'recuse' },
        { name: 'comment', label: 'guardline.rewards.comment', kind: 'multiline' },
      ]}
    >
      {(values) => (
        <Stack spacing={1}>
          <Typography variant="body2">
            {translate('guardline.rewards.vote_nominee', { pseudonym: record.nomineePseudonym, amount: formatYuan(record.proposedAmount) })}
          </Typography>
          <ConflictFacts record={record as RewardRecord & { conflictAttributes?: ConflictAttributes }} relation={relation} />
          {values.mode === 'recuse' ? <Alert severity="info">{translate('guardline.rewards.recuse_help')}</Alert> : null}
        </Stack>
      )}
    </ActionButton>
  );
};

export interface ConflictAttributes {
  district: { nameZh: string; nameEn: string } | null;
  organization: string | null;
  relationToCase: string | null;
}

export const ConflictFacts = ({ record, relation }: { record: { conflictAttributes?: ConflictAttributes }; relation: (v: unknown) => string }) => {
  const translate = useTranslate();
  const a = record.conflictAttributes;
  if (!a) return null;
  const parts = [
    a.district ? translate('guardline.rewards.conflict_district', { name: a.district.nameZh }) : null,
    a.organization ? translate('guardline.rewards.conflict_org', { name: a.organization }) : null,
    a.relationToCase ? translate('guardline.rewards.conflict_relation', { relation: relation(a.relationToCase) }) : null,
  ].filter(Boolean);
  return parts.length ? <Alert severity="info">{translate('guardline.rewards.conflict_intro')} {parts.join('；')}</Alert> : null;
};

const FinalizeButton = ({ record }: { record: RewardRecord }) => {
  const translate = useTranslate();
  const s = record.standard;
  return (
    <ActionButton
      label="guardline.rewards.finalize"
      title="guardline.rewards.finalize_title"
      titleOptions={{ code: record.code }}
      {...actionTarget('rewardRecords', record.id, { version: record.version })}
      action="finalize"
      variant="contained"
      confirmLabel="guardline.rewards.finalize_confirm"
      done="guardline.rewards.finalized"
      testId="reward-finalize"
      maxWidth="md"
      validate={(v) => {
        const fen = Math.round(Number(v.finalAmountYuan) * 100);
        return Number.isNaN(fen) || fen < s.minAmount || fen > s.maxAmount ? { finalAmountYuan: 'guardline.rewards.amount_out_of_range' } : {};
      }}
      fields={[
        { name: 'finalAmountYuan', label: 'guardline.rewards.final_amount', kind: 'number', required: true, defaultValue: fenToYuan(record.proposedAmount), step: 0.01, helperText: translate('guardline.rewards.range', { range: formatRange(s.minAmount, s.maxAmount) }) },
        { name: 'note', label: 'guardline.rewards.note', kind: 'multiline' },
      ]}
    >
      {record.tally ? <TallyTable tally={record.tally} /> : null}
      {record.tally && !record.tally.majorityApproves && record.tally.quorumMet ? <Alert severity="warning">{translate('guardline.rewards.finalize_reject_help')}</Alert> : null}
    </ActionButton>
  );
};

const SecondApprovalButton = ({ record }: { record: RewardRecord }) => {
  const translate = useTranslate();
  return (
    <ActionButton
      label="guardline.rewards.second_approval"
      {...actionTarget('rewardRecords', record.id, { version: record.version })}
      action="finalize"
      variant="contained"
      confirmLabel="guardline.rewards.second_approve"
      confirmColor="success"
      done="guardline.rewards.finalized"
      toData={(v) => ({ ...v, approve: v.approve !== false })}
      fields={[{ name: 'note', label: 'guardline.rewards.note', kind: 'multiline' }]}
      extraActions={(_v, submit, busy) => <Button label="guardline.rewards.second_refuse" color="error" disabled={busy} onClick={() => submit({ approve: false })} />}
    >
      <Typography variant="body2">{translate('guardline.rewards.second_help', { amount: formatYuan(record.finalAmount) })}</Typography>
    </ActionButton>
  );
};

const StartNoticeButton = ({ record }: { record: RewardRecord }) => {
  const translate = useTranslate();
  const { data } = useGql<{ committeeConfig: { noticeDays: number } }>(['committeeConfig'], COMMITTEE_CONFIG);
  const days = data?.committeeConfig.noticeDays;
  return (
    <ActionButton
      label="guardline.rewards.start_notice"
      {...actionTarget('rewardRecords', record.id, { version: record.version })}
      action="startNotice"
      variant="contained"
      done="guardline.rewards.notice_started"
      testId="reward-notice"
      fields={[{ name: 'days', label: 'guardline.rewards.notice_days', kind: 'number', min: days ?? 0, helperText: translate('guardline.rewards.notice_days_help', { days: days ?? '—' }) }]}
    >
      <Typography variant="body2">{translate('guardline.rewards.notice_help')}</Typography>
    </ActionButton>
  );
};

const GrantButton = ({ record }: { record: RewardRecord }) => {
  const translate = useTranslate();
  const pending = (record.objections ?? []).filter((o) => o.status === 'PENDING').length;
  const open = record.noticeEndsAt ? new Date(record.noticeEndsAt).getTime() > Date.now() : true;
  return (
    <ActionButton
      label="guardline.rewards.grant"
      {...actionTarget('rewardRecords', record.id, { version: record.version })}
      action="grant"
      variant="contained"
      color="success"
      confirmLabel="guardline.rewards.grant_confirm"
      confirmColor="success"
      done="guardline.rewards.granted"
      testId="reward-grant"
      fields={[
        { name: 'paymentReference', label: 'guardline.rewards.payment_reference', required: true, autoFocus: true },
        { name: 'certificateNumber', label: 'guardline.rewards.certificate_number' },
      ]}
    >
      <Typography variant="body2">{translate('guardline.rewards.grant_help', { amount: formatYuan(record.finalAmount) })}</Typography>
      {open ? <Alert severity="warning">{translate('guardline.rewards.grant_notice_open', { at: formatBeijing(record.noticeEndsAt) })}</Alert> : null}
      {pending ? <Alert severity="warning">{translate('guardline.rewards.grant_objections', { count: pending })}</Alert> : null}
      {record.payee === null ? <Alert severity="warning">{translate('guardline.rewards.grant_unclaimed')}</Alert> : null}
    </ActionButton>
  );
};

export const DecideObjectionButton = ({ objection }: { objection: { id: string; body: string } }) => (
  <ActionButton
    label="guardline.rewards.decide_objection"
    {...actionTarget('rewardRecords', objection.id)}
    action="decideObjection"
    confirmLabel="guardline.rewards.dismiss"
    done="guardline.rewards.objection_decided"
    toData={(v) => ({ ...v, uphold: v.uphold === true })}
    fields={[{ name: 'note', label: 'guardline.rewards.decision_note', kind: 'multiline', required: true }]}
    extraActions={(_v, submit, busy) => <Button label="guardline.rewards.uphold" color="error" disabled={busy} onClick={() => submit({ uphold: true })} />}
  >
    <Alert severity="info">{objection.body}</Alert>
  </ActionButton>
);

const ProposeRevocationButton = ({ record }: { record: RewardRecord }) => {
  const translate = useTranslate();
  return (
    <ActionButton
      label="guardline.rewards.propose_revoke"
      {...actionTarget('rewardRecords', record.id)}
      action="revoke"
      color="error"
      confirmColor="error"
      done="guardline.rewards.revoke_proposed"
      testId="reward-propose-revoke"
      fields={[
        { name: 'reason', label: 'guardline.rewards.revoke_reason', kind: 'multiline', required: true, autoFocus: true },
        { name: 'recoverAmountYuan', label: 'guardline.rewards.recover_amount', kind: 'number', step: 0.01, helperText: translate('guardline.rewards.recover_help', { amount: formatYuan(record.finalAmount) }) },
      ]}
    />
  );
};

const CosignRevocationButton = ({ record }: { record: RewardRecord }) => {
  const translate = useTranslate();
  return (
    <ActionButton
      label="guardline.rewards.cosign_revoke"
      {...actionTarget('rewardRecords', record.id)}
      action="revoke"
      color="error"
      variant="contained"
      confirmColor="error"
      done="guardline.rewards.revoked"
      testId="reward-cosign-revoke"
    >
      <Alert severity="warning">{translate('guardline.rewards.cosign_help', { reason: record.revokeReason ?? '' })}</Alert>
    </ActionButton>
  );
};

/** Each move the API offers → its button. */
const BUTTONS: Record<string, (props: { record: RewardRecord }) => React.JSX.Element> = {
  REVIEW: ReviewButton,
  VOTE: VoteButton,
  FINALIZE: FinalizeButton,
  SECOND_APPROVAL: SecondApprovalButton,
  START_NOTICE: StartNoticeButton,
  GRANT: GrantButton,
  PROPOSE_REVOCATION: ProposeRevocationButton,
  COSIGN_REVOCATION: CosignRevocationButton,
};

export const RewardActions = ({ record }: { record: RewardRecord }) => (
  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }} data-testid="reward-actions">
    {(record.availableActions ?? []).map((move) => {
      const Move = BUTTONS[move];
      return Move ? <Move key={move} record={record} /> : null;
    })}
  </Stack>
);
