import {
  type KnownVehicle,
  LIVE_EVENT_TYPES,
  type LatestPositionDto,
  type LiveGap,
  type LiveReady,
  type LiveReset,
  LiveSequence,
  unpackPositions,
} from '@pourline/contracts';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { databaseUrl } from './database';
import { expectCreated, unique } from './factories';
import type { Http } from './http';
import type { TruckDtoLike } from './load-factories';

/** Where the factories put things: plant at (31.9, 118.8), site at (31.95, 118.85), fences ±0.001°. */
export const PLANT = { lat: 31.9, lng: 118.8 };
export const SITE = { lat: 31.95, lng: 118.85 };
export const FENCE_HALF_DEG = 0.001;

const EARTH_RADIUS_M = 6_371_008.8;
/** Metres in one degree of latitude (and of longitude on the equator). */
export const M_PER_DEG = (Math.PI / 180) * EARTH_RADIUS_M;

/** A point `metres` north of the northern edge of the ±0.001° fence around `centre`. */
export function northOfFence(centre: { lat: number; lng: number }, metres: number) {
  return { lat: centre.lat + FENCE_HALF_DEG + metres / M_PER_DEG, lng: centre.lng };
}

export function haversineM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something truthy, or fails after `timeoutMs` with what it saw last. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T> | T,
  timeoutMs = 5_000,
  intervalMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------- trackers and ingest

export function newDeviceId(): string {
  return `trk-${unique('')}`.toLowerCase();
}

export interface TrackedTruck extends TruckDtoLike {
  deviceId: string;
}

export async function createTrackedTruck(
  admin: Http,
  plantId: string,
  deviceId = newDeviceId(),
): Promise<TrackedTruck> {
  const truck = await expectCreated(
    admin.post('/trucks', {
      fleetNumber: unique('T'),
      plateNumber: unique('SU-A'),
      capacityM3: 12,
      homePlantId: plantId,
      trackerDeviceId: deviceId,
    }),
  );
  return { ...truck, deviceId };
}

export interface RawAnswer {
  status: number;
  body: any;
}

function baseOf(baseUrl?: string): string {
  const base = baseUrl ?? process.env.POURLINE_API_URL;
  if (!base) throw new Error('POURLINE_API_URL is not set');
  return base;
}

async function answer(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  try {
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: response.status, body: text };
  }
}

/** The ingest endpoints exactly as a device reaches them: no user token. */
export const ingest = {
  osmandGet(fields: Record<string, string>, baseUrl?: string) {
    return fetch(`${baseOf(baseUrl)}/api/ingest/osmand?${new URLSearchParams(fields)}`).then(answer);
  },
  osmandPostQuery(fields: Record<string, string>, baseUrl?: string) {
    return fetch(`${baseOf(baseUrl)}/api/ingest/osmand?${new URLSearchParams(fields)}`, { method: 'POST' }).then(
      answer,
    );
  },
  osmandForm(fields: Record<string, string>, baseUrl?: string) {
    return fetch(`${baseOf(baseUrl)}/api/ingest/osmand`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    }).then(answer);
  },
  osmandJson(body: unknown, baseUrl?: string) {
    return postJson(`${baseOf(baseUrl)}/api/ingest/osmand`, body);
  },
  traccar(body: unknown, baseUrl?: string) {
    return postJson(`${baseOf(baseUrl)}/api/ingest/traccar`, body);
  },
  batch(body: unknown, baseUrl?: string) {
    return postJson(`${baseOf(baseUrl)}/api/ingest/batch`, body);
  },
};

function postJson(url: string, body: unknown): Promise<RawAnswer> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(answer);
}

export interface Fix {
  lat: number;
  lng: number;
  at: Date;
  /** km/h; sent as knots over OsmAnd. */
  speedKmh?: number;
}

/**
 * One fix over OsmAnd (POST form). A tracker registered a moment ago may be
 * refused as unknown for up to a second while the registry refreshes: retried
 * within a bounded window, nothing is stored by a refusal.
 */
export async function sendFix(deviceId: string, fix: Fix, baseUrl?: string, registryWaitMs = 4_000): Promise<string> {
  const fields: Record<string, string> = {
    id: deviceId,
    lat: String(fix.lat),
    lon: String(fix.lng),
    timestamp: String(fix.at.getTime()),
  };
  if (fix.speedKmh !== undefined) fields.speed = String(fix.speedKmh / 1.852);
  const deadline = Date.now() + registryWaitMs;
  for (;;) {
    const result = await ingest.osmandForm(fields, baseUrl);
    if (result.status === 200) return String(result.body.positionId);
    if (result.status !== 404 || Date.now() >= deadline)
      throw new Error(`fix for ${deviceId} refused: ${result.status} ${JSON.stringify(result.body)}`);
    await sleep(150);
  }
}

export async function latestOf(session: Http, entityId: string): Promise<LatestPositionDto | undefined> {
  const answer = await session.get<LatestPositionDto[]>('/tracking/positions');
  if (answer.status !== 200) throw new Error(`positions: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.find((position) => position.entityId === entityId);
}

// ---------------------------------------------------------------- the shared database

export interface StoredPositionRow {
  id: string;
  deviceId: string;
  entityId: string;
  fixTime: Date;
  lat: number;
  lng: number;
  speedKmh: number | null;
  bearingDeg: number | null;
  altitudeM: number | null;
  accuracyM: number | null;
  batteryPercent: number | null;
  attributes: Record<string, unknown>;
}

function e2eDatabase(): string {
  const name = process.env.POURLINE_E2E_DATABASE;
  if (!name) throw new Error('POURLINE_E2E_DATABASE is not set: run through the e2e Jest project');
  return name;
}

/** Reads the shared e2e database directly: to prove what was, or was not, stored. */
export function queryE2eDatabase<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  return queryDatabase<T>(e2eDatabase(), sql, params);
}

/** Reads a test database directly, by name. */
export function queryDatabase<T = any>(name: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return queryUrl<T>(databaseUrl(name), sql, params);
}

/** Reads any PostgreSQL database directly, by its URL. */
export async function queryUrl<T = any>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Waits until the fence judge has taken in the truck's fix of `fixTime` (or a later one): an
 * event, not a pause. Only a truck on a load is judged; fixes are judged one batch at a time
 * in the order they were stored, so a judged fix means every earlier one was judged too.
 */
export function untilJudged(truckId: string, fixTime: Date, database = e2eDatabase()): Promise<true> {
  return waitFor(
    `the fix of ${fixTime.toISOString()} judged against the fences`,
    async () => {
      const [row] = await queryDatabase<{ lastFixTime: Date | null }>(
        database,
        'SELECT last_fix_time AS "lastFixTime" FROM truck_fence_presence WHERE truck_id = $1',
        [truckId],
      );
      return row?.lastFixTime ? row.lastFixTime.getTime() >= fixTime.getTime() : false;
    },
    6_000,
    25,
  ) as Promise<true>;
}

export function storedPositions(deviceId: string): Promise<StoredPositionRow[]> {
  return queryE2eDatabase<StoredPositionRow>(
    `SELECT id::text, device_id AS "deviceId", entity_id AS "entityId", fix_time AS "fixTime", lat, lng,
            speed_kmh AS "speedKmh", bearing_deg AS "bearingDeg", altitude_m AS "altitudeM",
            accuracy_m AS "accuracyM", battery_percent AS "batteryPercent", attributes
       FROM positions WHERE device_id = $1 ORDER BY positions.id`,
    [deviceId],
  );
}

// ---------------------------------------------------------------- the live socket

export interface Received {
  name: string;
  data: any;
  /** Arrived before `live.ready.v1`: part of the replay or the snapshot. */
  beforeReady: boolean;
}

/** Every numbered event type: a console that left one out would miss its numbers without being told. */
export const NUMBERED_EVENTS: readonly string[] = LIVE_EVENT_TYPES;

/** A console's socket that records everything the server sends, in order. */
export class LiveRecorder {
  readonly received: Received[] = [];
  ready: { seq: number; positionSeq: number; replayed: number } | undefined;
  error: { code: string; message: string } | undefined;
  disconnectReason: string | undefined;
  /** Names of the vehicles heard of, as a console keeps them to read packed frames. */
  readonly vehicles = new Map<string, KnownVehicle>();
  /** Positions in packed frames of vehicles never named: a console could not show them. */
  unnamed = 0;

  constructor(readonly socket: Socket) {
    socket.onAny((name: string, data: any) => {
      if (name === 'positions.v1') {
        for (const { entityId, entityType, label, deviceId } of data.positions)
          this.vehicles.set(entityId, { entityType, label, deviceId });
      }
      if (name === 'positions.packed.v2') {
        // Recorded as read: { positionSeq, positions }, like a snapshot.
        const read = unpackPositions(data, this.vehicles);
        this.unnamed += read.unnamed;
        data = { positionSeq: data.positionSeq, positions: read.positions, names: data.names };
      }
      this.received.push({ name, data, beforeReady: this.ready === undefined });
      if (name === 'live.ready.v1') this.ready = data as LiveRecorder['ready'];
      if (name === 'live.error.v1') this.error = data as LiveRecorder['error'];
    });
    socket.on('disconnect', (reason) => (this.disconnectReason = reason));
  }

  named(name: string): any[] {
    return this.received.filter((item) => item.name === name).map((item) => item.data);
  }

  /** Numbered events, deduplicated by seq (a reconnect may deliver one twice). */
  numbered(filter: (item: Received) => boolean = () => true): { name: string; seq: number; payload: any }[] {
    const seen = new Set<number>();
    const out: { name: string; seq: number; payload: any }[] = [];
    for (const item of this.received) {
      if (!NUMBERED_EVENTS.includes(item.name) || !filter(item)) continue;
      if (seen.has(item.data.seq)) continue;
      seen.add(item.data.seq);
      out.push({ name: item.name, seq: item.data.seq, payload: item.data.payload });
    }
    return out;
  }

  /** Every position received for this entity, in order. */
  positionsOf(entityId: string): LatestPositionDto[] {
    return this.received
      .filter((item) => item.name === 'positions.v1' || item.name === 'positions.packed.v2')
      .map((item) => item.data)
      .flatMap((batch) =>
        (batch.positions as LatestPositionDto[]).filter((position) => position.entityId === entityId),
      );
  }

  waitForReady(timeoutMs = 10_000) {
    return waitFor(
      'live.ready.v1',
      () => this.ready ?? (this.error ? Promise.reject(new Error(JSON.stringify(this.error))) : undefined),
      timeoutMs,
      25,
    );
  }

  waitForEvent(what: string, match: (item: Received) => boolean, timeoutMs = 5_000) {
    return waitFor(what, () => this.received.find(match), timeoutMs, 25);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export interface LiveOptions {
  token?: unknown;
  /** Sent with the handshake, as a browser sends its cookies and Origin. */
  headers?: Record<string, string>;
  lastSeq?: number;
  lastPositionSeq?: number;
  baseUrl?: string;
}

export function connectLive(options: LiveOptions): LiveRecorder {
  const auth: Record<string, unknown> = {};
  if (options.token !== undefined) auth.token = options.token;
  if (options.lastSeq !== undefined) auth.lastSeq = options.lastSeq;
  if (options.lastPositionSeq !== undefined) auth.lastPositionSeq = options.lastPositionSeq;
  const socket = io(`${baseOf(options.baseUrl)}/live`, {
    auth,
    ...(options.headers ? { extraHeaders: options.headers } : {}),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new LiveRecorder(socket);
}

/** Connects and waits for the end of the replay. */
export async function connectReady(options: LiveOptions): Promise<LiveRecorder> {
  const recorder = connectLive(options);
  await recorder.waitForReady();
  return recorder;
}

// ---------------------------------------------------------------- a console that follows the delivery contract

export interface AppliedEvent {
  name: string;
  seq: number;
}

/**
 * A console as the contract in libs/contracts (live.ts) describes it: buffers
 * until live.ready.v1, applies each number once in order, and reconnects with
 * the last number it applied. Records what it applied and the gaps and resets
 * it was told of.
 */
export class ContractConsole {
  readonly applied: AppliedEvent[] = [];
  readonly gaps: LiveGap[] = [];
  readonly resets: LiveReset[] = [];
  readonly readies: LiveReady[] = [];
  private readonly sequence = new LiveSequence<string, { seq: number }>();
  private socket: Socket | undefined;

  constructor(
    private readonly token: string,
    private readonly baseUrl?: string,
  ) {}

  get lastApplied(): number {
    return this.sequence.lastApplied;
  }

  /** Connects (again, from the last number applied unless told) and resolves once live.ready.v1 has been handled. */
  connect(lastSeq = this.sequence.lastApplied): Promise<LiveReady> {
    this.close();
    const auth = { token: this.token, lastSeq };
    const socket = io(`${baseOf(this.baseUrl)}/live`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    return new Promise((resolve, reject) => {
      socket.onAny((name: string, data: any) => {
        if (socket !== this.socket) return;
        if (NUMBERED_EVENTS.includes(name)) this.apply(this.sequence.receive(name, data));
        else if (name === 'live.gap.v1') this.gaps.push(data);
        else if (name === 'live.reset.v1') {
          this.resets.push(data);
          this.sequence.reset();
        } else if (name === 'live.ready.v1') {
          this.apply(this.sequence.ready(data.seq));
          this.readies.push(data);
          resolve(data);
        } else if (name === 'live.error.v1') reject(new Error(JSON.stringify(data)));
      });
      socket.on('connect_error', reject);
    });
  }

  close(): void {
    if (!this.socket) return;
    this.socket.removeAllListeners();
    this.socket.offAny();
    this.socket.close();
    this.socket = undefined;
    this.sequence.disconnected();
  }

  private apply(items: { type: string; event: { seq: number } }[]): void {
    for (const item of items) this.applied.push({ name: item.type, seq: item.event.seq });
  }
}
