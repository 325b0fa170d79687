import { type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { square, unique } from '../support/factories';
import { connectReady, type LiveRecorder, newDeviceId, sendFix, waitFor } from '../support/live-support';

const REDIS_URL = 'redis://127.0.0.1:6379';
const JWT_SECRET = 'scale-out-secret-shared-by-both-instances-0123456789';
const ADMIN_PASSWORD = 'scale-out-admin-password';

/** A tiny JSON client bound to one instance. */
function client(baseUrl: string, token?: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

describe('Two API instances behind one Redis', () => {
  let database: string;
  let a: RunningApi;
  let b: RunningApi;
  let token: string;
  const sockets: LiveRecorder[] = [];

  beforeAll(async () => {
    database = await createDatabase('pourline_scale');
    const env = {
      DATABASE_URL: databaseUrl(database),
      REDIS_URL,
      JWT_SECRET,
      ADMIN_PASSWORD,
      DEMO: 'false',
    };
    // One after the other: each applies the migrations at start.
    a = await startApi(env);
    b = await startApi(env);
    const login = await client(a.baseUrl)('POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    token = login.body.accessToken;
  }, 240_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all([a?.stop(), b?.stop()]);
    if (database) await dropDatabase(database);
  }, 60_000);

  it('accepts a token issued by one instance at the other', async () => {
    const answer = await client(b.baseUrl, token)('GET', '/tracking/positions');
    expect(answer.status).toBe(200);
  });

  it('brings a console on instance A a position ingested at instance B, and a pump status set at B', async () => {
    const onA = client(a.baseUrl, token);
    const plant = await onA('POST', '/plants', {
      code: unique('P'),
      name: 'Scale plant',
      address: 'Road 1',
      location: { lat: 31.9, lng: 118.8 },
      geofence: square(31.9, 118.8),
      timeZone: 'Asia/Shanghai',
      slumpStandard: 'gb_t_14902',
    });
    expect(plant.status).toBe(201);
    const deviceId = newDeviceId();
    const truck = await onA('POST', '/trucks', {
      fleetNumber: unique('T'),
      plateNumber: unique('SU-A'),
      capacityM3: 12,
      homePlantId: plant.body.id,
      trackerDeviceId: deviceId,
    });
    expect(truck.status).toBe(201);
    const pump = await onA('POST', '/pumps', {
      code: unique('PU'),
      kind: 'boom',
      capacityM3PerHour: 120,
      boomLengthM: 47,
      homePlantId: plant.body.id,
    });
    expect(pump.status).toBe(201);

    const consoleOnA = await connectReady({ token, baseUrl: a.baseUrl });
    sockets.push(consoleOnA);

    const positionId = await sendFix(
      deviceId,
      { lat: 31.9111, lng: 118.8111, at: new Date(), speedKmh: 33 },
      b.baseUrl,
    );
    const position = await waitFor(
      'the position from B on A',
      () => consoleOnA.positionsOf(truck.body.id)[0],
      5_000,
      25,
    );
    expect(position).toMatchObject({ lat: 31.9111, lng: 118.8111, speedKmh: 33, positionSeq: Number(positionId) });

    const status = await client(b.baseUrl, token)('POST', `/pumps/${pump.body.id}/status`, { status: 'moving' });
    expect(status.status).toBe(201);
    const pushed = await consoleOnA.waitForEvent(
      'the pump status from B on A',
      (item) => item.name === 'pump.status.v1' && item.data.payload.pumpId === pump.body.id,
    );
    expect(pushed.data.payload).toEqual(status.body);

    // Whichever instance a console returns to, it is sent what it missed from the shared numbering.
    const lastSeq = consoleOnA.ready!.seq;
    const returningToB = await connectReady({ token, baseUrl: b.baseUrl, lastSeq });
    sockets.push(returningToB);
    const replayed = returningToB.numbered((item) => item.beforeReady);
    expect(replayed.map((event) => event.seq)).toContain(pushed.data.seq);
    expect(replayed.every((event) => event.seq > lastSeq)).toBe(true);
  });
});
