// The case page: what was reported, who handles it, what happened — and the moves allowed now, at the
// top, so the next action is visible without scrolling. Personal fields show only where the API
// returned them (it nulls what the role may not read, and audits what it may).
import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Chip, Divider, Stack, Typography, LinearProgress } from '@mui/material';
import { Link, Show, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields';
import { localName } from '../i18n';
import { DeadlineBadge, StatusChip, UrgencyChip } from '../ui/badges';
import { Timeline, type TimelineEvent } from '../ui/Timeline';
import { formatBeijing } from '../ui/time';
import { DispatchActions, type DispatchRecord } from '../dispatches/DispatchActions';
import { CaseActions, type CaseRecord } from './CaseActions';
import { categoryPath, type Category } from './categories';

interface Dispatch extends DispatchRecord {
  round: number;
  instructions: string;
  acceptBy: string;
  replyBy: string;
  acceptedAt: string | null;
  repliedAt: string | null;
  returnReason: string | null;
  replyResult: string | null;
  replyMeasures: string | null;
  replyOutcome: string | null;
  withdrawReason: string | null;
  deadline: string;
  createdAt: string;
  department: { id: string; nameZh: string; nameEn: string };
  summonedBy: { id: string; department: { nameZh: string; nameEn: string } } | null;
  extensions: { id: string; status: string; reason: string; requestedReplyBy: string; decisionNote: string | null }[];
}

interface FullCase extends CaseRecord {
  summary: string;
  narrative: string;
  urgency: string;
  channel: string;
  domain: string;
  street: string | null;
  receivedAt: string;
  dispatchBy: string | null;
  dispatchDeadline: string;
  needsPoliceNow: boolean;
  perpetratorRelation: string;
  reasonableSuspicion: boolean;
  resolution: string | null;
  closeReason: string | null;
  statusReason: string | null;
  closedAt: string | null;
  category: Category;
  district: { id: string; nameZh: string; nameEn: string } | null;
  dispatches: Dispatch[];
  timeline: TimelineEvent[];
  subjects: { subjectId: string; kind: string; role: string; reportCount: number; name: string | null; birthDate: string | null; school: string | null; guardianName: string | null; address: string | null }[];
  reporter: {
    anonymous: boolean;
    relationToMinor: string;
    mandatoryReporter: boolean;
    mandatoryReceiptCode: string | null;
    consentToShareContact: boolean;
    hasSafeContact: boolean;
    claimCode: string | null;
    name: string | null;
    phone: string | null;
    organization: string | null;
    safeContactInstructions: string | null;
  } | null;
  followUps: { createdAt: string; respondent: string; resolved: boolean; satisfaction: string | null; note: string }[];
  linkedCases: { id: string; code: string; summary: string; status: string; receivedAt: string }[];
  mergedInto: { id: string; code: string } | null;
  mergeGroupRoot: { id: string; code: string } | null;
}

const Section = ({ title, children, testId, action }: { title: string; children: ReactNode; testId?: string; action?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card data-testid={testId}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
            {translate(title)}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

/** A label above a value; nothing at all when the value is empty (e.g. personal data the API nulled). */
const Fact = ({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) => {
  const translate = useTranslate();
  if (children === null || children === undefined || children === '') return null;
  return (
    <Box sx={{ gridColumn: wide ? '1 / -1' : undefined, minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Box>
  );
};

const Facts = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 1.5 }}>{children}</Box>
);

const DispatchCard = ({ d }: { d: Dispatch }) => {
  const translate = useTranslate();
  const role = useEnumLabel('DispatchRole');
  const outcome = useEnumLabel('DispatchOutcome');
  const ext = useEnumLabel('ExtensionStatus');
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }} data-testid={`dispatch-${d.status}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }} useFlexGap>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {localName(d.department)}
        </Typography>
        <Chip size="small" variant="outlined" label={role(d.role)} />
        <StatusChip enumName="DispatchStatus" value={d.status} />
        <DeadlineBadge state={d.deadline} />
        {d.round > 1 ? <Chip size="small" label={translate('guardline.cases.round', { round: d.round })} /> : null}
        <Box sx={{ flex: 1 }} />
        <DispatchActions dispatch={d} compact />
      </Stack>
      <Facts>
        <Fact label="resources.dispatches.fields.acceptBy">{formatBeijing(d.acceptBy)}</Fact>
        <Fact label="resources.dispatches.fields.replyBy">{formatBeijing(d.replyBy)}</Fact>
        <Fact label="resources.dispatches.fields.acceptedAt">{d.acceptedAt ? formatBeijing(d.acceptedAt) : null}</Fact>
        <Fact label="resources.dispatches.fields.repliedAt">{d.repliedAt ? formatBeijing(d.repliedAt) : null}</Fact>
        <Fact label="guardline.cases.summoned_by">{d.summonedBy ? localName(d.summonedBy.department) : null}</Fact>
        <Fact label="guardline.dispatch.instructions" wide>{d.instructions || null}</Fact>
        <Fact label="resources.dispatches.fields.replyOutcome">{d.replyOutcome ? outcome(d.replyOutcome) : null}</Fact>
        <Fact label="resources.dispatches.fields.replyResult" wide>{d.replyResult}</Fact>
        <Fact label="resources.dispatches.fields.replyMeasures" wide>{d.replyMeasures}</Fact>
        <Fact label="guardline.dispatches.return_reason" wide>{d.returnReason}</Fact>
        <Fact label="guardline.dispatches.withdraw_reason" wide>{d.withdrawReason}</Fact>
      </Facts>
      {d.extensions.map((x) => (
        <Typography key={x.id} variant="caption" component="div" color="text.secondary" sx={{ mt: 0.5 }}>
          {translate('guardline.cases.extension_line', { status: ext(x.status), at: formatBeijing(x.requestedReplyBy), reason: x.reason })}
        </Typography>
      ))}
    </Box>
  );
};

const CaseLink = ({ c }: { c: { id: string; code: string } }) => {
  const createPath = useCreatePath();
  return (
    <Link to={createPath({ resource: 'cases', id: c.id, type: 'show' })} sx={{ fontFamily: 'monospace' }}>
      {c.code}
    </Link>
  );
};

const CasePage = () => {
  const record = useRecordContext<FullCase>();
  const translate = useTranslate();
  const kind = useEnumLabel('CaseKind');
  const channel = useEnumLabel('CaseChannel');
  const domain = useEnumLabel('ProtectionDomain');
  const relation = useEnumLabel('PerpetratorRelation');
  const reporterRelation = useEnumLabel('ReporterRelation');
  const resolution = useEnumLabel('CaseResolution');
  const subjectKind = useEnumLabel('SubjectKind');
  const subjectRole = useEnumLabel('SubjectRole');
  const respondent = useEnumLabel('FollowUpRespondent');
  const satisfaction = useEnumLabel('Satisfaction');
  const yes = (b: boolean) => translate(b ? 'ra.boolean.true' : 'ra.boolean.false');
  // the list's row is shown while the page's own query runs: wait for the detail selection
  if (!record?.timeline) return <LinearProgress sx={{ mt: 2 }} />;
  const open = !['CLOSED', 'MERGED', 'INVALID'].includes(record.status);
  const r = record.reporter;
  const dispatches = [...record.dispatches].sort((a, b) => b.round - a.round || (a.role === 'LEAD' ? -1 : 1));

  return (
    <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="case-page">
      <Card>
        <CardContent sx={{ pb: 1.5, '&:last-child': { pb: 1.5 } }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="h6" component="h1" sx={{ fontFamily: 'monospace' }} data-testid="case-code">
                  {record.code}
                </Typography>
                <StatusChip enumName="CaseStatus" value={record.status} />
                <UrgencyChip value={record.urgency} />
                <DeadlineBadge state={record.dispatchDeadline} prefix="guardline.cases.dispatch_deadline_prefix" />
                <Chip size="small" variant="outlined" label={kind(record.kind)} />
                <Chip size="small" variant="outlined" label={categoryPath(record.category)} />
              </Stack>
              <Typography variant="body1" sx={{ mt: 0.5 }} data-testid="case-summary">
                {record.summary}
              </Typography>
            </Box>
            <CaseActions record={record} />
          </Stack>
          {record.needsPoliceNow && (record.status === 'RECEIVED' || record.status === 'REOPENED') ? (
            <Alert severity="error" variant="filled" sx={{ mt: 1 }} data-testid="police-now">
              {translate('guardline.intake.police_now')}
            </Alert>
          ) : null}
          {record.guardianInvolved && open ? (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {translate('guardline.cases.guardian_warning')}
            </Alert>
          ) : null}
          {record.statusReason ? (
            <Alert severity="info" sx={{ mt: 1 }}>
              {translate('guardline.cases.status_reason', { reason: record.statusReason })}
            </Alert>
          ) : null}
        </CardContent>
      </Card>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 1.5, alignItems: 'start' }}>
        <Stack spacing={1.5} sx={{ minWidth: 0 }}>
          <Section title="guardline.cases.details">
            <Facts>
              <Fact label="resources.cases.fields.receivedAt">{formatBeijing(record.receivedAt)}</Fact>
              <Fact label="resources.cases.fields.channel">{channel(record.channel)}</Fact>
              <Fact label="resources.cases.fields.domain">{domain(record.domain)}</Fact>
              <Fact label="resources.cases.fields.districtId">{[localName(record.district), record.street].filter(Boolean).join(' ') || null}</Fact>
              <Fact label="resources.cases.fields.dispatchBy">{(record.status === 'RECEIVED' || record.status === 'REOPENED') && record.dispatchBy ? formatBeijing(record.dispatchBy) : null}</Fact>
              <Fact label="resources.cases.fields.perpetratorRelation">{relation(record.perpetratorRelation)}</Fact>
              <Fact label="resources.cases.fields.guardianInvolved">{yes(record.guardianInvolved)}</Fact>
              <Fact label="resources.cases.fields.reasonableSuspicion">{yes(record.reasonableSuspicion)}</Fact>
              <Fact label="resources.cases.fields.resolution">{record.resolution ? resolution(record.resolution) : null}</Fact>
              <Fact label="resources.cases.fields.closedAt">{record.closedAt ? formatBeijing(record.closedAt) : null}</Fact>
              <Fact label="resources.cases.fields.closeReason" wide>{record.closeReason}</Fact>
              <Fact label="resources.cases.fields.narrative" wide>{record.narrative || null}</Fact>
            </Facts>
          </Section>
          <Section title="guardline.cases.dispatches" testId="case-dispatches">
            {dispatches.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.cases.no_dispatches')}
              </Typography>
            ) : (
              <Stack spacing={1}>
                {dispatches.map((d) => (
                  <DispatchCard key={d.id} d={d} />
                ))}
              </Stack>
            )}
          </Section>
          <Section title="guardline.cases.timeline" testId="case-timeline">
            <Timeline events={[...record.timeline].reverse()} />
          </Section>
        </Stack>

        <Stack spacing={1.5} sx={{ minWidth: 0 }}>
          <Section title="guardline.cases.reporter" testId="case-reporter">
            {!r ? (
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.cases.no_reporter')}
              </Typography>
            ) : (
              <Facts>
                <Fact label="guardline.cases.reporter_anonymous">{yes(r.anonymous)}</Fact>
                <Fact label="guardline.cases.reporter_relation">{reporterRelation(r.relationToMinor)}</Fact>
                <Fact label="guardline.cases.reporter_name">{r.name}</Fact>
                <Fact label="guardline.cases.reporter_phone">{r.phone}</Fact>
                <Fact label="guardline.cases.reporter_organization">{r.organization}</Fact>
                <Fact label="guardline.cases.reporter_mandatory">{yes(r.mandatoryReporter)}</Fact>
                <Fact label="guardline.intake.receipt_code">{r.mandatoryReceiptCode}</Fact>
                <Fact label="guardline.intake.claim_code">{r.claimCode}</Fact>
                <Fact label="guardline.cases.reporter_consent">{yes(r.consentToShareContact)}</Fact>
                <Fact label="guardline.cases.reporter_safe_contact">{yes(r.hasSafeContact)}</Fact>
                <Fact label="guardline.cases.safe_contact_instructions" wide>{r.safeContactInstructions}</Fact>
              </Facts>
            )}
          </Section>
          <Section title="guardline.cases.subjects" testId="case-subjects">
            {record.subjects.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.cases.no_subjects')}
              </Typography>
            ) : (
              <Stack spacing={1} divider={<Divider flexItem />}>
                {record.subjects.map((s) => (
                  <Box key={s.subjectId}>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {s.name ?? subjectKind(s.kind)}
                      </Typography>
                      <Chip size="small" variant="outlined" label={subjectRole(s.role)} />
                      {s.reportCount > 1 ? <Chip size="small" color="warning" label={translate('guardline.cases.report_count', { count: s.reportCount })} /> : null}
                    </Stack>
                    <Typography variant="caption" color="text.secondary">
                      {[s.birthDate, s.school, s.guardianName ? translate('guardline.cases.guardian_named', { name: s.guardianName }) : null, s.address].filter(Boolean).join(' · ')}
                    </Typography>
                  </Box>
                ))}
              </Stack>
            )}
          </Section>
          <Section title="guardline.cases.follow_ups" testId="case-follow-ups">
            {record.followUps.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.cases.no_follow_ups')}
              </Typography>
            ) : (
              <Stack spacing={1}>
                {record.followUps.map((f, i) => (
                  <Box key={i}>
                    <Typography variant="body2">
                      {formatBeijing(f.createdAt)} · {respondent(f.respondent)} · {translate(f.resolved ? 'guardline.follow_up.resolved_yes' : 'guardline.follow_up.resolved_no')}
                      {f.satisfaction ? ` · ${satisfaction(f.satisfaction)}` : ''}
                    </Typography>
                    {f.note ? (
                      <Typography variant="caption" color="text.secondary">
                        {f.note}
                      </Typography>
                    ) : null}
                  </Box>
                ))}
              </Stack>
            )}
          </Section>
          <Section title="guardline.cases.linked" testId="case-linked">
            {record.mergedInto ? (
              <Typography variant="body2">
                {translate('guardline.cases.merged_into')} <CaseLink c={record.mergedInto} />
              </Typography>
            ) : null}
            {record.mergeGroupRoot && record.mergeGroupRoot.id !== record.id ? (
              <Typography variant="body2">
                {translate('guardline.cases.group_root')} <CaseLink c={record.mergeGroupRoot} />
              </Typography>
            ) : null}
            {record.linkedCases.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.cases.no_linked')}
              </Typography>
            ) : (
              <Stack spacing={0.5}>
                {record.linkedCases.map((c) => (
                  <Stack key={c.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <CaseLink c={c} />
                    <StatusChip enumName="CaseStatus" value={c.status} />
                    <Typography variant="body2" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      {c.summary}
                    </Typography>
                  </Stack>
                ))}
              </Stack>
            )}
          </Section>
        </Stack>
      </Box>
    </Stack>
  );
};

const CaseShow = () => (
  <Show component="div" actions={false} title={<CaseTitle />}>
    <CasePage />
  </Show>
);

const CaseTitle = () => {
  const record = useRecordContext<{ code: string }>();
  const translate = useTranslate();
  return <span>{translate('guardline.cases.page_title', { code: record?.code ?? '' })}</span>;
};

export default CaseShow;
