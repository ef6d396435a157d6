import { describe, expect, it } from 'vitest';
import { toCsv, pick } from './csv';
import { fetchAllPages, EXPORT_PAGE } from './PagedExportButton';
import { worstDeadline } from './badges';
import { formatYuan } from './money';
import { beijingLocalToIso, beijingToday } from './time';
import { lastDayOfMonth, monthStart } from '../dashboard/useDashboardFigures';
import { beijingDayEnd, beijingDayStart, yuanToFen } from '../dataProvider/resources';

describe('CSV export', () => {
  it('writes a BOM, a header row and quoted cells where needed', () => {
    const csv = toCsv([{ a: '家暴, 紧急', b: 'say "hi"', c: null, d: ['x', 'y'], e: true }], [
      { header: '甲', value: (r) => r.a },
      { header: 'B', value: (r) => r.b },
      { header: 'C', value: (r) => r.c },
      { header: 'D', value: (r) => r.d },
      { header: 'E', value: (r) => r.e },
    ]);
    expect(csv).toBe('\uFEFF甲,B,C,D,E\r\n"家暴, 紧急","say ""hi""",,x; y,1\r\n');
    expect(pick({ reporter: { name: null, phone: '1' } }, 'reporter.phone')).toBe('1');
    expect(pick({ reporter: null }, 'reporter.phone')).toBeUndefined();
  });

  it('pages through the list 100 rows at a time until the total', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ id: i }));
    const asked: number[] = [];
    const all = await fetchAllPages(async (page) => {
      asked.push(page);
      return { data: rows.slice((page - 1) * EXPORT_PAGE, page * EXPORT_PAGE), total: rows.length };
    });
    expect(all).toHaveLength(250);
    expect(asked).toEqual([1, 2, 3]);
  });
});

describe('deadlines, money and Beijing days', () => {
  it("a case's worst deadline is the desk's or any dispatch's", () => {
    expect(worstDeadline({ dispatchDeadline: 'NONE', dispatches: [{ deadline: 'DUE_SOON' }, { deadline: 'OVERDUE' }] })).toEqual({ state: 'OVERDUE', who: 'department' });
    expect(worstDeadline({ dispatchDeadline: 'DUE_SOON', dispatches: [] })).toEqual({ state: 'DUE_SOON', who: 'desk' });
    expect(worstDeadline({ dispatchDeadline: 'ON_TIME', dispatches: [{ deadline: 'NONE' }] }).state).toBeNull();
  });

  it('fen ↔ yuan', () => {
    expect(formatYuan(123456)).toBe('¥1,234.56');
    expect(formatYuan(null)).toBe('—');
    expect(yuanToFen('12.34')).toBe(1234);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('')).toBeNull();
  });

  it('days and months are Beijing days', () => {
    expect(beijingDayStart('2026-01-31')).toBe('2026-01-31T00:00:00+08:00');
    expect(beijingDayEnd('2026-01-31')).toBe('2026-01-31T23:59:59.999+08:00');
    expect(beijingDayStart('31/01/2026')).toBeUndefined();
    // 23:30 UTC on the 31st is already February 1st in Beijing
    expect(beijingToday(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02-01');
    expect(beijingLocalToIso('2026-02-01T08:00')).toBe('2026-02-01T00:00:00.000Z');
    expect(monthStart('2026-03-15', 0)).toBe('2026-03-01');
    expect(monthStart('2026-03-15', 3)).toBe('2025-12-01');
    expect(lastDayOfMonth('2024-02-01')).toBe('2024-02-29');
  });
});
