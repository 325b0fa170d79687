import { z } from 'zod';
import type { LoadDto } from './loads';
import type { PourMessageDto } from './pour-log';
import type { PourRequestDto } from './pours';
import type { NonConformanceDto, QcTestDto } from './quality';
import type { StrengthWarningDto } from './strength';
import type { LatestPositionDto, PumpStatusDto } from './tracking';

/**
 * The socket.io wire, shared by the API and the console. Event names carry a
 * version so a payload can change without breaking consoles still open.
 */
export const LIVE_NAMESPACE = '/live';

/**
 * Sent with a POST or PATCH, it makes the request safe to send again: the
 * first answer is stored and every repeat gets it back, marked with
 * IDEMPOTENT_REPLAY_HEADER, instead of acting twice. Tablets queue actions
 * while offline and send them with their keys when the network returns.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';

/** Sent in the handshake's `auth`: who you are and the last numbers you saw. */
export interface LiveHandshake {
  token: string;
  lastSeq?: number;
  lastPositionSeq?: number;
}

export interface LiveEnvelope<T> {
  seq: number;
  at: string;
  payload: T;
}

export interface LoadRejectedPayload {
  load: LoadDto;
  nonConformance: NonConformanceDto | null;
  reasons: QcTestDto['reasons'];
}

export interface PourStatusPayload {
  pourId: string;
  projectId: string;
  status: string;
  structuralElement: string;
  dispatchHeld?: boolean;
  /** Sent with a dispatch hold or resume: the hold with its reason, or null once resumed. */
  dispatchHold?: { reason: string; byName: string; at: string } | null;
  /** Sent when the planned volume changed while the pour runs (a confirmed "last load"). */
  volumeM3?: number;
}

/** Events a person in the dispatch room must see and acknowledge. */
export const ALERT_EVENT_TYPES = [
  'load.rejected.v1',
  'load.changed.v1',
  'pump.status.v1',
  'load.deadline_risk.v1',
] as const;

export interface AlertAcknowledgement {
  seq: number;
  note: string;
  byName: string;
  at: string;
}

export interface AlertDto {
  seq: number;
  type: (typeof ALERT_EVENT_TYPES)[number];
  at: string;
  projectId: string | null;
  /** What happened, in words: e.g. "JN-01-… rejected on site: slump 100 mm outside 180 ± 30 mm". */
  summary: string;
  payload: unknown;
  acknowledgement: AlertAcknowledgement | null;
}

/** Numbered, stored events: replayed after a reconnect. */
export interface LiveEventMap {
  'load.changed.v1': LiveEnvelope<LoadDto>;
  'qc.recorded.v1': LiveEnvelope<QcTestDto>;
  'load.rejected.v1': LiveEnvelope<LoadRejectedPayload>;
  'pump.status.v1': LiveEnvelope<PumpStatusDto>;
  'pour.status.v1': LiveEnvelope<PourStatusPayload>;
  'pour.request.v1': LiveEnvelope<PourRequestDto>;
  'alert.acknowledged.v1': LiveEnvelope<AlertAcknowledgement>;
  /** Raised once per load whose concrete may go off before it is poured. */
  'load.deadline_risk.v1': LiveEnvelope<{ load: LoadDto }>;
  /** A message in a pour's log, and again when its proposal is confirmed. */
  'pour.message.v1': LiveEnvelope<PourMessageDto>;
  /** Raised once: a lot heading below acceptance, a mix drifting, a grade out of its production limits. */
  'strength.warning.v1': LiveEnvelope<StrengthWarningDto>;
}
export type LiveEventType = keyof LiveEventMap;

export interface PositionsBatch {
  /** The highest position number in the batch; send it back as lastPositionSeq. */
  positionSeq: number;
  positions: LatestPositionDto[];
}

/** Everything the server sends, numbered or not. */
export interface ServerToClientEvents {
  'load.changed.v1': (event: LiveEventMap['load.changed.v1']) => void;
  'qc.recorded.v1': (event: LiveEventMap['qc.recorded.v1']) => void;
  'load.rejected.v1': (event: LiveEventMap['load.rejected.v1']) => void;
  'pump.status.v1': (event: LiveEventMap['pump.status.v1']) => void;
  'pour.status.v1': (event: LiveEventMap['pour.status.v1']) => void;
  /** A site asks the dispatch room to speed up, slow down, hold or resume. */
  'pour.request.v1': (event: LiveEventMap['pour.request.v1']) => void;
  'alert.acknowledged.v1': (event: LiveEventMap['alert.acknowledged.v1']) => void;
  'load.deadline_risk.v1': (event: LiveEventMap['load.deadline_risk.v1']) => void;
  'pour.message.v1': (event: LiveEventMap['pour.message.v1']) => void;
  'strength.warning.v1': (event: LiveEventMap['strength.warning.v1']) => void;
  /** Latest positions, coalesced per truck and pump over a short window. */
  'positions.v1': (batch: PositionsBatch) => void;
  /** Sent once the replay after connecting is done; live events follow. */
  'live.ready.v1': (state: { seq: number; positionSeq: number; replayed: number }) => void;
  'live.error.v1': (error: { code: string; message: string }) => void;
}

export const AcknowledgeAlertRequest = z.object({
  note: z.string().trim().min(1, 'say what was done').max(500),
});
export type AcknowledgeAlertRequest = z.infer<typeof AcknowledgeAlertRequest>;
