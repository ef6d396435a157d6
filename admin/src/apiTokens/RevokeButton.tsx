// Revoking a token, after a confirmation: the record stays (inactive), so this is an action, not a delete.
import { useState, type MouseEvent } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import { Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { GuardlineDataProvider } from '../dataProvider';

export const RevokeButton = () => {
  const record = useRecordContext<{ id: string; name: string; active: boolean }>();
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'apiTokens', action: 'revoke' });
  if (!record || !record.active || !canAccess) return null;

  const revoke = async () => {
    setPending(true);
    try {
      await dataProvider.action('apiTokens', 'revoke', { id: record.id });
      notify('guardline.apiTokens.revoked', { type: 'info' });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button
        label="guardline.apiTokens.revoke"
        color="error"
        onClick={(e: MouseEvent) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="guardline.apiTokens.revoke_title"
        titleTranslateOptions={{ name: record.name }}
        content="guardline.apiTokens.revoke_content"
        confirm="guardline.apiTokens.revoke"
        confirmColor="warning"
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
