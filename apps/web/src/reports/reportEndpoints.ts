import type { ComplaintStatsDto, ProductionDayDto, QcGrouping, QcPassRateDto } from '@pourline/contracts';
import type { ApiClient } from '../api/apiClient';
import { saveFile } from '../api/saveFile';

export interface ReportRange {
  from: string;
  to: string;
  plantId: string;
}

const query = (range: ReportRange) => ({ from: range.from, to: range.to, plantId: range.plantId || undefined });

export const getProduction = (api: ApiClient, range: ReportRange, signal?: AbortSignal) =>
  api.get<ProductionDayDto[]>('/reports/production', { query: query(range), signal });

export const getQcPassRates = (api: ApiClient, range: ReportRange, by: QcGrouping, signal?: AbortSignal) =>
  api.get<QcPassRateDto[]>('/reports/qc-pass-rates', { query: { ...query(range), by }, signal });

export const getComplaintStats = (api: ApiClient, range: ReportRange, signal?: AbortSignal) =>
  api.get<ComplaintStatsDto[]>('/reports/complaints', { query: query(range), signal });

/** The same table as CSV: the path with .csv and the same query. */
export const saveReportCsv = (
  api: ApiClient,
  report: 'production' | 'qc-pass-rates' | 'complaints',
  range: ReportRange,
  extra: Record<string, string> = {},
) => saveFile(api, `/reports/${report}.csv`, `${report}-${range.from}-${range.to}.csv`, { ...query(range), ...extra });
