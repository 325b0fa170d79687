import { adminSession, createPlant, createUser } from '../support/factories';
import type { Http } from '../support/http';
import {
  createTrackedTruck,
  ingest,
  latestOf,
  queryE2eDatabase,
  sendFix,
  storedPositions,
  type TrackedTruck,
} from '../support/live-support';

const KNOTS_PER_KMH = 1 / 1.852;

function secondsAgo(seconds: number): Date {
  return new Date((Math.floor(Date.now() / 1000) - seconds) * 1000);
}

const fields = (truck: TrackedTruck, at: Date, extra: Record<string, string> = {}) => ({
  id: truck.deviceId,
  lat: '31.91',
  lon: '118.81',
  timestamp: String(at.getTime()),
  ...extra,
});

/**
 * One tracker's bad fix is its own problem: it is refused alone, with a
 * sentence saying what is wrong, before it can fail the write of the fixes it
 * would have shared a batch with; and a fix that cannot be true is not
 * believed, so it cannot stop a truck on the map.
 */
describe('Ingest isolation and plausibility', () => {
  let admin: Http;
  let dispatcher: Http;
  let plantId: string;
  const trucks: TrackedTruck[] = [];
  let next = 0;
  const freshTruck = () => trucks[next++];

  beforeAll(async () => {
    admin = await adminSession();
    dispatcher = (await createUser(admin, 'dispatcher')).session;
    plantId = (await createPlant(admin)).id;
    for (let index = 0; index < 12; index++) trucks.push(await createTrackedTruck(admin, plantId));
    // The registry reloads on a miss at most once a second: once the last truck is known, all are.
    await sendFix(trucks[trucks.length - 1].deviceId, { lat: 31.9, lng: 118.8, at: secondsAgo(3600) });
  });

  describe('a fix the database could not store', () => {
    it('is refused alone with 400 while 16 good fixes of another truck sent at the same moment are stored', async () => {
      const [bad, good] = [freshTruck(), freshTruck()];
      const goodFixes = Array.from({ length: 16 }, (_, index) =>
        ingest.osmandForm(fields(good, secondsAgo(200 - index), { lat: String(31.9 + index / 1000) })),
      );
      const [refused, ...accepted] = await Promise.all([
        ingest.osmandForm(fields(bad, secondsAgo(100), { driver: 'Li\u0000Wei' })),
        ...goodFixes,
      ]);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/driver: contains a NUL character/);
      expect(accepted.map((answer) => answer.status)).toEqual(Array(16).fill(200));
      expect(await storedPositions(bad.deviceId)).toHaveLength(0);
      expect(await storedPositions(good.deviceId)).toHaveLength(16);
    });

    it('refuses an unpaired surrogate in the JSON variant, naming the field', async () => {
      const truck = freshTruck();
      const answer = await ingest.osmandJson({
        device_id: truck.deviceId,
        location: {
          timestamp: secondsAgo(30).toISOString(),
          coords: { latitude: 31.91, longitude: 118.81 },
          extras: { note: 'half \ud83d' },
        },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/unpaired UTF-16 surrogate/);
      expect(await storedPositions(truck.deviceId)).toHaveLength(0);
    });

    it('stores the rest of a write batch when the database refuses one position in it', async () => {
      // What passes every check but the database still refuses: a constraint only the database knows.
      const [bad, good] = [freshTruck(), freshTruck()];
      await queryE2eDatabase(
        `CREATE FUNCTION refuse_test_position() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF NEW.device_id = '${bad.deviceId}' THEN
             RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'check_violation';
           END IF;
           RETURN NEW;
         END $$`,
      );
      await queryE2eDatabase(
        `CREATE TRIGGER refuse_test_position BEFORE INSERT ON positions FOR EACH ROW EXECUTE FUNCTION refuse_test_position()`,
      );
      try {
        const answers = await Promise.all([
          ingest.osmandForm(fields(bad, secondsAgo(90))),
          ...Array.from({ length: 10 }, (_, index) => ingest.osmandForm(fields(good, secondsAgo(80 - index)))),
        ]);
        expect(answers[0].status).toBe(400);
        expect(answers[0].body.code).toBe('position_not_storable');
        expect(answers.slice(1).map((answer) => answer.status)).toEqual(Array(10).fill(200));
        expect(await storedPositions(good.deviceId)).toHaveLength(10);
        expect(await storedPositions(bad.deviceId)).toHaveLength(0);
      } finally {
        await queryE2eDatabase('DROP TRIGGER refuse_test_position ON positions');
        await queryE2eDatabase('DROP FUNCTION refuse_test_position()');
      }
    });
  });

  describe('a gateway batch', () => {
    it('stores its good items and lists each refused one with its index and reason', async () => {
      const [first, second] = [freshTruck(), freshTruck()];
      const at = secondsAgo(50).toISOString();
      const answer = await ingest.batch({
        positions: [
          { deviceId: first.deviceId, lat: 31.901, lng: 118.801, timestamp: at, speedKmh: 40 },
          { deviceId: first.deviceId, lat: 31.902, lng: 118.802, timestamp: at, attributes: { plate: 'SU\u0000A' } },
          { deviceId: second.deviceId, lat: 31.903, lng: 118.803, timestamp: at, speedKmh: 300 },
          {
            deviceId: second.deviceId,
            lat: 31.904,
            lng: 118.804,
            timestamp: new Date(Date.now() + 20 * 3600_000).toISOString(),
          },
          { deviceId: second.deviceId, lat: 31.905, lng: 118.805, timestamp: at, speedKmh: 12 },
        ],
      });
      expect(answer.status).toBe(200);
      expect(answer.body.accepted).toBe(2);
      expect(answer.body.refused).toEqual([
        { index: 1, deviceId: null, status: 400, message: 'attributes.plate: contains a NUL character' },
        {
          index: 2,
          deviceId: second.deviceId,
          status: 400,
          message: expect.stringMatching(/^Implausible position: speed: 300 km\/h .*at most 250 km\/h/),
        },
        {
          index: 3,
          deviceId: second.deviceId,
          status: 400,
          message: expect.stringMatching(/fix time: .* is 20 h ahead of the server clock/),
        },
      ]);
      expect((await storedPositions(first.deviceId)).map((row) => row.lat)).toEqual([31.901]);
      expect((await storedPositions(second.deviceId)).map((row) => row.lat)).toEqual([31.905]);
    });
  });

  describe('implausible fixes', () => {
    it.each([
      ['1e999 knots', '1e999', /speed: must be a number >= 0/],
      ['300 km/h', String(300 * KNOTS_PER_KMH), /speed: 300 km\/h is faster than any truck or pump drives/],
    ])('refuses a speed of %s with 400, storing nothing', async (_case, speed, reason) => {
      const truck = freshTruck();
      const answer = await ingest.osmandForm(fields(truck, secondsAgo(20), { speed }));
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(reason);
      expect(await storedPositions(truck.deviceId)).toHaveLength(0);
    });

    it('refuses a fix dated 20 h ahead, and the truck keeps following its real fixes', async () => {
      const truck = freshTruck();
      await sendFix(truck.deviceId, { lat: 31.91, lng: 118.81, at: secondsAgo(60) });
      const ahead = await ingest.osmandForm(
        fields(truck, new Date(Date.now() + 20 * 3600_000), { lat: '31.99', lon: '118.99' }),
      );
      expect(ahead.status).toBe(400);
      expect(ahead.body.code).toBe('implausible_position');
      expect(ahead.body.message).toMatch(/20 h ahead of the server clock \(at most 5 min is accepted\)/);
      // Six minutes ahead is past the default allowance too.
      const sixMinutes = await ingest.osmandForm(fields(truck, new Date(Date.now() + 6 * 60_000)));
      expect(sixMinutes.status).toBe(400);

      const real = secondsAgo(5);
      await sendFix(truck.deviceId, { lat: 31.92, lng: 118.82, at: real });
      expect(await latestOf(dispatcher, truck.id)).toMatchObject({ lat: 31.92, fixTime: real.toISOString() });
      expect(await storedPositions(truck.deviceId)).toHaveLength(2);
    });

    it('unfreezes a truck whose latest position was stored from a clock far ahead before such fixes were refused', async () => {
      const truck = freshTruck();
      await sendFix(truck.deviceId, { lat: 31.91, lng: 118.81, at: secondsAgo(60) });
      await queryE2eDatabase(
        `UPDATE latest_positions SET fix_time = now() + interval '20 hours', lat = 31.99 WHERE entity_id = $1`,
        [truck.id],
      );
      const real = secondsAgo(2);
      await sendFix(truck.deviceId, { lat: 31.93, lng: 118.83, at: real });
      expect(await latestOf(dispatcher, truck.id)).toMatchObject({ lat: 31.93, fixTime: real.toISOString() });
    });

    it('accepts a clock a little ahead, within the allowance', async () => {
      const truck = freshTruck();
      const slightlyAhead = new Date(Date.now() + 60_000);
      await sendFix(truck.deviceId, { lat: 31.94, lng: 118.84, at: slightlyAhead });
      expect(await latestOf(dispatcher, truck.id)).toMatchObject({ lat: 31.94 });
    });
  });
});
