import type { Browser } from 'playwright-core';
import { startApi } from '../../support/api-process';
import { screenshot } from '../../support/browser';
import { createDatabase, databaseUrl, dropDatabase } from '../../support/database';
import { registerBenchFleet } from '../bench-fleet';
import { serveBaselinePage, openBaselinePage, type BaselineServer } from './baseline-page';
import { launchBenchBrowser } from './bench-browser';
import { type DrawMeasure, measureDrawing } from './draw-metrics';
import type { MapView } from './map-view';
import {
  openOperatorMap,
  operatorTimings,
  showWholeFleet,
  startInPageFeeder,
  truckLayerStats,
  waitForTruckCount,
} from './operator-page';
import { type PositionSender, type SenderCounts, startPositionSender } from './position-sender';

const VIEWPORT = { width: 1600, height: 950 };
const ADMIN_PASSWORD = 'bench-admin-password';
/** The targets of the map at fleet scale. */
const DRAWS_PER_SECOND_TARGET = 10;
const DRAW_P95_TARGET_MS = 8;
const LONG_TASK_MS = 50;

interface Options {
  fleets: number[];
  seconds: number;
  warmupSeconds: number;
}

const USAGE = `npm run bench:map -- [--trucks 2000,10000] [--seconds 20] [--warmup 5]
  --trucks   fleet sizes to measure, one after the other (default 2000,10000)
  --seconds  measured seconds per page (default 20)
  --warmup   seconds before measuring, for sockets, JIT and caches to settle (default 5)`;

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { fleets: [2000, 10000], seconds: 20, warmupSeconds: 5 };
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split('=', 2);
    const value = () => inline ?? argv[++index];
    const positive = (text: string | undefined) => {
      const number = Number(text);
      if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} wants a positive number\n${USAGE}`);
      return number;
    };
    if (name === '--trucks') options.fleets = (value() ?? '').split(',').map((text) => Math.round(positive(text)));
    else if (name === '--seconds') options.seconds = positive(value());
    else if (name === '--warmup') options.warmupSeconds = positive(value());
    else throw new Error(`unknown option ${argv[index]}\n${USAGE}`);
  }
  return options;
}

/** The dot radius TruckCanvasLayer uses at a zoom, so the baseline draws dots of the same size. */
function truckRadiusAt(zoom: number): number {
  if (zoom >= 15) return 7;
  if (zoom >= 12) return 5.5;
  return 4;
}

interface PageResult {
  inView: number;
  /** Positions that reached the map per second: fixes the truck layer was handed, markers moved. */
  positionsPerSecond: number;
  measure: DrawMeasure;
  sent: string;
}

interface FleetResult {
  trucks: number;
  shown: number;
  view: MapView;
  radius: number;
  lastFrame: { dots: number; badges: number };
  pourline: PageResult;
  /** The same page with every truck's fix handed to the truck layer straight, at the fleet's rate. */
  layerOnly: PageResult;
  baseline: PageResult;
}

function since(before: SenderCounts, after: SenderCounts): string {
  const sent = after.sent - before.sent;
  return `${sent} sent, ${after.accepted - before.accepted} answered 200, ${after.failed - before.failed} failed`;
}

async function benchFleet(trucks: number, options: Options): Promise<FleetResult> {
  const { seconds, warmupSeconds } = options;
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
    await registerBenchFleet(url, trucks);
    browser = await launchBenchBrowser();

    // Pourline: the operator view, fed by the real API over socket.io.
    const operator = await openOperatorMap(browser, api.baseUrl, VIEWPORT, {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    sender = startPositionSender(api.baseUrl, trucks);
    const shown = await waitForTruckCount(operator.page, trucks, 60_000 + trucks * 20);
    const { view, inView } = await showWholeFleet(operator.page);
    await operator.page.waitForTimeout(warmupSeconds * 1000);
    const operatorSent = { ...sender.counts };
    const layerBefore = await truckLayerStats(operator.page);
    const pourline = await measureDrawing(browser, operator.page, seconds, operatorTimings);
    const layerAfter = await truckLayerStats(operator.page);
    const operatorWindow = since(operatorSent, sender.counts);
    // What was measured, to look at: the whole fleet as the dispatcher sees it.
    await screenshot(operator.page, `bench-map-${trucks}`);

    // The truck layer alone at the full rate: the API here passes on fewer positions than the fleet
    // sends, so the same page gets every truck's fix once a second straight into the layer.
    await sender.stop();
    sender = undefined;
    await operator.page.waitForTimeout(2000);
    const feeder = await startInPageFeeder(operator.page);
    await operator.page.waitForTimeout(warmupSeconds * 1000);
    const fedBefore = await feeder.fed();
    const layerOnly = await measureDrawing(browser, operator.page, seconds, operatorTimings);
    const fed = (await feeder.fed()) - fedBefore;
    await feeder.stop();
    await operator.close();
    sender = startPositionSender(api.baseUrl, trucks);

    // Baseline: bare Leaflet, same map size, view, dots and path, no server behind it. The
    // sender keeps the API ingesting meanwhile, so both pages share the machine with the same load.
    const radius = truckRadiusAt(view.zoom);
    baselineServer = await serveBaselinePage(trucks, warmupSeconds + seconds + 10, view, radius);
    const bare = await openBaselinePage(browser, baselineServer.url, VIEWPORT);
    await bare.page.waitForTimeout(warmupSeconds * 1000);
    const baselineInView = await bare.inView();
    const baselineSent = { ...sender.counts };
    const movedBefore = await bare.moved();
    const baseline = await measureDrawing(
      browser,
      bare.page,
      seconds,
      (from) => `window.__baseline.layerTimings(${from})`,
    );
    const moved = (await bare.moved()) - movedBefore;
    const baselineWindow = since(baselineSent, sender.counts);
    await bare.close();
    await sender.stop();
    sender = undefined;

    return {
      trucks,
      shown,
      view,
      radius,
      lastFrame: { dots: layerAfter.dots, badges: layerAfter.badges },
      pourline: {
        inView,
        positionsPerSecond: (layerAfter.fixes - layerBefore.fixes) / pourline.seconds,
        measure: pourline,
        sent: operatorWindow,
      },
      layerOnly: {
        inView,
        positionsPerSecond: fed / layerOnly.seconds,
        measure: layerOnly,
        sent: 'none (fixes fed in the page)',
      },
      baseline: {
        inView: baselineInView,
        positionsPerSecond: moved / baseline.seconds,
        measure: baseline,
        sent: baselineWindow,
      },
    };
  } finally {
    await sender?.stop().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await baselineServer?.close().catch(() => undefined);
    await api?.stop();
    await dropDatabase(database);
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const percent = (value: number) => `${(value * 100).toFixed(0)} %`;

function row(label: string, ...cells: string[]): void {
  console.log(`  ${label.padEnd(36)}${cells.map((cell) => cell.padEnd(38)).join('')}`);
}

function drawsPerSecond(measure: DrawMeasure): number {
  return measure.draws.count / measure.seconds;
}

/** The most of one long task that was the truck drawing's own work, and how many long tasks it made alone. */
function layerInLongTasks(measure: DrawMeasure): { max: number; overLimit: number } {
  return {
    max: Math.max(0, ...measure.layerMsPerLongTask),
    overLimit: measure.layerMsPerLongTask.filter((layerMs) => layerMs >= LONG_TASK_MS).length,
  };
}

function report(result: FleetResult): void {
  const { view, pourline, layerOnly, baseline } = result;
  const pages = [pourline, layerOnly, baseline];
  console.log(
    `\n${result.trucks} trucks — map ${view.width.toFixed(0)}×${view.height.toFixed(0)} px at zoom ${view.zoom}, ` +
      `centre ${view.center.lat.toFixed(4)}, ${view.center.lng.toFixed(4)}; dots r = ${result.radius} px`,
  );
  console.log(`  positions sent to the API while the operator map was measured: ${pourline.sent}`);
  console.log(`  positions sent to the API while the baseline was measured:     ${baseline.sent}`);
  console.log(`  page visibility while measured: ${pages.map((page) => page.measure.visibility).join(' / ')}\n`);
  row('', 'operator map, fed by the API', 'operator map, layer fed in page', 'bare Leaflet canvas');
  row(
    'trucks (in view)',
    `${result.shown} (${pourline.inView})`,
    `${result.shown} (${layerOnly.inView})`,
    `${result.trucks} (${baseline.inView})`,
  );
  row(
    'last frame drew',
    `${result.lastFrame.dots} dots, ${result.lastFrame.badges} badges`,
    '',
    `${result.trucks} circles`,
  );
  row('positions reaching the map', ...pages.map((page) => `${page.positionsPerSecond.toFixed(0)} /s`));
  const cells = (measure: DrawMeasure) => ({
    draws: `${measure.draws.count} in ${measure.seconds.toFixed(1)} s = ${drawsPerSecond(measure).toFixed(1)} /s`,
    time: `${ms(measure.draws.percentile(50))} / ${ms(measure.draws.percentile(95))} / ${ms(measure.maxDrawMs)}`,
    apply: `${ms(measure.applyMs / measure.seconds)} per s`,
    busy: `${percent(measure.busyShare)} (script ${percent(measure.scriptShare)})`,
    cpu: `${measure.rendererCpu.toFixed(2)} / ${measure.gpuCpu.toFixed(2)} s per s`,
    long: `${measure.longTasks.length}, max ${ms(Math.max(0, ...measure.longTasks.map((task) => task.duration)))}`,
    layer: (() => {
      const { max, overLimit } = layerInLongTasks(measure);
      return `max ${ms(max)} in one; ${overLimit} ≥ ${LONG_TASK_MS} ms`;
    })(),
    frames: measure.longFrames
      ? `${measure.longFrames.frames}, total ${ms(measure.longFrames.totalMs)}`
      : 'not reported by this browser',
    framesSplit: measure.longFrames
      ? `${ms(measure.longFrames.scriptMs)} / ${ms(measure.longFrames.renderMs)} (${ms(measure.longFrames.styleLayoutMs)})`
      : '—',
  });
  const all = pages.map((page) => cells(page.measure));
  row('draws (timed inside the draw)', ...all.map((cell) => cell.draws));
  row('draw time p50 / p95 / max', ...all.map((cell) => cell.time));
  row('applying positions (store → layer)', ...all.map((cell) => cell.apply));
  row('main thread busy', ...all.map((cell) => cell.busy));
  row('CPU renderer / GPU process', ...all.map((cell) => cell.cpu));
  row(`long tasks ≥ ${LONG_TASK_MS} ms`, ...all.map((cell) => cell.long));
  row('  truck drawing inside them', ...all.map((cell) => cell.layer));
  row('long animation frames ≥ 50 ms', ...all.map((cell) => cell.frames));
  row('  script / rendering (style+layout)', ...all.map((cell) => cell.framesSplit));
  for (const [name, page] of [
    ['operator map, fed by the API', pourline],
    ['operator map, layer fed in page', layerOnly],
    ['bare Leaflet', baseline],
  ] as const) {
    if (!page.measure.longFrames?.scripts.length) continue;
    console.log(`  ${name}: script time in long animation frames, by what ran it:`);
    for (const { script, ms: spent } of page.measure.longFrames.scripts) {
      console.log(`    ${ms(spent).padStart(10)}  ${script}`);
    }
  }
  const lost = pages.map((page) => page.measure.lostTimings);
  if (lost.some((count) => count > 0)) console.log(`  (timings overwritten before read: ${lost.join(' / ')})`);
}

function targets(results: readonly FleetResult[]): void {
  console.log('\nTargets (Pourline operator map)');
  const line = (met: boolean, text: string) => console.log(`  ${met ? 'met   ' : 'MISSED'} ${text}`);
  const runs = results.flatMap(({ trucks, pourline, layerOnly }) => [
    { trucks: `${trucks} trucks (API-fed)`, measure: pourline.measure },
    { trucks: `${trucks} trucks (every fix, fed in page)`, measure: layerOnly.measure },
  ]);
  for (const { trucks, measure } of runs) {
    const rate = drawsPerSecond(measure);
    const p95 = measure.draws.percentile(95);
    const { max, overLimit } = layerInLongTasks(measure);
    line(rate >= DRAWS_PER_SECOND_TARGET, `${trucks} drawn ≥ ${DRAWS_PER_SECOND_TARGET} times/s (${rate.toFixed(1)})`);
    line(p95 <= DRAW_P95_TARGET_MS, `${trucks}: draw p95 ≤ ${DRAW_P95_TARGET_MS} ms (${ms(p95)})`);
    line(
      overLimit === 0 && measure.maxDrawMs < LONG_TASK_MS,
      `${trucks}: no long task over ${LONG_TASK_MS} ms from the truck layer ` +
        `(longest draw ${ms(measure.maxDrawMs)}, most layer work in one long task ${ms(max)})`,
    );
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(
    `bench:map — ${options.fleets.join(' and ')} trucks at 1 Hz, headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `${options.warmupSeconds} s warm-up + ${options.seconds} s measured per page`,
  );
  const results: FleetResult[] = [];
  for (const trucks of options.fleets) {
    const result = await benchFleet(trucks, options);
    report(result);
    results.push(result);
  }
  targets(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
