// Analysis reports: a snapshot of the figures (suppressed as published), the analyst's narrative, a
// publication to named departments; every write audited in its own transaction; CSV export.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { analyticsHelpers } from './support.js';

let t: TestApp;
let a: ReturnType<typeof analyticsHelpers>;

const REPORT = `id title status version narrative recommendations periodStart periodEnd publishedAt csv
  scope { district { code } category { code } domain } audience { code }
  figures { scopeLabel formulaVersion tables { id title columns suppressionApplied total { value display } rows { labels count { value display suppressed } } }
    performance { fromMonth toMonth provisional finalFrom rows { code dispatched responseRate rank } }
    hotspots { kind label count { display } suggestedDepartment } }`;
const RESULT = `__typename ... on AnalysisReport { ${REPORT} } ... on Error { code message field } ... on InvalidTransitionError { currentState } ... on StaleVersionError { currentVersion }`;

const create = (as: string, input: Record<string, unknown>) =>
  a.h.query(as, `mutation($i: CreateAnalysisReportInput!) { createAnalysisReport(input: $i) { ${RESULT} } }`, { i: input }).then((r) => r.data?.createAnalysisReport ?? r);
const update = (as: string, input: Record<string, unknown>) =>
  a.h.query(as, `mutation($i: UpdateAnalysisReportInput!) { updateAnalysisReport(input: $i) { ${RESULT} } }`, { i: input }).then((r) => r.data?.updateAnalysisReport ?? r);
const publish = (as: string, input: Record<string, unknown>) =>
  a.h.query(as, `mutation($i: PublishAnalysisReportInput!) { publishAnalysisReport(input: $i) { ${RESULT} } }`, { i: input }).then((r) => r.data?.publishAnalysisReport ?? r);
const auditActions = async () =>
  (await t.database.rows<{ action: string }>(sql`select action from audit_events where entity = 'AnalysisReport' order by at, id`)).map((r) => r.action);

beforeAll(async () => {
  t = await createTestApp();
  a = analyticsHelpers(t);
  for (let i = 0; i < 7; i++) {
    await a.flow({
      at: `2026-04-${String(2 + i * 3).padStart(2, '0')}T02:00:00Z`, category: i % 2 ? 'HARM-DOMESTIC' : 'SCHOOL-BULLYING', district: i < 5 ? '110105' : '110108',
      // personal data that no export may carry (the reporter's name and phone come with every case)
      ...(i === 0 ? { minors: [{ name: '李小龙', birthYear: 2014, school: '朝阳实验小学' }] } : {}),
    });
  }
  await a.flow({ at: '2026-04-20T02:00:00Z', lead: 'PSB-110105', acceptAfterH: 1, replyAfterH: 5, followUp: { afterH: 24, respondent: 'REPORTER', resolved: true, satisfaction: 'SATISFIED' } });
  t.clock.set('2026-05-06T02:00:00Z');
});
afterAll(() => t?.close());

describe('analysis reports', () => {
  it('snapshots, edits, publishes — one audited transaction each — and then stays as published', async () => {
    const police = await a.h.refId('Department', 'PSB-110105');
    const chaoyang = await a.h.refId('District', '110105');
    const r = await create('analyst', { title: '四月朝阳区研判', periodStart: '2026-04-01', periodEnd: '2026-04-30', scope: { districtId: chaoyang } });
    expect(r.__typename).toBe('AnalysisReport');
    expect(r).toMatchObject({ status: 'DRAFT', version: 1, scope: { district: { code: '110105' } }, audience: [] });
    expect(r.figures.scopeLabel).toContain('朝阳区');
    // Scoped to Chaoyang: 5 intake cases + the dispatched one.
    const byMonth = r.figures.tables.find((x: any) => x.id === 'parent-category-by-month');
    // Parent category × month within one district: finer than district × month, so suppressed.
    expect(byMonth.suppressionApplied).toBe(true);
    expect(byMonth.total).toEqual({ value: 6, display: '6' });
    const domain = r.figures.tables.find((x: any) => x.id === 'domain');
    expect(domain.rows.every((row: any) => row.count.suppressed || row.count.value >= 5)).toBe(true);
    expect(r.figures.performance).toMatchObject({ fromMonth: '2026-04', toMonth: '2026-04', provisional: true });
    expect(r.figures.performance.rows).toEqual([expect.objectContaining({ code: 'PSB-110105', dispatched: 1, responseRate: 1, rank: 1 })]);
    expect(await auditActions()).toEqual(['analysis_report.create']);

    const stale = await update('analyst', { reportId: r.id, version: 7, narrative: '新的分析' });
    expect(stale).toMatchObject({ __typename: 'StaleVersionError', currentVersion: 1 });
    const edited = await update('analyst', { reportId: r.id, version: 1, narrative: '朝阳区四月校园欺凌与家庭暴力诉求并存。', recommendations: '建议教委、公安联合排查。', audienceDepartmentIds: [police] });
    expect(edited).toMatchObject({ version: 2, narrative: '朝阳区四月校园欺凌与家庭暴力诉求并存。', audience: [{ code: 'PSB-110105' }] });

    const before = JSON.stringify(edited.figures);
    // New work arrives: a draft keeps its snapshot until refreshed …
    await a.flow({ at: '2026-04-29T02:00:00Z', category: 'SCHOOL-BULLYING', district: '110105' });
    t.clock.set('2026-05-06T03:00:00Z');
    const same = await update('analyst', { reportId: r.id, title: '四月朝阳区研判（修订）' });
    expect(JSON.stringify(same.figures)).toBe(before);
    const refreshed = await update('analyst', { reportId: r.id, refreshFigures: true });
    expect(refreshed.figures.tables.find((x: any) => x.id === 'parent-category-by-month').total.value).toBe(7);

    const published = await publish('analyst', { reportId: r.id, version: refreshed.version });
    expect(published).toMatchObject({ status: 'PUBLISHED', audience: [{ code: 'PSB-110105' }] });
    expect(published.publishedAt).toBe('2026-05-06T03:00:00.000Z');
    // … a published one never changes.
    expect(await update('analyst', { reportId: r.id, narrative: '改' })).toMatchObject({ __typename: 'InvalidTransitionError', currentState: 'PUBLISHED' });
    expect(await publish('analyst', { reportId: r.id })).toMatchObject({ __typename: 'InvalidTransitionError', currentState: 'PUBLISHED' });
    expect(await auditActions()).toEqual(['analysis_report.create', 'analysis_report.update', 'analysis_report.update', 'analysis_report.update', 'analysis_report.publish']);
    const [ev] = await t.database.rows<{ detail: any; actor_label: string }>(sql`select detail, actor_label from audit_events where action = 'analysis_report.publish'`);
    expect(ev).toMatchObject({ actor_label: 'analyst', detail: { from: 'DRAFT', to: 'PUBLISHED', audience: ['PSB-110105'] } });

    // The police branch reads it; its CSV has the narrative, the tables and the formulas.
    const read = await a.h.query('police', `query($id: ID!) { node(id: $id) { ... on AnalysisReport { title status csv } } }`, { id: r.id });
    expect(read.data.node).toMatchObject({ title: '四月朝阳区研判（修订）', status: 'PUBLISHED' });
    const csv: string = read.data.node.csv;
    expect(csv.split('\r\n')[0]).toBe('研判分析报告,四月朝阳区研判（修订）');
    expect(csv).toContain('研判分析,朝阳区四月校园欺凌与家庭暴力诉求并存。');
    expect(csv).toContain('类别（大类）× 月');
    expect(csv).toMatch(/\r\n1,北京市公安局朝阳分局,PSB-110105,1,100\.0%/);
    expect(csv).toContain('guardline-performance/1');
  });

  it('exports XLSX: the narrative first, then one sheet per table with the same counts and markers, and no personal data', async () => {
    const list = await a.h.query('analyst', `{ analysisReports(first: 10, filter: { status: PUBLISHED }) { edges { node { id } } } }`);
    const id = list.data.analysisReports.edges[0].node.id;
    const read = await a.h.query('analyst', `query($id: ID!) { node(id: $id) { ... on AnalysisReport { title narrative recommendations
      figures { tables { title columns total { value display suppressed } rows { labels count { value display suppressed } } } performance { rows { code name dispatched responseRate rank } } }
      xlsx: export(format: XLSX) { format filename mimeType base64 } csvFile: export(format: CSV) { mimeType base64 } } } }`, { id });
    const report = read.data.node;
    expect(report.xlsx).toMatchObject({ format: 'XLSX', filename: '四月朝阳区研判（修订）_2026-04-01_2026-04-30.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    // the CSV file is the `csv` text behind a byte-order mark
    const csvBytes = Buffer.from(report.csvFile.base64, 'base64');
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.toString('utf8')).toContain('研判分析,朝阳区四月校园欺凌与家庭暴力诉求并存。');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(report.xlsx.base64, 'base64') as never);
    const tables: any[] = report.figures.tables;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报告', ...tables.map((x) => x.title), '部门绩效', '热点', '口径']);
    const cover = wb.worksheets[0]!;
    expect([cover.getCell('A1').value, cover.getCell('B1').value]).toEqual(['研判分析报告', report.title]);
    expect([cover.getCell('A9').value, cover.getCell('B9').value]).toEqual(['研判分析', report.narrative]);
    expect([cover.getCell('A10').value, cover.getCell('B10').value]).toEqual(['建议', report.recommendations]);

    // Every table: the Chinese headers, each row's labels and count — a number, or the marker it is published with.
    const asCell = (c: { value: number | null; display: string; suppressed: boolean }) => (c.suppressed ? c.display : c.value);
    const markers: unknown[] = [];
    for (const table of tables) {
      const ws = wb.getWorksheet(table.title)!;
      const row = (n: number, width: number) => Array.from({ length: width }, (_, i) => ws.getCell(n, i + 1).value);
      expect(row(1, 1)).toEqual([table.title]);
      expect(row(2, table.columns.length)).toEqual(table.columns);
      table.rows.forEach((r: any, i: number) => {
        expect(row(3 + i, table.columns.length)).toEqual([...r.labels, asCell(r.count)]);
        if (r.count.suppressed) markers.push(ws.getCell(3 + i, table.columns.length).value);
      });
      expect(ws.getCell(3 + table.rows.length, 1).value).toBe('合计');
      expect(ws.getCell(3 + table.rows.length, table.columns.length).value).toBe(asCell(table.total));
    }
    // Within Chaoyang, 家庭暴力 had 2 cases in April: hidden as "<5" in the sheet as in the figures.
    const byMonth = wb.getWorksheet('类别（大类）× 月')!;
    const small = tables.find((x) => x.title === '类别（大类）× 月').rows.findIndex((r: any) => r.count.display === '<5');
    expect(small).toBeGreaterThanOrEqual(0);
    expect(byMonth.getCell(3 + small, 3).value).toBe('<5');
    expect(markers).toContain('<5');

    // Department performance: the rate as a number formatted as a percentage.
    const perf = wb.getWorksheet('部门绩效')!;
    const [police] = report.figures.performance.rows;
    expect([1, 2, 3, 4, 5].map((c) => perf.getCell(3, c).value)).toEqual([police.rank, police.name, police.code, police.dispatched, police.responseRate]);
    expect(perf.getCell(3, 5).numFmt).toBe('0.0%');

    // No names, phones, schools or case codes anywhere in the workbook.
    const text = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n');
    for (const p of ['张女士', '13800000000', '李小龙', '朝阳实验小学']) expect(text, p).not.toContain(p);
    expect(text).not.toMatch(/MP\d{8}-\d{4}/);
    expect(text).toContain('北京市公安局朝阳分局');
  });

  it('refuses to publish to nobody, and leaves no trace of the refused write', async () => {
    const r = await create('supervisor', { title: '无受众报告', periodStart: '2026-04-01', periodEnd: '2026-04-30' });
    // A supervisor sees exact counts, but a report is snapshotted as it will be published: suppressed.
    const fine = r.figures.tables.find((x: any) => x.id === 'category-by-district');
    expect(fine.suppressionApplied).toBe(true);
    expect(fine.rows.every((row: any) => row.count.suppressed || row.count.value >= 5)).toBe(true);
    const before = (await auditActions()).length;
    const refused = await publish('supervisor', { reportId: r.id });
    expect(refused).toMatchObject({ __typename: 'ValidationError', field: 'audienceDepartmentIds' });
    expect((await auditActions()).length).toBe(before);
    const [row] = await t.database.rows<{ status: string }>(sql`select status from analysis_reports where title = '无受众报告'`);
    expect(row!.status).toBe('DRAFT');
    // A bad department, a period over a year, a period the wrong way round: typed errors.
    expect(await publish('supervisor', { reportId: r.id, audienceDepartmentIds: [Buffer.from('Department:00000000-0000-4000-8000-000000000000').toString('base64')] })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await create('analyst', { title: '太长', periodStart: '2025-01-01', periodEnd: '2026-04-30' })).toMatchObject({ __typename: 'ValidationError', field: 'periodEnd' });
    expect(await create('analyst', { title: '倒置', periodStart: '2026-04-30', periodEnd: '2026-04-01' })).toMatchObject({ __typename: 'ValidationError' });
  });

  it('lists reports newest first with totalCount, filtered by status', async () => {
    const all = await a.h.query('analyst', `{ analysisReports(first: 10) { totalCount edges { node { title status } } } }`);
    expect(all.data.analysisReports.totalCount).toBe(2);
    expect(all.data.analysisReports.edges.map((e: any) => e.node.title)).toEqual(['无受众报告', '四月朝阳区研判（修订）']);
    const drafts = await a.h.query('analyst', `{ analysisReports(first: 10, filter: { status: DRAFT }) { totalCount } }`);
    expect(drafts.data.analysisReports.totalCount).toBe(1);
  });
});
