// Exports of an analysis report (RULES.md W3). One layout, two formats: `reportSections` builds the
// rows once — header, narrative, each table with its "<5"/"*" markers, department performance,
// hotspots, formulas — and CSV joins the sections while XLSX gives each its own sheet. exceljs is
// imported only when a workbook is asked for, so server start does not load it.
import type { ReportFigures, ReportRow } from './reports.js';
import type { StatCount } from './suppression.js';

/** A cell: text, a number, a count as published, or a figure with its own format. */
export type Cell = string | number | null | { count: StatCount } | { percent: number | null } | { decimal: number | null };

export interface Section {
  /** The sheet's name in a workbook (unique, at most 31 characters). */
  sheet: string;
  rows: Cell[][];
}

export const EXPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ReportExport {
  format: ExportFormat;
  filename: string;
  mimeType: string;
  base64: string;
}

/** The report's rows, section by section; the first section is the cover with narrative and recommendations. */
export function reportSections(report: ReportRow): Section[] {
  const f = report.figures as unknown as ReportFigures;
  const sections: Section[] = [
    {
      sheet: '报告',
      rows: [
        ['研判分析报告', report.title],
        ['期间', report.periodStart, report.periodEnd],
        ['范围', f.scopeLabel],
        ['状态', report.status],
        ['生成时间', f.generatedAt],
        ['口径版本', f.formulaVersion],
        ['说明', '<5 = 小于5的计数已隐藏；* = 为防止反推而一并隐藏'],
        [],
        ['研判分析', report.narrative],
        ['建议', report.recommendations],
      ],
    },
  ];
  for (const t of f.tables) {
    sections.push({
      sheet: t.title,
      rows: [
        [t.title],
        t.columns,
        ...t.rows.map((r) => [...r.labels, { count: r.count }]),
        ['合计', ...Array<Cell>(Math.max(0, t.columns.length - 2)).fill(''), { count: t.total }],
      ],
    });
  }
  const p = f.performance;
  sections.push({
    sheet: '部门绩效',
    rows: [
      ['部门绩效', `${p.fromMonth}–${p.toMonth}`, p.provisional ? `暂定（${p.finalFrom}起为终值）` : '终值'],
      ['排名', '部门', '代码', '派单量', '响应率', '解决率', '满意率', '按时办结率', '平均签收小时', '平均办理小时', '重复反映', '当前超期'],
      ...p.rows.map((r): Cell[] => [
        r.rank, r.name, r.code, r.dispatched,
        { percent: r.responseRate }, { percent: r.resolutionRate }, { percent: r.satisfactionRate }, { percent: r.onTimeReplyRate },
        { decimal: r.meanAcceptHours }, { decimal: r.meanReplyHours }, r.rereported, r.overdueNow,
      ]),
    ],
  });
  sections.push({
    sheet: '热点',
    rows: [['热点'], ['类型', '描述', '数量', '前期平均', '建议部门'], ...f.hotspots.map((h): Cell[] => [h.kind, h.label, { count: h.count }, h.trailingAverage, h.suggestedDepartment])],
  });
  sections.push({ sheet: '口径', rows: [['口径'], ...f.formulas.map((fm): Cell[] => [fm.name, fm.text])] });
  return sections;
}

// CSV -----------------------------------------------------------------------------------------------
function csvText(c: Cell): string {
  if (c == null) return '';
  if (typeof c !== 'object') return String(c);
  if ('count' in c) return c.count.display;
  if ('percent' in c) return c.percent == null ? '' : (c.percent * 100).toFixed(1) + '%';
  return c.decimal == null ? '' : c.decimal.toFixed(1);
}

function csvCell(c: Cell): string {
  let s = csvText(c);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // no formulas in a spreadsheet
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report as CSV (UTF-8, no BOM): the sections one after another, a blank line between them. */
export function reportCsv(report: ReportRow): string {
  const lines = reportSections(report).flatMap((s, i) => [...(i ? [''] : []), ...s.rows.map((r) => r.map(csvCell).join(','))]);
  return lines.join('\r\n') + '\r\n';
}

// XLSX ----------------------------------------------------------------------------------------------
/** A count stays a number unless it is hidden; a hidden one is its marker, as in the CSV. */
function xlsxValue(c: Cell): { value: string | number | null; numFmt?: string } {
  if (c == null || typeof c !== 'object') return { value: c };
  if ('count' in c) return { value: c.count.suppressed || c.count.value == null ? c.count.display : c.count.value };
  if ('percent' in c) return { value: c.percent, numFmt: '0.0%' };
  return { value: c.decimal, numFmt: '0.0' };
}

/** Excel refuses these in sheet names, and names longer than 31 characters. */
const sheetName = (name: string, taken: Set<string>) => {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '表';
  let out = base;
  for (let n = 2; taken.has(out); n++) out = `${base}_${n}`;
  taken.add(out);
  return out;
};

/** The report as an .xlsx workbook: the cover first, then one sheet per section. */
export async function reportXlsx(report: ReportRow): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const at = new Date((report.figures as unknown as ReportFigures).generatedAt);
  Object.assign(wb, { creator: 'Guardline', created: at, modified: at });
  const taken = new Set<string>();
  for (const [index, section] of reportSections(report).entries()) {
    const ws = wb.addWorksheet(sheetName(section.sheet, taken));
    for (const cells of section.rows) {
      const row = ws.addRow(cells.map((c) => xlsxValue(c).value));
      cells.forEach((c, i) => {
        const { numFmt } = xlsxValue(c);
        if (numFmt) row.getCell(i + 1).numFmt = numFmt;
      });
    }
    ws.getRow(1).font = { bold: true, size: 13 };
    if (index === 0) {
      // the cover: labels in a narrow column, long text wrapped in a wide one
      ws.getColumn(1).width = 12;
      ws.getColumn(2).width = 90;
      ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
    } else {
      ws.getRow(2).font = { bold: true };
      ws.columns.forEach((col) => (col.width = 14));
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const MIME: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name from the title and the period, without characters file systems refuse. */
export const exportFilename = (report: Pick<ReportRow, 'title' | 'periodStart' | 'periodEnd'>, format: ExportFormat) =>
  `${report.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}_${report.periodStart}_${report.periodEnd}.${format.toLowerCase()}`;

/** The report as a file: CSV with a byte-order mark (so Excel reads the Chinese), or XLSX. */
export async function reportExport(report: ReportRow, format: ExportFormat): Promise<ReportExport> {
  const bytes = format === 'XLSX' ? await reportXlsx(report) : Buffer.from('\uFEFF' + reportCsv(report), 'utf8');
  return { format, filename: exportFilename(report, format), mimeType: MIME[format], base64: bytes.toString('base64') };
}
