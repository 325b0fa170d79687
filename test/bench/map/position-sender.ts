import { performance } from 'node:perf_hooks';
import { benchDeviceId, benchPosition } from '../bench-fleet';

export interface SenderCounts {
  sent: number;
  accepted: number;
  failed: number;
}

export interface PositionSender {
  readonly counts: SenderCounts;
  /** Stops sending and waits for the requests still in flight. */
  stop(): Promise<SenderCounts>;
}

/**
 * Every bench truck reports an OsmAnd fix once a second, spread evenly over
 * the second, until stopped. Like steady-load.ts without the socket clients:
 * here the browser is the only listener.
 */
export function startPositionSender(baseUrl: string, trucks: number): PositionSender {
  const counts: SenderCounts = { sent: 0, accepted: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  const slices = 100;
  const perSlice = Math.ceil(trucks / slices);

  const send = (index: number, second: number, timestamp: number) => {
    const { lat, lng } = benchPosition(index, second);
    counts.sent += 1;
    const request = fetch(
      `${baseUrl}/api/ingest/osmand?id=${benchDeviceId(index)}&lat=${lat}&lon=${lng}&timestamp=${timestamp}&speed=20`,
    )
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.status === 200) counts.accepted += 1;
        else counts.failed += 1;
      })
      .catch(() => {
        counts.failed += 1;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  const loop = async () => {
    const startSecond = Math.floor(Date.now() / 1000) + 1;
    const begin = performance.now();
    for (let second = 0; !stopped; second += 1) {
      for (let slice = 0; slice < slices && !stopped; slice += 1) {
        const wait = begin + second * 1000 + slice * (1000 / slices) - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const end = Math.min(trucks, (slice + 1) * perSlice);
        for (let index = slice * perSlice; index < end; index += 1) send(index, second, startSecond + second);
      }
    }
  };
  const running = loop();

  return {
    counts,
    async stop() {
      stopped = true;
      await running;
      await Promise.all(inFlight);
      return { ...counts };
    },
  };
}
