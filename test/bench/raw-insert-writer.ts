import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { benchBatch } from './write-batch';

const WRITER_SOURCE = join(__dirname, '../../apps/api/src/modules/tracking/position-writer.service.ts');

/** The API writer's batch size and number of batches in flight, read from its source so the two cannot drift apart. */
export function apiWriterShape(): { batch: number; concurrency: number } {
  const source = readFileSync(WRITER_SOURCE, 'utf8');
  const constant = (name: string) => {
    const match = new RegExp(`const ${name} = ([\\d_]+);`).exec(source);
    if (!match) throw new Error(`${name} is not a plain constant in the position writer any more: update the bench`);
    return Number(match[1].replace(/_/g, ''));
  };
  return { batch: constant('MAX_BATCH'), concurrency: constant('MAX_CONCURRENT_BATCHES') };
}

/**
 * The write baseline, run as a process of its own: the rows the API stores, in
 * the same partitioned `positions` table with its indexes, written the plain
 * way (one unnest INSERT per batch) with the API writer's batch size and number
 * of batches in flight. Prints rows/s as JSON.
 */
async function main(databaseUrl: string, trucks: number, seconds: number): Promise<void> {
  const { batch, concurrency } = apiWriterShape();
  const pool = new Pool({ connectionString: databaseUrl, max: concurrency });
  const trucksByDevice = new Map<string, string>(
    (
      await pool.query('SELECT tracker_device_id AS device, id FROM trucks WHERE tracker_device_id IS NOT NULL')
    ).rows.map((row: { device: string; id: string }) => [row.device, row.id]),
  );
  let rows = 0;
  let round = 0;
  const end = performance.now() + seconds * 1000;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const positions = benchBatch(trucks, round++, batch);
        await pool.query(
          `INSERT INTO positions (device_id, entity_type, entity_id, fix_time, lat, lng, speed_kmh, bearing_deg,
                                  altitude_m, accuracy_m, battery_percent, attributes)
           SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::uuid[], $4::timestamptz[], $5::float8[],
                                $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[],
                                $12::jsonb[])`,
          [
            positions.map((position) => position.deviceId),
            positions.map(() => 'truck'),
            positions.map((position) => trucksByDevice.get(position.deviceId)),
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
    }),
  );
  const elapsedS = (performance.now() - begin) / 1000;
  await pool.end();
  console.log(JSON.stringify({ rowsPerSecond: rows / elapsedS, batch, concurrency }));
}

if (require.main === module) {
  main(process.argv[2], Number(process.argv[3]), Number(process.argv[4])).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
