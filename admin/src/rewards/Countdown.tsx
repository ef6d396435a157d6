// Time left in a public notice (公示), ticking once a minute.
import { useEffect, useState } from 'react';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDuration } from '../ui/time';

export const Countdown = ({ until }: { until: string | null | undefined }) => {
  const translate = useTranslate();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  if (!until) return null;
  const left = new Date(until).getTime() - now;
  return (
    <Chip
      size="small"
      color={left > 0 ? 'warning' : 'success'}
      variant="outlined"
      data-testid="notice-countdown"
      label={left > 0 ? translate('guardline.rewards.notice_left', { time: formatDuration(left, translate) }) : translate('guardline.rewards.notice_over')}
    />
  );
};
