// After intake: the codes to read out to the caller, large and spaced for the phone.
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface Registered {
  id: string;
  code: string;
  claimCode: string;
  receiptCode: string | null;
  alertsRaised: number;
}

const Code = ({ label, value, help, testId }: { label: string; value: string; help: string; testId: string }) => (
  <Box sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover', mb: 1.5 }}>
    <Typography variant="overline" color="text.secondary">
      {label}
    </Typography>
    <Typography data-testid={testId} sx={{ fontFamily: 'monospace', fontSize: 34, letterSpacing: 4, fontWeight: 600, userSelect: 'all', lineHeight: 1.2 }}>
      {value}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {help}
    </Typography>
  </Box>
);

export const RegisteredDialog = ({ registered, caseHref, onNext }: { registered: Registered | null; caseHref: string; onNext: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open={registered != null} maxWidth="sm" fullWidth aria-labelledby="registered-title" data-testid="registered-dialog">
      <DialogTitle id="registered-title">{translate('guardline.intake.registered_title', { code: registered?.code ?? '' })}</DialogTitle>
      <DialogContent>
        {registered ? (
          <>
            <Code label={translate('guardline.intake.claim_code')} value={registered.claimCode} help={translate('guardline.intake.claim_code_help')} testId="claim-code" />
            {registered.receiptCode ? (
              <Code label={translate('guardline.intake.receipt_code')} value={registered.receiptCode} help={translate('guardline.intake.receipt_code_help')} testId="receipt-code" />
            ) : null}
            {registered.alertsRaised > 0 ? <Alert severity="warning">{translate('guardline.intake.alerts_raised', { count: registered.alertsRaised })}</Alert> : null}
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onNext}>{translate('guardline.intake.next_call')}</Button>
        <Button variant="contained" href={caseHref}>
          {translate('guardline.intake.open_case')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
