import { z } from 'zod';
import { ObservedAt, safeText } from './common';

/** A position as every ingest protocol is read into, before it is stored. */
export interface PositionReport {
  deviceId: string;
  /** When the device took the fix (UTC). */
  fixTime: Date;
  lat: number;
  lng: number;
  speedKmh: number | null;
  bearingDeg: number | null;
  altitudeM: number | null;
  accuracyM: number | null;
  batteryPercent: number | null;
  /** Every other key the device sent, kept as it came. */
  attributes: Record<string, unknown>;
  /** Per-device secret, when the device sends one. */
  secret?: string;
}

/** A Traccar server's forwarded event (geofence enter/exit, ignition, alarm …). */
export interface TrackerEventReport {
  deviceId: string;
  type: string;
  at: Date;
  geofenceName: string | null;
  attributes: Record<string, unknown>;
}

export const PUMP_STATUSES = ['idle', 'setting_up', 'pumping', 'blocked', 'breakdown', 'moving'] as const;
export type PumpStatus = (typeof PUMP_STATUSES)[number];

export const ChangePumpStatusRequest = z.strictObject({
  status: z.enum(PUMP_STATUSES),
  note: safeText(500).default(''),
  observedAt: ObservedAt,
});
export type ChangePumpStatusRequest = z.infer<typeof ChangePumpStatusRequest>;

/** The pour a pump serves when its status changed: what an alert about it links to. */
export interface PumpServedPourDto {
  pourId: string;
  structuralElement: string;
  /** The project, which names the site. */
  siteName: string;
}

export interface PumpStatusDto {
  pumpId: string;
  status: PumpStatus;
  at: string;
  byName: string;
  note: string;
  /** Set on changes announced live (and so on pump alerts) when the pump serves an open pour; absent in older events. */
  pour?: PumpServedPourDto | null;
}

export interface LatestPositionDto {
  entityType: 'truck' | 'pump';
  entityId: string;
  label: string;
  deviceId: string;
  fixTime: string;
  lat: number;
  lng: number;
  speedKmh: number | null;
  bearingDeg: number | null;
  /** Highest position sequence folded into this snapshot. */
  positionSeq: number;
}

export interface IngestBatchResultDto {
  accepted: number;
  refused: { index: number; deviceId: string | null; status: number; message: string }[];
}

export interface UnknownDeviceDto {
  deviceId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  attempts: number;
}
