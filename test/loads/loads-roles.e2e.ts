import type { LoadDto, PourDto } from '@pourline/contracts';
import { adminSession, createUser, type PourWorld } from '../support/factories';
import { Http } from '../support/http';
import {
  createCrew,
  createLoadWorld,
  createReadyPour,
  getLoad,
  loadAt,
  type LoadCrew,
  PASSING_SLUMP_MM,
  pourLoads,
  recordQcTest,
  scheduleLoad,
  SITE_NAME,
} from '../support/load-factories';

describe('Who may read and move loads', () => {
  let admin: Http;
  let crew: LoadCrew;
  let ownWorld: PourWorld;
  let ownPour: PourDto;
  let otherPour: PourDto;

  beforeAll(async () => {
    admin = await adminSession();
    crew = await createCrew(admin);
    ownWorld = await createLoadWorld(admin, crew);
    const otherWorld = await createLoadWorld(admin, crew, { siteDispatcherIds: [] });
    [ownPour, otherPour] = await Promise.all([createReadyPour(crew, ownWorld), createReadyPour(crew, otherWorld)]);
  });

  describe('a site dispatcher', () => {
    it('enters the site re-test from the tablet on their own project, under their name, but never a plant test', async () => {
      const load = await loadAt(crew, ownPour, 'on_site');
      const answer = await recordQcTest(crew.site, load.id, {
        stage: 'site',
        slumpMm: PASSING_SLUMP_MM,
        temperatureC: 20,
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ outcome: 'accepted', inspectorName: SITE_NAME });
      const other = await loadAt(crew, otherPour, 'on_site');
      expect((await recordQcTest(crew.site, other.id, { stage: 'site', slumpMm: PASSING_SLUMP_MM })).status).toBe(404);
      const atPlant = await loadAt(crew, ownPour, 'plant_qc');
      const plant = await recordQcTest(crew.site, atPlant.id, { stage: 'plant', slumpMm: PASSING_SLUMP_MM });
      expect(plant.status).toBe(403);
      expect(plant.body.code).toBe('plant_test_not_allowed');
    });

    it('confirms the arrival of a load on their own project, and the step carries their name', async () => {
      const load = await loadAt(crew, ownPour, 'en_route');
      const answer = await crew.site.post<LoadDto>(`/loads/${load.id}/arrive`, {});
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('on_site');
      const events = (await crew.site.get(`/loads/${load.id}/events`)).body as {
        toStatus: string;
        actorName: string;
      }[];
      expect(events.find((event) => event.toStatus === 'on_site')?.actorName).toBe(SITE_NAME);
    });

    it('gets 404 for another project’s load, and cannot move it', async () => {
      const load = await loadAt(crew, otherPour, 'en_route');
      expect((await crew.site.get(`/loads/${load.id}`)).status).toBe(404);
      expect((await crew.site.get(`/loads/${load.id}/events`)).status).toBe(404);
      expect((await crew.site.get(`/loads/${load.id}/qc-tests`)).status).toBe(404);
      expect((await crew.site.get(`/pours/${otherPour.id}/loads`)).status).toBe(404);
      expect((await crew.site.post(`/loads/${load.id}/arrive`, {})).status).toBe(404);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('en_route');
    });

    it('sees their own pour’s loads', async () => {
      const answer = await crew.site.get(`/pours/${ownPour.id}/loads`);
      expect(answer.status).toBe(200);
      expect(answer.body.loads.length).toBeGreaterThan(0);
    });

    it('cannot dispatch, even on their own project', async () => {
      const before = (await pourLoads(crew.dispatcher, ownPour.id)).loads.length;
      expect((await crew.site.post(`/pours/${ownPour.id}/loads`, { truckId: null, volumeM3: 10 })).status).toBe(403);
      expect((await pourLoads(crew.dispatcher, ownPour.id)).loads.length).toBe(before);
      const load = await scheduleLoad(crew, ownPour);
      expect((await crew.site.post(`/loads/${load.id}/start-loading`, {})).status).toBe(403);
      expect((await crew.site.post(`/loads/${load.id}/cancel`, { reason: 'not needed on site today' })).status).toBe(
        403,
      );
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('scheduled');
    });
  });

  describe('after-sales', () => {
    let afterSales: Http;
    let load: LoadDto;

    beforeAll(async () => {
      afterSales = (await createUser(admin, 'after_sales')).session;
      load = await loadAt(crew, ownPour, 'en_route');
    });

    it('reads loads, their events, tests and the pour’s non-conformances', async () => {
      expect((await afterSales.get(`/loads/${load.id}`)).status).toBe(200);
      expect((await afterSales.get(`/loads/${load.id}/events`)).status).toBe(200);
      expect((await afterSales.get(`/loads/${load.id}/qc-tests`)).status).toBe(200);
      expect((await afterSales.get(`/pours/${ownPour.id}/loads`)).status).toBe(200);
      expect((await afterSales.get(`/pours/${ownPour.id}/non-conformances`)).status).toBe(200);
    });

    it('cannot act on a load: 403 and nothing changes', async () => {
      expect((await afterSales.post(`/loads/${load.id}/arrive`, {})).status).toBe(403);
      expect(
        (await afterSales.post(`/loads/${load.id}/divert`, { pourId: otherPour.id, reason: 'the other site needs it' }))
          .status,
      ).toBe(403);
      expect(
        (await afterSales.post(`/loads/${load.id}/water`, { litres: 10, addedBy: 'x', requestedBy: 'y' })).status,
      ).toBe(403);
      expect((await afterSales.post(`/pours/${ownPour.id}/loads`, { truckId: null, volumeM3: 10 })).status).toBe(403);
      expect((await recordQcTest(afterSales, load.id, { stage: 'site', slumpMm: PASSING_SLUMP_MM })).status).toBe(403);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('en_route');
    });
  });

  describe('a QC inspector', () => {
    it('tests but does not dispatch', async () => {
      const load = await loadAt(crew, ownPour, 'released');
      expect((await crew.qc.post(`/loads/${load.id}/depart`, {})).status).toBe(403);
      expect((await crew.qc.post(`/pours/${ownPour.id}/loads`, { truckId: null, volumeM3: 10 })).status).toBe(403);
      expect((await getLoad(crew.dispatcher, load.id)).status).toBe('released');
    });
  });

  describe('a dispatcher', () => {
    it('may confirm the site steps of any project', async () => {
      const load = await loadAt(crew, otherPour, 'en_route');
      const answer = await crew.dispatcher.post<LoadDto>(`/loads/${load.id}/arrive`, {});
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('on_site');
    });
  });

  it('refuses anonymous callers with 401', async () => {
    const load = await scheduleLoad(crew, ownPour);
    const anonymous = new Http();
    expect((await anonymous.get(`/loads/${load.id}`)).status).toBe(401);
    expect((await anonymous.post(`/loads/${load.id}/start-loading`, {})).status).toBe(401);
  });
});
