import type {
  AlertAcknowledgement,
  LatestPositionDto,
  LoadDto,
  PourRequestDto,
  PourMessageDto,
  PourStatusPayload,
  PumpStatusDto,
  QcTestDto,
} from '@pourline/contracts';
import type { DispatchAlertKind, RecordedQcFailureReason } from '@pourline/domain';

/** What the header shows: replaying counts as connecting until the server says it is done. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export type LiveAlertType =
  'rejection' | 'hold' | 'pump_breakdown' | 'pump_blocked' | 'deadline_risk' | 'flow' | 'complaint_overdue';

/** A dispatch alert about the flow of concrete: which kind, its cause's key and its figures. */
export interface FlowAlertDetail {
  kind: DispatchAlertKind;
  key: string;
  pourLabel: string | null;
  facts: Readonly<Record<string, number>>;
}

/** Something a dispatcher should look at, derived from the numbered events or read from GET /alerts. */
export interface LiveAlert {
  /**
   * Stable per cause, so a replayed event does not show twice: `seq:<n>` for
   * alerts the server keeps (the REST and live copies of one event merge),
   * a cause key for those derived here only (deadline at risk).
   */
  id: string;
  /** The number of the event behind it; null when the console derived it and nobody acknowledges it. */
  seq: number | null;
  type: LiveAlertType;
  at: string;
  /** The plant whose clock the time is read on, when known. */
  plantId: string | null;
  pourId: string | null;
  ticketNumber: string | null;
  truckFleetNumber: string | null;
  pumpId: string | null;
  /** The pour's place, when the alert names a pour the board may not list (a pump's): "site · element". */
  pourPlace?: { siteName: string; structuralElement: string };
  /** A rejection's failed checks, worded where it is shown. */
  reasons?: readonly RecordedQcFailureReason[];
  detail: string;
  /** The server's own words, when the alert came from GET /alerts without a payload the console understands. */
  summary: string | null;
  /** For a flow alert: what it is about. */
  flow?: FlowAlertDetail;
}

/**
 * Live entities keyed by id. Every slice is immutable: a flush replaces only
 * the slices and entries that changed, so selectors can compare by reference.
 */
export interface LiveState {
  connection: ConnectionState;
  truckPositions: ReadonlyMap<string, LatestPositionDto>;
  pumpPositions: ReadonlyMap<string, LatestPositionDto>;
  loads: ReadonlyMap<string, LoadDto>;
  pumpStatuses: ReadonlyMap<string, PumpStatusDto>;
  pourStatuses: ReadonlyMap<string, PourStatusPayload>;
  /** Site requests to the dispatch room by id, with the dispatch room's "copy" once given. */
  pourRequests: ReadonlyMap<string, PourRequestDto>;
  /** The newest QC test seen live per load. */
  latestQcByLoad: ReadonlyMap<string, QcTestDto>;
  /** Bumped per pour whenever one of its loads changes, so views can refetch that pour's loads. */
  pourLoadsVersion: ReadonlyMap<string, number>;
  /** Bumped per plant when a strength warning is raised there, so the strength view refetches. */
  strengthVersion: ReadonlyMap<string, number>;
  /** Bumped per complaint id, and under 'all', when a complaint is received, moves on or falls overdue. */
  complaintsVersion: ReadonlyMap<string, number>;
  /** Newest first, capped; open alerts the server keeps are never dropped by the cap. */
  alerts: readonly LiveAlert[];
  /** Who acknowledged which alert, keyed by the alert's seq as a string; apart, so an acknowledgement may come first. */
  alertAcknowledgements: ReadonlyMap<string, AlertAcknowledgement>;
  /** Bumped on live.ready after a reconnect: REST snapshots on screen are stale. */
  resyncVersion: number;
  /** Each pour's messages heard live (pour.message.v1), oldest first, one copy per message. */
  pourMessages: ReadonlyMap<string, readonly PourMessageDto[]>;
  /** Bumped per pour when something its log shows happened, so an open log can fetch its thread again. */
  pourLogVersion: ReadonlyMap<string, number>;
  /** Bumped per pour when its dispatch plan may have changed (a load, a request, a decision, the auto switch). */
  dispatchVersion: ReadonlyMap<string, number>;
  /** When each flow alert's cause ended, keyed by the cause. */
  alertResolutions: ReadonlyMap<string, string>;
}

export const INITIAL_LIVE_STATE: LiveState = {
  connection: 'connecting',
  truckPositions: new Map(),
  pumpPositions: new Map(),
  loads: new Map(),
  pumpStatuses: new Map(),
  pourStatuses: new Map(),
  pourRequests: new Map(),
  latestQcByLoad: new Map(),
  pourLoadsVersion: new Map(),
  strengthVersion: new Map(),
  complaintsVersion: new Map(),
  alerts: [],
  alertAcknowledgements: new Map(),
  resyncVersion: 0,
  pourMessages: new Map(),
  pourLogVersion: new Map(),
  dispatchVersion: new Map(),
  alertResolutions: new Map(),
};
