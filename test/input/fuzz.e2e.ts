import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { type RunningApi, startApi } from '../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database';
import { Http } from '../support/http';
import { queryDatabase } from '../support/live-support';
import { createPlant } from '../support/factories';

/**
 * Generated hostile input against every REST route, the tracker protocols and the socket
 * handshake, on an API and database of its own so that nothing else moves its row counts.
 * Every case is built to be wrong; every answer must be a 4xx with a sentence, nothing may be
 * stored, and the API must stay healthy. FUZZ_SEED replays a run; FUZZ_SCALE multiplies it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const CASES_PER_ROUTE = Math.round(80 * SCALE);
const INGEST_CASES = Math.round(1_500 * SCALE);
const HANDSHAKES = Math.round(300 * SCALE);
const IN_FLIGHT = 8;
const ADMIN_PASSWORD = 'fuzz-admin-password';

/** Written by the fence judge and the tracker registry as bookkeeping, not by a request's success. */
const BOOKKEEPING_TABLES = new Set(['unknown_devices', 'migrations']);

interface Route {
  method: string;
  path: string;
  raw: boolean;
  union: boolean;
  body: Record<string, string> | null;
  query: Record<string, string> | null;
}

interface Case {
  route: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** A field the answer must name, when the case added one the route does not take. */
  names?: string;
  /** The batch ingest answers 200 with every item refused. */
  batch?: number;
}

interface Failure {
  case: Case;
  status: number;
  body: string;
}

const HOSTILE_CHARS = ['\u0000', '\uD800', '\uDBFF', '\uDC00', '\u0007', '\u001B', '\u007F'];
const hostileText = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_CHARS), fc.string({ maxLength: 8 }))
  .map(([before, bad, after]) => `${before}${bad}${after}`);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText, fc.string({ maxLength: 30 }));
const unknownKey = fc.string({ minLength: 1, maxLength: 10 }).map((key) => `x_${key}`);
const fakeId = fc.uuid();

function fillPath(path: string, id: string): string {
  return path.replace(/:[A-Za-z]+/g, id);
}

function encodeQuery(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** Replaces a lone surrogate, which encodeURIComponent refuses, with the bytes of one. */
function queryValue(text: string): string {
  return [...text].map((char) => (/[\uD800-\uDFFF]/.test(char) ? '\u0000' : char)).join('');
}

/** Cases for one route: unknown fields, hostile text in a known one, a body of the wrong shape or type. */
function routeCases(route: Route, token: string): fc.Arbitrary<Case> {
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const known = route.body ? Object.keys(route.body) : [];
  const strings = known.filter((key) => route.body![key] === 'string');
  const someKnown = fc.dictionary(fc.constantFrom(...(known.length ? known : ['_'])), anyValue, { maxKeys: 4 });
  const at = (id: string) => fillPath(route.path, id);
  const label = `${route.method} ${route.path}`;
  const arbitraries: fc.Arbitrary<Case>[] = [];
  const writes = route.method !== 'GET' && route.method !== 'DELETE';

  if (writes && !route.path.endsWith('/documents')) {
    arbitraries.push(
      fc
        .tuple(fakeId, someKnown, fc.dictionary(unknownKey, anyValue, { minKeys: 1, maxKeys: 3 }))
        .map(([id, fields, unknown]) => ({
          route: label,
          method: route.method,
          url: at(id),
          headers: json,
          body: JSON.stringify({ ...(known.length ? fields : {}), ...unknown }),
          names: route.union ? undefined : Object.keys(unknown)[0],
        })),
      fc
        .tuple(
          fakeId,
          fc.oneof(fc.array(anyValue, { maxLength: 3 }), fc.string(), fc.double(), fc.boolean(), fc.constant(null)),
        )
        .map(([id, value]) => ({
          route: label,
          method: route.method,
          url: at(id),
          headers: json,
          body: JSON.stringify(value),
        })),
      fc.tuple(fakeId, fc.string({ minLength: 1, maxLength: 40 })).map(([id, text]) => ({
        route: label,
        method: route.method,
        url: at(id),
        headers: json,
        body: `{${text}`,
      })),
      fc
        .tuple(fakeId, fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded'), someKnown)
        .map(([id, type, fields]) => ({
          route: label,
          method: route.method,
          url: at(id),
          headers: { ...auth, 'content-type': type },
          body: JSON.stringify(fields),
        })),
    );
    if (strings.length > 0) {
      arbitraries.push(
        fc.tuple(fakeId, someKnown, fc.constantFrom(...strings), hostileText).map(([id, fields, key, text]) => ({
          route: label,
          method: route.method,
          url: at(id),
          headers: json,
          body: JSON.stringify({ ...fields, [key]: text }),
        })),
      );
    }
  }
  // Queries: a parameter the route does not take, or a known one with a control character.
  const queryKnown = route.query ? Object.keys(route.query) : [];
  arbitraries.push(
    fc.tuple(fakeId, unknownKey, fc.string({ maxLength: 20 })).map(([id, key, value]) => ({
      route: label,
      method: route.method,
      url: `${at(id)}?${encodeQuery({ [key]: queryValue(value) })}`,
      headers: auth,
      names: key,
    })),
  );
  const queryStrings = queryKnown.filter((key) => route.query![key] === 'string');
  if (queryStrings.length > 0) {
    arbitraries.push(
      fc.tuple(fakeId, fc.constantFrom(...queryStrings), hostileText).map(([id, key, text]) => ({
        route: label,
        method: route.method,
        url: `${at(id)}?${encodeQuery({ [key]: queryValue(text) })}`,
        headers: auth,
      })),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Tracker reports that are wrong somewhere that matters: where, when, or who. */
function ingestCases(deviceId: string): fc.Arbitrary<Case> {
  const badLatitude = fc.oneof(
    fc.double({ min: 90.000001, max: 1e6, noNaN: true }).map(String),
    fc.double({ min: -1e6, max: -90.000001, noNaN: true }).map(String),
    fc.constantFrom('', 'NaN', 'Infinity', 'north', '1e999', '0x1F'),
    hostileText.map(queryValue),
  );
  const device = fc.oneof(fc.constant(deviceId), hostileText.map(queryValue));
  const extras = fc.dictionary(
    fc.constantFrom('speed', 'bearing', 'timestamp', 'altitude', 'batt', 'hdop'),
    fc.string({ maxLength: 12 }),
    {
      maxKeys: 3,
    },
  );
  const fields = fc
    .tuple(device, badLatitude, fc.double({ min: -180, max: 180, noNaN: true }), extras)
    .map(([id, lat, lon, extra]) => ({ ...extra, id, lat, lon: String(lon) }));
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const json = { 'content-type': 'application/json' };
  return fc.oneof(
    fields.map((f) => ({
      route: 'GET /ingest/osmand',
      method: 'GET',
      url: `/ingest/osmand?${encodeQuery(f)}`,
      headers: {},
    })),
    fields.map((f) => ({
      route: 'POST /ingest/osmand (form)',
      method: 'POST',
      url: '/ingest/osmand',
      headers: form,
      body: encodeQuery(f),
    })),
    fc.tuple(device, badLatitude, anyValue).map(([id, lat, extra]) => ({
      route: 'POST /ingest/osmand (JSON)',
      method: 'POST',
      url: '/ingest/osmand',
      headers: json,
      body: JSON.stringify({
        device_id: id,
        location: { coords: { latitude: asJsonNumber(lat), longitude: 118.8 }, extra },
      }),
    })),
    fc.tuple(device, badLatitude, anyValue).map(([id, lat, extra]) => ({
      route: 'POST /ingest/traccar',
      method: 'POST',
      url: '/ingest/traccar',
      headers: json,
      body: JSON.stringify({
        device: { uniqueId: id },
        position: { latitude: asJsonNumber(lat), longitude: 118.8, fixTime: new Date().toISOString(), extra },
      }),
    })),
    fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string()).map((value) => ({
      route: 'POST /ingest/traccar (any JSON)',
      method: 'POST',
      url: '/ingest/traccar',
      headers: json,
      body: JSON.stringify(value),
    })),
    fc.array(fc.tuple(device, badLatitude), { minLength: 1, maxLength: 5 }).map((items) => ({
      route: 'POST /ingest/batch',
      method: 'POST',
      url: '/ingest/batch',
      headers: json,
      body: JSON.stringify({
        positions: items.map(([id, lat]) => ({
          deviceId: id,
          lat: asJsonNumber(lat),
          lng: 118.8,
          timestamp: Date.now(),
        })),
      }),
      batch: items.length,
    })),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string()).map((value) => ({
      route: 'POST /ingest/batch (any JSON)',
      method: 'POST',
      url: '/ingest/batch',
      headers: json,
      body: JSON.stringify(Array.isArray(value) ? { positions: value.map((item) => ({ item })) } : value),
      ...(Array.isArray(value) && value.length > 0 ? { batch: value.length } : {}),
    })),
  );
}

/** A decimal as a JSON number, anything else as the text it is. */
const asJsonNumber = (text: string) => (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : text);

const isSentence = (message: unknown) =>
  typeof message === 'string' && message.trim().length >= 8 && /[a-z]/i.test(message);

/** Judges one answer; undefined when it is as it must be. */
function judge(c: Case, status: number, text: string): string | undefined {
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the answer is not JSON';
  }
  if (c.batch !== undefined && status === 200) {
    if (body.accepted !== 0 || body.refused?.length !== c.batch) return 'a batch item was accepted';
    const bad = body.refused.find((item: any) => item.status < 400 || item.status >= 500 || !isSentence(item.message));
    return bad ? `a batch item was refused without a 4xx and a sentence: ${JSON.stringify(bad)}` : undefined;
  }
  if (status < 400 || status >= 500) return `answered ${status}`;
  if (!isSentence(body.message)) return 'the refusal has no sentence';
  if (c.names && status === 400 && !String(body.message).includes(c.names))
    return `the refusal does not name ${c.names}`;
  return undefined;
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe('Fuzzing every way in', () => {
  let database: string;
  let api: RunningApi;
  let token: string;
  let deviceId: string;
  const failures: Failure[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;

  const rowCounts = async () => {
    const tables = await queryDatabase<{ name: string }>(
      database,
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      if (BOOKKEEPING_TABLES.has(name)) continue;
      const [row] = await queryDatabase<{ n: string }>(database, `SELECT count(*) AS n FROM "${name}"`);
      counts[name] = Number(row.n);
    }
    return counts;
  };

  async function fire(c: Case): Promise<void> {
    sent += 1;
    let status = 0;
    let text: string;
    try {
      const response = await fetch(`${api.baseUrl}/api${c.url}`, {
        method: c.method,
        headers: c.headers,
        body: c.body,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = String(error);
    }
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const problem = judge(c, status, text);
    if (problem && failures.length < 50) failures.push({ case: c, status, body: `${problem}: ${text.slice(0, 300)}` });
  }

  beforeAll(async () => {
    database = await createDatabase('pourline_fuzz');
    api = await startApi({
      DATABASE_URL: databaseUrl(database),
      DEMO: 'false',
      ADMIN_PASSWORD,
      JWT_SECRET: 'fuzz-secret-long-enough-for-hs256-0123456789',
      REDIS_URL: '',
    });
    const saved = process.env.POURLINE_API_URL;
    process.env.POURLINE_API_URL = api.baseUrl;
    try {
      const login = await new Http().post('/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
      token = login.body.accessToken;
      const admin = new Http(token);
      const plant = await createPlant(admin);
      deviceId = `fuzz-${SEED}`;
      const truck = await admin.post('/trucks', {
        fleetNumber: 'FZ-1',
        plateNumber: 'FZ-1',
        capacityM3: 10,
        homePlantId: plant.id,
        trackerDeviceId: deviceId,
      });
      expect(truck.status).toBe(201);
    } finally {
      process.env.POURLINE_API_URL = saved;
    }
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    if (database) await dropDatabase(database);
  });

  it('refuses every generated hostile request with a 4xx and a sentence, stores nothing, and stays healthy', async () => {
    const startedAt = Date.now();
    const routes = JSON.parse(
      execFileSync(process.execPath, [join(__dirname, 'fixtures/route-table.cjs')], { encoding: 'utf8' }),
    ) as Route[];
    const rest = routes.filter((route) => !route.raw);
    expect(rest.length).toBeGreaterThan(90);
    expect(routes.filter((route) => route.raw).map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /ingest/osmand',
      'POST /ingest/osmand',
      'POST /ingest/traccar',
      'POST /ingest/batch',
    ]);
    const before = await rowCounts();

    const cases = rest.flatMap((route, index) =>
      fc.sample(routeCases(route, token), { numRuns: CASES_PER_ROUTE, seed: SEED + index }),
    );
    cases.push(...fc.sample(ingestCases(deviceId), { numRuns: INGEST_CASES, seed: SEED }));
    await inParallel(cases, fire);

    // The socket handshake: any auth a client may send, none of it a valid token.
    const handshakes = fc.sample(
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({
          token: fc.oneof(fc.string(), hostileText, fc.jsonValue()),
          lastSeq: fc.jsonValue(),
          lastPositionSeq: fc.jsonValue(),
        }),
        fc.record({ token: fc.constant(`${token.slice(0, -4)}AAAA`), lastSeq: fc.integer() }),
      ),
      { numRuns: HANDSHAKES, seed: SEED },
    );
    await inParallel(handshakes, async (auth) => {
      sent += 1;
      const outcome = await new Promise<string>((resolve) => {
        const socket = io(`${api.baseUrl}/live`, {
          auth: (auth !== null && typeof auth === 'object' && !Array.isArray(auth) ? auth : { token: auth }) as object,
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          timeout: 5_000,
        });
        const done = (result: string) => {
          socket.disconnect();
          resolve(result);
        };
        socket.on('live.ready.v1', () => done('ready'));
        socket.on('live.error.v1', (error: { message?: unknown }) =>
          done(isSentence(error?.message) ? 'refused' : 'silent'),
        );
        socket.on('connect_error', () => done('refused'));
        socket.on('disconnect', () => done('refused'));
        setTimeout(() => done('no answer'), 5_000);
      });
      statuses.set(outcome === 'refused' ? 401 : 0, (statuses.get(outcome === 'refused' ? 401 : 0) ?? 0) + 1);
      if (outcome !== 'refused' && failures.length < 50) {
        failures.push({
          case: { route: 'socket handshake', method: 'WS', url: '/live', headers: {}, body: JSON.stringify(auth) },
          status: 0,
          body: outcome,
        });
      }
    });

    const seconds = (Date.now() - startedAt) / 1000;
    process.stdout.write(
      `\nfuzz: ${sent} cases (seed ${SEED}) in ${seconds.toFixed(1)} s; answers ${JSON.stringify(Object.fromEntries(statuses))}\n`,
    );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(10_000 * Math.min(SCALE, 1));
    expect(await rowCounts()).toEqual(before);
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);
    expect(api.process.exitCode).toBeNull();
  }, 600_000);
});
