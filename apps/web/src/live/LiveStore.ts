import type {
  AlertDto,
  LatestPositionDto,
  LiveEventMap,
  LiveEventType,
  LoadDto,
  PourRequestDto,
  PourStatusPayload,
  PumpStatusDto,
  QcTestDto,
} from '@pourline/contracts';
import {
  alertFromDto,
  capAlerts,
  complaintOverdueAlert,
  deadlineAlert,
  flowAlert,
  loadAlerts,
  pumpAlert,
  rejectionAlert,
} from './liveAlerts';
import { type ConnectionState, INITIAL_LIVE_STATE, type LiveAlert, type LiveState } from './liveState';
import { mergePourMessage } from './pourMessages';

const MAX_ALERTS = 200;
/** A frame is the goal; the timer catches up when frames are throttled (background tab, busy main thread). */
const FALLBACK_FLUSH_MS = 250;

type MapSlice =
  | 'truckPositions'
  | 'pumpPositions'
  | 'loads'
  | 'pumpStatuses'
  | 'pourStatuses'
  | 'pourRequests'
  | 'latestQcByLoad'
  | 'pourLoadsVersion'
  | 'alertAcknowledgements'
  | 'strengthVersion'
  | 'complaintsVersion'
  | 'pourMessages'
  | 'pourLogVersion'
  | 'dispatchVersion'
  | 'alertResolutions';
type SliceValue<K extends MapSlice> = LiveState[K] extends ReadonlyMap<string, infer V> ? V : never;

type Change =
  | { kind: 'event'; type: LiveEventType; event: LiveEventMap[LiveEventType] }
  | { kind: 'loads'; loads: readonly LoadDto[] }
  | { kind: 'pumpStatuses'; statuses: readonly PumpStatusDto[] }
  | { kind: 'alerts'; alerts: readonly AlertDto[] }
  | { kind: 'pourRequests'; requests: readonly PourRequestDto[] }
  | { kind: 'resync' };

/** Copy-on-write view of the state for one flush: only touched slices are copied. */
class Draft {
  private readonly copies: Partial<Record<MapSlice, Map<string, unknown>>> = {};
  private newAlerts: LiveAlert[] = [];
  private resync = false;

  constructor(private readonly base: LiveState) {}

  get<K extends MapSlice>(slice: K, id: string): SliceValue<K> | undefined {
    const map = (this.copies[slice] ?? this.base[slice]) as ReadonlyMap<string, SliceValue<K>>;
    return map.get(id);
  }

  set<K extends MapSlice>(slice: K, id: string, value: SliceValue<K>): void {
    let copy = this.copies[slice];
    if (!copy) {
      copy = new Map(this.base[slice] as ReadonlyMap<string, unknown>);
      this.copies[slice] = copy;
    }
    copy.set(id, value);
  }

  alert(alert: LiveAlert | null): void {
    if (alert) this.newAlerts.push(alert);
  }

  requestResync(): void {
    this.resync = true;
  }

  finish(knownAlertIds: Set<string>): LiveState | null {
    const fresh = this.newAlerts.filter((alert) => {
      if (knownAlertIds.has(alert.id)) return false;
      knownAlertIds.add(alert.id);
      return true;
    });
    if (Object.keys(this.copies).length === 0 && fresh.length === 0 && !this.resync) return null;
    const acknowledgements = (this.copies.alertAcknowledgements ??
      this.base.alertAcknowledgements) as LiveState['alertAcknowledgements'];
    const alerts =
      fresh.length === 0 ? this.base.alerts : capAlerts([...fresh, ...this.base.alerts], acknowledgements, MAX_ALERTS);
    return {
      ...this.base,
      ...(this.copies as Partial<LiveState>),
      alerts,
      resyncVersion: this.base.resyncVersion + (this.resync ? 1 : 0),
    };
  }
}

const isNewer = (next: string, current: string | undefined) =>
  current === undefined || Date.parse(next) >= Date.parse(current);

/**
 * The live entities, keyed by id. Incoming updates are queued and applied
 * together at most once per animation frame, then listeners hear once: a
 * thousand positions a second cost about sixty renders, not a thousand.
 */
export class LiveStore {
  private state: LiveState = INITIAL_LIVE_STATE;
  private readonly listeners = new Set<() => void>();
  private readonly pendingPositions = new Map<string, LatestPositionDto>();
  private pendingChanges: Change[] = [];
  private readonly knownAlertIds = new Set<string>();
  private frame: number | null = null;
  private timer: number | null = null;

  getState = (): LiveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setConnection(connection: ConnectionState): void {
    if (this.state.connection === connection) return;
    this.state = { ...this.state, connection };
    this.emit();
  }

  /** Positions coalesce per truck or pump: only the newest of a burst is kept. */
  receivePositions(positions: readonly LatestPositionDto[]): void {
    for (const position of positions) {
      const key = `${position.entityType}:${position.entityId}`;
      const queued = this.pendingPositions.get(key);
      if (!queued || queued.positionSeq < position.positionSeq) this.pendingPositions.set(key, position);
    }
    this.schedule();
  }

  receiveEvent<T extends LiveEventType>(type: T, event: LiveEventMap[T]): void {
    this.pendingChanges.push({ kind: 'event', type, event });
    this.schedule();
  }

  /** A REST snapshot: merged by update time, so a newer live delta is never undone by an older answer. */
  receiveLoads(loads: readonly LoadDto[]): void {
    this.pendingChanges.push({ kind: 'loads', loads });
    this.schedule();
  }

  /** Alerts read from GET /alerts: merged with the live copies by their event number. */
  receiveAlerts(alerts: readonly AlertDto[]): void {
    this.pendingChanges.push({ kind: 'alerts', alerts });
    this.schedule();
  }

  /** Site requests read from the API: merged with the live copies, a "copy" never undone. */
  receivePourRequests(requests: readonly PourRequestDto[]): void {
    this.pendingChanges.push({ kind: 'pourRequests', requests });
    this.schedule();
  }

  receivePumpStatuses(statuses: readonly PumpStatusDto[]): void {
    this.pendingChanges.push({ kind: 'pumpStatuses', statuses });
    this.schedule();
  }

  /** After a reconnect: views showing REST snapshots fetch them again. */
  requestResync(): void {
    this.pendingChanges.push({ kind: 'resync' });
    this.schedule();
  }

  /** Applies everything queued now (tests, and before tearing down). */
  flush = (): void => {
    this.cancelScheduled();
    if (this.pendingPositions.size === 0 && this.pendingChanges.length === 0) return;
    const draft = new Draft(this.state);
    for (const position of this.pendingPositions.values()) {
      const slice = position.entityType === 'truck' ? 'truckPositions' : 'pumpPositions';
      const current = draft.get(slice, position.entityId);
      if (!current || current.positionSeq < position.positionSeq) draft.set(slice, position.entityId, position);
    }
    this.pendingPositions.clear();
    const changes = this.pendingChanges;
    this.pendingChanges = [];
    for (const change of changes) applyChange(draft, change);
    const next = draft.finish(this.knownAlertIds);
    if (!next) return;
    this.state = next;
    this.emit();
  };

  dispose(): void {
    this.cancelScheduled();
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.frame !== null || this.timer !== null) return;
    if (typeof requestAnimationFrame === 'function') this.frame = requestAnimationFrame(this.flush);
    this.timer = window.setTimeout(this.flush, FALLBACK_FLUSH_MS);
  }

  private cancelScheduled(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.frame = null;
    this.timer = null;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function applyChange(draft: Draft, change: Change): void {
  switch (change.kind) {
    case 'loads':
      for (const load of change.loads) mergeLoad(draft, load);
      return;
    case 'pumpStatuses':
      for (const status of change.statuses) mergePumpStatus(draft, status);
      return;
    case 'resync':
      draft.requestResync();
      return;
    case 'pourRequests':
      for (const request of change.requests) mergePourRequest(draft, request);
      return;
    case 'alerts':
      for (const dto of change.alerts) {
        draft.alert(alertFromDto(dto));
        if (dto.acknowledgement) draft.set('alertAcknowledgements', String(dto.seq), dto.acknowledgement);
        const flow = alertFromDto(dto).flow;
        if (dto.resolvedAt) draft.set('alertResolutions', flow ? flow.key : resolutionKey(dto.seq), dto.resolvedAt);
      }
      return;
    case 'event':
      applyEvent(draft, change.type, change.event);
      return;
  }
}

function applyEvent(draft: Draft, type: LiveEventType, event: LiveEventMap[LiveEventType]): void {
  switch (type) {
    case 'load.changed.v1': {
      const { payload: load, at, seq } = event as LiveEventMap['load.changed.v1'];
      const previous = draft.get('loads', load.id);
      if (!mergeLoad(draft, load)) return;
      loadAlerts(previous, load, at, seq).forEach((alert) => draft.alert(alert));
      bumpPour(draft, load.pourId);
      bumpLog(draft, load.pourId);
      bumpDispatch(draft, load.pourId);
      if (previous && previous.pourId !== load.pourId) bumpPour(draft, previous.pourId);
      return;
    }
    case 'load.rejected.v1': {
      const rejected = event as LiveEventMap['load.rejected.v1'];
      mergeLoad(draft, rejected.payload.load);
      draft.alert(rejectionAlert(rejected));
      bumpPour(draft, rejected.payload.load.pourId);
      bumpLog(draft, rejected.payload.load.pourId);
      return;
    }
    case 'qc.recorded.v1': {
      const test: QcTestDto = (event as LiveEventMap['qc.recorded.v1']).payload;
      if (isNewer(test.testedAt, draft.get('latestQcByLoad', test.loadId)?.testedAt)) {
        draft.set('latestQcByLoad', test.loadId, test);
      }
      // A test names its load; the load, when known, names the pour whose log shows the test.
      const pourId = draft.get('loads', test.loadId)?.pourId;
      if (pourId) bumpLog(draft, pourId);
      return;
    }
    case 'pump.status.v1': {
      const { payload: status, seq } = event as LiveEventMap['pump.status.v1'];
      if (mergePumpStatus(draft, status)) draft.alert(pumpAlert(status, seq));
      return;
    }
    case 'pour.status.v1': {
      const status: PourStatusPayload = (event as LiveEventMap['pour.status.v1']).payload;
      // A status event need not repeat what an earlier one said (a hold, a new planned volume).
      draft.set('pourStatuses', status.pourId, { ...draft.get('pourStatuses', status.pourId), ...status });
      bumpLog(draft, status.pourId);
      return;
    }
    case 'pour.message.v1': {
      const message = (event as LiveEventMap['pour.message.v1']).payload;
      draft.set('pourMessages', message.pourId, mergePourMessage(draft.get('pourMessages', message.pourId), message));
      // A confirmed proposal changed the pour: its log has a new system entry to fetch.
      if (message.proposal?.status === 'confirmed') bumpLog(draft, message.pourId);
      return;
    }
    case 'pour.request.v1': {
      const request = (event as LiveEventMap['pour.request.v1']).payload;
      mergePourRequest(draft, request);
      // The request and its acknowledgement are entries of the pour's log too.
      bumpLog(draft, request.pourId);
      bumpDispatch(draft, request.pourId);
      return;
    }
    case 'dispatch.alert.v1': {
      const raised = event as LiveEventMap['dispatch.alert.v1'];
      draft.alert(flowAlert(raised.seq, raised.at, raised.payload));
      return;
    }
    case 'dispatch.alert_resolved.v1': {
      const resolved = event as LiveEventMap['dispatch.alert_resolved.v1'];
      draft.set('alertResolutions', resolved.payload.key, resolved.at);
      return;
    }
    case 'alert.resolved.v1': {
      const resolved = event as LiveEventMap['alert.resolved.v1'];
      draft.set('alertResolutions', resolutionKey(resolved.payload.seq), resolved.payload.at);
      return;
    }
    case 'dispatch.settings.v1':
    case 'dispatch.decision.v1': {
      const { pourId } = (event as LiveEventMap['dispatch.settings.v1' | 'dispatch.decision.v1']).payload;
      bumpDispatch(draft, pourId);
      bumpLog(draft, pourId);
      return;
    }
    case 'load.deadline_risk.v1': {
      const risk = event as LiveEventMap['load.deadline_risk.v1'];
      mergeLoad(draft, risk.payload.load);
      draft.alert(deadlineAlert(risk));
      return;
    }
    case 'alert.acknowledged.v1': {
      const acknowledgement = (event as LiveEventMap['alert.acknowledged.v1']).payload;
      draft.set('alertAcknowledgements', String(acknowledgement.seq), acknowledgement);
      return;
    }
    case 'strength.warning.v1': {
      const { plantId } = (event as LiveEventMap['strength.warning.v1']).payload;
      draft.set('strengthVersion', plantId, (draft.get('strengthVersion', plantId) ?? 0) + 1);
      return;
    }
    case 'complaint.overdue.v1': {
      const overdue = event as LiveEventMap['complaint.overdue.v1'];
      draft.alert(complaintOverdueAlert(overdue));
      bumpComplaint(draft, overdue.payload.complaintId);
      return;
    }
    case 'complaint.changed.v1':
      bumpComplaint(draft, (event as LiveEventMap['complaint.changed.v1']).payload.id);
      return;
  }
}

/** A flow alert resolves by its cause's key; any other alert by its number. */
export const resolutionKey = (seq: number) => `seq:${seq}`;

/** Lists follow every complaint ('all'); an open complaint follows its own id. */
function bumpComplaint(draft: Draft, complaintId: string): void {
  for (const key of ['all', complaintId])
    draft.set('complaintsVersion', key, (draft.get('complaintsVersion', key) ?? 0) + 1);
}

function mergeLoad(draft: Draft, load: LoadDto): boolean {
  if (!isNewer(load.updatedAt, draft.get('loads', load.id)?.updatedAt)) return false;
  draft.set('loads', load.id, load);
  return true;
}

function mergePourRequest(draft: Draft, request: PourRequestDto): boolean {
  const current = draft.get('pourRequests', request.id);
  // A request only ever gains its acknowledgement; a late copy without it must not take it away.
  if (current?.acknowledgement && !request.acknowledgement) return false;
  draft.set('pourRequests', request.id, request);
  return true;
}

function mergePumpStatus(draft: Draft, status: PumpStatusDto): boolean {
  if (!isNewer(status.at, draft.get('pumpStatuses', status.pumpId)?.at)) return false;
  draft.set('pumpStatuses', status.pumpId, status);
  return true;
}

function bumpPour(draft: Draft, pourId: string): void {
  draft.set('pourLoadsVersion', pourId, (draft.get('pourLoadsVersion', pourId) ?? 0) + 1);
}

function bumpDispatch(draft: Draft, pourId: string): void {
  draft.set('dispatchVersion', pourId, (draft.get('dispatchVersion', pourId) ?? 0) + 1);
}

function bumpLog(draft: Draft, pourId: string): void {
  draft.set('pourLogVersion', pourId, (draft.get('pourLogVersion', pourId) ?? 0) + 1);
}
