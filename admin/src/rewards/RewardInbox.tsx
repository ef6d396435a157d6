// The committee member's inbox: records in committee on which I have neither voted nor recused, each
// with its vote dialog ("no conflict" affirmation, or recusal).
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Link, List, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { localName } from '../i18n';
import { StatusChip } from '../ui/badges';
import { formatRange, formatYuan } from '../ui/money';
import { formatBeijing } from '../ui/time';
import { useEnumLabel } from '../fields';
import { ConflictFacts, VoteButton, type ConflictAttributes, type RewardRecord } from './RewardActions';

const InboxCards = () => {
  const { data, isPending } = useListContext<RewardRecord & { createdAt: string; conflictAttributes?: ConflictAttributes }>();
  const relation = useEnumLabel('ReporterRelation');
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Alert severity="success" sx={{ m: 2 }} data-testid="inbox-empty">
        {translate('guardline.rewards.inbox_empty')}
      </Alert>
    );
  }
  return (
    <Stack spacing={1} sx={{ p: 1 }} data-testid="reward-inbox">
      {data.map((r) => (
        <Card key={r.id} data-testid="inbox-item">
          <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 1.5, '&:last-child': { pb: 1.5 } }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Link to={createPath({ resource: 'rewardRecords', id: r.id, type: 'show' })} sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
                  {r.code}
                </Link>
                <StatusChip enumName="RewardStatus" value={r.status} />
                <StatusChip enumName="RewardKind" value={r.kind} />
              </Stack>
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {translate('guardline.rewards.inbox_line', {
                  pseudonym: r.nomineePseudonym,
                  amount: formatYuan(r.proposedAmount),
                  standard: localName(r.standard),
                  range: formatRange(r.standard.minAmount, r.standard.maxAmount),
                })}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {translate('guardline.rewards.nominated_at', { at: formatBeijing(r.createdAt) })}
              </Typography>
              <Box sx={{ mt: 0.5, '& .MuiAlert-root': { py: 0 } }}>
                <ConflictFacts record={r} relation={relation} />
              </Box>
            </Box>
            <VoteButton record={r} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};

const RewardInbox = () => (
  <List perPage={25} actions={false} title="resources.rewardInbox.name" empty={false} storeKey="rewardInbox.list">
    <InboxCards />
  </List>
);

export default RewardInbox;
