import { z } from 'zod';
import type { ComplaintCategory, LoadCycleFigures, RecordedQcFailureReason } from '@pourline/domain';
import { IsoDate, Uuid } from './common';

/** The longest span one report covers: a year of days. */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;
const rangeRules = <T extends { from: string; to: string }>(range: T) =>
  range.from <= range.to && (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS < MAX_REPORT_DAYS;
const RANGE_MESSAGE = `from is on or before to, and the span at most ${MAX_REPORT_DAYS} days`;

/** Calendar days, both included; a day is the plant's own day. */
export const ReportRangeQuery = z
  .strictObject({ from: IsoDate, to: IsoDate, plantId: Uuid.optional() })
  .refine(rangeRules, RANGE_MESSAGE);
export type ReportRangeQuery = z.infer<typeof ReportRangeQuery>;

export const QC_GROUPINGS = ['mix', 'plant', 'inspector'] as const;
export type QcGrouping = (typeof QC_GROUPINGS)[number];
export const QcPassRateQuery = z
  .strictObject({ from: IsoDate, to: IsoDate, plantId: Uuid.optional(), by: z.enum(QC_GROUPINGS).default('mix') })
  .refine(rangeRules, RANGE_MESSAGE);
export type QcPassRateQuery = z.infer<typeof QcPassRateQuery>;

export interface PourRejectionDto {
  ticketNumber: string;
  volumeM3: number;
  at: string;
  reasons: RecordedQcFailureReason[];
}

export interface PourReportDto {
  pourId: string;
  structuralElement: string;
  projectName: string;
  plantName: string;
  scheduledStart: string;
  plannedM3: number;
  deliveredM3: number;
  rejectedM3: number;
  loads: number;
  rejectedLoads: number;
  firstArrivalLateMinutes: number | null;
  pumpIdleMinutes: number;
  punctualSharePercent: number | null;
  meanCycleMinutes: number | null;
  cycles: LoadCycleFigures[];
  rejections: PourRejectionDto[];
}

export interface ProductionDayDto {
  day: string;
  plantId: string;
  plantName: string;
  loads: number;
  deliveredM3: number;
  rejectedM3: number;
}

export interface QcPassRateDto {
  key: string;
  label: string;
  tests: number;
  passed: number;
  passRatePercent: number;
}

export interface ComplaintStatsDto {
  category: ComplaintCategory;
  received: number;
  open: number;
  closed: number;
  resolved: number;
  meanMinutesToResolve: number | null;
  maxMinutesToResolve: number | null;
}
