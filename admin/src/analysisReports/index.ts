import { lazy } from 'react';
import ReportIcon from '@mui/icons-material/Assessment';

/** Analysis reports (研判分析报告): written by analysts, published to departments; plus a printable page. */
export const analysisReports = {
  list: lazy(() => import('./AnalysisReportList')),
  show: lazy(() => import('./AnalysisReportShow')),
  create: lazy(() => import('./AnalysisReportCreate')),
  edit: lazy(() => import('./AnalysisReportEdit')),
  icon: ReportIcon,
  recordRepresentation: (record: { title?: string }) => record.title ?? '',
};

export const AnalysisReportPrint = lazy(() => import('./AnalysisReportPrint'));
