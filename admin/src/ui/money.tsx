// Money is integer fen (分) in the API; people read and type yuan (元).
import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

export function formatYuan(fen: number | null | undefined): string {
  if (fen == null || Number.isNaN(fen)) return '—';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const fenToYuan = (fen: number | null | undefined): string => (fen == null ? '' : (fen / 100).toFixed(2));

export const MoneyField = (props: FieldProps) => {
  const value = useFieldValue(props) as number | null | undefined;
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatYuan(value)}
    </Typography>
  );
};

/** "¥100.00 – ¥500.00": a standard's allowed range. */
export const formatRange = (min: number | null | undefined, max: number | null | undefined) => `${formatYuan(min)} – ${formatYuan(max)}`;
