// Plain-SVG bar charts (no chart library: two small charts do not need 100 kB of one). Loaded lazily
// with the dashboard's figures.
import { Box, Typography } from '@mui/material';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** Vertical bars, e.g. intake by month. */
export const ColumnChart = ({ bars, height = 150, testId }: { bars: Bar[]; height?: number; testId?: string }) => {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 100 / Math.max(1, bars.length);
  return (
    <Box data-testid={testId}>
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" width="100%" height={height} role="img">
        {bars.map((b, i) => {
          const h = ((height - 16) * b.value) / max;
          return (
            <g key={b.key}>
              <rect x={i * w + w * 0.18} y={height - h} width={w * 0.64} height={h} fill="#1f5f8b" rx={0.8}>
                <title>{`${b.label}: ${b.value}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${bars.length}, 1fr)`, textAlign: 'center' }}>
        {bars.map((b) => (
          <Box key={b.key}>
            <Typography variant="caption" sx={{ fontWeight: 600, display: 'block' }}>
              {b.value}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {b.label}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

/** Horizontal bars with labels, e.g. intake by category. */
export const BarList = ({ bars, testId }: { bars: Bar[]; testId?: string }) => {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <Box data-testid={testId} sx={{ display: 'grid', gridTemplateColumns: 'minmax(80px, max-content) 1fr 36px', alignItems: 'center', columnGap: 1, rowGap: 0.5 }}>
      {bars.map((b) => (
        <Box key={b.key} sx={{ display: 'contents' }}>
          <Typography variant="body2" sx={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {b.label}
          </Typography>
          <Box sx={{ height: 12, bgcolor: 'action.hover', borderRadius: 1 }}>
            <Box sx={{ height: '100%', width: `${(100 * b.value) / max}%`, bgcolor: 'secondary.main', borderRadius: 1 }} />
          </Box>
          <Typography variant="body2" sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
            {b.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

export default { ColumnChart, BarList };
