import type { LatestPositionDto, LoadDto, PourStatusPayload, PumpStatusDto, QcTestDto } from '@pourline/contracts';

/** What the header shows: replaying counts as connecting until the server says it is done. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export type LiveAlertType = 'rejection' | 'hold' | 'pump_breakdown' | 'pump_blocked' | 'deadline_risk';

/** Something a dispatcher should look at, derived from the numbered events. */
export interface LiveAlert {
  /** Stable per cause, so a replayed event does not show twice. */
  id: string;
  type: LiveAlertType;
  at: string;
  /** The plant whose clock the time is read on, when known. */
  plantId: string | null;
  pourId: string | null;
  ticketNumber: string | null;
  truckFleetNumber: string | null;
  pumpId: string | null;
  detail: string;
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
  /** The newest QC test seen live per load. */
  latestQcByLoad: ReadonlyMap<string, QcTestDto>;
  /** Bumped per pour whenever one of its loads changes, so views can refetch that pour's loads. */
  pourLoadsVersion: ReadonlyMap<string, number>;
  /** Newest first, capped. */
  alerts: readonly LiveAlert[];
  /** Bumped on live.ready after a reconnect: REST snapshots on screen are stale. */
  resyncVersion: number;
}

export const INITIAL_LIVE_STATE: LiveState = {
  connection: 'connecting',
  truckPositions: new Map(),
  pumpPositions: new Map(),
  loads: new Map(),
  pumpStatuses: new Map(),
  pourStatuses: new Map(),
  latestQcByLoad: new Map(),
  pourLoadsVersion: new Map(),
  alerts: [],
  resyncVersion: 0,
};
