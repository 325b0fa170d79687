/**
 * @pourline/simulator: the demo fleet (whole truck cycles through the public
 * API and the OsmAnd ingest) and the position stream for benchmarks. Run this
 * file for the command line; import it to embed either.
 */
import { runCli } from './cli';

export { startDemoSimulation, type DemoSimulation, type DemoSimulationOptions } from './fleet-simulation';
export {
  runStream,
  registerBenchTrucks,
  formatStreamStats,
  benchDeviceId,
  type StreamOptions,
  type StreamStats,
  type LatencySummaryMs,
  type RegisterBenchTrucksOptions,
} from './bench-stream';
export { parseOptions, usage, DEFAULT_OPTIONS, type SimulatorOptions, type SimulatorMode } from './options';
export { formatStats, type SimulationStats } from './simulation-stats';
export { RouteWalker, type RoutePoint } from './route-walker';
export { OsmAndReporter, type Fix, type ReportResult } from './osmand-reporter';
export type { Log } from './log';

if (require.main === module) {
  runCli(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
