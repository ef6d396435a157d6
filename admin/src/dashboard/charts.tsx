// Plain-SVG charts (no chart library: a few small charts do not need 100 kB of one). Loaded lazily
// with the dashboard's figures and with an analysis report's pages.
import { Box, Typography } from '@mui/material';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Shown instead of the value, e.g. a suppressed count's "<5". */
  display?: string;
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
              {b.display ?? b.value}
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
            {b.display ?? b.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

export interface Point {
  key: string;
  label: string;
  /** Null: not shown (e.g. a suppressed count) — the line breaks there. */
  value: number | null;
  /** Shown under the point instead of the value, e.g. "<5". */
  display?: string;
}

/** One line over time, e.g. intake by month; a point without a value breaks the line. */
export const LineChart = ({ points, height = 150, testId }: { points: Point[]; height?: number; testId?: string }) => {
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const w = 100 / Math.max(1, points.length);
  const x = (i: number) => i * w + w / 2;
  const y = (v: number) => height - 6 - ((height - 16) * v) / max;
  // runs of consecutive points with a value, each drawn as its own polyline
  const runs: { i: number; v: number }[][] = [];
  points.forEach((p, i) => {
    if (p.value == null) return;
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.i === i - 1) last.push({ i, v: p.value });
    else runs.push([{ i, v: p.value }]);
  });
  return (
    <Box data-testid={testId}>
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" width="100%" height={height} role="img">
        <line x1={0} x2={100} y1={height - 6} y2={height - 6} stroke="#c8d3dc" strokeWidth={0.4} vectorEffect="non-scaling-stroke" />
        {runs.map((run) => (
          <polyline key={run[0]!.i} points={run.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')} fill="none" stroke="#1f5f8b" strokeWidth={2} vectorEffect="non-scaling-stroke" />
        ))}
        {runs.flat().map((p) => (
          // a zero-length line with a round cap: a dot that stays round when the chart is stretched
          <line key={p.i} x1={x(p.i)} x2={x(p.i)} y1={y(p.v)} y2={y(p.v)} stroke="#1f5f8b" strokeWidth={7} strokeLinecap="round" vectorEffect="non-scaling-stroke">
            <title>{`${points[p.i]!.label}: ${p.v}`}</title>
          </line>
        ))}
      </svg>
      <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${points.length}, 1fr)`, textAlign: 'center' }}>
        {points.map((p) => (
          <Box key={p.key}>
            <Typography variant="caption" sx={{ fontWeight: 600, display: 'block' }}>
              {p.display ?? p.value ?? '—'}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {p.label}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

export default { ColumnChart, BarList, LineChart };
