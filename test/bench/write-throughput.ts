import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { benchDeviceId, benchPosition } from './bench-fleet';

const BATCH = 500;

function batchBody(trucks: number, round: number) {
  const base = Date.UTC(2026, 0, 1) / 1000 + round;
  return {
    positions: Array.from({ length: BATCH }, (_, item) => {
      const index = (round * BATCH + item) % trucks;
      return { deviceId: benchDeviceId(index), ...benchPosition(index, round), timestamp: (base + item / 1000) * 1000 };
    }),
  };
}

/** As many positions as the API will take through the gateway endpoint, from a few concurrent gateways. */
export async function apiWriteThroughput(baseUrl: string, trucks: number, seconds: number, gateways = 4) {
  let accepted = 0;
  let round = 0;
  const end = performance.now() + seconds * 1000;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: gateways }, async () => {
      while (performance.now() < end) {
        const response = await fetch(`${baseUrl}/api/ingest/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(batchBody(trucks, round++)),
        });
        const result = (await response.json()) as { accepted?: number };
        accepted += result.accepted ?? 0;
      }
    }),
  );
  return accepted / ((performance.now() - begin) / 1000);
}

/** The same rows and columns written the fastest plain way: one unnest INSERT of 500 rows per round trip. */
export async function rawBatchedInsertThroughput(databaseUrl: string, trucks: number, seconds: number) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('CREATE TABLE bench_raw_positions (LIKE positions INCLUDING DEFAULTS)');
  let rows = 0;
  let round = 0;
  const entityId = '00000000-0000-4000-8000-000000000000';
  const end = performance.now() + seconds * 1000;
  const begin = performance.now();
  try {
    while (performance.now() < end) {
      const { positions } = batchBody(trucks, round++);
      await client.query(
        `INSERT INTO bench_raw_positions (device_id, entity_type, entity_id, fix_time, lat, lng, speed_kmh, bearing_deg,
                                          altitude_m, accuracy_m, battery_percent, attributes)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::timestamptz[], $5::float8[], $6::float8[],
                              $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::jsonb[])`,
        [
          positions.map((position) => position.deviceId),
          positions.map(() => 'truck'),
          positions.map(() => entityId),
          positions.map((position) => new Date(position.timestamp).toISOString()),
          positions.map((position) => position.lat),
          positions.map((position) => position.lng),
          positions.map(() => 20),
          positions.map(() => null),
          positions.map(() => null),
          positions.map(() => null),
          positions.map(() => null),
          positions.map(() => '{}'),
        ],
      );
      rows += positions.length;
    }
    return rows / ((performance.now() - begin) / 1000);
  } finally {
    await client.query('DROP TABLE bench_raw_positions').catch(() => undefined);
    await client.end();
  }
}
