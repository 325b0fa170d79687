import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  type LatestPositionDto,
  type LiveEventType,
  type LiveHandshake,
  packedData,
  PositionPacker,
  type ServerToClientEvents,
  uuidBytes,
} from '@pourline/contracts';
import type { Socket } from 'socket.io-client';
import { LiveConnection } from './LiveConnection';
import { LiveStore } from './LiveStore';

beforeAll(() => {
  const noop = () => undefined;
  Object.assign(globalThis, {
    window: Object.assign(globalThis, { addEventListener: noop, removeEventListener: noop }),
    navigator: { onLine: true },
  });
});

/** Plays the server's side of one socket: what the handshake said, and what arrives. */
class FakeSocket {
  readonly handlers = new Map<string, (payload: unknown) => void>();
  connected = false;
  constructor(private readonly auth: (send: (data: object) => void) => void) {}
  on(event: string, handler: (payload: unknown) => void) {
    this.handlers.set(event, handler);
    return this;
  }
  handshake(): LiveHandshake {
    let sent: LiveHandshake | undefined;
    this.auth((data) => (sent = data as LiveHandshake));
    return sent!;
  }
  fire(event: string, payload: unknown = undefined) {
    this.handlers.get(event)?.(payload);
  }
  event(seq: number) {
    this.fire('pour.status.v1', { seq, at: '2026-11-28T02:00:00.000Z', payload: { pourId: `p${seq}` } });
  }
  removeAllListeners() {}
  disconnect() {}
  connect() {}
}

function connect() {
  const store = new LiveStore();
  const applied: number[] = [];
  const positions: LatestPositionDto[] = [];
  store.receivePositions = (batch) => void positions.push(...batch);
  let resyncs = 0;
  store.receiveEvent = (_type: LiveEventType, event: { seq: number }) => void applied.push(event.seq);
  store.requestResync = () => void (resyncs += 1);
  let socket: FakeSocket | undefined;
  const connection = new LiveConnection({
    store,
    onAuthRejected: () => Promise.resolve(true),
    openSocket: (options) => {
      socket = new FakeSocket(options.auth as never);
      return socket as unknown as Socket<ServerToClientEvents>;
    },
  });
  connection.start();
  return { socket: socket!, applied, positions, resyncs: () => resyncs };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

const TRUCK = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

function packed(positionSeq: number, lat: number, names: [string, 'truck', string, string][] = []) {
  const packer = new PositionPacker();
  packer.add(uuidBytes(TRUCK), {
    entityId: TRUCK,
    lat,
    lng: 118.8,
    fixTimeMs: Date.UTC(2026, 10, 30, 2, 0, positionSeq),
    positionSeq,
    speedKmh: 30,
    bearingDeg: null,
  });
  return { positionSeq, names, data: packedData(packer.bytes()) };
}

describe(LiveConnection.name, () => {
  it('reads packed position frames with the names the snapshot or an earlier frame gave, and resumes from their number', () => {
    const { socket, positions } = connect();
    // Before anything names the truck, its record cannot be shown.
    socket.fire('positions.packed.v2', packed(4, 31.1));
    expect(positions).toEqual([]);
    socket.fire('positions.packed.v2', packed(5, 31.2, [[TRUCK, 'truck', 'T07', 'dev-7']]));
    socket.fire('positions.packed.v2', packed(6, 31.3));
    expect(positions.map(({ label, deviceId, lat, positionSeq }) => [label, deviceId, lat, positionSeq])).toEqual([
      ['T07', 'dev-7', 31.2, 5],
      ['T07', 'dev-7', 31.3, 6],
    ]);
    expect(socket.handshake().lastPositionSeq).toBe(6);
  });

  it('learns names from the snapshot sent on connecting', () => {
    const { socket, positions } = connect();
    const snapshot: LatestPositionDto = {
      entityType: 'truck',
      entityId: TRUCK,
      label: 'T09',
      deviceId: 'dev-9',
      fixTime: '2026-11-30T02:00:00.000Z',
      lat: 31,
      lng: 118.8,
      speedKmh: null,
      bearingDeg: null,
      positionSeq: 3,
    };
    socket.fire('positions.v1', { positionSeq: 3, positions: [snapshot] });
    socket.fire('positions.packed.v2', packed(8, 31.5));
    expect(positions.map(({ label, lat }) => [label, lat])).toEqual([
      ['T09', 31],
      ['T09', 31.5],
    ]);
  });

  it('applies replay and live events that arrive mixed before ready once each, in order', () => {
    const { socket, applied } = connect();
    expect(socket.handshake().lastSeq).toBe(0);
    for (const seq of [3, 5, 4, 5, 6]) socket.event(seq);
    expect(applied).toEqual([]);
    socket.fire('live.ready.v1', { seq: 5, positionSeq: 0, replayed: 3 });
    socket.event(6);
    socket.event(7);
    expect(applied).toEqual([3, 4, 5, 6, 7]);
    expect(socket.handshake().lastSeq).toBe(7);
  });

  it('after a 20,000-event absence, takes the gap notice as a reason to refetch its snapshots', () => {
    const { socket, applied, resyncs } = connect();
    socket.fire('live.ready.v1', { seq: 100, positionSeq: 0, replayed: 0 });
    for (const seq of range(101, 105)) socket.event(seq);
    expect(resyncs()).toBe(0);
    socket.fire('disconnect', 'transport close');
    expect(socket.handshake().lastSeq).toBe(105);

    socket.fire('live.gap.v1', { from: 106, to: 20_105 });
    socket.event(25_106); // live, before the replay is over
    for (const seq of range(20_106, 25_105)) socket.event(seq);
    socket.fire('live.ready.v1', { seq: 25_105, positionSeq: 0, replayed: 5_000 });

    expect(resyncs()).toBe(1);
    expect(applied).toEqual([...range(101, 105), ...range(20_106, 25_106)]);
    expect(socket.handshake().lastSeq).toBe(25_106);
  });

  it('asks for snapshots after a gap even on its first connection', () => {
    const { socket, resyncs } = connect();
    socket.fire('live.gap.v1', { from: 1, to: 10 });
    socket.fire('live.ready.v1', { seq: 10, positionSeq: 0, replayed: 0 });
    expect(resyncs()).toBe(1);
  });

  it('forgets its numbers when the server is behind it, applies the server’s and refetches', () => {
    const { socket, applied, resyncs } = connect();
    socket.fire('live.ready.v1', { seq: 900, positionSeq: 0, replayed: 0 });
    socket.fire('disconnect', 'transport close');
    socket.fire('live.reset.v1', { seq: 40 });
    for (const seq of [39, 40]) socket.event(seq);
    socket.fire('live.ready.v1', { seq: 40, positionSeq: 0, replayed: 2 });
    socket.event(41);
    expect(applied).toEqual([39, 40, 41]);
    expect(resyncs()).toBe(1);
    expect(socket.handshake().lastSeq).toBe(41);
  });
});
