// GraphQL: caseStats, departmentPerformance, hotspots, analysis reports. Counts analysts see are
// `StatCount`s (a value or a suppression marker); nothing here carries personal data or case records,
// except `Hotspot.cases`, which only the desk gets.
import { z } from 'zod';
import { builder } from '../../builder.js';
import { CaseChannelEnum, CaseKindEnum, ProtectionDomainEnum, SubjectKindEnum, UrgencyEnum } from '../../graphql/enums.js';
import { decodeId } from '../../graphql/ids.js';
import type { Context } from '../../context.js';
import { DomainError } from '../../shared/errors.js';
import { visibleByIds } from '../../graphql/loaders.js';
import { CaseCategoryRef, DepartmentRef, DistrictRef } from '../departments/types.js';
import { CaseRef } from '../cases/types.js';
import { isDesk } from '../cases/access.js';
import { visibleCasesByIds } from '../cases/queries.js';
import { PERFORMANCE_READERS, REPORT_READERS, REPORT_WRITERS, STATS_READERS } from './access.js';
import { HOTSPOT_KINDS, hotspots, type Hotspot, type HotspotsResult } from './hotspots.js';
import { departmentPerformance, FORMULA_VERSION, FORMULAS, type DepartmentPerformanceResult, type DepartmentPerformanceRow, type Rate } from './performance.js';
import {
  createAnalysisReport, listAnalysisReports, publishAnalysisReport, reportAudience, updateAnalysisReport, visibleReportsByIds,
  type ReportFigures, type ReportHotspot, type ReportPerformanceRow, type ReportRow, type ReportScope, type ReportTable,
} from './reports.js';
import { EXPORT_FORMATS, reportCsv, reportExport, type ReportExport } from './export.js';
import { BUCKETS, caseStats, DIMENSIONS, rowKey, type CaseStatsResult, type StatsRow } from './stats.js';
import { shown, type StatCount } from './suppression.js';

const statsReaders = { anyRole: STATS_READERS } as const;
const performanceReaders = { anyRole: PERFORMANCE_READERS } as const;
const reportReaders = { anyRole: REPORT_READERS } as const;
const reportWriters = { anyRole: REPORT_WRITERS } as const;

const FRESHNESS = 'Received counts and department figures are rolled up in the same transaction as the write that changes them (current as of asOf); open and overdue counts are counted live.';

const StatsDimensionEnum = builder.enumType('StatsDimension', {
  description: 'A fixed breakdown. PARENT_CATEGORY rolls leaves up to their parent; DEPARTMENT counts dispatches received (measure DISPATCHES).',
  values: DIMENSIONS,
});
const TimeBucketEnum = builder.enumType('TimeBucket', { description: 'Beijing days; WEEK starts on Monday; MONTH on the 1st.', values: BUCKETS });
const StatsMeasureEnum = builder.enumType('StatsMeasure', {
  description: 'CASES: cases received. DISPATCHES: dispatches (派单) received by departments, used when breaking down or filtering by department.',
  values: ['CASES', 'DISPATCHES'] as const,
});
const HotspotKindEnum = builder.enumType('HotspotKind', { values: HOTSPOT_KINDS });
const AnalysisReportStatusEnum = builder.enumType('AnalysisReportStatus', { values: ['DRAFT', 'PUBLISHED'] as const });

export const StatCountRef = builder.objectRef<StatCount>('StatCount').implement({
  description: 'A count as your role may see it. Analysts and published reports see counts under 5 in breakdowns finer than district × month as "<5", and some further cells as "*" so that a "<5" cannot be worked out from row or column totals.',
  fields: (t) => ({
    value: t.int({ nullable: true, description: 'Null when suppressed.', resolve: (c) => c.value }),
    suppressed: t.exposeBoolean('suppressed'),
    display: t.exposeString('display', { description: 'The number, "<5", or "*".' }),
  }),
});

// caseStats ---------------------------------------------------------------------------------------
type RowShape = StatsRow & { result: CaseStatsResult };

const liveOf = async (r: RowShape) => (await r.result.live()).get(rowKey(r.period, r.result.groupBy, r.key));

const CaseStatsRowRef = builder.objectRef<RowShape>('CaseStatsRow').implement({
  description: 'One cell of the breakdown. Attributes not broken down by are null.',
  fields: (t) => ({
    period: t.field({ type: 'Date', nullable: true, description: 'First day of the bucket (Beijing).', resolve: (r) => r.period }),
    category: t.field({ type: CaseCategoryRef, nullable: true, resolve: (r) => r.key.CATEGORY ?? null }),
    parentCategory: t.field({ type: CaseCategoryRef, nullable: true, resolve: (r) => r.key.PARENT_CATEGORY ?? null }),
    district: t.field({ type: DistrictRef, nullable: true, description: 'Null also for cases without a district, when broken down by district.', resolve: (r) => r.key.DISTRICT ?? null }),
    domain: t.field({ type: ProtectionDomainEnum, nullable: true, resolve: (r) => (r.key.DOMAIN ?? null) as never }),
    urgency: t.field({ type: UrgencyEnum, nullable: true, resolve: (r) => (r.key.URGENCY ?? null) as never }),
    channel: t.field({ type: CaseChannelEnum, nullable: true, resolve: (r) => (r.key.CHANNEL ?? null) as never }),
    kind: t.field({ type: CaseKindEnum, nullable: true, resolve: (r) => (r.key.KIND ?? null) as never }),
    department: t.field({ type: DepartmentRef, nullable: true, resolve: (r) => r.key.DEPARTMENT ?? null }),
    received: t.field({ type: StatCountRef, description: 'Cases (or dispatches) received in the bucket: rolled up.', resolve: (r) => r.received }),
    open: t.field({ type: StatCountRef, description: 'Of those, open now: counted live.', resolve: async (r) => (await liveOf(r))?.open ?? shown(0) }),
    overdue: t.field({ type: StatCountRef, description: 'Of those, late now (a deadline passed): counted live.', resolve: async (r) => (await liveOf(r))?.overdue ?? shown(0) }),
  }),
});

const CaseStatsRef = builder.objectRef<CaseStatsResult>('CaseStats').implement({
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (s) => s.from }),
    to: t.field({ type: 'Date', resolve: (s) => s.to }),
    bucket: t.field({ type: TimeBucketEnum, resolve: (s) => s.bucket }),
    groupBy: t.field({ type: [StatsDimensionEnum], resolve: (s) => s.groupBy }),
    measure: t.field({ type: StatsMeasureEnum, resolve: (s) => s.measure }),
    suppressionApplied: t.exposeBoolean('suppressionApplied', { description: 'Small counts are hidden in this result.' }),
    asOf: t.expose('asOf', { type: 'DateTime' }),
    freshness: t.string({ resolve: () => FRESHNESS }),
    total: t.field({ type: StatCountRef, resolve: (s) => s.total }),
    rows: t.field({ type: [CaseStatsRowRef], resolve: (s) => s.rows.map((r) => ({ ...r, result: s })) }),
  }),
});

const CaseStatsFilterInput = builder.inputType('CaseStatsFilter', {
  fields: (t) => ({
    categoryId: t.id({ description: 'A leaf, or a parent (its leaves).' }),
    districtId: t.id(),
    domain: t.field({ type: ProtectionDomainEnum }),
    urgency: t.field({ type: UrgencyEnum }),
    channel: t.field({ type: CaseChannelEnum }),
    kind: t.field({ type: CaseKindEnum }),
    departmentId: t.id({ description: 'Dispatches received by this department (measure DISPATCHES).' }),
  }),
});

// departmentPerformance -----------------------------------------------------------------------------
const RateRef = builder.objectRef<Rate>('Rate').implement({
  description: 'numerator ÷ denominator, with the formula (versioned) that defines both.',
  fields: (t) => ({
    value: t.float({ nullable: true, description: '0..1; null when nothing was due.', resolve: (r) => r.value }),
    numerator: t.exposeInt('numerator'),
    denominator: t.exposeInt('denominator'),
    formula: t.exposeString('formula'),
  }),
});

const FormulaRef = builder.objectRef<{ name: string; text: string }>('PerformanceFormula').implement({
  fields: (t) => ({ name: t.exposeString('name'), text: t.exposeString('text') }),
});

const DepartmentPerformanceRowRef = builder.objectRef<DepartmentPerformanceRow>('DepartmentPerformanceRow').implement({
  fields: (t) => ({
    department: t.field({ type: DepartmentRef, resolve: (r) => r.departmentId }),
    dispatched: t.exposeInt('dispatched', { description: 'Dispatches received (lead and assist), by the month of dispatch.' }),
    leadDispatched: t.exposeInt('leadDispatched'),
    responseRate: t.field({ type: RateRef, description: '响应率.', resolve: (r) => r.responseRate }),
    resolutionRate: t.field({ type: RateRef, description: '解决率.', resolve: (r) => r.resolutionRate }),
    satisfactionRate: t.field({ type: RateRef, description: '满意率.', resolve: (r) => r.satisfactionRate }),
    onTimeReplyRate: t.field({ type: RateRef, resolve: (r) => r.onTimeReplyRate }),
    meanAcceptHours: t.float({ nullable: true, resolve: (r) => r.meanAcceptHours }),
    meanReplyHours: t.float({ nullable: true, resolve: (r) => r.meanReplyHours }),
    leadReplied: t.exposeInt('leadReplied'),
    rereported: t.exposeInt('rereported', { description: 'Lead replies whose child was reported again within 90 days.' }),
    excludedGuardianFollowUps: t.exposeInt('excludedGuardianFollowUps', { description: 'Follow-ups left out: a displeased guardian in a protection case.' }),
    pendingLate: t.exposeInt('pendingLate', { description: 'Live: still pending past accept-by, of the dispatches made in the period.' }),
    overdueNow: t.exposeInt('overdueNow', { description: FORMULAS.overdueNow }),
    score: t.float({ nullable: true, description: FORMULAS.score, resolve: (r) => r.score }),
    rank: t.int({ nullable: true, resolve: (r) => r.rank }),
    provisional: t.exposeBoolean('provisional', { description: 'Re-reports can still change it: less than 90 days since the period ended.' }),
    formulaVersion: t.string({ resolve: () => FORMULA_VERSION }),
  }),
});

const DepartmentPerformanceRef = builder.objectRef<DepartmentPerformanceResult>('DepartmentPerformance').implement({
  fields: (t) => ({
    fromMonth: t.exposeString('fromMonth', { description: 'YYYY-MM (Beijing).' }),
    toMonth: t.exposeString('toMonth'),
    formulaVersion: t.exposeString('formulaVersion'),
    formulas: t.field({ type: [FormulaRef], resolve: () => Object.entries(FORMULAS).map(([name, text]) => ({ name, text })) }),
    provisional: t.exposeBoolean('provisional'),
    finalFrom: t.field({ type: 'Date', description: 'The day the figures become final (90 days after the period ends).', resolve: (r) => r.finalFrom }),
    asOf: t.expose('asOf', { type: 'DateTime' }),
    freshness: t.string({ resolve: () => FRESHNESS }),
    rows: t.field({ type: [DepartmentPerformanceRowRef], resolve: (r) => r.rows }),
  }),
});

// hotspots -----------------------------------------------------------------------------------------
const HotspotRef = builder.objectRef<Hotspot>('Hotspot').implement({
  description: 'A cluster worth acting on before anyone has to call (未诉先办).',
  fields: (t) => ({
    kind: t.field({ type: HotspotKindEnum, resolve: (h) => h.kind }),
    category: t.field({ type: CaseCategoryRef, nullable: true, description: 'For a repeat subject: its most frequent category.', resolve: (h) => h.categoryId }),
    district: t.field({ type: DistrictRef, nullable: true, resolve: (h) => h.districtId }),
    street: t.string({ nullable: true, resolve: (h) => h.street }),
    subjectKind: t.field({ type: SubjectKindEnum, nullable: true, resolve: (h) => (h.subjectKind ?? null) as never }),
    count: t.field({ type: StatCountRef, description: 'Distinct reports (merge groups) in the period; invalid ones left out.', resolve: (h) => h.count }),
    trailingAverage: t.float({ nullable: true, description: 'RISING_CATEGORY: reports per period over the trailing periods.', resolve: (h) => h.trailingAverage }),
    suggestedDepartment: t.field({ type: DepartmentRef, nullable: true, description: "From the category's routing hints, the district's own branch first.", resolve: (h) => h.suggestedDepartmentId }),
    cases: t.field({
      type: [CaseRef],
      nullable: true,
      description: 'The cases behind the hotspot: for the desk only (null for roles that see no case records).',
      resolve: async (h, _a, ctx) => {
        if (!isDesk(ctx.viewer)) return null;
        const rows = await visibleCasesByIds(ctx, h.caseIds);
        const byId = new Map(rows.map((r) => [r.id, r]));
        return h.caseIds.map((id) => byId.get(id)).filter((r) => r !== undefined) as never;
      },
    }),
  }),
});

const HotspotsRef = builder.objectRef<HotspotsResult>('Hotspots').implement({
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (h) => h.from }),
    to: t.field({ type: 'Date', resolve: (h) => h.to }),
    minCases: t.exposeInt('minCases'),
    risingFactor: t.exposeFloat('risingFactor'),
    trailingPeriods: t.exposeInt('trailingPeriods'),
    suppressionApplied: t.exposeBoolean('suppressionApplied'),
    asOf: t.expose('asOf', { type: 'DateTime' }),
    hotspots: t.field({ type: [HotspotRef], resolve: (h) => h.hotspots }),
  }),
});

// Analysis reports ----------------------------------------------------------------------------------
const ReportTableRowRef = builder.objectRef<ReportTable['rows'][number]>('AnalysisReportTableRow').implement({
  fields: (t) => ({ labels: t.exposeStringList('labels'), count: t.field({ type: StatCountRef, resolve: (r) => r.count }) }),
});
const ReportTableRef = builder.objectRef<ReportTable>('AnalysisReportTable').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    title: t.exposeString('title'),
    columns: t.exposeStringList('columns'),
    rows: t.field({ type: [ReportTableRowRef], resolve: (r) => r.rows }),
    total: t.field({ type: StatCountRef, resolve: (r) => r.total }),
    suppressionApplied: t.exposeBoolean('suppressionApplied'),
  }),
});
const ReportPerformanceRowRef = builder.objectRef<ReportPerformanceRow>('AnalysisReportPerformanceRow').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    dispatched: t.exposeInt('dispatched'),
    responseRate: t.float({ nullable: true, resolve: (r) => r.responseRate }),
    resolutionRate: t.float({ nullable: true, resolve: (r) => r.resolutionRate }),
    satisfactionRate: t.float({ nullable: true, resolve: (r) => r.satisfactionRate }),
    onTimeReplyRate: t.float({ nullable: true, resolve: (r) => r.onTimeReplyRate }),
    meanAcceptHours: t.float({ nullable: true, resolve: (r) => r.meanAcceptHours }),
    meanReplyHours: t.float({ nullable: true, resolve: (r) => r.meanReplyHours }),
    rereported: t.exposeInt('rereported'),
    overdueNow: t.exposeInt('overdueNow'),
    rank: t.int({ nullable: true, resolve: (r) => r.rank }),
  }),
});
const ReportPerformanceRef = builder.objectRef<ReportFigures['performance']>('AnalysisReportPerformance').implement({
  fields: (t) => ({
    fromMonth: t.exposeString('fromMonth'),
    toMonth: t.exposeString('toMonth'),
    provisional: t.exposeBoolean('provisional'),
    finalFrom: t.field({ type: 'Date', resolve: (p) => p.finalFrom }),
    rows: t.field({ type: [ReportPerformanceRowRef], resolve: (p) => p.rows }),
  }),
});
const ReportHotspotRef = builder.objectRef<ReportHotspot>('AnalysisReportHotspot').implement({
  fields: (t) => ({
    kind: t.field({ type: HotspotKindEnum, resolve: (h) => h.kind as never }),
    label: t.exposeString('label'),
    count: t.field({ type: StatCountRef, resolve: (h) => h.count }),
    trailingAverage: t.float({ nullable: true, resolve: (h) => h.trailingAverage }),
    suggestedDepartment: t.string({ nullable: true, resolve: (h) => h.suggestedDepartment }),
  }),
});
const ReportFiguresRef = builder.objectRef<ReportFigures>('AnalysisReportFigures').implement({
  description: 'The snapshot taken for the report: counts suppressed as published, names of reference data, no case records.',
  fields: (t) => ({
    generatedAt: t.field({ type: 'DateTime', resolve: (f) => new Date(f.generatedAt) }),
    scopeLabel: t.exposeString('scopeLabel'),
    formulaVersion: t.exposeString('formulaVersion'),
    formulas: t.field({ type: [FormulaRef], resolve: (f) => f.formulas }),
    tables: t.field({ type: [ReportTableRef], resolve: (f) => f.tables }),
    performance: t.field({ type: ReportPerformanceRef, resolve: (f) => f.performance }),
    hotspots: t.field({ type: [ReportHotspotRef], resolve: (f) => f.hotspots }),
  }),
});

const ReportScopeRef = builder.objectRef<ReportScope>('AnalysisReportScope').implement({
  fields: (t) => ({
    district: t.field({ type: DistrictRef, nullable: true, resolve: (s) => s.districtId ?? null }),
    category: t.field({ type: CaseCategoryRef, nullable: true, resolve: (s) => s.categoryId ?? null }),
    domain: t.field({ type: ProtectionDomainEnum, nullable: true, resolve: (s) => (s.domain ?? null) as never }),
  }),
});

const ReportExportFormatEnum = builder.enumType('AnalysisReportExportFormat', {
  description: 'CSV: UTF-8 with a byte-order mark (Excel reads the Chinese). XLSX: a workbook, the narrative first, one sheet per table.',
  values: EXPORT_FORMATS,
});
const ReportExportRef = builder.objectRef<ReportExport>('AnalysisReportExport').implement({
  description: 'The report as a file to save: counts as published ("<5", "*"), no personal data.',
  fields: (t) => ({
    format: t.field({ type: ReportExportFormatEnum, resolve: (e) => e.format }),
    filename: t.exposeString('filename'),
    mimeType: t.exposeString('mimeType'),
    base64: t.exposeString('base64', { description: 'The file’s bytes, base64-encoded.' }),
  }),
});

export const AnalysisReportRef = builder.loadableNode('AnalysisReport', {
  description: '研判分析报告: a period’s figures snapshot, the narrative and recommendations, and the departments it is published to.',
  id: { resolve: (r: ReportRow) => r.id },
  load: async (ids: string[], ctx: Context) => {
    return visibleByIds(ids, 'AnalysisReport', async (valid) => {
      try {
        return await visibleReportsByIds(ctx, valid);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        return [];
      }
    });
  },
  fields: (t) => ({
    title: t.exposeString('title'),
    periodStart: t.expose('periodStart', { type: 'Date' }),
    periodEnd: t.expose('periodEnd', { type: 'Date' }),
    scope: t.field({ type: ReportScopeRef, resolve: (r) => r.scope as ReportScope }),
    status: t.field({ type: AnalysisReportStatusEnum, resolve: (r) => r.status as never }),
    narrative: t.exposeString('narrative'),
    recommendations: t.exposeString('recommendations'),
    figures: t.field({ type: ReportFiguresRef, resolve: (r) => r.figures as unknown as ReportFigures }),
    csv: t.string({ description: 'The report as CSV (UTF-8; add a BOM when saving for Excel).', resolve: (r) => reportCsv(r) }),
    export: t.field({
      type: ReportExportRef,
      description: 'The report as a CSV or XLSX file (same tables and suppression as `csv`).',
      args: { format: t.arg({ type: ReportExportFormatEnum, required: true }) },
      resolve: (r, { format }) => reportExport(r, format),
    }),
    audience: t.field({ type: [DepartmentRef], description: 'The departments it is (to be) published to.', resolve: (r, _a, ctx) => reportAudience(ctx, r.id) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

const AnalysisReportFilter = builder.inputType('AnalysisReportFilter', {
  fields: (t) => ({ status: t.field({ type: AnalysisReportStatusEnum }) }),
});

const ReportScopeInput = builder.inputType('AnalysisReportScopeInput', {
  fields: (t) => ({ districtId: t.id(), categoryId: t.id(), domain: t.field({ type: ProtectionDomainEnum }) }),
});
const CreateAnalysisReportInput = builder.inputType('CreateAnalysisReportInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    periodStart: t.field({ type: 'Date', required: true }),
    periodEnd: t.field({ type: 'Date', required: true }),
    scope: t.field({ type: ReportScopeInput }),
    narrative: t.string(),
    recommendations: t.string(),
    audienceDepartmentIds: t.idList(),
  }),
});
const UpdateAnalysisReportInput = builder.inputType('UpdateAnalysisReportInput', {
  fields: (t) => ({
    reportId: t.id({ required: true }),
    version: t.int({ description: 'The version you saw: a stale one is refused (StaleVersionError).' }),
    title: t.string(),
    narrative: t.string(),
    recommendations: t.string(),
    audienceDepartmentIds: t.idList(),
    refreshFigures: t.boolean({ description: 'Take the figures snapshot again (a draft only).' }),
  }),
});
const PublishAnalysisReportInput = builder.inputType('PublishAnalysisReportInput', {
  fields: (t) => ({
    reportId: t.id({ required: true }),
    version: t.int(),
    audienceDepartmentIds: t.idList({ description: 'Replaces the audience; at least one department must be named.' }),
  }),
});

const decodeDepartments = (ids: readonly (string | number)[] | null | undefined) =>
  ids ? ids.map((id) => decodeId(String(id), 'Department', 'audienceDepartmentIds')!) : undefined;
const reportId = (id: string | number) => decodeId(String(id), 'AnalysisReport', 'reportId')!;

builder.queryFields((t) => ({
  caseStats: t.field({
    type: CaseStatsRef,
    description: 'Counts over a Beijing period (inclusive days), filtered and broken down; analysts see small counts suppressed in fine breakdowns.',
    authScopes: statsReaders,
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      groupBy: t.arg({ type: [StatsDimensionEnum] }),
      bucket: t.arg({ type: TimeBucketEnum, defaultValue: 'NONE' }),
      filter: t.arg({ type: CaseStatsFilterInput }),
    },
    resolve: (_r, args, ctx) => {
      const f = args.filter ?? {};
      return caseStats(ctx, {
        from: args.from, to: args.to, groupBy: args.groupBy ?? [], bucket: args.bucket ?? 'NONE',
        filter: {
          ...f,
          categoryId: decodeId(f.categoryId, 'CaseCategory', 'categoryId'),
          districtId: decodeId(f.districtId, 'District', 'districtId'),
          departmentId: decodeId(f.departmentId, 'Department', 'departmentId'),
        } as never,
      });
    },
  }),
  departmentPerformance: t.field({
    type: DepartmentPerformanceRef,
    description: 'Per department over Beijing months: response, resolution and satisfaction rates (formulas versioned, beside the figures), mean times, overdue now, rank. A department handler sees its own.',
    authScopes: performanceReaders,
    args: {
      fromMonth: t.arg.string({ required: true, description: 'YYYY-MM', validate: z.string().max(7) }),
      toMonth: t.arg.string({ description: 'YYYY-MM; default fromMonth', validate: z.string().max(7) }),
      departmentId: t.arg.id(),
    },
    resolve: (_r, args, ctx) =>
      departmentPerformance(ctx, { fromMonth: args.fromMonth, toMonth: args.toMonth, departmentId: decodeId(args.departmentId, 'Department', 'departmentId') }),
  }),
  hotspots: t.field({
    type: HotspotsRef,
    description: 'Clusters worth a report: same category in one street or school, repeat subjects, rising categories. Default: the last 30 Beijing days.',
    authScopes: statsReaders,
    args: {
      from: t.arg({ type: 'Date' }),
      to: t.arg({ type: 'Date' }),
      minCases: t.arg.int(),
      risingFactor: t.arg.float(),
      trailingPeriods: t.arg.int(),
      districtId: t.arg.id(),
      categoryId: t.arg.id(),
    },
    resolve: (_r, args, ctx) =>
      hotspots(ctx, {
        ...args,
        districtId: decodeId(args.districtId, 'District', 'districtId'),
        categoryId: decodeId(args.categoryId, 'CaseCategory', 'categoryId'),
      }),
  }),
  analysisReports: t.connection({
    type: AnalysisReportRef,
    description: 'Reports: analysts and supervisors see all, the desk published ones, a department those published to it.',
    authScopes: reportReaders,
    args: { filter: t.arg({ type: AnalysisReportFilter }) },
    resolve: (_r, args, ctx) => listAnalysisReports(ctx, { status: args.filter?.status ?? null }, args),
  }),
}));

builder.mutationFields((t) => ({
  createAnalysisReport: t.field({
    type: AnalysisReportRef,
    authScopes: reportWriters,
    errors: {},
    args: { input: t.arg({ type: CreateAnalysisReportInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      createAnalysisReport(ctx, {
        ...input,
        narrative: input.narrative ?? undefined,
        recommendations: input.recommendations ?? undefined,
        scope: input.scope
          ? {
              districtId: decodeId(input.scope.districtId, 'District', 'scope.districtId'),
              categoryId: decodeId(input.scope.categoryId, 'CaseCategory', 'scope.categoryId'),
              domain: input.scope.domain ?? null,
            }
          : undefined,
        audienceDepartmentIds: decodeDepartments(input.audienceDepartmentIds),
      }),
  }),
  updateAnalysisReport: t.field({
    type: AnalysisReportRef,
    authScopes: reportWriters,
    errors: {},
    args: { input: t.arg({ type: UpdateAnalysisReportInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      updateAnalysisReport(ctx, { ...input, reportId: reportId(input.reportId), audienceDepartmentIds: decodeDepartments(input.audienceDepartmentIds), refreshFigures: input.refreshFigures ?? false }),
  }),
  publishAnalysisReport: t.field({
    type: AnalysisReportRef,
    authScopes: reportWriters,
    errors: {},
    args: { input: t.arg({ type: PublishAnalysisReportInput, required: true }) },
    resolve: (_r, { input }, ctx) => publishAnalysisReport(ctx, { ...input, reportId: reportId(input.reportId), audienceDepartmentIds: decodeDepartments(input.audienceDepartmentIds) }),
  }),
}));
