// The committee's rules as data: quorum (share of eligible members who must vote), majority, notice
// days, and the amount above which a second approval is needed. Admins edit; the committee reads.
import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { Button, HttpError, Title, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { GuardlineDataProvider } from '../dataProvider';
import { typedMutation } from '../dataProvider';
import { COMMITTEE_CONFIG, UPDATE_COMMITTEE_CONFIG } from '../dataProvider/queries';
import { formatYuan } from '../ui/money';
import { useGql } from '../ui/useGql';

interface Config {
  quorumPercent: number;
  majorityPercent: number;
  noticeDays: number;
  secondApprovalThreshold: number;
  version: number;
}

const FIELDS = [
  { key: 'quorumPercent', label: 'guardline.committee.quorum', help: 'guardline.committee.quorum_help' },
  { key: 'majorityPercent', label: 'guardline.committee.majority', help: 'guardline.committee.majority_help' },
  { key: 'noticeDays', label: 'guardline.committee.notice_days', help: 'guardline.committee.notice_days_help' },
  { key: 'thresholdYuan', label: 'guardline.committee.threshold', help: 'guardline.committee.threshold_help' },
] as const;

const CommitteeConfigPage = () => {
  const translate = useTranslate();
  const { data, refetch } = useGql<{ committeeConfig: Config }>(['committeeConfig'], COMMITTEE_CONFIG);
  const { canAccess: canEdit } = useCanAccess({ resource: 'committeeConfig', action: 'edit' });
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const notify = useNotify();
  const c = data?.committeeConfig;
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (c) {
      setValues({
        quorumPercent: String(c.quorumPercent),
        majorityPercent: String(c.majorityPercent),
        noticeDays: String(c.noticeDays),
        thresholdYuan: (c.secondApprovalThreshold / 100).toFixed(2),
      });
    }
  }, [c]);

  const save = async () => {
    setErrors({});
    setFormError(null);
    try {
      await typedMutation(
        dataProvider.request,
        UPDATE_COMMITTEE_CONFIG,
        {
          input: {
            version: c?.version ?? null,
            quorumPercent: Number(values.quorumPercent),
            majorityPercent: Number(values.majorityPercent),
            noticeDays: Number(values.noticeDays),
            secondApprovalThreshold: Math.round(Number(values.thresholdYuan) * 100),
          },
        },
        'updateCommitteeConfig',
      );
      notify('guardline.committee.saved', { type: 'success' });
      await refetch();
    } catch (e) {
      const errs = e instanceof HttpError ? (e.body as { errors?: Record<string, string> } | undefined)?.errors : undefined;
      if (errs) {
        const { root: _root, ...rest } = errs as Record<string, unknown>;
        setErrors(Object.fromEntries(Object.entries(rest).map(([k, v]) => [k === 'secondApprovalThreshold' ? 'thresholdYuan' : k, String(v)])));
      } else setFormError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Box sx={{ mt: 1, maxWidth: 720 }}>
      <Title title="resources.committeeConfig.name" />
      <Card>
        <CardContent>
          <Typography variant="subtitle1" gutterBottom>
            {translate('guardline.committee.title')}
          </Typography>
          {c && !canEdit ? (
            <Stack spacing={1} data-testid="committee-config">
              <Typography variant="body2">{translate('guardline.committee.summary', { quorum: c.quorumPercent, majority: c.majorityPercent, days: c.noticeDays, threshold: formatYuan(c.secondApprovalThreshold) })}</Typography>
            </Stack>
          ) : null}
          {c && canEdit ? (
            <Stack spacing={2} sx={{ mt: 1 }}>
              {formError ? <Alert severity="error">{formError}</Alert> : null}
              {FIELDS.map((f) => (
                <TextField
                  key={f.key}
                  name={f.key}
                  type="number"
                  size="small"
                  label={translate(f.label)}
                  value={values[f.key] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
                  error={!!errors[f.key]}
                  helperText={errors[f.key] ?? translate(f.help)}
                  sx={{ maxWidth: 360 }}
                />
              ))}
              <Box>
                <Button label="ra.action.save" variant="contained" onClick={() => void save()} />
              </Box>
            </Stack>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};

export default CommitteeConfigPage;
