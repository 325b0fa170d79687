import { adminSession, createPlant, createPour, createPump, createWorld } from '../support/factories';
import { Http, apiUrl } from '../support/http';
import { createTruck } from '../support/load-factories';
import { queryE2eDatabase } from '../support/live-support';

const NUL = 'a\u0000b';
const HALF_A_CHARACTER = 'ab\uD800cd';

/**
 * Rows a refused request would have written, found by what it named, to prove it changed nothing.
 * Not the whole table: other suites write to the same database at the same time.
 */
const MARKERS: Record<string, { column: string; values: string[] }> = {
  plants: { column: 'code', values: ['PX1'] },
  trucks: { column: 'fleet_number', values: ['T-NUL', 'T-TXT', 'T-FORM'] },
  customers: { column: 'name', values: ['C'] },
  users: { column: 'username', values: ['nul.user'] },
};

async function count(table: string): Promise<number> {
  const { column, values } = MARKERS[table];
  const [row] = await queryE2eDatabase<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${column} = ANY($1::text[])`,
    [values],
  );
  return Number(row.n);
}

async function raw(path: string, init: RequestInit & { token?: string }) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const response = await fetch(apiUrl(path), { ...init, headers });
  return { status: response.status, body: await response.json() };
}

describe('Strict input', () => {
  let admin: Http;

  beforeAll(async () => {
    admin = await adminSession();
  });

  describe('unknown fields', () => {
    it('refuses a field a body does not take, naming it', async () => {
      const answer = await new Http().post('/auth/login', { username: 'admin', password: 'x', role: 'admin' });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('"role"');
      expect(answer.body.message).toMatch(/unknown field/);
    });

    it('names an unknown field inside a nested object by its path, and creates nothing', async () => {
      const before = await count('plants');
      const answer = await admin.post('/plants', {
        code: 'PX1',
        name: 'Nested',
        location: { lat: 31.9, lng: 118.8, altitude: 12 },
        geofence: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        timeZone: 'Asia/Shanghai',
        slumpStandard: 'gb_t_14902',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('"location.altitude"');
      expect(await count('plants')).toBe(before);
    });

    it('refuses an unknown field in a partial update', async () => {
      const truck = await createTruck(admin, (await createPlant(admin)).id);
      const answer = await admin.patch(`/trucks/${truck.id}`, { driverName: 'Wang', colour: 'red' });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain('"colour"');
      expect((await admin.get(`/trucks/${truck.id}`)).body.driverName).toBe('');
    });

    it('refuses an unknown query parameter, and one on a route that takes none', async () => {
      const listed = await admin.get('/pours?pageSize=5&sort=desc');
      expect(listed.status).toBe(400);
      expect(listed.body.message).toContain('"sort"');
      const me = await admin.get('/auth/me?debug=1');
      expect(me.status).toBe(400);
      expect(me.body.message).toContain('"debug"');
    });
  });

  describe('text a database cannot hold', () => {
    it('answers 400, not 500, to NUL in a login name', async () => {
      const answer = await new Http().post('/auth/login', { username: NUL, password: 'whatever' });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/control characters/);
    });

    it('answers 400 to half a character in a password', async () => {
      const answer = await new Http().post('/auth/login', { username: 'admin', password: HALF_A_CHARACTER });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(/valid Unicode/);
    });

    it.each([
      ['trucks', 'a driver name', { fleetNumber: 'T-NUL', plateNumber: 'P', capacityM3: 10, driverName: NUL }],
      ['customers', 'a customer contact', { name: 'C', contactName: HALF_A_CHARACTER }],
      [
        'users',
        'a user phone',
        { username: 'nul.user', displayName: 'N', role: 'dispatcher', password: 'long-enough', phone: NUL },
      ],
    ])('refuses it in %s (%s) and stores nothing', async (table, _what, body) => {
      const plant = await createPlant(admin);
      const before = await count(table);
      const answer = await admin.post(`/${table}`, table === 'trucks' ? { ...body, homePlantId: plant.id } : body);
      expect(answer.status).toBe(400);
      expect(await count(table)).toBe(before);
    });

    it('refuses it in pour notes, a pump status note and a log search', async () => {
      const world = await createWorld(admin);
      const pour = await createPour(admin, world);
      const notes = await admin.patch(`/pours/${pour.id}`, { notes: NUL });
      expect(notes.status).toBe(400);
      expect(notes.body.message).toContain('notes');
      const pump = await createPump(admin, world.plant.id);
      const status = await admin.post(`/pumps/${pump.id}/status`, { status: 'setting_up', note: NUL });
      expect(status.status).toBe(400);
      expect((await admin.get(`/pumps/${pump.id}/status-history`)).body).toEqual([]);
      const search = await admin.get(`/pours/${pour.id}/log?q=a%00b`);
      expect(search.status).toBe(400);
      expect(search.body.message).toContain('q');
    });
  });

  describe('media types', () => {
    it('refuses a form post with 415 and a sentence', async () => {
      const answer = await raw('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=admin&password=x',
      });
      expect(answer).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
      expect(answer.body.message).toContain('application/json');
    });

    it('refuses JSON sent as text, and a file where JSON is expected', async () => {
      const plant = await createPlant(admin);
      const before = await count('trucks');
      const text = await raw('/trucks', {
        method: 'POST',
        token: admin.token,
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ fleetNumber: 'T-TXT', plateNumber: 'P', capacityM3: 10, homePlantId: plant.id }),
      });
      expect(text.status).toBe(415);
      const form = new FormData();
      form.set('fleetNumber', 'T-FORM');
      const multipart = await raw('/trucks', { method: 'POST', token: admin.token, body: form });
      expect(multipart.status).toBe(415);
      expect(await count('trucks')).toBe(before);
    });

    it('still takes JSON with a charset, and tracker forms at the ingest', async () => {
      const json = await raw('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ username: 'admin', password: 'wrong-password' }),
      });
      expect(json.status).toBe(401);
      const osmand = await fetch(apiUrl('/ingest/osmand'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'id=unknown-device-form&lat=31.9&lon=118.8',
      });
      expect(osmand.status).not.toBe(415);
    });
  });
});
