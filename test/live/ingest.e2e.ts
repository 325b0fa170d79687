import { adminSession, createPlant, createUser } from '../support/factories';
import type { Http } from '../support/http';
import {
  createTrackedTruck,
  ingest,
  latestOf,
  newDeviceId,
  queryE2eDatabase,
  sendFix,
  storedPositions,
  type TrackedTruck,
} from '../support/live-support';

const KMH_PER_KNOT = 1.852;

/** Whole seconds in the recent past, so every protocol's time format can carry it exactly. */
function recentSecond(secondsAgo: number): Date {
  return new Date((Math.floor(Date.now() / 1000) - secondsAgo) * 1000);
}

/** `yyyy-MM-dd HH:mm:ss` in UTC, as many trackers send it. */
function plainUtc(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

describe('Tracker ingest: positions from OsmAnd, Traccar and gateways', () => {
  let admin: Http;
  let dispatcher: Http;
  let qc: Http;
  let plantId: string;
  const trucks: TrackedTruck[] = [];
  let next = 0;
  /** A truck of its own for each test, so what a test finds stored is its own doing. */
  const freshTruck = () => trucks[next++];

  beforeAll(async () => {
    admin = await adminSession();
    [dispatcher, qc] = (await Promise.all([createUser(admin, 'dispatcher'), createUser(admin, 'qc_inspector')])).map(
      (created) => created.session,
    );
    plantId = (await createPlant(admin)).id;
    for (let index = 0; index < 19; index++) trucks.push(await createTrackedTruck(admin, plantId));
    // The registry reloads on a miss at most once a second: once the last truck is known, all are.
    const warmup = await createTrackedTruck(admin, plantId);
    await sendFix(warmup.deviceId, { lat: 31.9, lng: 118.8, at: recentSecond(600) });
  });

  describe('each protocol form is accepted, stored, and shown as the latest position in km/h', () => {
    it('takes OsmAnd over GET with fields in the query string, Unix seconds and speed in knots', async () => {
      const truck = freshTruck();
      const at = recentSecond(120);
      const answer = await ingest.osmandGet({
        id: truck.deviceId,
        lat: '31.91234',
        lon: '118.81234',
        timestamp: String(at.getTime() / 1000),
        speed: '10',
        bearing: '90.5',
        altitude: '12.5',
        accuracy: '4',
        hdop: '0.9',
        batt: '77',
        ignition: 'true',
      });
      expect(answer.status).toBe(200);
      expect(answer.body.positionId).toEqual(expect.anything());

      const [stored, ...more] = await storedPositions(truck.deviceId);
      expect(more).toHaveLength(0);
      expect(stored.id).toBe(String(answer.body.positionId));
      expect(stored.entityId).toBe(truck.id);
      expect(new Date(stored.fixTime).toISOString()).toBe(at.toISOString());
      expect(stored).toMatchObject({ lat: 31.91234, lng: 118.81234, bearingDeg: 90.5, altitudeM: 12.5 });
      expect(stored).toMatchObject({ accuracyM: 4, batteryPercent: 77 });
      expect(stored.speedKmh).toBeCloseTo(10 * KMH_PER_KNOT, 3);
      expect(stored.attributes).toMatchObject({ hdop: 0.9, ignition: true });

      const latest = await latestOf(dispatcher, truck.id);
      expect(latest).toMatchObject({
        entityType: 'truck',
        entityId: truck.id,
        label: truck.fleetNumber,
        deviceId: truck.deviceId,
        fixTime: at.toISOString(),
        lat: 31.91234,
        lng: 118.81234,
        bearingDeg: 90.5,
      });
      expect(latest!.speedKmh).toBeCloseTo(18.52, 3);
    });

    it('stores the fix time to the microsecond as sent, in milliseconds now or long before 1970', async () => {
      const truck = freshTruck();
      const now = recentSecond(130).getTime() + 987;
      const times = [new Date(now).toISOString(), '1969-07-20T20:17:40.123Z', '0999-12-31T23:59:59.999Z'];
      for (const [index, timestamp] of [String(now), times[1], times[2]].entries()) {
        const answer = await ingest.osmandGet({
          id: truck.deviceId,
          lat: String(31.9 + index / 1000),
          lon: '118.8',
          timestamp,
        });
        expect(answer.status).toBe(200);
      }
      // Read as text by the database itself: a Date would hide a microsecond off.
      const stored = await queryE2eDatabase<{ at: string }>(
        `SELECT to_char(fix_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at
           FROM positions WHERE device_id = $1 ORDER BY fix_time DESC`,
        [truck.deviceId],
      );
      expect(stored.map((row) => row.at)).toEqual(times.map((time) => time.replace('Z', '000')));
    });

    it('takes OsmAnd over POST with the query string, `deviceid`, `location=lat,lon`, Unix ms and `heading`', async () => {
      const truck = freshTruck();
      const at = recentSecond(110);
      const answer = await ingest.osmandPostQuery({
        deviceid: truck.deviceId,
        location: '31.92,118.82',
        timestamp: String(at.getTime()),
        speed: '5',
        heading: '271',
      });
      expect(answer.status).toBe(200);
      const latest = await latestOf(dispatcher, truck.id);
      expect(latest).toMatchObject({ lat: 31.92, lng: 118.82, bearingDeg: 271, fixTime: at.toISOString() });
      expect(latest!.speedKmh).toBeCloseTo(5 * KMH_PER_KNOT, 3);
      expect(await storedPositions(truck.deviceId)).toHaveLength(1);
    });

    it('takes OsmAnd as an HTML form with a `yyyy-MM-dd HH:mm:ss` time read as UTC', async () => {
      const truck = freshTruck();
      const at = recentSecond(100);
      const answer = await ingest.osmandForm({
        id: truck.deviceId,
        lat: '31.93',
        lon: '118.83',
        timestamp: plainUtc(at),
        speed: '20',
      });
      expect(answer.status).toBe(200);
      const latest = await latestOf(dispatcher, truck.id);
      expect(latest).toMatchObject({ lat: 31.93, lng: 118.83, fixTime: at.toISOString() });
      expect(latest!.speedKmh).toBeCloseTo(20 * KMH_PER_KNOT, 3);
    });

    it('takes the OsmAnd JSON variant of Traccar Client, with speed in m/s and an ISO time', async () => {
      const truck = freshTruck();
      const at = recentSecond(90);
      const answer = await ingest.osmandJson({
        device_id: truck.deviceId,
        location: {
          timestamp: at.toISOString(),
          coords: { latitude: 31.94, longitude: 118.84, speed: 10, heading: 45, altitude: 20, accuracy: 6 },
          battery: { level: 0.5, is_charging: false },
          is_moving: true,
        },
      });
      expect(answer.status).toBe(200);
      const latest = await latestOf(dispatcher, truck.id);
      expect(latest).toMatchObject({ lat: 31.94, lng: 118.84, bearingDeg: 45, fixTime: at.toISOString() });
      expect(latest!.speedKmh).toBeCloseTo(36, 3);
      const [stored] = await storedPositions(truck.deviceId);
      expect(stored).toMatchObject({ batteryPercent: 50, altitudeM: 20, accuracyM: 6 });
    });

    it('takes what a Traccar server forwards, with speed in knots and the course', async () => {
      const truck = freshTruck();
      const at = recentSecond(80);
      const answer = await ingest.traccar({
        position: {
          id: 991,
          deviceId: 17,
          latitude: 31.945,
          longitude: 118.845,
          speed: 20,
          course: 180,
          fixTime: at.toISOString(),
          valid: true,
        },
        device: { id: 17, uniqueId: truck.deviceId, name: 'Mixer 17' },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ positionId: expect.anything(), event: null });
      const latest = await latestOf(dispatcher, truck.id);
      expect(latest).toMatchObject({ lat: 31.945, lng: 118.845, bearingDeg: 180, fixTime: at.toISOString() });
      expect(latest!.speedKmh).toBeCloseTo(37.04, 3);
      const [stored] = await storedPositions(truck.deviceId);
      expect(stored.id).toBe(String(answer.body.positionId));
    });

    it('takes a gateway batch, storing the good items and listing each refused one with its reason', async () => {
      const [first, second] = [freshTruck(), freshTruck()];
      const unknown = newDeviceId();
      const at = recentSecond(70);
      const answer = await ingest.batch({
        positions: [
          { deviceId: first.deviceId, lat: 31.901, lng: 118.801, timestamp: at.toISOString(), speedKmh: 42 },
          { deviceId: first.deviceId, lat: 95, lng: 118.801, timestamp: at.toISOString() },
          { deviceId: unknown, lat: 31.9, lng: 118.8, timestamp: at.toISOString() },
          { deviceId: second.deviceId, lat: 31.902, lng: 118.802, timestamp: at.getTime() },
          { deviceId: second.deviceId, lat: 31.903, lng: 118.803 },
        ],
      });
      expect(answer.status).toBe(200);
      expect(answer.body.accepted).toBe(2);
      expect(answer.body.refused).toEqual([
        { index: 1, deviceId: null, status: 400, message: expect.stringContaining('lat') },
        { index: 2, deviceId: unknown, status: 404, message: expect.stringContaining(unknown) },
        { index: 4, deviceId: null, status: 400, message: expect.stringContaining('timestamp') },
      ]);
      const [firstStored, secondStored] = await Promise.all([
        storedPositions(first.deviceId),
        storedPositions(second.deviceId),
      ]);
      expect(firstStored.map((row) => [row.lat, row.lng, row.speedKmh])).toEqual([[31.901, 118.801, 42]]);
      expect(secondStored.map((row) => [row.lat, row.lng, row.speedKmh])).toEqual([[31.902, 118.802, null]]);
      expect((await latestOf(dispatcher, first.id))!.speedKmh).toBe(42);
      expect(await storedPositions(unknown)).toHaveLength(0);
    });
  });

  describe('bad input is refused with 400 naming the field, and nothing is stored', () => {
    let truck: TrackedTruck;
    beforeAll(() => {
      truck = freshTruck();
    });

    const at = () => String(recentSecond(60).getTime());
    const cases: [string, string, () => Promise<{ status: number; body: any }>][] = [
      [
        'a latitude beyond 90',
        'lat',
        () => ingest.osmandGet({ id: truck.deviceId, lat: '95', lon: '118.8', timestamp: at() }),
      ],
      ['a missing longitude', 'lon', () => ingest.osmandForm({ id: truck.deviceId, lat: '31.9', timestamp: at() })],
      [
        'a timestamp that is no time',
        'timestamp',
        () => ingest.osmandForm({ id: truck.deviceId, lat: '31.9', lon: '118.8', timestamp: 'yesterday' }),
      ],
      [
        'a time two days ahead',
        'timestamp',
        () =>
          ingest.osmandForm({
            id: truck.deviceId,
            lat: '31.9',
            lon: '118.8',
            timestamp: String(Date.now() + 48 * 3600_000),
          }),
      ],
      [
        'a negative speed',
        'speed',
        () => ingest.osmandForm({ id: truck.deviceId, lat: '31.9', lon: '118.8', timestamp: at(), speed: '-3' }),
      ],
      [
        'a battery above 100 %',
        'batt',
        () => ingest.osmandForm({ id: truck.deviceId, lat: '31.9', lon: '118.8', timestamp: at(), batt: '150' }),
      ],
      [
        'a bearing of 400°',
        'bearing',
        () => ingest.osmandForm({ id: truck.deviceId, lat: '31.9', lon: '118.8', timestamp: at(), bearing: '400' }),
      ],
      [
        'a hdop that is not a number',
        'hdop',
        () => ingest.osmandForm({ id: truck.deviceId, lat: '31.9', lon: '118.8', timestamp: at(), hdop: 'good' }),
      ],
      [
        '0,0 from a tracker without a fix',
        'lat',
        () => ingest.osmandForm({ id: truck.deviceId, lat: '0', lon: '0', timestamp: at() }),
      ],
      [
        'a `location` that is not "lat,lon"',
        'location',
        () => ingest.osmandForm({ id: truck.deviceId, location: '31.9;118.8', timestamp: at() }),
      ],
      [
        'JSON without a latitude',
        'location.coords.latitude',
        () =>
          ingest.osmandJson({
            device_id: truck.deviceId,
            location: { timestamp: new Date().toISOString(), coords: { longitude: 118.8 } },
          }),
      ],
      [
        'JSON with a speed as text',
        'location.coords.speed',
        () =>
          ingest.osmandJson({
            device_id: truck.deviceId,
            location: {
              timestamp: new Date().toISOString(),
              coords: { latitude: 31.9, longitude: 118.8, speed: 'fast' },
            },
          }),
      ],
      [
        'a Traccar fix marked invalid',
        'position.valid',
        () =>
          ingest.traccar({
            position: { latitude: 31.9, longitude: 118.8, fixTime: new Date().toISOString(), valid: false },
            device: { uniqueId: truck.deviceId },
          }),
      ],
      [
        'a Traccar fix with a longitude of 200',
        'position.longitude',
        () =>
          ingest.traccar({
            position: { latitude: 31.9, longitude: 200, fixTime: new Date().toISOString(), valid: true },
            device: { uniqueId: truck.deviceId },
          }),
      ],
      [
        'a batch whose positions are not a list',
        'positions',
        () => ingest.batch({ positions: { deviceId: truck.deviceId, lat: 31.9, lng: 118.8, timestamp: at() } }),
      ],
    ];

    it.each(cases)('refuses %s, naming `%s`', async (_what, field, send) => {
      const answer = await send();
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('invalid_position');
      expect(answer.body.message).toContain(field);
      expect(answer.body.details.some((detail: string) => detail.startsWith(`${field}`))).toBe(true);
    });

    it('stored none of them', async () => {
      expect(await storedPositions(truck.deviceId)).toHaveLength(0);
      expect(await latestOf(dispatcher, truck.id)).toBeUndefined();
    });

    it('refuses a device id with spaces, naming `id`, and a missing one too', async () => {
      const spaced = await ingest.osmandForm({ id: 'trk one', lat: '31.9', lon: '118.8', timestamp: at() });
      expect(spaced.status).toBe(400);
      expect(spaced.body.message).toContain('id');
      const missing = await ingest.osmandForm({ lat: '31.9', lon: '118.8', timestamp: at() });
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual(expect.arrayContaining([expect.stringMatching(/^id: /)]));
    });
  });

  describe('the request itself', () => {
    const base = () => process.env.POURLINE_API_URL!;

    it('refuses a body that is not JSON with 400 and a sentence saying so', async () => {
      const response = await fetch(`${base()}/api/ingest/traccar`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"position":',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'invalid_json',
        message: expect.stringMatching(/^The body is not valid JSON: /),
      });
    });

    it('refuses a gateway batch over 5 MB with 413, storing nothing', async () => {
      const truck = freshTruck();
      const at = recentSecond(15).toISOString();
      const padding = 'x'.repeat(6 * 1024 * 1024);
      const response = await fetch(`${base()}/api/ingest/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          positions: [{ deviceId: truck.deviceId, lat: 31.9, lng: 118.8, timestamp: at, padding }],
        }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({
        code: 'payload_too_large',
        message: expect.stringContaining('5 MB'),
      });
      expect(await storedPositions(truck.deviceId)).toHaveLength(0);
    });

    it('takes a fix from a page of the console’s own origin, and refuses one from a foreign page', async () => {
      const truck = freshTruck();
      const fields = new URLSearchParams({
        id: truck.deviceId,
        lat: '31.96',
        lon: '118.86',
        timestamp: String(recentSecond(10).getTime()),
      });
      const own = await fetch(`${base()}/api/ingest/osmand?${fields}`, { headers: { origin: base() } });
      expect(own.status).toBe(200);
      const foreign = await fetch(`${base()}/api/ingest/osmand?${fields}`, {
        headers: { origin: 'https://elsewhere.example' },
      });
      expect(foreign.status).toBe(403);
      expect((await foreign.json()).code).toBe('origin_not_allowed');
      expect(await storedPositions(truck.deviceId)).toHaveLength(1);
    });
  });

  describe('an unregistered tracker', () => {
    it('is answered 404 unknown_device, stores nothing, and is counted for the dispatch room', async () => {
      const deviceId = newDeviceId();
      const fields = { id: deviceId, lat: '31.9', lon: '118.8', timestamp: String(Date.now()) };
      const firstTry = await ingest.osmandForm(fields);
      expect(firstTry.status).toBe(404);
      expect(firstTry.body.code).toBe('unknown_device');
      expect((await ingest.osmandGet(fields)).status).toBe(404);
      expect(
        (
          await ingest.traccar({
            position: { latitude: 31.9, longitude: 118.8, fixTime: new Date().toISOString(), valid: true },
            device: { uniqueId: deviceId },
          })
        ).status,
      ).toBe(404);

      const listed = await dispatcher.get('/tracking/unknown-devices');
      expect(listed.status).toBe(200);
      const entry = listed.body.find((device: { deviceId: string }) => device.deviceId === deviceId);
      expect(entry).toMatchObject({ deviceId, attempts: 3 });
      expect(Date.parse(entry.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(entry.firstSeenAt));
      expect(await storedPositions(deviceId)).toHaveLength(0);
    });

    it('is listed for admins and dispatchers only', async () => {
      expect((await admin.get('/tracking/unknown-devices')).status).toBe(200);
      expect((await qc.get('/tracking/unknown-devices')).status).toBe(403);
    });
  });

  describe('late and repeated fixes', () => {
    it('stores an out-of-order fix, but it does not move the latest position back', async () => {
      const truck = freshTruck();
      const newer = recentSecond(30);
      const older = recentSecond(45);
      await sendFix(truck.deviceId, { lat: 31.95, lng: 118.85, at: newer, speedKmh: 30 });
      const late = await ingest.osmandForm({
        id: truck.deviceId,
        lat: '31.91',
        lon: '118.81',
        timestamp: String(older.getTime()),
        speed: '1',
      });
      expect(late.status).toBe(200);

      const stored = await storedPositions(truck.deviceId);
      expect(stored.map((row) => new Date(row.fixTime).toISOString())).toEqual([
        newer.toISOString(),
        older.toISOString(),
      ]);
      const latest = await latestOf(dispatcher, truck.id);
      expect(latest).toMatchObject({ lat: 31.95, lng: 118.85, fixTime: newer.toISOString() });
      expect(latest!.positionSeq).toBe(Number(stored[0].id));
    });

    it('accepts a duplicate fix: both are stored and the latest position stays what it was', async () => {
      const truck = freshTruck();
      const fix = { id: truck.deviceId, lat: '31.935', lon: '118.835', timestamp: String(recentSecond(20).getTime()) };
      const once = await ingest.osmandForm(fix);
      const again = await ingest.osmandForm(fix);
      expect([once.status, again.status]).toEqual([200, 200]);
      const stored = await storedPositions(truck.deviceId);
      expect(stored).toHaveLength(2);
      const latest = await latestOf(dispatcher, truck.id);
      expect(latest).toMatchObject({ lat: 31.935, lng: 118.835, positionSeq: Number(once.body.positionId) });
      const [{ count }] = await queryE2eDatabase<{ count: number }>(
        'SELECT count(*)::int AS count FROM latest_positions WHERE entity_id = $1',
        [truck.id],
      );
      expect(count).toBe(1);
    });
  });
});
