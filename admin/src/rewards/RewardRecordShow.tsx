// One reward record: where it stands, the moves open to this role, the committee's tally and votes,
// the public notice and its objections, and the decision trail.
import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Chip, Stack, Typography, LinearProgress } from '@mui/material';
import { Link, Show, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields';
import { localName } from '../i18n';
import { StatusChip } from '../ui/badges';
import { formatRange, formatYuan } from '../ui/money';
import { Timeline, type TimelineEvent } from '../ui/Timeline';
import { formatBeijing } from '../ui/time';
import { Countdown } from './Countdown';
import { DecideObjectionButton, RewardActions, TallyTable, useRoles, type RewardRecord, type Tally } from './RewardActions';
import { can } from '../permissions';

interface FullRecord extends RewardRecord {
  year: number;
  round: number;
  honourType: string;
  justification: string;
  reviewNote: string | null;
  flagReason: string | null;
  grantReference: string | null;
  certificateNumber: string | null;
  grantedAt: string | null;
  noticeStartsAt: string | null;
  recoverAmount: number | null;
  createdAt: string;
  tally: Tally;
  conflictAttributes: { district: { nameZh: string; nameEn: string } | null; organization: string | null; relationToCase: string | null };
  votes: { round: number; decision: string | null; recused: boolean; noConflictAffirmed: boolean; comment: string; createdAt: string; member: string }[];
  objections: { id: string; round: number; body: string; status: string; filedAt: string; decidedAt: string | null; decisionNote: string | null }[];
  trail: TimelineEvent[];
  payee: { name: string | null; phone: string | null; bankName: string | null; bankAccount: string | null } | null;
  basisCase: { id: string; code: string; summary: string; status: string } | null;
  basisSuggestion: { id: string; code: string; title: string; status: string } | null;
  standard: RewardRecord['standard'] & { level: string; criteria: string };
}

const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Card data-testid={testId}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  if (children === null || children === undefined || children === '') return null;
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Box>
  );
};

const RecordPage = () => {
  const record = useRecordContext<FullRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const kind = useEnumLabel('RewardKind');
  const honour = useEnumLabel('HonourType');
  const decision = useEnumLabel('VoteDecision');
  const relation = useEnumLabel('ReporterRelation');
  const roles = useRoles();
  // the list's row is shown while the page's own query runs: wait for the detail selection
  if (!record?.trail) return <LinearProgress sx={{ mt: 2 }} />;
  const a = record.conflictAttributes;
  const mayDecide = can(roles, 'rewardRecords', 'decideObjection');
  const votes = record.votes.filter((v) => v.round === record.round);
  return (
    <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="reward-page">
      <Card>
        <CardContent sx={{ '&:last-child': { pb: 1.5 } }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
            <Box sx={{ flex: 1 }}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="h6" component="h1" sx={{ fontFamily: 'monospace' }}>
                  {record.code}
                </Typography>
                <StatusChip enumName="RewardStatus" value={record.status} />
                <Chip size="small" variant="outlined" label={kind(record.kind)} />
                {record.flaggedForReview ? <Chip size="small" color="error" label={translate('guardline.rewards.flagged')} /> : null}
                {record.status === 'PUBLIC_NOTICE' ? <Countdown until={record.noticeEndsAt} /> : null}
              </Stack>
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {translate('guardline.rewards.headline', {
                  pseudonym: record.nomineePseudonym,
                  amount: formatYuan(record.finalAmount ?? record.proposedAmount),
                  standard: `${localName(record.standard)} (${record.standard.code} v${record.standard.version})`,
                })}
              </Typography>
            </Box>
            <RewardActions record={record} />
          </Stack>
          {record.flagReason && record.flaggedForReview ? (
            <Alert severity="error" sx={{ mt: 1 }}>
              {record.flagReason}
            </Alert>
          ) : null}
          {record.revokeReason && record.status === 'GRANTED' ? (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {translate('guardline.rewards.revoke_pending', { reason: record.revokeReason })}
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 1.5, alignItems: 'start' }}>
        <Stack spacing={1.5} sx={{ minWidth: 0 }}>
          <Section title="guardline.rewards.details">
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 1.5 }}>
              <Fact label="resources.rewardRecords.fields.proposedAmount">{formatYuan(record.proposedAmount)}</Fact>
              <Fact label="resources.rewardRecords.fields.finalAmount">{record.finalAmount != null ? formatYuan(record.finalAmount) : null}</Fact>
              <Fact label="guardline.rewards.allowed_range">{formatRange(record.standard.minAmount, record.standard.maxAmount)}</Fact>
              <Fact label="resources.rewardRecords.fields.honourType">{honour(record.honourType)}</Fact>
              <Fact label="resources.rewardRecords.fields.year">{record.year}</Fact>
              <Fact label="resources.rewardRecords.fields.createdAt">{formatBeijing(record.createdAt)}</Fact>
              <Fact label="guardline.rewards.basis">
                {record.basisCase ? (
                  <Link to={createPath({ resource: 'cases', id: record.basisCase.id, type: 'show' })}>{record.basisCase.code}</Link>
                ) : record.basisSuggestion ? (
                  <Link to={createPath({ resource: 'suggestions', id: record.basisSuggestion.id, type: 'show' })}>{record.basisSuggestion.code}</Link>
                ) : null}
              </Fact>
              <Fact label="guardline.rewards.conflict_district_label">{a.district ? localName(a.district) : null}</Fact>
              <Fact label="guardline.rewards.conflict_org_label">{a.organization}</Fact>
              <Fact label="guardline.rewards.conflict_relation_label">{a.relationToCase ? relation(a.relationToCase) : null}</Fact>
              <Fact label="resources.rewardRecords.fields.noticeStartsAt">{record.noticeStartsAt ? formatBeijing(record.noticeStartsAt) : null}</Fact>
              <Fact label="resources.rewardRecords.fields.noticeEndsAt">{record.noticeEndsAt ? formatBeijing(record.noticeEndsAt) : null}</Fact>
              <Fact label="resources.rewardRecords.fields.grantedAt">{record.grantedAt ? formatBeijing(record.grantedAt) : null}</Fact>
              <Fact label="guardline.rewards.payment_reference">{record.grantReference}</Fact>
              <Fact label="guardline.rewards.certificate_number">{record.certificateNumber}</Fact>
              <Fact label="guardline.rewards.recover_amount">{record.recoverAmount != null ? formatYuan(record.recoverAmount) : null}</Fact>
            </Box>
            <Box sx={{ mt: 1.5, display: 'grid', gap: 1.5 }}>
              <Fact label="resources.rewardRecords.fields.justification">{record.justification}</Fact>
              <Fact label="guardline.rewards.review_note">{record.reviewNote}</Fact>
              <Fact label="guardline.rewards.criteria">{record.standard.criteria}</Fact>
            </Box>
          </Section>
          <Section title="guardline.rewards.trail" testId="reward-trail">
            <Timeline events={record.trail} />
          </Section>
        </Stack>
        <Stack spacing={1.5} sx={{ minWidth: 0 }}>
          <Section title="guardline.rewards.committee">
            <TallyTable tally={record.tally} />
            <Stack spacing={0.5} sx={{ mt: 1 }}>
              {votes.map((v, i) => (
                <Typography key={i} variant="body2">
                  {v.member} · {v.recused ? translate('guardline.rewards.mode_recuse') : decision(v.decision)}
                  {v.noConflictAffirmed ? ` · ${translate('guardline.rewards.no_conflict_short')}` : ''}
                  {v.comment ? ` · ${v.comment}` : ''}
                </Typography>
              ))}
            </Stack>
          </Section>
          <Section title="guardline.rewards.objections" testId="reward-objections">
            {record.objections.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.rewards.no_objections')}
              </Typography>
            ) : (
              <Stack spacing={1}>
                {record.objections.map((o) => (
                  <Box key={o.id} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <StatusChip enumName="ObjectionStatus" value={o.status} />
                      <Typography variant="caption" color="text.secondary">
                        {formatBeijing(o.filedAt)}
                      </Typography>
                      <Box sx={{ flex: 1 }} />
                      {o.status === 'PENDING' && mayDecide ? <DecideObjectionButton objection={o} /> : null}
                    </Stack>
                    <Typography variant="body2" sx={{ mt: 0.5 }}>
                      {o.body}
                    </Typography>
                    {o.decisionNote ? (
                      <Typography variant="caption" color="text.secondary">
                        {o.decisionNote}
                      </Typography>
                    ) : null}
                  </Box>
                ))}
              </Stack>
            )}
          </Section>
          {record.payee ? (
            <Section title="guardline.rewards.payee">
              <Typography variant="body2">{[record.payee.name, record.payee.phone, record.payee.bankName, record.payee.bankAccount].filter(Boolean).join(' · ') || translate('guardline.rewards.payee_hidden')}</Typography>
            </Section>
          ) : null}
        </Stack>
      </Box>
    </Stack>
  );
};

const Title = () => {
  const record = useRecordContext<{ code: string }>();
  const translate = useTranslate();
  return <span>{translate('guardline.rewards.page_title', { code: record?.code ?? '' })}</span>;
};

const RewardRecordShow = () => (
  <Show component="div" actions={false} title={<Title />} resource="rewardRecords">
    <RecordPage />
  </Show>
);

export default RewardRecordShow;
