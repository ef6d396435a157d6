// CSV for spreadsheets: UTF-8 with a byte-order mark (Excel then reads Chinese correctly), quoted
// where needed, one header row of translated column names.

export interface CsvColumn<R> {
  /** Column header (already translated). */
  header: string;
  value: (record: R) => unknown;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('; ') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<R>(rows: R[], columns: CsvColumn<R>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Reads `path` like `category.parent.nameZh` off a record. */
export function pick(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), record);
}
