import { performance } from 'node:perf_hooks';
import { startBenchScript } from './bench-process';
import { apiWriterShape } from './raw-insert-writer';
import { benchBatch } from './write-batch';

/** Positions per gateway request, as a gateway of many trackers sends them. */
const GATEWAY_BATCH = 500;

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
          body: JSON.stringify({ positions: benchBatch(trucks, round++, GATEWAY_BATCH) }),
        });
        const result = (await response.json()) as { accepted?: number };
        accepted += result.accepted ?? 0;
      }
    }),
  );
  return accepted / ((performance.now() - begin) / 1000);
}

/** The raw INSERT baseline in a process of its own, shaped like the API's writer. */
export async function rawInsertThroughput(databaseUrl: string, trucks: number, seconds: number) {
  const writer = await startBenchScript('raw-insert-writer.ts', [databaseUrl, String(trucks), String(seconds)], false);
  const output = await writer.exited;
  return JSON.parse(output.trim().split('\n').at(-1)!) as ReturnType<typeof apiWriterShape> & {
    rowsPerSecond: number;
  };
}
