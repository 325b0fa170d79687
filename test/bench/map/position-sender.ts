import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { benchDeviceId, benchPosition } from '../bench-fleet';

export interface SenderCounts {
  sent: number;
  accepted: number;
  failed: number;
}

export interface PositionSender {
  readonly counts: SenderCounts;
  /** Stops sending and waits for the requests still in flight, at most `graceMs`; the rest count as failed. */
  stop(graceMs?: number): Promise<SenderCounts>;
}

/**
 * Every bench truck reports an OsmAnd fix once a second, spread evenly over
 * the second, until stopped. Like steady-load.ts without the socket clients:
 * here the browser is the only listener. Plain node:http on kept-alive
 * sockets costs the bench process far less CPU than fetch, and the loop
 * yields after every slice even when late, so the requests it queued leave
 * at once instead of piling up behind a loop catching up.
 */
export function startPositionSender(baseUrl: string, trucks: number): PositionSender {
  const counts: SenderCounts = { sent: 0, accepted: 0, failed: 0 };
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let stopped = false;
  const slices = 100;
  const perSlice = Math.ceil(trucks / slices);

  let abandoned = false;
  const settle = (accepted: boolean) => {
    if (abandoned) return;
    if (accepted) counts.accepted += 1;
    else counts.failed += 1;
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };

  const send = (index: number, second: number, timestamp: number) => {
    const { lat, lng } = benchPosition(index, second);
    counts.sent += 1;
    inFlight += 1;
    const request = get(
      `${baseUrl}/api/ingest/osmand?id=${benchDeviceId(index)}&lat=${lat}&lon=${lng}&timestamp=${timestamp}&speed=20`,
      { agent },
      (response) => {
        response.resume();
        response.on('end', () => settle(response.statusCode === 200));
        response.on('error', () => settle(false));
      },
    );
    request.on('error', () => settle(false));
  };

  const loop = async () => {
    const startSecond = Math.floor(Date.now() / 1000) + 1;
    const begin = performance.now();
    for (let second = 0; !stopped; second += 1) {
      for (let slice = 0; slice < slices && !stopped; slice += 1) {
        const wait = begin + second * 1000 + slice * (1000 / slices) - performance.now();
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
        const end = Math.min(trucks, (slice + 1) * perSlice);
        for (let index = slice * perSlice; index < end; index += 1) send(index, second, startSecond + second);
      }
    }
  };
  const running = loop();

  return {
    counts,
    async stop(graceMs = 15_000) {
      stopped = true;
      await running;
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, graceMs).unref();
        });
      }
      abandoned = true;
      counts.failed += inFlight;
      agent.destroy();
      return { ...counts };
    },
  };
}
