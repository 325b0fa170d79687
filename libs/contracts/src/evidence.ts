import type { LoadStatus, RecordedQcFailureReason } from '@pourline/domain';
import type { MessageCode } from './pour-log';
import type { SignatureDto } from './signatures';
import type { TicketSignMoment } from './tickets';
import type { QcOutcome, QcStage } from './quality';

/**
 * Everything that happened to a pour, load by load, in one pack: the record
 * after-sales answers a complaint with, as a page and as a PDF.
 */
export interface EvidenceTestDto {
  stage: QcStage;
  testedAt: string;
  slumpMm: number;
  designSlumpMm: number;
  temperatureC: number | null;
  airPercent: number | null;
  pass: boolean;
  outcome: QcOutcome;
  reasons: RecordedQcFailureReason[];
  ruleSetVersion: string;
  inspectorName: string;
}

export interface EvidenceSpecimenDto {
  label: string;
  madeAt: string;
  madeByName: string;
  results7dMpa: number[] | null;
  results28dMpa: number[] | null;
}

export interface EvidenceWaterDto {
  at: string;
  litres: number;
  addedBy: string;
  requestedBy: string;
}

/** A version of the load's delivery ticket signed or refused at the site. */
export interface EvidenceSignatureDto {
  ticketVersion: number;
  outcome: 'signed' | 'refused';
  moment: TicketSignMoment | null;
  refusalReason: string | null;
  signature: SignatureDto | null;
}

/** One fix of the truck's trace: latitude, longitude, Unix milliseconds. */
export type TracePoint = [number, number, number];

export interface EvidenceLoadDto {
  loadId: string;
  ticketNumber: string;
  truckFleetNumber: string | null;
  mixCode: string;
  volumeM3: number;
  status: LoadStatus;
  rejected: boolean;
  batchedAt: string | null;
  leftPlantAt: string | null;
  arrivedAt: string | null;
  dischargeStartedAt: string | null;
  dischargeEndedAt: string | null;
  backAtPlantAt: string | null;
  waterAddedLitres: number;
  water: EvidenceWaterDto[];
  tests: EvidenceTestDto[];
  specimens: EvidenceSpecimenDto[];
  signatures: EvidenceSignatureDto[];
  /** From leaving the plant until back at the plant (or the end of discharge when it has not returned). */
  trace: TracePoint[];
}

export interface EvidenceMessageDto {
  at: string;
  byName: string;
  code: MessageCode;
  text: string;
  /** What a quick message names (a truck, a last load's volume). */
  params: Record<string, string | number>;
}

export interface EvidencePackDto {
  pourId: string;
  structuralElement: string;
  projectName: string;
  customerName: string;
  plantName: string;
  plantTimeZone: string;
  scheduledStart: string;
  volumeM3: number;
  mixCode: string;
  generatedAt: string;
  loads: EvidenceLoadDto[];
  messages: EvidenceMessageDto[];
}
