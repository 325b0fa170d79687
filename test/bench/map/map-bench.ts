import type { Browser } from 'playwright-core';
import { startApi } from '../../support/api-process';
import { createDatabase, databaseUrl, dropDatabase } from '../../support/database';
import { registerBenchFleet } from '../bench-fleet';
import { serveBaselinePage, openBaselinePage, type BaselineServer } from './baseline-page';
import { launchBenchBrowser } from './bench-browser';
import { type FrameMeasure, measureFrames } from './frame-metrics';
import { openOperatorMap, showWholeFleet, truckLayerStats, waitForTruckCount } from './operator-page';
import { type PositionSender, type SenderCounts, startPositionSender } from './position-sender';

const TRUCKS = Number(process.env.BENCH_TRUCKS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Sockets, JIT and caches settle before anything is measured. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const VIEWPORT = { width: 1600, height: 950 };
const ADMIN_PASSWORD = 'bench-admin-password';
const P95_TARGET_MS = 50;

/** The dot radius TruckCanvasLayer uses at a zoom, so the baseline draws dots of the same size. */
function truckRadiusAt(zoom: number): number {
  if (zoom >= 15) return 7;
  if (zoom >= 12) return 5.5;
  return 4;
}

function since(before: SenderCounts, after: SenderCounts): string {
  const sent = after.sent - before.sent;
  return `${sent} sent, ${after.accepted - before.accepted} answered 200, ${after.failed - before.failed} failed`;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(0)} %`;

function row(label: string, pourline: string, baseline: string): void {
  console.log(`  ${label.padEnd(30)}${pourline.padEnd(26)}${baseline}`);
}

function report(pourline: FrameMeasure, baseline: FrameMeasure): void {
  const cells = (measure: FrameMeasure) => ({
    frames: `${measure.frameTimes.count} in ${measure.seconds.toFixed(1)} s`,
    fps: (measure.frameTimes.count / measure.seconds).toFixed(1),
    p50: ms(measure.frameTimes.percentile(50)),
    p95: ms(measure.frameTimes.percentile(95)),
    p99: ms(measure.frameTimes.percentile(99)),
    max: ms(measure.maxFrameMs),
    busy: percent(measure.busyShare),
    script: percent(measure.scriptShare),
    styleLayout: percent(measure.styleLayoutShare),
    longTasks: `${measure.longTasks} (${ms(measure.longTaskMs)})`,
  });
  const a = cells(pourline);
  const b = cells(baseline);
  row('frames', a.frames, b.frames);
  row('frames per second', a.fps, b.fps);
  row('frame time p50', a.p50, b.p50);
  row('frame time p95', a.p95, b.p95);
  row('frame time p99', a.p99, b.p99);
  row('frame time max', a.max, b.max);
  row('main thread busy', a.busy, b.busy);
  row('  of which script', a.script, b.script);
  row('  of which style and layout', a.styleLayout, b.styleLayout);
  row('long tasks ≥ 50 ms (total)', a.longTasks, b.longTasks);
}

async function main(): Promise<void> {
  console.log(
    `bench:map — ${TRUCKS} trucks at 1 Hz, headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured per page`,
  );
  const database = await createDatabase('pourline_bench');
  const url = databaseUrl(database);
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  let browser: Browser | undefined;
  let sender: PositionSender | undefined;
  let baselineServer: BaselineServer | undefined;
  try {
    api = await startApi({
      DATABASE_URL: url,
      DEMO: 'false',
      ADMIN_PASSWORD,
      JWT_SECRET: 'bench-secret-long-enough',
      REDIS_URL: '',
      // No tiles from the internet: a refused port fails at once, as on a site without a network.
      MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
    });
    await registerBenchFleet(url, TRUCKS);
    browser = await launchBenchBrowser();

    // Pourline: the operator view, fed by the real API over socket.io.
    const operator = await openOperatorMap(browser, api.baseUrl, VIEWPORT, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    sender = startPositionSender(api.baseUrl, TRUCKS);
    const shown = await waitForTruckCount(operator.page, TRUCKS);
    const { view, inView } = await showWholeFleet(operator.page);
    await operator.page.waitForTimeout(WARMUP_SECONDS * 1000);
    const operatorSent = { ...sender.counts };
    const layerBefore = await truckLayerStats(operator.page);
    const pourline = await measureFrames(operator.page, SECONDS);
    const layerAfter = await truckLayerStats(operator.page);
    const operatorWindow = since(operatorSent, sender.counts);
    await operator.close();

    // Baseline: bare Leaflet, same map size, view, dots and path, no server behind it. The
    // sender keeps the API ingesting meanwhile, so both pages share the machine with the same load.
    const radius = truckRadiusAt(view.zoom);
    baselineServer = await serveBaselinePage(TRUCKS, WARMUP_SECONDS + SECONDS + 10, view, radius);
    const bare = await openBaselinePage(browser, baselineServer.url, VIEWPORT);
    await bare.page.waitForTimeout(WARMUP_SECONDS * 1000);
    const baselineInView = await bare.inView();
    const baselineSent = { ...sender.counts };
    const baseline = await measureFrames(bare.page, SECONDS);
    const baselineWindow = since(baselineSent, sender.counts);
    await bare.close();
    await sender.stop();
    sender = undefined;

    const layerFrames = layerAfter.frames - layerBefore.frames;
    const layerDrawMs = layerAfter.averageDrawMs * layerAfter.frames - layerBefore.averageDrawMs * layerBefore.frames;
    console.log(
      `\nMap ${view.width.toFixed(0)}×${view.height.toFixed(0)} px at zoom ${view.zoom}, ` +
        `centre ${view.center.lat.toFixed(4)}, ${view.center.lng.toFixed(4)}; dots r = ${radius} px`,
    );
    console.log(`  positions sent to the API while the operator map was measured: ${operatorWindow}`);
    console.log(`  positions sent to the API while the baseline was measured:     ${baselineWindow}`);
    console.log(`  page visibility while measured: ${pourline.visibility} / ${baseline.visibility}\n`);
    row('', 'Pourline operator map', 'bare Leaflet canvas');
    row('trucks (in view)', `${shown} (${inView})`, `${TRUCKS} (${baselineInView})`);
    report(pourline, baseline);
    row(
      'truck layer draws, avg / max',
      `${layerFrames}, ${ms(layerFrames ? layerDrawMs / layerFrames : 0)} / ${ms(layerAfter.maxDrawMs)}`,
      '—',
    );
    const p95 = pourline.frameTimes.percentile(95);
    console.log('\nTargets');
    console.log(
      `  ${p95 < P95_TARGET_MS ? 'met   ' : 'MISSED'} p95 frame time < ${P95_TARGET_MS} ms on the operator map (${ms(p95)}; baseline ${ms(baseline.frameTimes.percentile(95))})`,
    );
  } finally {
    await sender?.stop().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await baselineServer?.close().catch(() => undefined);
    await api?.stop();
    await dropDatabase(database);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
