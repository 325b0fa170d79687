import { Client } from 'pg';
import type { LoadDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { adminSession, square } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  getLoad,
  type LoadCrew,
  scheduleLoad,
} from '../support/load-factories';
import {
  createTrackedTruck,
  northOfFence,
  PLANT,
  sendFix,
  SITE,
  type TrackedTruck,
  waitFor,
} from '../support/live-support';
import { ADMIN_PASSWORD } from '../support/test-constants';

let lastFixMs = 0;
function fixTime(): Date {
  lastFixMs = Math.max(Date.now(), lastFixMs + 1);
  return new Date(lastFixMs);
}

/**
 * Which load each truck is on is kept in memory per changed load; a change
 * whose notice never came (made with the database's triggers off) is caught
 * by the periodic reconcile, and the fences then judge by it.
 */
describe('The view of active loads', () => {
  const savedUrl = process.env.POURLINE_API_URL;
  let database: string;
  let api: RunningApi;
  let crew: LoadCrew;
  let first: TrackedTruck;
  let second: TrackedTruck;
  let load: LoadDto;

  const report = (truck: TrackedTruck, at: { lat: number; lng: number }) =>
    sendFix(truck.deviceId, { ...at, at: fixTime(), speedKmh: 20 });
  const statusOf = async (loadId: string): Promise<LoadStatus> => (await getLoad(crew.dispatcher, loadId)).status;

  beforeAll(async () => {
    database = await createDatabase('pourline_active_loads');
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      DEMO: 'false',
      ADMIN_PASSWORD,
      JWT_SECRET: 'reconcile-secret-long-enough-for-hs256-0123456789',
      REDIS_URL: '',
      LOG_LEVEL: 'info',
      ACTIVE_LOADS_RECONCILE_SECONDS: '1',
    });
    process.env.POURLINE_API_URL = api.baseUrl;
    const admin = await adminSession();
    crew = await createCrew(admin);
    const world = await createLoadWorld(admin, crew);
    const pour = await createReadyPour(crew, world);
    [first, second] = [
      await createTrackedTruck(admin, world.plant.id),
      await createTrackedTruck(admin, world.plant.id),
    ];
    load = await scheduleLoad(crew, pour, { truck: first });
    await advanceLoad(crew, load.id, 'released');
  }, 180_000);

  afterAll(async () => {
    process.env.POURLINE_API_URL = savedUrl;
    await api?.stop();
    if (database) await dropDatabase(database);
  }, 60_000);

  it('follows a step the fences made: the truck’s next crossing is judged against the new status', async () => {
    await report(first, PLANT);
    await report(first, northOfFence(PLANT, 60));
    await waitFor('the load to leave the plant', async () => (await statusOf(load.id)) === 'en_route');
    await report(first, { lat: SITE.lat + 0.0005, lng: SITE.lng });
    await waitFor('the load to arrive on site', async () => (await statusOf(load.id)) === 'on_site');
  });

  it('catches, by its reconcile, a change no notice announced', async () => {
    const logSoFar = api.output().length;
    // Back on the road, unannounced, and on the other truck: no trigger fires in replica mode.
    const client = new Client({ connectionString: databaseUrl(database) });
    await client.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE loads SET status = 'en_route', truck_id = $2 WHERE id = $1`, [load.id, second.id]);
    } finally {
      await client.end();
    }
    // Only a view that knows the second truck is on this load can make its arrival count.
    await waitFor(
      'the second truck’s arrival to move the load',
      async () => {
        await report(second, { lat: SITE.lat + 0.0005, lng: SITE.lng });
        return (await statusOf(load.id)) === 'on_site';
      },
      15_000,
      200,
    );
    expect(api.output().slice(logSoFar)).toMatch(/reconcile corrected 1 active load\(s\) a change notice had not/);
  }, 30_000);

  it('catches a fence redrawn with no notice by its fingerprint alone, and judges the next fix by the new fence', async () => {
    const corrections = () => api.output().match(/reconcile corrected 1 active load\(s\)/g)?.length ?? 0;
    const unannounced = async (sql: string, values: unknown[]) => {
      const client = new Client({ connectionString: databaseUrl(database) });
      await client.connect();
      try {
        await client.query(`SET session_replication_role = replica`);
        await client.query(sql, values);
      } finally {
        await client.end();
      }
    };
    // On the road again, unannounced; the reconcile puts that right first.
    let before = corrections();
    await unannounced(`UPDATE loads SET status = 'en_route' WHERE id = $1`, [load.id]);
    await waitFor('the reconcile to see the load on the road', () => corrections() > before, 15_000, 100);
    // Then the site's fence moves 2 km north, unannounced: the load's own row is untouched.
    const moved = { lat: SITE.lat + 0.018, lng: SITE.lng };
    before = corrections();
    await unannounced(`UPDATE projects SET geofence = $2 WHERE id = (SELECT project_id FROM pours WHERE id = $1)`, [
      load.pourId,
      JSON.stringify(square(moved.lat, moved.lng)),
    ]);
    await waitFor('the reconcile to see the new fence', () => corrections() > before, 15_000, 100);
    // Inside the new fence only: judged by the old one, the truck would still be on the road.
    await report(second, moved);
    await waitFor(
      'the arrival inside the new fence to move the load',
      async () => (await statusOf(load.id)) === 'on_site',
    );
  }, 45_000);
});
