// The year's reward fund: total, committed (finalized, not yet granted), granted and remaining —
// and, for administrators, setting the total (never below what is committed and granted).
import { useState } from 'react';
import { Alert, Box, Card, CardContent, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Button, Title, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { GuardlineDataProvider } from '../dataProvider';
import { typedMutation } from '../dataProvider';
import { REWARD_BUDGET, SET_REWARD_BUDGET } from '../dataProvider/queries';
import { formatYuan } from '../ui/money';
import { useGql } from '../ui/useGql';
import { beijingToday } from '../ui/time';

interface Budget {
  year: number;
  total: number;
  committed: number;
  granted: number;
  remaining: number;
  version: number;
}

const Figure = ({ label, fen, testId, color }: { label: string; fen: number; testId: string; color?: string }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: 1, minWidth: 160 }}>
      <CardContent>
        <Typography variant="caption" color="text.secondary">
          {translate(label)}
        </Typography>
        <Typography variant="h5" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums', color }}>
          {formatYuan(fen)}
        </Typography>
      </CardContent>
    </Card>
  );
};

const BudgetPage = () => {
  const translate = useTranslate();
  const thisYear = Number(beijingToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, refetch } = useGql<{ rewardBudget: Budget }>(['rewardBudget'], REWARD_BUDGET, { year });
  const { canAccess: canSet } = useCanAccess({ resource: 'rewardBudgets', action: 'edit' });
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const notify = useNotify();
  const [total, setTotal] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const b = data?.rewardBudget;

  const save = async () => {
    setFieldError(null);
    try {
      await typedMutation(dataProvider.request, SET_REWARD_BUDGET, { input: { year, total: Math.round(Number(total) * 100) } }, 'setRewardBudget');
      notify('guardline.budget.saved', { type: 'success' });
      setTotal('');
      await refetch();
    } catch (e) {
      setFieldError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="resources.rewardBudgets.name" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <TextField select size="small" label={translate('guardline.budget.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 140 }}>
          {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {error ? <Alert severity="info">{translate('guardline.budget.none', { year })}</Alert> : null}
      {b ? (
        <>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="budget">
            <Figure label="guardline.budget.total" fen={b.total} testId="budget-total" />
            <Figure label="guardline.budget.committed" fen={b.committed} testId="budget-committed" color="warning.main" />
            <Figure label="guardline.budget.granted" fen={b.granted} testId="budget-granted" color="success.main" />
            <Figure label="guardline.budget.remaining" fen={b.remaining} testId="budget-remaining" color="primary.main" />
          </Stack>
          <Card sx={{ mt: 2 }}>
            <CardContent>
              <Typography variant="body2" gutterBottom>
                {translate('guardline.budget.used', { percent: b.total ? Math.round(((b.committed + b.granted) * 100) / b.total) : 0 })}
              </Typography>
              <LinearProgress variant="buffer" value={b.total ? (b.granted * 100) / b.total : 0} valueBuffer={b.total ? ((b.committed + b.granted) * 100) / b.total : 0} sx={{ height: 10, borderRadius: 5 }} />
            </CardContent>
          </Card>
        </>
      ) : null}
      {canSet ? (
        <Card sx={{ mt: 2, maxWidth: 520 }}>
          <CardContent>
            <Typography variant="subtitle1" gutterBottom>
              {translate('guardline.budget.set_title', { year })}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                size="small"
                type="number"
                label={translate('guardline.budget.total_yuan')}
                value={total}
                onChange={(e) => setTotal(e.target.value)}
                error={!!fieldError}
                helperText={fieldError ?? translate('guardline.budget.set_help')}
                name="budgetTotal"
              />
              <Button label="ra.action.save" variant="contained" onClick={() => void save()} disabled={!total} />
            </Stack>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};

export default BudgetPage;
