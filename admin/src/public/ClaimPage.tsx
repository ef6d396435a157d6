// The public page for claim-code holders (no sign-in): where my reward stands, and giving the payment
// details once it is approved. Also the public notice board (公示) with the objection form. It uses
// only the API's public surface: rewardClaimStatus, claimReward, publicNotices, fileNoticeObjection.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Container, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { LocalesMenuButton, useDataProvider, useTranslate } from 'react-admin';
import type { GuardlineDataProvider } from '../dataProvider';
import { typedMutation } from '../dataProvider';
import { CLAIM_REWARD, CLAIM_STATUS, FILE_OBJECTION, PUBLIC_NOTICES } from '../dataProvider/queries';
import { useEnumLabel } from '../fields';
import { formatYuan } from '../ui/money';
import { formatBeijing } from '../ui/time';
import { useGql } from '../ui/useGql';

interface Status {
  recordCode: string;
  status: string;
  noticeEndsAt: string | null;
  claimed: boolean;
  grantedAt: string | null;
}

const ClaimPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const statusLabel = useEnumLabel('RewardStatus');
  const kindLabel = useEnumLabel('RewardKind');
  const anonymous = <T,>(query: string, variables: Record<string, unknown>) => dataProvider.request<T>(query, variables, { anonymous: true });
  const [code, setCode] = useState('');
  const [statuses, setStatuses] = useState<Status[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [payee, setPayee] = useState({ name: '', phone: '', idNumber: '', bankName: '', bankAccount: '' });
  const [claimed, setClaimed] = useState<string[] | null>(null);
  const [objection, setObjection] = useState<{ code: string; body: string; sent: boolean; error: string | null }>({ code: '', body: '', sent: false, error: null });
  const notices = useGql<{ publicNotices: { code: string; kind: string; nomineeMasked: string | null; amount: number | null; standardName: string; noticeEndsAt: string }[] }>(
    ['publicNotices'],
    PUBLIC_NOTICES,
    {},
    { queryFn: () => anonymous(PUBLIC_NOTICES, {}) },
  );

  const lookup = async () => {
    setError(null);
    setStatuses(null);
    setClaimed(null);
    try {
      const result = await typedMutation<{ data: Status[] }>((q, v) => anonymous(q, v ?? {}), CLAIM_STATUS, { claimCode: code.trim() }, 'rewardClaimStatus');
      setStatuses(result.data);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const claim = async () => {
    setError(null);
    try {
      const result = await typedMutation<{ recordCodes: string[] }>(
        (q, v) => anonymous(q, v ?? {}),
        CLAIM_REWARD,
        { input: { claimCode: code.trim(), name: payee.name, phone: payee.phone || null, idNumber: payee.idNumber || null, bankName: payee.bankName || null, bankAccount: payee.bankAccount || null } },
        'claimReward',
      );
      setClaimed(result.recordCodes);
      await lookup().catch(() => undefined);
      setClaimed(result.recordCodes);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const object = async () => {
    try {
      await typedMutation((q, v) => anonymous(q, v ?? {}), FILE_OBJECTION, { input: { recordCode: objection.code.trim(), body: objection.body } }, 'fileNoticeObjection');
      setObjection({ code: '', body: '', sent: true, error: null });
    } catch (e) {
      setObjection((o) => ({ ...o, error: e instanceof Error ? e.message : String(e) }));
    }
  };

  const claimable = statuses?.some((s) => ['APPROVED', 'AWAITING_SECOND_APPROVAL', 'PUBLIC_NOTICE'].includes(s.status));

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', py: 3 }}>
      <Container maxWidth="md">
        <Stack direction="row" sx={{ alignItems: 'center', mb: 2 }}>
          <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
            {translate('guardline.claim.title')}
          </Typography>
          <LocalesMenuButton />
        </Stack>
        <Card sx={{ mb: 2 }}>
          <CardContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('guardline.claim.intro')}
            </Typography>
            <Stack direction="row" spacing={1}>
              <TextField size="small" label={translate('guardline.intake.claim_code')} value={code} onChange={(e) => setCode(e.target.value)} name="claimCode" autoFocus sx={{ flex: 1 }} />
              <Button variant="contained" onClick={() => void lookup()} disabled={!code.trim()}>
                {translate('guardline.claim.lookup')}
              </Button>
            </Stack>
            {error ? (
              <Alert severity="error" sx={{ mt: 2 }}>
                {error}
              </Alert>
            ) : null}
            {statuses ? (
              <Table size="small" sx={{ mt: 2 }} data-testid="claim-status">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.rewardRecords.fields.code')}</TableCell>
                    <TableCell>{translate('resources.rewardRecords.fields.status')}</TableCell>
                    <TableCell>{translate('resources.rewardRecords.fields.noticeEndsAt')}</TableCell>
                    <TableCell>{translate('guardline.claim.claimed')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {statuses.map((s) => (
                    <TableRow key={s.recordCode}>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{s.recordCode}</TableCell>
                      <TableCell>{statusLabel(s.status)}</TableCell>
                      <TableCell>{s.noticeEndsAt ? formatBeijing(s.noticeEndsAt) : '—'}</TableCell>
                      <TableCell>{translate(s.claimed ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
            {claimed ? (
              <Alert severity="success" sx={{ mt: 2 }} data-testid="claim-done">
                {translate('guardline.claim.done', { codes: claimed.join(', ') })}
              </Alert>
            ) : null}
          </CardContent>
        </Card>
        {claimable && !claimed ? (
          <Card sx={{ mb: 2 }} data-testid="claim-form">
            <CardContent>
              <Typography variant="subtitle1" gutterBottom>
                {translate('guardline.claim.payee_title')}
              </Typography>
              <Stack spacing={1.5}>
                {(['name', 'phone', 'idNumber', 'bankName', 'bankAccount'] as const).map((k) => (
                  <TextField key={k} size="small" name={k} required={k === 'name'} label={translate(`guardline.claim.${k}`)} value={payee[k]} onChange={(e) => setPayee((p) => ({ ...p, [k]: e.target.value }))} />
                ))}
                <Box>
                  <Button variant="contained" onClick={() => void claim()} disabled={!payee.name.trim()}>
                    {translate('guardline.claim.submit')}
                  </Button>
                </Box>
              </Stack>
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardContent>
            <Typography variant="subtitle1" gutterBottom>
              {translate('guardline.claim.notices')}
            </Typography>
            {notices.error ? (
              // e.g. RATE_LIMITED: say so, rather than "no notices"
              <Alert severity="warning">{notices.error.message}</Alert>
            ) : (notices.data?.publicNotices ?? []).length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('guardline.claim.no_notices')}
              </Typography>
            ) : (
              <Table size="small">
                <TableBody>
                  {notices.data!.publicNotices.map((n) => (
                    <TableRow key={n.code}>
                      <TableCell sx={{ fontFamily: 'monospace' }}>{n.code}</TableCell>
                      <TableCell>{kindLabel(n.kind)}</TableCell>
                      <TableCell>{n.nomineeMasked ?? '—'}</TableCell>
                      <TableCell>{n.standardName}</TableCell>
                      <TableCell>{formatYuan(n.amount)}</TableCell>
                      <TableCell>{translate('guardline.claim.until', { at: formatBeijing(n.noticeEndsAt) })}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              {translate('guardline.claim.object_title')}
            </Typography>
            {objection.sent ? <Alert severity="success">{translate('guardline.claim.object_sent')}</Alert> : null}
            {objection.error ? <Alert severity="error">{objection.error}</Alert> : null}
            <Stack spacing={1} sx={{ mt: 1 }}>
              <TextField size="small" label={translate('resources.rewardRecords.fields.code')} value={objection.code} onChange={(e) => setObjection((o) => ({ ...o, code: e.target.value, sent: false }))} />
              <TextField size="small" multiline minRows={2} label={translate('guardline.claim.object_body')} value={objection.body} onChange={(e) => setObjection((o) => ({ ...o, body: e.target.value, sent: false }))} />
              <Box>
                <Button onClick={() => void object()} disabled={!objection.code.trim() || objection.body.trim().length < 5}>
                  {translate('guardline.claim.object_submit')}
                </Button>
              </Box>
            </Stack>
          </CardContent>
        </Card>
      </Container>
    </Box>
  );
};

export default ClaimPage;
