// The new token's secret, shown once. The dialog has no onClose: it closes only through its button, so
// the secret is not lost by a stray click or Escape.
import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Tooltip, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslate } from 'react-admin';

export const SecretDialog = ({ issued, onClose }: { issued: { name: string; secret: string } | null; onClose: () => void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.secret);
      setCopied(true);
    } catch {
      // no clipboard (plain http): the text is selectable
      setCopied(false);
    }
  };

  return (
    <Dialog open={issued != null} maxWidth="sm" fullWidth aria-labelledby="secret-title">
      <DialogTitle id="secret-title">
        {translate('guardline.apiTokens.secret_title')}
        {issued ? ` · ${issued.name}` : ''}
      </DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('guardline.apiTokens.secret_help')}
        </Alert>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 1, borderRadius: 1, bgcolor: 'action.hover' }}>
          <Typography data-testid="api-token-secret" sx={{ fontFamily: 'monospace', wordBreak: 'break-all', flex: 1, userSelect: 'all' }}>
            {issued?.secret}
          </Typography>
          <Tooltip title={translate(copied ? 'guardline.apiTokens.copied' : 'guardline.apiTokens.copy')}>
            <IconButton onClick={copy} aria-label={translate('guardline.apiTokens.copy')}>
              <ContentCopyIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button
          variant="contained"
          onClick={() => {
            setCopied(false);
            onClose();
          }}
        >
          {translate('guardline.apiTokens.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
