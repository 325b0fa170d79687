import fc from 'fast-check';
import {
  type KnownVehicle,
  PACKED_POSITION_BYTES,
  type PackablePosition,
  packedBytes,
  packedCount,
  packedData,
  PositionPacker,
  unpackPositions,
  uuidBytes,
} from './packed-positions';

const TRUCK = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const PUMP = '00000000-0000-4000-8000-0000000000ff';

function position(entityId: string, overrides: Partial<PackablePosition> = {}): PackablePosition {
  return {
    entityId,
    lat: 31.2304,
    lng: 121.4737,
    fixTimeMs: Date.UTC(2026, 10, 30, 8, 15, 30, 250),
    positionSeq: 9_007_199_254_740_000,
    speedKmh: 42.195,
    bearingDeg: 359.5,
    ...overrides,
  };
}

describe('packed positions', () => {
  it('reads back every field of every record exactly, names from the frame', () => {
    const packer = new PositionPacker();
    packer.add(uuidBytes(TRUCK), position(TRUCK));
    packer.add(uuidBytes(PUMP), position(PUMP, { speedKmh: null, bearingDeg: null, positionSeq: 7, lat: -33.9 }));
    const data = packer.bytes();
    expect(data.byteLength).toBe(2 * PACKED_POSITION_BYTES);
    const known = new Map<string, KnownVehicle>();
    const { positions, unnamed } = unpackPositions(
      {
        positionSeq: packer.positionSeq,
        names: [
          [TRUCK, 'truck', 'T07', 'dev-7'],
          [PUMP, 'pump', 'P2', 'dev-p2'],
        ],
        data: packedData(data),
      },
      known,
    );
    expect(unnamed).toBe(0);
    expect(packer.positionSeq).toBe(9_007_199_254_740_000);
    expect(positions).toEqual([
      {
        entityType: 'truck',
        entityId: TRUCK,
        label: 'T07',
        deviceId: 'dev-7',
        fixTime: '2026-11-30T08:15:30.250Z',
        lat: 31.2304,
        lng: 121.4737,
        speedKmh: 42.195,
        bearingDeg: 359.5,
        positionSeq: 9_007_199_254_740_000,
      },
      {
        entityType: 'pump',
        entityId: PUMP,
        label: 'P2',
        deviceId: 'dev-p2',
        fixTime: '2026-11-30T08:15:30.250Z',
        lat: -33.9,
        lng: 121.4737,
        speedKmh: null,
        bearingDeg: null,
        positionSeq: 7,
      },
    ]);
  });

  it('keeps names learned from an earlier frame and leaves out, counted, a vehicle never named', () => {
    const known = new Map<string, KnownVehicle>([[TRUCK, { entityType: 'truck', label: 'T07', deviceId: 'dev-7' }]]);
    const packer = new PositionPacker();
    packer.add(uuidBytes(PUMP), position(PUMP));
    packer.add(uuidBytes(TRUCK), position(TRUCK));
    const { positions, unnamed } = unpackPositions(
      { positionSeq: 1, names: [], data: packedData(packer.bytes()) },
      known,
    );
    expect(unnamed).toBe(1);
    expect(positions.map((item) => item.label)).toEqual(['T07']);
  });

  it('carries the records as base64 text that any base64 coder reads and writes alike', () => {
    const packer = new PositionPacker();
    packer.add(uuidBytes(TRUCK), position(TRUCK));
    const bytes = packer.bytes();
    const text = packedData(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(packedBytes(text)).toEqual(bytes);
    expect(packedBytes(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
  });

  it('reads nothing from a torn frame or one that is not text', () => {
    const records = (bytes: number) => Buffer.alloc(bytes).toString('base64');
    expect(packedCount({ data: records(PACKED_POSITION_BYTES + 5) })).toBe(0);
    expect(packedCount({ data: records(3 * PACKED_POSITION_BYTES) })).toBe(3);
    expect(packedCount({ data: records(3 * PACKED_POSITION_BYTES).slice(1) })).toBe(0);
    expect(packedCount({ data: new Uint8Array(64) as unknown as string })).toBe(0);
    const known = new Map<string, KnownVehicle>();
    expect(unpackPositions({ positionSeq: 1, names: [], data: records(70) }, known).positions).toEqual([]);
  });

  it('refuses an entity id that is not a UUID', () => {
    expect(() => uuidBytes('T07')).toThrow('not a UUID');
  });

  it('round-trips any positions, across frames of any size, with the packer reused', () => {
    const record = fc.record({
      entityId: fc.uuid(),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
      fixTimeMs: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      positionSeq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      speedKmh: fc.option(fc.double({ min: 0, max: 300, noNaN: true })),
      bearingDeg: fc.option(fc.double({ min: 0, max: 360, noNaN: true, maxExcluded: true })),
    });
    const packer = new PositionPacker();
    fc.assert(
      fc.property(fc.array(fc.array(record, { maxLength: 600 }), { maxLength: 3 }), (frames) => {
        for (const records of frames) {
          packer.reset();
          for (const item of records) packer.add(uuidBytes(item.entityId), item);
          const names = records.map(
            (item) => [item.entityId.toLowerCase(), 'truck', 'L', 'D'] as [string, 'truck', string, string],
          );
          const { positions } = unpackPositions(
            { positionSeq: packer.positionSeq, names, data: packedData(packer.bytes()) },
            new Map(),
          );
          expect(positions.map((item) => [item.entityId, item.lat, item.lng, item.positionSeq, item.speedKmh])).toEqual(
            records.map((item) => [item.entityId.toLowerCase(), item.lat, item.lng, item.positionSeq, item.speedKmh]),
          );
          expect(positions.map((item) => Date.parse(item.fixTime))).toEqual(records.map((item) => item.fixTimeMs));
          expect(packer.positionSeq).toBe(Math.max(0, ...records.map((item) => item.positionSeq)));
        }
      }),
      { numRuns: 60 },
    );
  });
});
