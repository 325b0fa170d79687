import { z } from 'zod';
import type { DispatchAlertKind } from '@pourline/domain';
import { plainText } from './common';
import type { DispatchDecisionPayload, DispatchSettingsPayload } from './dispatch';
import type { ComplaintChangedPayload, ComplaintOverduePayload } from './complaints';
import type { LoadDto } from './loads';
import type { PourMessageDto } from './pour-log';
import type { PourRequestDto } from './pours';
import type { NonConformanceDto, QcTestDto } from './quality';
import type { StrengthWarningDto } from './strength';
import type { PackedPositionsFrame } from './packed-positions';
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

/**
 * The delivery contract of numbered events (everything in LiveEventMap).
 *
 * Numbering: every event gets a number (`seq`) when the change it announces
 * has committed, in commit order. Numbers are global to the deployment,
 * gap-free and strictly increasing; an event is never renumbered.
 *
 * Scope: a console receives only the events of the projects it may see (all
 * of them for dispatch-room roles). It therefore sees gaps in the global
 * numbering and cannot detect a missing event by itself: the server
 * guarantees that, for the console's scope, the events it sends after
 * `live.ready.v1` together with the replay before it are complete.
 *
 * Ordering: after `live.ready.v1`, live events arrive in strictly increasing
 * `seq` order. The same number may arrive twice (a replay overlapping live
 * events, a relay taking over): drop any `seq` at or below the last applied.
 *
 * Connecting: the console sends `lastSeq`, the highest number it applied (0
 * or none: it has nothing). Until `live.ready.v1` it buffers everything it
 * receives, replay and live events mixed; at `live.ready.v1 {seq}` it applies
 * the buffer sorted by `seq`, dropping numbers at or below its last applied,
 * and then holds max(applied, ready.seq) as its last applied number: every
 * event of its scope up to `ready.seq` has been sent by then.
 *
 * Resume: with `lastSeq`, the replay is exactly the scope's events after it,
 * when there are at most LIVE_REPLAY_LIMIT of them and none was pruned.
 *
 * Gap: otherwise the server first sends `live.gap.v1 {from, to}`: events of
 * the scope numbered from..to (inclusive) will not be sent; the console
 * refetches its snapshots (REST) and applies what follows as usual: the
 * newest LIVE_REPLAY_LIMIT events after `to`.
 *
 * Reset: a `lastSeq` above the server's highest number (the database was
 * restored, or belongs to another deployment) is answered with
 * `live.reset.v1 {seq}`: the console forgets its numbers (last applied = 0),
 * discards what it buffered, refetches its snapshots, and goes on as a fresh
 * console.
 *
 * Fresh: a console without `lastSeq` takes its state from the REST snapshots
 * and gets only the newest LIVE_FRESH_LIMIT events of its scope for context
 * (recent alerts, messages), never the oldest.
 *
 * Positions (`positions.v1`) are not numbered events: they are coalesced,
 * newest per truck wins, and catch up by `lastPositionSeq`.
 */
export const LIVE_REPLAY_LIMIT = 5_000;
export const LIVE_FRESH_LIMIT = 500;

/** Sent in the handshake's `auth`: who you are and the last numbers you applied. */
export interface LiveHandshake {
  /** A bearer token; the console sends none and is known by its session cookie. */
  token?: string;
  lastSeq?: number;
  lastPositionSeq?: number;
}

export interface LiveReady {
  /** Every event of the console's scope up to here has been sent. */
  seq: number;
  positionSeq: number;
  replayed: number;
}

/** Events of the console's scope numbered from..to (inclusive) will not be sent: refetch snapshots. */
export interface LiveGap {
  from: number;
  to: number;
}

/** The server's numbers are behind the console's: forget them and refetch; `seq` is the server's highest. */
export interface LiveReset {
  seq: number;
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
  'dispatch.alert.v1',
  'complaint.overdue.v1',
] as const;

/** A warning about the flow of concrete, raised once while its cause lasts. */
export interface DispatchAlertPayload {
  /** The cause: one open alert per key at a time. */
  key: string;
  kind: DispatchAlertKind;
  pourId: string | null;
  pourLabel: string | null;
  loadId: string | null;
  ticketNumber: string | null;
  truckFleetNumber: string | null;
  /** The figures behind it (minutes, metres, trucks), for the words each reader sees. */
  facts: Record<string, number>;
}

/** The cause of a dispatch alert has ended. */
export interface DispatchAlertResolvedPayload {
  key: string;
  kind: DispatchAlertKind;
  pourId: string | null;
}

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
  /** When its cause ended (a flow condition gone, a complaint's overdue step taken): no longer open. */
  resolvedAt: string | null;
}

/** An alert whose cause is gone: the overdue step of a complaint was taken. */
export interface AlertResolution {
  seq: number;
  at: string;
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
  'dispatch.alert.v1': LiveEnvelope<DispatchAlertPayload>;
  'dispatch.alert_resolved.v1': LiveEnvelope<DispatchAlertResolvedPayload>;
  /** A pour's auto switch or cold-joint limit changed. */
  'dispatch.settings.v1': LiveEnvelope<DispatchSettingsPayload>;
  /** A load was created from a proposal: accepted, overridden, or by the auto switch. */
  'dispatch.decision.v1': LiveEnvelope<DispatchDecisionPayload>;
  /** Raised once per complaint and broken service promise (acknowledge, first response, resolve). */
  'complaint.overdue.v1': LiveEnvelope<ComplaintOverduePayload>;
  'alert.resolved.v1': LiveEnvelope<AlertResolution>;
  /** A complaint received or moved on: after-sales' worklist and the customer's own list follow it. */
  'complaint.changed.v1': LiveEnvelope<ComplaintChangedPayload>;
}
export type LiveEventType = keyof LiveEventMap;

/** Every numbered event type, each once: a type added to the map and not here fails to compile. */
const LIVE_EVENT_TYPE_SET: Record<LiveEventType, true> = {
  'load.changed.v1': true,
  'qc.recorded.v1': true,
  'load.rejected.v1': true,
  'pump.status.v1': true,
  'pour.status.v1': true,
  'pour.request.v1': true,
  'alert.acknowledged.v1': true,
  'load.deadline_risk.v1': true,
  'pour.message.v1': true,
  'strength.warning.v1': true,
  'dispatch.alert.v1': true,
  'dispatch.alert_resolved.v1': true,
  'dispatch.settings.v1': true,
  'dispatch.decision.v1': true,
  'complaint.overdue.v1': true,
  'alert.resolved.v1': true,
  'complaint.changed.v1': true,
};

/** The numbered events a console listens for: it applies each in number order, once. */
export const LIVE_EVENT_TYPES = Object.keys(LIVE_EVENT_TYPE_SET) as readonly LiveEventType[];

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
  'dispatch.alert.v1': (event: LiveEventMap['dispatch.alert.v1']) => void;
  'dispatch.alert_resolved.v1': (event: LiveEventMap['dispatch.alert_resolved.v1']) => void;
  'dispatch.settings.v1': (event: LiveEventMap['dispatch.settings.v1']) => void;
  'dispatch.decision.v1': (event: LiveEventMap['dispatch.decision.v1']) => void;
  'complaint.overdue.v1': (event: LiveEventMap['complaint.overdue.v1']) => void;
  'alert.resolved.v1': (event: LiveEventMap['alert.resolved.v1']) => void;
  'complaint.changed.v1': (event: LiveEventMap['complaint.changed.v1']) => void;
  /** Latest positions as objects: the snapshot sent on connecting, which names every vehicle. */
  'positions.v1': (batch: PositionsBatch) => void;
  /** Live positions, coalesced per truck and pump over a short window, one binary record each, carried as base64 text. */
  'positions.packed.v2': (frame: PackedPositionsFrame) => void;
  /** Sent once the replay after connecting is done; live events follow. */
  'live.ready.v1': (state: LiveReady) => void;
  /** Sent before the replay when more was missed than it sends, or pruned. */
  'live.gap.v1': (gap: LiveGap) => void;
  /** Sent before the replay when `lastSeq` is ahead of the server. */
  'live.reset.v1': (reset: LiveReset) => void;
  'live.error.v1': (error: { code: string; message: string }) => void;
}

export const AcknowledgeAlertRequest = z.strictObject({
  note: plainText(500, 'say what was done'),
});
export type AcknowledgeAlertRequest = z.infer<typeof AcknowledgeAlertRequest>;
