import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { LoadDto, PourDto } from '@pourline/contracts';
import { adminSession } from '../support/factories';
import { databaseUrl } from '../support/database';
import { connectReady } from '../support/live-support';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  createTruck,
  getLoad,
  type LoadCrew,
  loadAt,
  scheduleLoad,
} from '../support/load-factories';

/**
 * A pour that completes or is cancelled settles its loads in the same
 * transaction: tickets not yet started are cancelled and their trucks freed,
 * concrete on the road is kept to the end of its cycle.
 */
describe('Settling a closing pour’s loads', () => {
  let crew: LoadCrew;

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
  });

  async function pourInProgress(): Promise<{ pour: PourDto; waiting: LoadDto; onTheRoad: LoadDto }> {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world);
    const onTheRoad = await loadAt(crew, pour, 'en_route');
    const waiting = await scheduleLoad(crew, pour);
    // The first concrete on its way puts the pour in progress.
    expect((await crew.dispatcher.get(`/pours/${pour.id}`)).body.status).toBe('in_progress');
    return { pour, waiting, onTheRoad };
  }

  it.each(['completed', 'cancelled'] as const)(
    'when the pour is %s: cancels waiting tickets, frees their trucks, keeps the road, and says so live',
    async (status) => {
      const { pour, waiting, onTheRoad } = await pourInProgress();
      const room = await connectReady({ token: crew.dispatcher.token! });
      try {
        const answer = await crew.dispatcher.post(`/pours/${pour.id}/status`, { status });
        expect(answer.status).toBe(200);
        expect((await getLoad(crew.dispatcher, waiting.id)).status).toBe('cancelled');
        expect((await getLoad(crew.dispatcher, onTheRoad.id)).status).toBe('en_route');
        const events = (await crew.dispatcher.get(`/loads/${waiting.id}/events`)).body;
        expect(events.at(-1)).toMatchObject({ fromStatus: 'scheduled', toStatus: 'cancelled', note: `pour ${status}` });
        const heard = await room.waitForEvent(
          'the cancelled ticket in the dispatch room',
          (item) =>
            item.name === 'load.changed.v1' &&
            item.data.payload.id === waiting.id &&
            item.data.payload.status === 'cancelled',
        );
        const pourSeq = await room.waitForEvent(
          'the pour’s new status',
          (item) =>
            item.name === 'pour.status.v1' &&
            item.data.payload.pourId === pour.id &&
            item.data.payload.status === status,
        );
        expect(heard.data.seq).toBeLessThan(pourSeq.data.seq);

        // The truck that waited is free for another pour; the one on the road ends its cycle.
        const other = await createReadyPour(crew, await createLoadWorld(crew.admin, crew));
        const freed = await crew.dispatcher.post(`/pours/${other.id}/loads`, { truckId: waiting.truckId, volumeM3: 8 });
        expect(freed.status).toBe(201);
        await advanceLoad(crew, onTheRoad.id, 'back_at_plant');
        expect((await getLoad(crew.dispatcher, onTheRoad.id)).status).toBe('back_at_plant');
      } finally {
        room.close();
      }
    },
  );

  describe('in one transaction', () => {
    let database: Client;
    const suffix = randomBytes(4).toString('hex');
    const functionName = `e2e_fail_settle_${suffix}`;
    const triggerName = `e2e_fail_settle_trigger_${suffix}`;

    beforeAll(async () => {
      database = new Client({ connectionString: databaseUrl(process.env.POURLINE_E2E_DATABASE!) });
      await database.connect();
    });

    afterAll(async () => {
      await database.query(`DROP TRIGGER IF EXISTS ${triggerName} ON load_events`).catch(() => undefined);
      await database.query(`DROP FUNCTION IF EXISTS ${functionName}()`).catch(() => undefined);
      await database.end();
    });

    it('leaves the pour and every ticket as they were when settling one ticket fails', async () => {
      const { pour, waiting } = await pourInProgress();
      const second = await scheduleLoad(crew, pour, { truck: await createTruck(crew.admin, pour.plantId) });
      expect(second.id).toMatch(/^[0-9a-f-]{36}$/);
      await database.query(`
        CREATE FUNCTION ${functionName}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.load_id::text = '${second.id}' AND NEW.to_status = 'cancelled' THEN
            RAISE EXCEPTION 'e2e: forced failure while settling a ticket';
          END IF;
          RETURN NEW;
        END
        $$`);
      await database.query(
        `CREATE TRIGGER ${triggerName} BEFORE INSERT ON load_events FOR EACH ROW EXECUTE FUNCTION ${functionName}()`,
      );
      const failed = await crew.dispatcher.post(`/pours/${pour.id}/status`, { status: 'completed' });
      expect(failed.status).toBe(500);
      expect((await crew.dispatcher.get(`/pours/${pour.id}`)).body.status).toBe('in_progress');
      expect((await getLoad(crew.dispatcher, waiting.id)).status).toBe('scheduled');
      expect((await getLoad(crew.dispatcher, second.id)).status).toBe('scheduled');

      await database.query(`DROP TRIGGER ${triggerName} ON load_events`);
      expect((await crew.dispatcher.post(`/pours/${pour.id}/status`, { status: 'completed' })).status).toBe(200);
      expect((await getLoad(crew.dispatcher, waiting.id)).status).toBe('cancelled');
      expect((await getLoad(crew.dispatcher, second.id)).status).toBe('cancelled');
    });
  });
});
