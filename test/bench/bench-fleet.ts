import { Client } from 'pg';

export const benchDeviceId = (index: number) => `bench-${String(index + 1).padStart(5, '0')}`;

/** The index of a bench truck from its tracker id; undefined for anything else. */
export function benchTruckIndex(deviceId: string): number | undefined {
  const match = /^bench-(\d{5})$/.exec(deviceId);
  return match ? Number(match[1]) - 1 : undefined;
}

/**
 * The bare fleet: trucks registered straight in the database, with no loads, so
 * no fence or ETA is ever judged; setting up is not what is measured.
 */
export async function registerBenchFleet(databaseUrl: string, trucks: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ring = [
      [118.79, 31.9],
      [118.81, 31.9],
      [118.81, 31.92],
      [118.79, 31.92],
      [118.79, 31.9],
    ];
    const plant = await client.query(
      `INSERT INTO plants (code, name, address, location, geofence, time_zone, slump_standard)
       VALUES ('BENCH', 'Bench plant', '', $1, $2, 'Asia/Shanghai', 'gb_t_14902') RETURNING id`,
      [
        { lat: 31.91, lng: 118.8 },
        { type: 'Polygon', coordinates: [ring] },
      ],
    );
    const indexes = Array.from({ length: trucks }, (_, index) => index);
    await client.query(
      `INSERT INTO trucks (fleet_number, plate_number, capacity_m3, tracker_device_id, home_plant_id)
       SELECT 'B' || n, 'BENCH-' || n, 12, d, $1 FROM unnest($2::int[], $3::text[]) AS t(n, d)`,
      [plant.rows[0].id, indexes, indexes.map(benchDeviceId)],
    );
  } finally {
    await client.end();
  }
}

/** A point moving slowly around Jiangning, so every fix differs from the last. */
export function benchPosition(index: number, second: number): { lat: number; lng: number } {
  const angle = (index * 0.37 + second * 0.01) % (2 * Math.PI);
  return { lat: 31.9 + 0.05 * Math.sin(angle) + (index % 100) * 0.0005, lng: 118.8 + 0.05 * Math.cos(angle) };
}
