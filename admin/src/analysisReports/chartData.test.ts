import { describe, expect, it } from 'vitest';
import { monthlyTrend, tableBars } from './chartData';
import type { ReportTable } from './types';

const n = (value: number) => ({ value, display: String(value), suppressed: false });
const hidden = (display: '<5' | '*') => ({ value: null, display, suppressed: true });
const table = (id: string, rows: [string[], ReturnType<typeof n> | ReturnType<typeof hidden>][]): ReportTable => ({
  id, title: id, columns: [], suppressionApplied: false, total: n(0), rows: rows.map(([labels, count]) => ({ labels, count })),
});

describe('report charts', () => {
  it('adds up a month only from a table with nothing hidden in that month', () => {
    const tables = [
      table('district-by-month', [[['2026-03', '朝阳区'], n(7)], [['2026-03', '海淀区'], n(5)], [['2026-04', '朝阳区'], hidden('<5')], [['2026-04', '海淀区'], n(9)]]),
      table('parent-category-by-month', [[['2026-03', '侵害'], n(12)], [['2026-04', '侵害'], n(8)], [['2026-04', '校园'], n(4)], [['2026-05', '侵害'], hidden('*')]]),
    ];
    expect(monthlyTrend(tables)).toEqual([
      { key: '2026-03', label: '2026-03', value: 12, display: undefined },
      { key: '2026-04', label: '2026-04', value: 12, display: undefined },
      { key: '2026-05', label: '2026-05', value: null, display: '*' },
    ]);
  });

  it('draws a hidden count as an empty bar with its marker', () => {
    expect(tableBars(table('domain', [[['FAMILY'], n(9)], [['SCHOOL'], hidden('<5')]]))).toEqual([
      { key: 'FAMILY', label: 'FAMILY', value: 9, display: undefined },
      { key: 'SCHOOL', label: 'SCHOOL', value: 0, display: '<5' },
    ]);
  });
});
