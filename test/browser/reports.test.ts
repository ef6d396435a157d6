// Analysis reports through the panel: an analyst creates a report for a period, writes the analysis
// and recommendations, publishes it to the police branch (with a confirmation), opens the printable
// page (charts, tables, print CSS) and downloads the workbook; the police branch then reads it and
// the education bureau, not named, does not see it. Each step checks what the screen shows.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { expectNoHorizontalOverflow, expectNoRawKeys, menuItem, shot, startHarness, type Harness } from './support.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

// One story: once a step fails, the later ones cannot meaningfully run.
let broken = false;
beforeEach((ctx) => {
  if (broken) ctx.skip();
  onTestFailed(() => {
    broken = true;
  });
});

const TITLE = '近三个月未成年人保护研判（浏览器测试）';
const NARRATIVE = '校园欺凌诉求集中在部分街道，家庭暴力诉求多由邻居反映。';
const RECOMMENDATIONS = '建议教委与公安分局联合开展护学岗排查。';
const POLICE = '北京市公安局朝阳分局';

/** A Beijing day `days` before today, YYYY-MM-DD. */
const beijingDay = (days: number) => new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);

const reportRow = (page: Page) => page.locator('tr', { hasText: TITLE });

describe('an analysis report, from the analyst to the department', () => {
  let analyst: Page;
  let reportId: string;

  it('an analyst sees the three rates on the dashboard, creates a report for a period, then writes the analysis and recommendations', async () => {
    analyst = await h.signIn('analyst');
    // the dashboard first: the three rates of last month and this one, as the API computes them
    const month = beijingDay(0).slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const perf = await h.gql(
      `query($from: String!, $to: String) { departmentPerformance(fromMonth: $from, toMonth: $to) { rows { rank department { nameZh } responseRate { value } resolutionRate { value } satisfactionRate { value } } } }`,
      { from: previous, to: month }, 'analyst',
    );
    const ranked = perf.departmentPerformance.rows.filter((r: any) => r.rank != null).sort((a: any, b: any) => a.rank - b.rank);
    expect(ranked.length).toBeGreaterThan(0);
    const card = analyst.getByTestId('performance');
    await card.getByText(`${previous} – ${month}`).waitFor();
    await card.locator('tbody tr').first().waitFor();
    expect(await card.locator('thead').innerText()).toMatch(/响应率\s+解决率\s+满意率/);
    const pct = (v: number | null) => (v == null ? '—' : `${Math.round(v * 100)}%`);
    const best = ranked[0];
    const cells = await card.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells).toEqual([String(best.rank), best.department.nameZh, pct(best.responseRate.value), pct(best.resolutionRate.value), pct(best.satisfactionRate.value)]);

    await menuItem(analyst, '研判分析报告').click();
    await analyst.getByRole('link', { name: '新建' }).click();
    await analyst.getByRole('textbox', { name: '标题' }).fill(TITLE);
    await analyst.getByLabel('期间起').fill(beijingDay(90));
    await analyst.getByLabel('期间止').fill(beijingDay(0));
    await analyst.getByRole('button', { name: '保存' }).click();

    // the server took the snapshot; the edit page opens for the narrative
    const narrative = analyst.getByRole('textbox', { name: '研判分析' });
    await narrative.waitFor();
    await narrative.fill(NARRATIVE);
    await analyst.getByRole('textbox', { name: '工作建议' }).fill(RECOMMENDATIONS);
    await analyst.getByRole('button', { name: '保存' }).click();

    await analyst.getByTestId('report-title').filter({ hasText: TITLE }).waitFor();
    expect(await analyst.getByTestId('report-narrative').innerText()).toContain(NARRATIVE);
    expect(await analyst.getByTestId('report-recommendations').innerText()).toContain(RECOMMENDATIONS);
    await analyst.getByTestId('status-DRAFT').waitFor();
    expect(await analyst.getByTestId('report-audience').innerText()).toContain('尚未选择');

    const list = await h.gql(`{ analysisReports(first: 10) { edges { node { id title narrative status } } } }`, {}, 'analyst');
    const saved = list.analysisReports.edges.map((e: any) => e.node).find((n: any) => n.title === TITLE);
    expect(saved).toMatchObject({ narrative: NARRATIVE, status: 'DRAFT' });
    reportId = saved.id;
  });

  it('publishes it to the police branch, only once the confirmation is ticked', async () => {
    await analyst.getByTestId('publish-button').click();
    const dialog = analyst.getByRole('dialog');
    await dialog.getByTestId('publish-departments').fill('朝阳分局');
    await analyst.getByRole('option', { name: POLICE }).click();
    await dialog.getByRole('button', { name: '发布' }).click();
    await dialog.getByText('必填').waitFor();
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: '发布' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await analyst.getByTestId('status-PUBLISHED').waitFor();
    expect(await analyst.getByTestId('report-audience').innerText()).toContain(POLICE);
    // published: frozen, so no edit, refresh or publish any more; downloads and printing remain
    expect(await analyst.getByTestId('publish-button').count()).toBe(0);
    expect(await analyst.getByTestId('refresh-button').count()).toBe(0);
    expect(await analyst.getByRole('link', { name: '编辑' }).count()).toBe(0);
    await analyst.getByTestId('download-xlsx').waitFor();
  });

  it('downloads the workbook', async () => {
    const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.getByTestId('download-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^近三个月未成年人保护研判（浏览器测试）_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    // an .xlsx is a zip archive
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('opens the printable page: charts and tables render, and on paper only the report remains', async () => {
    await analyst.getByTestId('open-print').click();
    const doc = analyst.getByTestId('report-print');
    await doc.waitFor();
    await doc.getByTestId('chart-trend').locator('svg polyline').first().waitFor();
    expect(await doc.getByTestId('chart-domain').locator('svg rect').count()).toBeGreaterThan(0);
    expect(await doc.getByTestId('report-narrative').innerText()).toContain(NARRATIVE);

    // the protection-domain table shows the published figures: its rows and its total
    const api = await h.gql(`query($id: ID!) { node(id: $id) { ... on AnalysisReport { figures { tables { id total { display } rows { count { display } } } } } } }`, { id: reportId }, 'analyst');
    const domain = api.node.figures.tables.find((t: any) => t.id === 'domain');
    expect(domain.rows.length).toBeGreaterThan(0);
    const rows = doc.getByTestId('report-table-domain').locator('tbody tr');
    expect(await rows.count()).toBe(domain.rows.length + 1);
    expect(await rows.last().locator('td').last().innerText()).toBe(domain.total.display);
    expect(await rows.first().locator('td').last().innerText()).toBe(domain.rows[0].count.display);

    await expectNoRawKeys(analyst);
    await expectNoHorizontalOverflow(analyst);
    await shot(analyst, 'analysis-report-print-zh');

    await analyst.emulateMedia({ media: 'print' });
    expect(await analyst.locator('header.MuiAppBar-root').isVisible()).toBe(false);
    expect(await analyst.getByTestId('print').isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    await analyst.emulateMedia({ media: 'screen' });
    expect(await analyst.locator('header.MuiAppBar-root').isVisible()).toBe(true);
  });

  it('the police branch reads the report published to it', async () => {
    const police = await h.signIn('police');
    await menuItem(police, '研判分析报告').click();
    await reportRow(police).waitFor();
    expect(await reportRow(police).innerText()).toContain('已发布');
    await reportRow(police).click();
    await police.getByTestId('report-title').filter({ hasText: TITLE }).waitFor();
    expect(await police.getByTestId('report-narrative').innerText()).toContain(NARRATIVE);
    expect(await police.getByTestId('report-recommendations').innerText()).toContain(RECOMMENDATIONS);
    // a reader: downloads and the printable page, no moves
    await police.getByTestId('download-csv').waitFor();
    expect(await police.getByTestId('publish-button').count()).toBe(0);
    await expectNoRawKeys(police);
  });

  it('the education bureau, not named, does not see it', async () => {
    const education = await h.signIn('education');
    await menuItem(education, '研判分析报告').click();
    await education.getByText(/^没有/).or(education.locator('tbody tr')).first().waitFor();
    expect(await reportRow(education).count()).toBe(0);
  });
});
