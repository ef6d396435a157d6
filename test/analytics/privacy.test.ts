// Privacy and roles over HTTP: analysts get fine breakdowns with small counts suppressed (and the
// complementary cells that protect them), never a name, a phone or a case record; every analytics
// root field refuses the roles it is not for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { analyticsHelpers, keyOf, STATS_FIELDS } from './support.js';
import { recovered } from './attacker.js';

let t: TestApp;
let a: ReturnType<typeof analyticsHelpers>;

const STATS = `query($from: Date!, $to: Date!, $groupBy: [StatsDimension!], $bucket: TimeBucket, $filter: CaseStatsFilter) {
  caseStats(from: $from, to: $to, groupBy: $groupBy, bucket: $bucket, filter: $filter) { ${STATS_FIELDS} } }`;

// category × district, all in March 2026 (one month: the category and district totals are coarse, hence public).
const PLAN: Record<string, Record<string, number>> = {
  'SCHOOL-BULLYING': { '110105': 6, '110108': 2, '110101': 5 },
  'HARM-DOMESTIC': { '110105': 5, '110108': 6, '110101': 5 },
  'NET-BULLYING': { '110105': 5, '110108': 5, '110101': 6 },
};
const CATS = Object.keys(PLAN);
const DISTS = ['110105', '110108', '110101'];

// Personal data planted in the cases: none of it may reach an analyst or a published report.
const PERSONAL = ['张女士', '13800000000', '李小龙', '朝阳实验小学', '李大龙', '望京西园三区', '13912345678', '王先生'];

beforeAll(async () => {
  t = await createTestApp();
  a = analyticsHelpers(t);
  let n = 0;
  for (const cat of CATS) {
    for (const d of DISTS) {
      for (let i = 0; i < PLAN[cat]![d]!; i++) {
        n++;
        await a.flow({
          at: new Date(Date.parse('2026-03-02T01:00:00Z') + n * 11 * 3600_000).toISOString(),
          category: cat, district: d, street: `街道${n}`,
          minors: [{ name: n % 2 ? '李小龙' : `孩子${n}`, birthYear: 2013, school: '朝阳实验小学' }],
          reporter: n % 3 ? { name: '王先生', phone: '13912345678', relationToMinor: 'NEIGHBOUR' } : undefined,
        });
      }
    }
  }
  // In February (outside the March grid): a dispatched, followed-up case with the default reporter (张女士, 13800000000) and a guardian's name.
  await a.flow({
    at: '2026-02-25T02:00:00Z', category: 'HARM-ABUSE', district: '110105',
    minors: [{ name: '李小龙', birthYear: 2013, school: '朝阳实验小学' }],
    lead: 'PSB-110105', acceptAfterH: 1, replyAfterH: 3, followUp: { afterH: 20, respondent: 'REPORTER', resolved: true, satisfaction: 'SATISFIED' },
  });
  t.clock.set('2026-04-10T02:00:00Z');
});
afterAll(() => t?.close());

describe('suppression over the API', () => {
  it('shows the desk exact counts and analysts "<5" with complementary cells, unrecoverable from public totals', async () => {
    const vars = { from: '2026-03-01', to: '2026-03-31', groupBy: ['CATEGORY', 'DISTRICT'], filter: { kind: 'REPORT' } };
    // kind REPORT covers every case here; as a filter it makes the cells finer still (three attributes).
    const res = await a.h.query('supervisor', STATS, vars);
    if (res.errors) throw new Error(res.text);
    const exact = res.data.caseStats;
    expect(exact.suppressionApplied).toBe(false);
    expect(Object.fromEntries(exact.rows.map((r: any) => [keyOf(r), r.received.value]))['SCHOOL-BULLYING|110108|REPORT']).toBeUndefined();

    const grid = async (as: string, extra: Record<string, unknown> = {}) => {
      const s = (await a.h.query(as, STATS, { from: '2026-03-01', to: '2026-03-31', groupBy: ['CATEGORY', 'DISTRICT'], ...extra })).data.caseStats;
      const cell = new Map(s.rows.map((r: any) => [`${r.category.code}|${r.district.code}`, r.received]));
      return { s, cell };
    };
    const sup = await grid('supervisor');
    expect(sup.cell.get('SCHOOL-BULLYING|110108')).toEqual({ value: 2, suppressed: false, display: '2' });

    const ana = await grid('analyst');
    expect(ana.s.suppressionApplied).toBe(true);
    expect(ana.cell.get('SCHOOL-BULLYING|110108')).toEqual({ value: null, suppressed: true, display: '<5' });
    const stars = [...ana.cell.values()].filter((c: any) => c.display === '*');
    expect(stars.length).toBeGreaterThanOrEqual(3);
    expect(ana.s.total).toMatchObject({ value: 45, suppressed: false });

    // What the analyst can read elsewhere: the category and district totals for the month (coarse, exact).
    const byCat = (await a.h.query('analyst', STATS, { from: '2026-03-01', to: '2026-03-31', groupBy: ['CATEGORY'] })).data.caseStats;
    const byDist = (await a.h.query('analyst', STATS, { from: '2026-03-01', to: '2026-03-31', groupBy: ['DISTRICT'] })).data.caseStats;
    expect(byCat.suppressionApplied).toBe(false);
    const rowTotals = CATS.map((c) => byCat.rows.find((r: any) => r.category.code === c).received.value);
    const colTotals = DISTS.map((d) => byDist.rows.find((r: any) => r.district.code === d).received.value);
    expect(rowTotals).toEqual([13, 16, 16]);
    const published = CATS.map((c) => DISTS.map((d) => {
      const v = ana.cell.get(`${c}|${d}`) as any;
      return v ? (v.suppressed ? v.display : v.value) : 0;
    }));
    expect(recovered({ cells: published, rowTotals, colTotals })).toEqual([]);

    // The same cell is hidden the same way when reached through a filter.
    const sb = await a.h.refId('CaseCategory', 'SCHOOL-BULLYING');
    const filtered = (await a.h.query('analyst', STATS, { from: '2026-03-01', to: '2026-03-31', groupBy: ['DISTRICT'], filter: { categoryId: sb } })).data.caseStats;
    expect(filtered.suppressionApplied).toBe(true);
    for (const r of filtered.rows) expect(r.received).toEqual(ana.cell.get(`SCHOOL-BULLYING|${r.district.code}`));
    // The filtered total is the category's (a coarse figure): 13.
    expect(filtered.total.value).toBe(13);
  });

  it('leaves district × month (and anything coarser) exact, and hides small counts by day', async () => {
    const month = (await a.h.query('analyst', STATS, { from: '2026-03-01', to: '2026-03-31', groupBy: ['DISTRICT'], bucket: 'MONTH' })).data.caseStats;
    expect(month.suppressionApplied).toBe(false);
    const day = (await a.h.query('analyst', STATS, { from: '2026-03-01', to: '2026-03-31', bucket: 'DAY' })).data.caseStats;
    expect(day.suppressionApplied).toBe(true);
    expect(day.rows.every((r: any) => r.received.suppressed || r.received.value >= 5)).toBe(true);
  });
});

describe('no personal data and no case records for analysts', () => {
  it("an analyst's report, stats, hotspots and performance contain no name or phone", async () => {
    const texts: string[] = [];
    const q = async (as: string, query: string, vars?: Record<string, unknown>) => {
      const r = await a.h.query(as, query, vars);
      texts.push(r.text);
      return r;
    };
    const created = await q('analyst', `mutation($i: CreateAnalysisReportInput!) { createAnalysisReport(input: $i) { __typename
      ... on AnalysisReport { id title narrative recommendations status csv scope { district { code } }
        figures { scopeLabel formulaVersion formulas { name text } tables { id title columns total { display } rows { labels count { value display suppressed } } }
          performance { fromMonth provisional rows { code name dispatched responseRate resolutionRate satisfactionRate rank } }
          hotspots { kind label count { display } suggestedDepartment } } }
      ... on Error { code message } } }`, {
      i: { title: '二至三月未成年人保护研判', periodStart: '2026-02-01', periodEnd: '2026-03-31', narrative: '校园欺凌集中在部分区。', recommendations: '加强护学岗。', audienceDepartmentIds: [await a.h.refId('Department', 'PSB-110105')] },
    });
    const report = created.data.createAnalysisReport;
    expect(report.__typename).toBe('AnalysisReport');
    expect(report.figures.tables.length).toBeGreaterThan(3);
    expect(report.csv).toContain('二至三月未成年人保护研判');
    expect(report.figures.tables.find((x: any) => x.id === 'category-by-district').rows.some((r: any) => r.count.display === '<5')).toBe(true);

    await q('analyst', STATS, { from: '2026-02-01', to: '2026-03-31', groupBy: ['CATEGORY', 'DISTRICT'] });
    await q('analyst', `{ hotspots(from: "2026-02-01", to: "2026-03-31") { hotspots { kind street subjectKind count { display } category { code } cases { id summary } suggestedDepartment { code } } } }`);
    await q('analyst', `{ departmentPerformance(fromMonth: "2026-02", toMonth: "2026-03") { rows { department { code } dispatched responseRate { value } } } }`);
    await q('analyst', `{ analysisReports(first: 10) { edges { node { title narrative csv figures { hotspots { label } } } } } }`);

    // Published to the police branch: its handler reads it, with nothing more.
    const pub = await q('analyst', `mutation($i: PublishAnalysisReportInput!) { publishAnalysisReport(input: $i) { __typename ... on AnalysisReport { status } ... on Error { code message } } }`, { i: { reportId: report.id } });
    expect(pub.data.publishAnalysisReport.status).toBe('PUBLISHED');
    const read = await q('police', `{ analysisReports(first: 10) { edges { node { title csv figures { tables { rows { labels count { display } } } } } } } }`);
    expect(read.data.analysisReports.edges).toHaveLength(1);

    const all = texts.join('\n');
    for (const p of PERSONAL) expect(all, p).not.toContain(p);
    // …and no case records: no case codes, and hotspot cases are withheld.
    expect(all).not.toMatch(/MP\d{8}-\d{4}/);
    const hs = JSON.parse(texts[2]!).data.hotspots.hotspots;
    expect(hs.length).toBeGreaterThan(0);
    expect(hs.every((h: any) => h.cases === null)).toBe(true);
  });

  it('refuses a narrative that carries a phone or an ID number', async () => {
    const r = await a.h.query('analyst', `mutation($i: CreateAnalysisReportInput!) { createAnalysisReport(input: $i) { __typename ... on Error { code field message } } }`, {
      i: { title: '测试', periodStart: '2026-03-01', periodEnd: '2026-03-31', narrative: '来电人电话 139 1234 5678，请联系' },
    });
    expect(r.data.createAnalysisReport).toMatchObject({ __typename: 'ValidationError', field: 'narrative' });
    const id = await a.h.query('analyst', `mutation($i: CreateAnalysisReportInput!) { createAnalysisReport(input: $i) { __typename ... on Error { code field } } }`, {
      i: { title: '测试', periodStart: '2026-03-01', periodEnd: '2026-03-31', recommendations: '身份证 11010520130101123X' },
    });
    expect(id.data.createAnalysisReport).toMatchObject({ __typename: 'ValidationError', field: 'recommendations' });
  });

  it('gives the desk the cases behind a hotspot', async () => {
    const r = await a.h.query('supervisor', `{ hotspots(from: "2026-03-01", to: "2026-03-31") { hotspots { kind count { value } cases { id } } } }`);
    const school = r.data.hotspots.hotspots.find((h: any) => h.kind === 'SCHOOL_CLUSTER');
    expect(school.cases.length).toBeGreaterThan(0);
    expect(school.count.value).toBeGreaterThan(0);
  });
});

describe('role limits over HTTP', () => {
  const ROOTS: Record<string, { query: string; allowed: string[] }> = {
    caseStats: { query: `{ caseStats(from: "2026-03-01", to: "2026-03-31") { total { display } } }`, allowed: ['analyst', 'supervisor', 'operator'] },
    hotspots: { query: `{ hotspots { asOf } }`, allowed: ['analyst', 'supervisor', 'operator'] },
    departmentPerformance: { query: `{ departmentPerformance(fromMonth: "2026-03") { formulaVersion } }`, allowed: ['analyst', 'supervisor', 'operator', 'police', 'education'] },
    analysisReports: { query: `{ analysisReports(first: 5) { totalCount } }`, allowed: ['analyst', 'supervisor', 'operator', 'police', 'education'] },
    createAnalysisReport: {
      query: `mutation { createAnalysisReport(input: { title: "权限测试", periodStart: "2026-03-01", periodEnd: "2026-03-02" }) { __typename } }`,
      allowed: ['analyst', 'supervisor'],
    },
    updateAnalysisReport: { query: `mutation { updateAnalysisReport(input: { reportId: "QW5hbHlzaXNSZXBvcnQ6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw" }) { __typename } }`, allowed: ['analyst', 'supervisor'] },
    publishAnalysisReport: { query: `mutation { publishAnalysisReport(input: { reportId: "QW5hbHlzaXNSZXBvcnQ6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw" }) { __typename } }`, allowed: ['analyst', 'supervisor'] },
  };
  const USERS = ['analyst', 'supervisor', 'operator', 'police', 'education', 'secretary', 'member1', 'chair', 'admin'];

  for (const [root, spec] of Object.entries(ROOTS)) {
    it(`${root}: ${spec.allowed.join(', ')} only`, async () => {
      for (const user of USERS) {
        const r = await a.h.query(user, spec.query);
        const code = r.errors?.[0]?.extensions?.code;
        if (spec.allowed.includes(user)) expect(code, `${root} as ${user}: ${r.text}`).toBeUndefined();
        else expect(code, `${root} as ${user}`).toBe('FORBIDDEN');
      }
      const anon = await t.gql(spec.query);
      expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  }

  it('a department handler reads only reports published to its department, never drafts', async () => {
    const police = await a.h.refId('Department', 'PSB-110105');
    const mk = async (title: string, audience: string[]) =>
      (await a.h.query('analyst', `mutation($i: CreateAnalysisReportInput!) { createAnalysisReport(input: $i) { ... on AnalysisReport { id version } } }`, {
        i: { title, periodStart: '2026-03-01', periodEnd: '2026-03-31', audienceDepartmentIds: audience },
      })).data.createAnalysisReport;
    const draft = await mk('草稿报告', [police]);
    const toEdu = await mk('教委报告', [await a.h.refId('Department', 'EDU-110108')]);
    await a.h.query('analyst', `mutation($i: PublishAnalysisReportInput!) { publishAnalysisReport(input: $i) { __typename } }`, { i: { reportId: toEdu.id } });
    const seen = (await a.h.query('police', `{ analysisReports(first: 20) { edges { node { id title status } } } }`)).data.analysisReports.edges.map((e: any) => e.node.title);
    expect(seen).not.toContain('草稿报告');
    expect(seen).not.toContain('教委报告');
    const node = await a.h.query('police', `query($id: ID!) { node(id: $id) { ... on AnalysisReport { title } } }`, { id: draft.id });
    expect(node.data?.node ?? null).toBeNull();
    const edu = (await a.h.query('education', `{ analysisReports(first: 20) { edges { node { title } } } }`)).data.analysisReports.edges.map((e: any) => e.node.title);
    expect(edu).toContain('教委报告');
    // The desk reads published reports, not drafts.
    const desk = (await a.h.query('operator', `{ analysisReports(first: 50) { edges { node { title status } } } }`)).data.analysisReports.edges.map((e: any) => e.node.status);
    expect(new Set(desk)).toEqual(new Set(['PUBLISHED']));
  });
});
