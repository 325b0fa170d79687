import type { Browser } from 'playwright-core';
import { startApi } from '../../support/api-process';
import { screenshot } from '../../support/browser';
import { createDatabase, databaseUrl, dropDatabase } from '../../support/database';
import { registerBenchFleet } from '../bench-fleet';
import { serveBaselinePage, openBaselinePage, type BaselineServer } from './baseline-page';
import { launchBenchBrowser } from './bench-browser';
import { type DrawMeasure, measureDrawing } from './draw-metrics';
import type { MapView } from './map-view';
import { openOperatorMap, operatorTimings, showWholeFleet, truckLayerStats, waitForTruckCount } from './operator-page';
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
    await operator.close();

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

function row(label: string, pourline: string, baseline: string): void {
  console.log(`  ${label.padEnd(36)}${pourline.padEnd(40)}${baseline}`);
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
  const { view, pourline, baseline } = result;
  console.log(
    `\n${result.trucks} trucks — map ${view.width.toFixed(0)}×${view.height.toFixed(0)} px at zoom ${view.zoom}, ` +
      `centre ${view.center.lat.toFixed(4)}, ${view.center.lng.toFixed(4)}; dots r = ${result.radius} px`,
  );
  console.log(`  positions sent to the API while the operator map was measured: ${pourline.sent}`);
  console.log(`  positions sent to the API while the baseline was measured:     ${baseline.sent}`);
  console.log(`  page visibility while measured: ${pourline.measure.visibility} / ${baseline.measure.visibility}\n`);
  row('', 'Pourline operator map', 'bare Leaflet canvas');
  row('trucks (in view)', `${result.shown} (${pourline.inView})`, `${result.trucks} (${baseline.inView})`);
  row(
    'last frame drew',
    `${result.lastFrame.dots} dots, ${result.lastFrame.badges} badges`,
    `${result.trucks} circles`,
  );
  row(
    'positions reaching the map',
    `${pourline.positionsPerSecond.toFixed(0)} /s`,
    `${baseline.positionsPerSecond.toFixed(0)} /s`,
  );
  const cells = (measure: DrawMeasure) => ({
    draws: `${measure.draws.count} in ${measure.seconds.toFixed(1)} s = ${drawsPerSecond(measure).toFixed(1)} /s`,
    time: `${ms(measure.draws.percentile(50))} / ${ms(measure.draws.percentile(95))} / ${ms(measure.maxDrawMs)}`,
    apply: `${ms(measure.applyMs / measure.seconds)} per s`,
    busy: `${percent(measure.busyShare)} (script ${percent(measure.scriptShare)})`,
    cpu: `${measure.rendererCpu.toFixed(2)} / ${measure.gpuCpu.toFixed(2)} s per s`,
    long: `${measure.longTasks.length}, max ${ms(Math.max(0, ...measure.longTasks.map((task) => task.duration)))}, total ${ms(
      measure.longTasks.reduce((sum, task) => sum + task.duration, 0),
    )}`,
    layer: (() => {
      const { max, overLimit } = layerInLongTasks(measure);
      return `max ${ms(max)} in one; ${overLimit} ≥ ${LONG_TASK_MS} ms`;
    })(),
  });
  const a = cells(pourline.measure);
  const b = cells(baseline.measure);
  row('draws (timed inside the draw)', a.draws, b.draws);
  row('draw time p50 / p95 / max', a.time, b.time);
  row('applying positions', a.apply, b.apply);
  row('main thread busy', a.busy, b.busy);
  row('CPU renderer / GPU process', a.cpu, b.cpu);
  row(`long tasks ≥ ${LONG_TASK_MS} ms`, a.long, b.long);
  row('  truck drawing inside them', a.layer, b.layer);
  const frames = (measure: DrawMeasure) =>
    measure.longFrames
      ? `${measure.longFrames.frames}, total ${ms(measure.longFrames.totalMs)}`
      : 'not reported by this browser';
  const framesSplit = (measure: DrawMeasure) =>
    measure.longFrames
      ? `${ms(measure.longFrames.scriptMs)} / ${ms(measure.longFrames.renderMs)} (${ms(measure.longFrames.styleLayoutMs)})`
      : '—';
  row('long animation frames ≥ 50 ms', frames(pourline.measure), frames(baseline.measure));
  row('  script / rendering (style+layout)', framesSplit(pourline.measure), framesSplit(baseline.measure));
  for (const [name, measure] of [
    ['Pourline', pourline.measure],
    ['baseline', baseline.measure],
  ] as const) {
    if (!measure.longFrames?.scripts.length) continue;
    console.log(`  ${name}: script time in long animation frames, by what ran it:`);
    for (const { script, ms: spent } of measure.longFrames.scripts)
      console.log(`    ${ms(spent).padStart(10)}  ${script}`);
  }
  if (pourline.measure.lostTimings + baseline.measure.lostTimings > 0) {
    console.log(
      `  (timings overwritten before read: ${pourline.measure.lostTimings} / ${baseline.measure.lostTimings})`,
    );
  }
}

function targets(results: readonly FleetResult[]): void {
  console.log('\nTargets (Pourline operator map)');
  const line = (met: boolean, text: string) => console.log(`  ${met ? 'met   ' : 'MISSED'} ${text}`);
  for (const { trucks, pourline } of results) {
    const { measure } = pourline;
    const rate = drawsPerSecond(measure);
    const p95 = measure.draws.percentile(95);
    const { max, overLimit } = layerInLongTasks(measure);
    line(
      rate >= DRAWS_PER_SECOND_TARGET,
      `${trucks} trucks drawn ≥ ${DRAWS_PER_SECOND_TARGET} times/s (${rate.toFixed(1)})`,
    );
    line(p95 <= DRAW_P95_TARGET_MS, `${trucks} trucks: draw p95 ≤ ${DRAW_P95_TARGET_MS} ms (${ms(p95)})`);
    line(
      overLimit === 0 && measure.maxDrawMs < LONG_TASK_MS,
      `${trucks} trucks: no long task over ${LONG_TASK_MS} ms from the truck layer ` +
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
