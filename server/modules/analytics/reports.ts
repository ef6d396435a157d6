// Analysis reports (研判分析报告): a snapshot of the figures for a period and scope — suppressed as
// published, whoever creates it —, the analyst's narrative and recommendations, published to named
// departments. Figures are computed before the transaction opens (the embedded database has one
// connection) and never recomputed after publication. Every write: one transaction, one audit event.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { analysisReportAudiences, analysisReports, caseCategories, departments, districts } from '../../../schema/index.js';
import { PROTECTION_DOMAINS } from '../../../schema/enums.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db.js';
import { ForbiddenError, InvalidTransitionError, NotFoundError, StaleVersionError, ValidationError } from '../../shared/errors.js';
import { keysetPage, type PageArgs } from '../../shared/pagination.js';
import { parseInput } from '../../shared/validate.js';
import { recordAudit } from '../audit/service.js';
import type { Viewer } from '../auth/viewer.js';
import { isHandler, viewerDepartments } from '../cases/access.js';
import { readsAllReports, REPORT_READERS, requireReportWriter } from './access.js';
import { hasRole } from '../auth/viewer.js';
import { hotspots } from './hotspots.js';
import { checkPeriod, monthOf } from './period.js';
import { departmentPerformance, FORMULA_VERSION, FORMULAS } from './performance.js';
import { caseStats, type Dimension } from './stats.js';
import type { StatCount } from './suppression.js';

export type ReportRow = typeof analysisReports.$inferSelect;

export interface ReportScope {
  districtId?: string | null;
  categoryId?: string | null;
  domain?: (typeof PROTECTION_DOMAINS)[number] | null;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  rows: { labels: string[]; count: StatCount }[];
  total: StatCount;
  suppressionApplied: boolean;
}

export interface ReportPerformanceRow {
  code: string;
  name: string;
  dispatched: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeReplyRate: number | null;
  meanAcceptHours: number | null;
  meanReplyHours: number | null;
  rereported: number;
  overdueNow: number;
  rank: number | null;
}

export interface ReportHotspot {
  kind: string;
  label: string;
  count: StatCount;
  trailingAverage: number | null;
  suggestedDepartment: string | null;
}

/** What a report shows: counts as published (suppressed), names of reference data, no case record. */
export interface ReportFigures {
  schema: 1;
  generatedAt: string;
  scopeLabel: string;
  formulaVersion: string;
  formulas: { name: string; text: string }[];
  tables: ReportTable[];
  performance: { fromMonth: string; toMonth: string; provisional: boolean; finalFrom: string; rows: ReportPerformanceRow[] };
  hotspots: ReportHotspot[];
}

/** A viewer that sees what a published report may show: an analyst's view, nothing more. */
function publicationContext(ctx: ServiceContext): ServiceContext {
  const viewer: Viewer = { ...ctx.viewer, roles: new Set(['ANALYST']), departmentId: null };
  return { ...ctx, viewer };
}

const TABLES: { id: string; title: string; groupBy: Dimension[]; bucket: 'NONE' | 'MONTH' }[] = [
  { id: 'parent-category-by-month', title: '类别（大类）× 月', groupBy: ['PARENT_CATEGORY'], bucket: 'MONTH' },
  { id: 'district-by-month', title: '区 × 月', groupBy: ['DISTRICT'], bucket: 'MONTH' },
  { id: 'category-by-district', title: '类别 × 区', groupBy: ['CATEGORY', 'DISTRICT'], bucket: 'NONE' },
  { id: 'domain', title: '保护领域', groupBy: ['DOMAIN'], bucket: 'NONE' },
  { id: 'channel', title: '来源渠道', groupBy: ['CHANNEL'], bucket: 'NONE' },
  { id: 'urgency', title: '紧急程度', groupBy: ['URGENCY'], bucket: 'NONE' },
];

const DIMENSION_LABEL: Record<Dimension, string> = {
  CATEGORY: '类别', PARENT_CATEGORY: '大类', DOMAIN: '保护领域', DISTRICT: '区', URGENCY: '紧急程度', CHANNEL: '渠道', KIND: '类型', DEPARTMENT: '部门',
};

async function labels(ctx: ServiceContext) {
  const [cats, dists, deps] = await Promise.all([
    ctx.db.select({ id: caseCategories.id, nameZh: caseCategories.nameZh, code: caseCategories.code }).from(caseCategories),
    ctx.db.select({ id: districts.id, nameZh: districts.nameZh }).from(districts),
    ctx.db.select({ id: departments.id, nameZh: departments.nameZh, code: departments.code }).from(departments),
  ]);
  const category = new Map(cats.map((c) => [c.id, c.nameZh]));
  const district = new Map(dists.map((d) => [d.id, d.nameZh]));
  const department = new Map(deps.map((d) => [d.id, d.nameZh]));
  return {
    of(dim: Dimension, value: string | null | undefined): string {
      if (value == null) return dim === 'DISTRICT' ? '（未填区）' : '—';
      if (dim === 'CATEGORY' || dim === 'PARENT_CATEGORY') return category.get(value) ?? value;
      if (dim === 'DISTRICT') return district.get(value) ?? value;
      if (dim === 'DEPARTMENT') return department.get(value) ?? value;
      return value;
    },
    category: (id: string | null) => (id ? (category.get(id) ?? id) : '—'),
    district: (id: string | null) => (id ? (district.get(id) ?? id) : '（未填区）'),
    department: (id: string | null) => (id ? (department.get(id) ?? null) : null),
  };
}

const HOTSPOT_LABEL: Record<string, string> = { STREET_CLUSTER: '同一街道同类诉求', SCHOOL_CLUSTER: '同一学校同类诉求', REPEAT_SUBJECT: '同一对象反复被反映', RISING_CATEGORY: '类别诉求上升' };

/** The figures of a period and scope, as they will be published. */
export async function snapshotFigures(ctx: ServiceContext, period: { from: string; to: string }, scope: ReportScope): Promise<ReportFigures> {
  const pub = publicationContext(ctx);
  const name = await labels(ctx);
  const filter = { districtId: scope.districtId ?? null, categoryId: scope.categoryId ?? null, domain: scope.domain ?? null };
  const tables: ReportTable[] = [];
  for (const t of TABLES) {
    const r = await caseStats(pub, { from: period.from, to: period.to, groupBy: t.groupBy, bucket: t.bucket, filter });
    tables.push({
      id: t.id,
      title: t.title,
      columns: [...(t.bucket === 'MONTH' ? ['月份'] : []), ...t.groupBy.map((d) => DIMENSION_LABEL[d]), '受理量'],
      rows: r.rows.map((row) => ({
        labels: [...(t.bucket === 'MONTH' ? [row.period!.slice(0, 7)] : []), ...t.groupBy.map((d) => name.of(d, row.key[d]))],
        count: row.received,
      })),
      total: r.total,
      suppressionApplied: r.suppressionApplied,
    });
  }
  const perf = await departmentPerformance(pub, { fromMonth: monthOf(period.from).slice(0, 7), toMonth: monthOf(period.to).slice(0, 7) });
  const hs = await hotspots(pub, { from: period.from, to: period.to, districtId: filter.districtId, categoryId: filter.categoryId });
  const scopeLabel = [
    scope.districtId ? name.district(scope.districtId) : '全市',
    scope.categoryId ? name.category(scope.categoryId) : '全部类别',
    scope.domain ?? '全部保护领域',
  ].join(' / ');
  return {
    schema: 1,
    generatedAt: ctx.clock.now().toISOString(),
    scopeLabel,
    formulaVersion: FORMULA_VERSION,
    formulas: Object.entries(FORMULAS).map(([n, text]) => ({ name: n, text })),
    tables,
    performance: {
      fromMonth: perf.fromMonth,
      toMonth: perf.toMonth,
      provisional: perf.provisional,
      finalFrom: perf.finalFrom,
      rows: perf.rows.map((r) => ({
        code: r.departmentCode, name: r.departmentNameZh, dispatched: r.dispatched,
        responseRate: r.responseRate.value, resolutionRate: r.resolutionRate.value, satisfactionRate: r.satisfactionRate.value,
        onTimeReplyRate: r.onTimeReplyRate.value, meanAcceptHours: r.meanAcceptHours, meanReplyHours: r.meanReplyHours,
        rereported: r.rereported, overdueNow: r.overdueNow, rank: r.rank,
      })),
    },
    hotspots: hs.hotspots.map((h) => ({
      kind: h.kind,
      label: [HOTSPOT_LABEL[h.kind], name.category(h.categoryId), h.districtId ? name.district(h.districtId) : null, h.street].filter(Boolean).join(' · '),
      count: h.count,
      trailingAverage: h.trailingAverage,
      suggestedDepartment: name.department(h.suggestedDepartmentId),
    })),
  };
}

// Personal data has no place in a report: refuse what looks like a phone or an ID number.
const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/;
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const free = (max: number) =>
  z.string().trim().max(max).refine((s) => !PHONE.test(s) && !ID_NUMBER.test(s), 'Remove personal data (a phone or ID number) from the report');

const scopeInput = z.object({
  districtId: z.string().uuid().nullish(),
  categoryId: z.string().uuid().nullish(),
  domain: z.enum(PROTECTION_DOMAINS).nullish(),
}).default({});

const createInput = z.object({
  title: free(200).pipe(z.string().min(2, 'A title is required')),
  periodStart: z.string(),
  periodEnd: z.string(),
  scope: scopeInput,
  narrative: free(20_000).default(''),
  recommendations: free(20_000).default(''),
  audienceDepartmentIds: z.array(z.string().uuid()).max(100).default([]),
});

async function checkDepartments(ctx: ServiceContext, ids: string[]) {
  if (!ids.length) return;
  const rows = await ctx.db.select({ id: departments.id, active: departments.active }).from(departments).where(inArray(departments.id, ids));
  if (rows.length !== new Set(ids).size || rows.some((r) => !r.active)) throw new NotFoundError('Active department', 'audienceDepartmentIds');
}

async function checkScope(ctx: ServiceContext, scope: ReportScope) {
  if (scope.districtId && !(await ctx.db.select({ id: districts.id }).from(districts).where(eq(districts.id, scope.districtId))).length) throw new NotFoundError('District', 'scope.districtId');
  if (scope.categoryId && !(await ctx.db.select({ id: caseCategories.id }).from(caseCategories).where(eq(caseCategories.id, scope.categoryId))).length) throw new NotFoundError('Case category', 'scope.categoryId');
}

export async function createAnalysisReport(ctx: ServiceContext, raw: z.input<typeof createInput>) {
  requireReportWriter(ctx.viewer);
  const input = parseInput(createInput, raw);
  const period = checkPeriod(input.periodStart, input.periodEnd, 366, ['periodStart', 'periodEnd']);
  await checkScope(ctx, input.scope);
  const audience = [...new Set(input.audienceDepartmentIds)];
  await checkDepartments(ctx, audience);
  const figures = await snapshotFigures(ctx, period, input.scope);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(analysisReports)
      .values({
        title: input.title, periodStart: period.from, periodEnd: period.to, scope: input.scope as Record<string, unknown>,
        figures: figures as unknown as Record<string, unknown>, narrative: input.narrative, recommendations: input.recommendations,
        status: 'DRAFT', createdById: ctx.viewer.kind === 'user' ? ctx.viewer.id : null, createdAt: now, updatedAt: now,
      })
      .returning();
    if (audience.length) await tx.insert(analysisReportAudiences).values(audience.map((departmentId) => ({ reportId: row!.id, departmentId })));
    await recordAudit(tx, ctx, {
      action: 'analysis_report.create', entity: 'AnalysisReport', entityId: row!.id,
      fields: ['title', 'period', 'scope', 'figures', 'narrative', 'recommendations', 'audience'],
      detail: { periodStart: period.from, periodEnd: period.to, audience: audience.length },
    });
    return row!;
  });
}

const updateInput = z.object({
  reportId: z.string().uuid(),
  version: z.number().int().nullish(),
  title: free(200).pipe(z.string().min(2)).nullish(),
  narrative: free(20_000).nullish(),
  recommendations: free(20_000).nullish(),
  audienceDepartmentIds: z.array(z.string().uuid()).max(100).nullish(),
  /** Take the snapshot again (a draft only). */
  refreshFigures: z.boolean().default(false),
});

async function lockDraft(tx: Tx, id: string, version: number | null | undefined, action: string) {
  const [row] = await tx.select().from(analysisReports).where(eq(analysisReports.id, id)).for('update');
  if (!row) throw new NotFoundError('Analysis report', 'reportId');
  if (version != null && version !== row.version) throw new StaleVersionError('AnalysisReport', row.version);
  if (row.status !== 'DRAFT') throw new InvalidTransitionError('AnalysisReport', action, row.status);
  return row;
}

export async function updateAnalysisReport(ctx: ServiceContext, raw: z.input<typeof updateInput>) {
  requireReportWriter(ctx.viewer);
  const input = parseInput(updateInput, raw);
  const audience = input.audienceDepartmentIds ? [...new Set(input.audienceDepartmentIds)] : null;
  if (audience) await checkDepartments(ctx, audience);
  let figures: ReportFigures | null = null;
  if (input.refreshFigures) {
    const [current] = await ctx.db.select().from(analysisReports).where(eq(analysisReports.id, input.reportId));
    if (!current) throw new NotFoundError('Analysis report', 'reportId');
    figures = await snapshotFigures(ctx, { from: current.periodStart, to: current.periodEnd }, current.scope as ReportScope);
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockDraft(tx, input.reportId, input.version, 'update');
    const patch: Partial<typeof analysisReports.$inferInsert> = {};
    if (input.title != null) patch.title = input.title;
    if (input.narrative != null) patch.narrative = input.narrative;
    if (input.recommendations != null) patch.recommendations = input.recommendations;
    if (figures) patch.figures = figures as unknown as Record<string, unknown>;
    const [updated] = await tx
      .update(analysisReports)
      .set({ ...patch, version: sql`${analysisReports.version} + 1`, updatedAt: now })
      .where(eq(analysisReports.id, row.id))
      .returning();
    if (audience) {
      await tx.delete(analysisReportAudiences).where(eq(analysisReportAudiences.reportId, row.id));
      if (audience.length) await tx.insert(analysisReportAudiences).values(audience.map((departmentId) => ({ reportId: row.id, departmentId })));
    }
    await recordAudit(tx, ctx, {
      action: 'analysis_report.update', entity: 'AnalysisReport', entityId: row.id,
      fields: [...Object.keys(patch), ...(audience ? ['audience'] : [])],
      detail: { refreshedFigures: !!figures, audience: audience?.length ?? null },
    });
    return updated!;
  });
}

const publishInput = z.object({
  reportId: z.string().uuid(),
  version: z.number().int().nullish(),
  audienceDepartmentIds: z.array(z.string().uuid()).max(100).nullish(),
});

/** DRAFT → PUBLISHED: visible to the named departments from now on, figures frozen. */
export async function publishAnalysisReport(ctx: ServiceContext, raw: z.input<typeof publishInput>) {
  requireReportWriter(ctx.viewer);
  const input = parseInput(publishInput, raw);
  const audience = input.audienceDepartmentIds ? [...new Set(input.audienceDepartmentIds)] : null;
  if (audience) await checkDepartments(ctx, audience);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockDraft(tx, input.reportId, input.version, 'publish');
    if (audience) {
      await tx.delete(analysisReportAudiences).where(eq(analysisReportAudiences.reportId, row.id));
      if (audience.length) await tx.insert(analysisReportAudiences).values(audience.map((departmentId) => ({ reportId: row.id, departmentId })));
    }
    const named = await tx.select({ code: departments.code }).from(analysisReportAudiences)
      .innerJoin(departments, eq(departments.id, analysisReportAudiences.departmentId))
      .where(eq(analysisReportAudiences.reportId, row.id));
    if (!named.length) throw new ValidationError('Name at least one department to publish to', 'audienceDepartmentIds');
    const [updated] = await tx
      .update(analysisReports)
      .set({ status: 'PUBLISHED', publishedAt: now, publishedById: ctx.viewer.kind === 'user' ? ctx.viewer.id : null, version: sql`${analysisReports.version} + 1`, updatedAt: now })
      .where(eq(analysisReports.id, row.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'analysis_report.publish', entity: 'AnalysisReport', entityId: row.id,
      fields: ['status', 'publishedAt', ...(audience ? ['audience'] : [])],
      detail: { from: 'DRAFT', to: 'PUBLISHED', audience: named.map((d) => d.code).sort() },
    });
    return updated!;
  });
}

/** Which reports the viewer may read, as SQL on analysis_reports. */
async function reportVisibility(ctx: ServiceContext): Promise<SQL | undefined> {
  if (readsAllReports(ctx.viewer)) return undefined;
  if (!hasRole(ctx.viewer, ...REPORT_READERS)) throw new ForbiddenError('Analysis reports are for analysts, the desk and the departments they are published to');
  const published = eq(analysisReports.status, 'PUBLISHED');
  if (hasRole(ctx.viewer, 'OPERATOR')) return published;
  if (isHandler(ctx.viewer)) {
    const depts = await viewerDepartments(ctx);
    return and(published, sql`exists (select 1 from ${analysisReportAudiences} where ${analysisReportAudiences.reportId} = ${analysisReports.id}
      and ${inArray(analysisReportAudiences.departmentId, depts)})`);
  }
  throw new ForbiddenError('Analysis reports are for analysts, the desk and the departments they are published to');
}

export async function listAnalysisReports(ctx: ServiceContext, filter: { status?: 'DRAFT' | 'PUBLISHED' | null }, page: PageArgs) {
  const where = and(await reportVisibility(ctx), filter.status ? eq(analysisReports.status, filter.status) : undefined);
  return keysetPage<ReportRow>(page, {
    keys: [{ expr: analysisReports.createdAt, cast: 'timestamptz', value: (r) => r.createdAt }, { expr: analysisReports.id, cast: 'uuid', value: (r) => r.id }],
    direction: 'desc',
    fetch: (cursor, orderBy, limit) => ctx.db.select().from(analysisReports).where(and(where, cursor)).orderBy(...orderBy).limit(limit),
    count: () => ctx.db.$count(analysisReports, where),
  });
}

export async function visibleReportsByIds(ctx: ServiceContext, ids: string[]) {
  if (!ids.length) return [];
  return ctx.db.select().from(analysisReports).where(and(inArray(analysisReports.id, ids), await reportVisibility(ctx))).orderBy(desc(analysisReports.createdAt));
}

export async function reportAudience(ctx: ServiceContext, reportId: string) {
  return ctx.db.select({ id: departments.id }).from(analysisReportAudiences)
    .innerJoin(departments, eq(departments.id, analysisReportAudiences.departmentId))
    .where(eq(analysisReportAudiences.reportId, reportId))
    .orderBy(departments.code)
    .then((rows) => rows.map((r) => r.id));
}
