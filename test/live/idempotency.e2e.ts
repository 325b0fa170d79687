import { randomUUID } from 'node:crypto';
import { apiUrl } from '../support/http';
import { adminSession } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  getLoad,
  type LoadCrew,
  PASSING_SLUMP_MM,
  recordQcTest,
  scheduleLoad,
} from '../support/load-factories';
import { connectReady } from '../support/live-support';

/** What a tablet relies on to resend its queued actions after a dropped network. */
describe('Idempotent actions and site requests', () => {
  let crew: LoadCrew;
  let siteToken: string;

  beforeAll(async () => {
    crew = await createCrew(await adminSession());
    siteToken = crew.site.token!;
  });

  async function send(path: string, key: string | undefined, body: unknown = {}) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${siteToken}`,
      'content-type': 'application/json',
    };
    if (key) headers['idempotency-key'] = key;
    const response = await fetch(apiUrl(path), { method: 'POST', headers, body: JSON.stringify(body) });
    return {
      status: response.status,
      replayed: response.headers.get('idempotent-replayed'),
      body: await response.json(),
    };
  }

  async function enRouteLoad() {
    const world = await createLoadWorld(crew.admin, crew);
    const pour = await createReadyPour(crew, world);
    const load = await scheduleLoad(crew, pour);
    await advanceLoad(crew, load.id, 'en_route');
    return { pour, load };
  }

  it('acts once on a repeated action and answers the repeat with the first answer', async () => {
    const { load } = await enRouteLoad();
    const key = randomUUID();
    const first = await send(`/loads/${load.id}/arrive`, key);
    const again = await send(`/loads/${load.id}/arrive`, key);
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, replayed: 'true' });
    expect(again.body.status).toBe('on_site');
    const events = (await crew.dispatcher.get(`/loads/${load.id}/events`)).body;
    expect(events.filter((event: any) => event.toStatus === 'on_site')).toHaveLength(1);
    // Without a key, a second arrival is what it is: illegal.
    expect((await send(`/loads/${load.id}/arrive`, undefined)).status).toBe(409);
  });

  it('replays a refusal as it was, while a new key is judged afresh', async () => {
    const { load } = await enRouteLoad();
    await send(`/loads/${load.id}/arrive`, randomUUID());
    const key = randomUUID();
    const refused = await send(`/loads/${load.id}/start-discharge`, key);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('site_test_missing');
    await recordQcTest(crew.qc, load.id, { stage: 'site', slumpMm: PASSING_SLUMP_MM, temperatureC: 20 });
    const replayed = await send(`/loads/${load.id}/start-discharge`, key);
    expect(replayed).toMatchObject({ status: 409, replayed: 'true' });
    expect(replayed.body).toEqual(refused.body);
    expect((await send(`/loads/${load.id}/start-discharge`, randomUUID())).status).toBe(200);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('discharging');
  });

  it('refuses a key reused for another request, and a malformed key', async () => {
    const { load } = await enRouteLoad();
    const key = randomUUID();
    expect((await send(`/loads/${load.id}/arrive`, key)).status).toBe(200);
    const reused = await send(`/loads/${load.id}/end-discharge`, key);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect((await send(`/loads/${load.id}/end-discharge`, 'x y')).status).toBe(400);
    expect((await getLoad(crew.dispatcher, load.id)).status).toBe('on_site');
  });

  it('refuses a key sent again with a different body with 422, and acts only on the first', async () => {
    const { pour } = await enRouteLoad();
    const key = randomUUID();
    expect((await send(`/pours/${pour.id}/requests`, key, { kind: 'hold', note: 'rain' })).status).toBe(201);
    const reordered = await send(`/pours/${pour.id}/requests`, key, { note: 'rain', kind: 'hold' });
    expect(reordered).toMatchObject({ status: 201, replayed: 'true' });
    const changed = await send(`/pours/${pour.id}/requests`, key, { kind: 'resume', note: 'rain' });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('idempotency_key_reused_with_other_body');
    expect(changed.body.message).toContain('different body');
    const listed = (await crew.dispatcher.get(`/pours/${pour.id}/requests`)).body;
    expect(listed.map((request: { kind: string }) => request.kind)).toEqual(['hold']);
  });

  it('carries a site’s request to speed up to the dispatch room at once, once', async () => {
    const { pour } = await enRouteLoad();
    const dispatchRoom = await connectReady({ token: crew.dispatcher.token! });
    try {
      const key = randomUUID();
      const asked = await send(`/pours/${pour.id}/requests`, key, { kind: 'speed_up', note: 'pump waiting' });
      expect(asked.status).toBe(201);
      expect((await send(`/pours/${pour.id}/requests`, key, { kind: 'speed_up', note: 'pump waiting' })).replayed).toBe(
        'true',
      );
      const heard = await dispatchRoom.waitForEvent(
        'the request in the dispatch room',
        (item) => item.name === 'pour.request.v1' && item.data.payload.pourId === pour.id,
      );
      expect(heard.data.payload).toMatchObject({
        kind: 'speed_up',
        note: 'pump waiting',
        byName: 'Test site_dispatcher',
      });
      const listed = (await crew.dispatcher.get(`/pours/${pour.id}/requests`)).body;
      expect(listed).toHaveLength(1);
      expect((await send(`/pours/${pour.id}/requests`, undefined, { kind: 'faster please' })).status).toBe(400);
    } finally {
      dispatchRoom.close();
    }
  });
});
