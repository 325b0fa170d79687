import {
  LIVE_EVENT_TYPES,
  LIVE_NAMESPACE,
  type LiveEventMap,
  type LiveEventType,
  type KnownVehicle,
  type LiveHandshake,
  LiveSequence,
  type ServerToClientEvents,
  unpackPositions,
} from '@pourline/contracts';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { LiveStore } from './LiveStore';

/**
 * Backoff with jitter: the first retry after ~1 s, doubling to 30 s, each
 * delay spread ±50 % so a room of tablets that lost the same Wi-Fi does not
 * come back in the same second.
 */
const RECONNECT = { reconnectionDelay: 1000, reconnectionDelayMax: 30_000, randomizationFactor: 0.5 } as const;
/** After this many failed attempts in a row the header says offline rather than reconnecting. */
const ATTEMPTS_BEFORE_OFFLINE = 3;

export interface LiveConnectionOptions {
  store: LiveStore;
  /**
   * The server refused the session. Resolves true when the session is still
   * good (ask the REST API) and connecting should go on.
   */
  onAuthRejected: () => Promise<boolean>;
  /** Opens the socket; tests pass a fake. */
  openSocket?: (options: Partial<ManagerOptions & SocketOptions>) => Socket<ServerToClientEvents>;
}

const openLiveSocket = (options: Partial<ManagerOptions & SocketOptions>): Socket<ServerToClientEvents> =>
  io(LIVE_NAMESPACE, options);

export function jitteredDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RECONNECT.reconnectionDelayMax, RECONNECT.reconnectionDelay * 2 ** attempt);
  const spread = 1 - RECONNECT.randomizationFactor + 2 * RECONNECT.randomizationFactor * random();
  return Math.round(base * spread);
}

/**
 * One socket per signed-in session, following the delivery contract in
 * `@pourline/contracts` (live.ts): events are buffered from connect to
 * `live.ready.v1` and applied in number order, each once; the last number
 * applied is sent at every (re)connect, so the server replays exactly what
 * was missed. After a reconnect, a gap or a reset the views refetch their
 * REST snapshots.
 */
export class LiveConnection {
  private socket: Socket<ServerToClientEvents> | null = null;
  private readonly sequence = new LiveSequence<LiveEventType, LiveEventMap[LiveEventType]>();
  private snapshotStale = false;
  private lastPositionSeq = 0;
  /** Names of the vehicles heard of, which live position frames carry only now and then. */
  private readonly vehicles = new Map<string, KnownVehicle>();
  private readyCount = 0;
  private failedAttempts = 0;
  private manualRetry: number | null = null;
  private manualAttempts = 0;
  private authRejected = false;
  private stopped = false;

  constructor(private readonly options: LiveConnectionOptions) {}

  start(): void {
    const { store } = this.options;
    store.setConnection('connecting');
    const socket = (this.options.openSocket ?? openLiveSocket)({
      // A function, so every reconnect sends the numbers as they are then.
      auth: (send) => send(this.handshake() as unknown as Record<string, unknown>),
      transports: ['websocket'],
      ...RECONNECT,
    });
    this.socket = socket;

    for (const type of LIVE_EVENT_TYPES) {
      socket.on(type, (event: LiveEventMap[typeof type]) => this.receive(type, event));
    }
    socket.on('positions.v1', (batch) => {
      this.lastPositionSeq = Math.max(this.lastPositionSeq, batch.positionSeq);
      for (const { entityId, entityType, label, deviceId } of batch.positions)
        this.vehicles.set(entityId, { entityType, label, deviceId });
      store.receivePositions(batch.positions);
    });
    socket.on('positions.packed.v2', (frame) => {
      this.lastPositionSeq = Math.max(this.lastPositionSeq, frame.positionSeq);
      const { positions } = unpackPositions(frame, this.vehicles);
      if (positions.length > 0) store.receivePositions(positions);
    });
    socket.on('live.gap.v1', () => {
      this.snapshotStale = true;
    });
    socket.on('live.reset.v1', () => {
      this.sequence.reset();
      this.lastPositionSeq = 0;
      this.snapshotStale = true;
    });
    socket.on('live.ready.v1', (ready) => {
      for (const { type, event } of this.sequence.ready(ready.seq)) store.receiveEvent(type, event);
      this.lastPositionSeq = Math.max(this.lastPositionSeq, ready.positionSeq);
      this.readyCount += 1;
      this.failedAttempts = 0;
      this.manualAttempts = 0;
      // The first snapshot is the views' own; after a drop, a gap or a reset they fetch theirs again.
      if (this.readyCount > 1 || this.snapshotStale) store.requestResync();
      this.snapshotStale = false;
      store.setConnection('live');
    });
    socket.on('live.error.v1', (error) => {
      if (error.code === 'unauthenticated') this.authRejected = true;
    });
    socket.on('disconnect', (reason) => {
      this.sequence.disconnected();
      if (this.stopped) return;
      store.setConnection(navigator.onLine ? 'reconnecting' : 'offline');
      // socket.io only retries by itself when the drop was not the server's decision.
      if (reason === 'io server disconnect') this.retryAfterServerDisconnect();
    });
    socket.on('connect_error', () => {
      this.failedAttempts += 1;
      const offline = !navigator.onLine || this.failedAttempts >= ATTEMPTS_BEFORE_OFFLINE;
      store.setConnection(offline ? 'offline' : this.readyCount === 0 ? 'connecting' : 'reconnecting');
    });
    window.addEventListener('offline', this.onBrowserOffline);
    window.addEventListener('online', this.onBrowserOnline);
  }

  stop(): void {
    this.stopped = true;
    if (this.manualRetry !== null) window.clearTimeout(this.manualRetry);
    window.removeEventListener('offline', this.onBrowserOffline);
    window.removeEventListener('online', this.onBrowserOnline);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  private handshake(): LiveHandshake {
    return { lastSeq: this.sequence.lastApplied, lastPositionSeq: this.lastPositionSeq };
  }

  private receive<T extends LiveEventType>(type: T, event: LiveEventMap[T]): void {
    for (const item of this.sequence.receive(type, event)) this.options.store.receiveEvent(item.type, item.event);
  }

  private readonly onBrowserOffline = () => {
    if (!this.socket?.connected) this.options.store.setConnection('offline');
  };

  /**
   * The network is back: try at once rather than wait out a backoff grown
   * long while offline. A small random delay still spreads a room of tablets.
   */
  private readonly onBrowserOnline = () => {
    if (this.stopped || this.socket?.connected) return;
    this.options.store.setConnection('reconnecting');
    window.setTimeout(() => {
      if (this.stopped || !this.socket || this.socket.connected) return;
      this.socket.disconnect();
      this.socket.connect();
    }, Math.random() * 1_000);
  };

  private retryAfterServerDisconnect(): void {
    if (this.manualRetry !== null) return;
    const wasAuth = this.authRejected;
    this.authRejected = false;
    const retry = () => {
      this.manualRetry = window.setTimeout(() => {
        this.manualRetry = null;
        if (!this.stopped) this.socket?.connect();
      }, jitteredDelayMs(this.manualAttempts++));
    };
    if (!wasAuth) {
      retry();
      return;
    }
    this.options.store.setConnection('offline');
    void this.options.onAuthRejected().then((stillSignedIn) => {
      if (stillSignedIn && !this.stopped) retry();
    });
  }
}
