import { z } from 'zod';
import type { ProductionControlFigures, StrengthEvaluation, StrengthMethod, StrengthRatioFit } from '@pourline/domain';
import { IsoDate, plainText, Uuid } from './common';

const PourIds = z
  .array(Uuid)
  .min(1, 'name at least one pour')
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, {
    message: 'a pour is named twice',
    params: { rule: 'named_twice' },
  });

/**
 * An inspection lot (GB/T 50107 4.1): sets of one strength grade, one mix
 * design, one plant and one age, from the pours of one project the lot names.
 */
export const CreateInspectionLotRequest = z.strictObject({
  name: plainText(200, 'give the lot a name, e.g. "B1 raft and walls"'),
  pourIds: PourIds,
});
export type CreateInspectionLotRequest = z.infer<typeof CreateInspectionLotRequest>;

export const AddLotPoursRequest = z.strictObject({ pourIds: PourIds });
export type AddLotPoursRequest = z.infer<typeof AddLotPoursRequest>;

export const InspectionLotQuery = z.strictObject({
  projectId: Uuid.optional(),
  plantId: Uuid.optional(),
});
export type InspectionLotQuery = z.infer<typeof InspectionLotQuery>;

/** Lots are judged at 28 days, the age acceptance results are recorded at. */
export const LOT_AGE_DAYS = 28;

export interface LotSetDto {
  setId: string;
  label: string;
  pourId: string;
  structuralElement: string;
  ticketNumber: string;
  madeAt: string;
  cubeSizeMm: number;
  strength7dMpa: number | null;
  strength28dMpa: number | null;
  /** 28-day results are in but the set stands for nothing (GB/T 50107 4.3.1). */
  void28d: boolean;
  /** Foretold from the 7-day value while the 28-day one is awaited. */
  predicted28dMpa: number | null;
}

/** σ0 from the plant's previous period of the grade, or why it is unknown. */
export interface Sigma0RecordDto {
  known: boolean;
  sigma0Mpa: number | null;
  sets: number;
  periodDays: number;
  reason: 'too_few_sets' | 'period_too_short' | null;
}

export interface StrengthVerdictDto {
  id: string;
  judgedAt: string;
  method: StrengthMethod;
  methodVersion: string;
  pass: boolean;
  evaluation: StrengthEvaluation;
  /** The plant's record the method was chosen by. */
  record: Sigma0RecordDto;
  /** The set values judged, in the order they were made. */
  setValues: { setId: string; label: string; strengthMpa: number }[];
}

export interface LotForecastDto {
  fit: StrengthRatioFit | null;
  actualSets: number;
  predictedSets: number;
  pendingSets: number;
  projected: StrengthEvaluation | null;
  headingBelowAcceptance: boolean;
}

export interface InspectionLotDto {
  id: string;
  name: string;
  projectId: string;
  projectName: string;
  plantId: string;
  plantCode: string;
  mixId: string;
  mixCode: string;
  strengthGrade: string;
  ageDays: number;
  createdAt: string;
  createdBy: string;
  pours: { id: string; structuralElement: string; scheduledStart: string }[];
  sets: LotSetDto[];
  record: Sigma0RecordDto;
  /** The latest stored verdict on the 28-day values; null before the first. */
  verdict: StrengthVerdictDto | null;
  forecast: LotForecastDto;
}

/** Plant-local calendar days, both included; by default the last six months. */
export const ProductionControlQuery = z
  .strictObject({
    plantId: Uuid,
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    period: z.enum(['month', 'whole']).default('month'),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'from must not be after to',
    params: { rule: 'from_after_to' },
    path: ['from'],
  });
export type ProductionControlQuery = z.infer<typeof ProductionControlQuery>;

export interface ProductionControlPeriodDto {
  /** "2026-05" for a month, "2026-03-01 – 2026-05-31" for the whole period. */
  label: string;
  from: string;
  to: string;
  grades: ProductionControlFigures[];
}

export interface ProductionControlDto {
  standard: string;
  plantId: string;
  plantCode: string;
  plantName: string;
  timeZone: string;
  from: string;
  to: string;
  periods: ProductionControlPeriodDto[];
}

export const PlantQuery = z.strictObject({ plantId: Uuid });
export type PlantQuery = z.infer<typeof PlantQuery>;

export interface MixTrendPointDto {
  setId: string;
  label: string;
  madeAt: string;
  strength7dMpa: number | null;
  strength28dMpa: number | null;
  /** The 28-day value, or the one foretold from 7 days. */
  valueMpa: number;
  predicted: boolean;
  cusumMpa: number;
  signal: boolean;
}

/** One mix's production strength at a plant: the 7/28-day ratio it is foretold by and its CUSUM. */
export interface MixTrendDto {
  mixId: string;
  mixCode: string;
  strengthGrade: string;
  fit: StrengthRatioFit | null;
  targetMpa: number;
  sigmaMpa: number;
  sigmaFrom: 'plant_record' | 'table';
  allowanceMpa: number;
  decisionIntervalMpa: number;
  points: MixTrendPointDto[];
  drifting: boolean;
}

export const STRENGTH_WARNING_KINDS = ['lot_forecast', 'mix_drift', 'production_control'] as const;
export type StrengthWarningKind = (typeof STRENGTH_WARNING_KINDS)[number];

export interface LotForecastWarningDetails {
  lotName: string;
  projectName: string;
  method: StrengthMethod;
  projectedMeanMpa: number;
  requiredMeanMpa: number;
  projectedMinMpa: number;
  requiredMinMpa: number;
  predictedSets: number;
  actualSets: number;
  ratio: number;
  pairs: number;
}

export interface MixDriftWarningDetails {
  targetMpa: number;
  cusumMpa: number;
  decisionIntervalMpa: number;
  /** Sets in the run from its start to the one that crossed h. */
  runSets: number;
  fromLabel: string;
  toLabel: string;
}

export interface ProductionControlWarningDetails {
  month: string;
  sets: number;
  sigmaMpa: number | null;
  sigmaLimitMpa: number;
  sigmaWithinLimit: boolean | null;
  shareAtLeastGradePercent: number | null;
  shareWithinLimit: boolean | null;
}

interface WarningBase {
  id: string;
  raisedAt: string;
  plantId: string;
  plantCode: string;
  projectId: string | null;
  strengthGrade: string;
  /** In words, for lists and logs; the console builds its own from the details. */
  summary: string;
}

export type StrengthWarningDto =
  | (WarningBase & {
      kind: 'lot_forecast';
      lotId: string;
      mixId: string;
      mixCode: string;
      details: LotForecastWarningDetails;
    })
  | (WarningBase & { kind: 'mix_drift'; lotId: null; mixId: string; mixCode: string; details: MixDriftWarningDetails })
  | (WarningBase & {
      kind: 'production_control';
      lotId: null;
      mixId: null;
      mixCode: null;
      details: ProductionControlWarningDetails;
    });

export const StrengthWarningQuery = z.strictObject({
  plantId: Uuid.optional(),
  lotId: Uuid.optional(),
  kind: z.enum(STRENGTH_WARNING_KINDS).optional(),
});
export type StrengthWarningQuery = z.infer<typeof StrengthWarningQuery>;
