// The shape of an analysis report as the panel reads it (resources.ts REPORT_DETAIL).

export interface StatCount {
  value: number | null;
  display: string;
  suppressed: boolean;
}

export interface NamedRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface ReportTable {
  id: string;
  title: string;
  columns: string[];
  suppressionApplied: boolean;
  total: StatCount;
  rows: { labels: string[]; count: StatCount }[];
}

export interface PerformanceRow {
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

export interface Report {
  id: string;
  title: string;
  status: 'DRAFT' | 'PUBLISHED';
  periodStart: string;
  periodEnd: string;
  createdAt: string;
  publishedAt: string | null;
  version: number;
  scope: { district: NamedRef | null; category: NamedRef | null; domain: string | null };
  audience: NamedRef[];
  narrative?: string;
  recommendations?: string;
  figures?: {
    generatedAt: string;
    scopeLabel: string;
    formulaVersion: string;
    formulas: { name: string; text: string }[];
    tables: ReportTable[];
    performance: { fromMonth: string; toMonth: string; provisional: boolean; finalFrom: string; rows: PerformanceRow[] };
    hotspots: { kind: string; label: string; count: StatCount; trailingAverage: number | null; suggestedDepartment: string | null }[];
  };
}

/** A page that needs the report's figures waits for the detail selection (lists carry less). */
export const hasDetail = (r: Report | undefined): r is Report & Required<Pick<Report, 'figures' | 'narrative' | 'recommendations'>> => !!r?.figures;
