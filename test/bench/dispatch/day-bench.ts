import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayMetrics, type DayMetrics } from './day/day-metrics';
import { generateDay, type DaySize } from './day/day-scenario';
import { playDay } from './day/day-simulation';
import { FifoPolicy } from './day/fifo-policy';
import { SchedulerPolicy } from './day/scheduler-policy';
import { printTable } from './table';

export interface DayBenchOptions {
  seed: number;
  size: DaySize;
  /** Constructions per re-plan: the product's short budget. */
  maxIterations: number;
  outDir: string;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One generated day replayed under the scheduler and under FIFO, side by side. */
export function runDayBench(options: DayBenchOptions): void {
  const scenario = generateDay(options.seed, options.size);
  const { disturbances } = scenario;
  console.log(
    `bench:dispatch day — seed ${options.seed}: ${scenario.pours.length} pours ` +
      `(${scenario.pours.reduce((sum, pour) => sum + pour.volumeM3, 0)} m3), ${scenario.trucks.length} trucks, ` +
      `${scenario.plants.length} plants (${scenario.plants.map((plant) => `${plant.loadsPerHour} loads/h`).join(', ')}); ` +
      `rejection at ${disturbances.rejection.pourId}, breakdown of ${disturbances.breakdown.truckId} at minute ` +
      `${disturbances.breakdown.atMinute}, ${disturbances.slowSite.pourId} places at ${disturbances.slowSite.rateFactor * 100}% ` +
      `of its rate, travel ${disturbances.travelFactor.min}–${disturbances.travelFactor.max}× planned`,
  );
  const scheduler = new SchedulerPolicy({ maxIterations: options.maxIterations, seed: options.seed });
  const withScheduler = dayMetrics(playDay(scenario, scheduler));
  const withFifo = dayMetrics(playDay(scenario, new FifoPolicy()));
  const rows: [string, keyof DayMetrics, number][] = [
    ['pump idle (min)', 'pumpIdleMinutes', 0],
    ['cold joints', 'coldJoints', 0],
    ['truck waiting on site (min)', 'truckSiteWaitMinutes', 0],
    ['truck-hours', 'truckHours', 1],
    ['mean age at discharge end (min)', 'meanAgeAtDischargeEndMinutes', 1],
    ['max age at discharge end (min)', 'maxAgeAtDischargeEndMinutes', 1],
    ['loads rejected for age', 'loadsRejectedForAge', 0],
    ['delivered (m3)', 'deliveredM3', 0],
    ['pours completed', 'poursCompleted', 0],
    ['last discharge ends (min)', 'lastDischargeEndMinute', 0],
  ];
  printTable(
    ['', 'scheduler', 'FIFO'],
    rows.map(([label, key, digits]) => [
      label,
      Number(withScheduler[key].toFixed(digits)),
      Number(withFifo[key].toFixed(digits)),
    ]),
  );
  const replanMs = scheduler.replanMs;
  const cpuMs = scheduler.replanCpuMs;
  const ms = (values: readonly number[], p: number) => percentile(values, p).toFixed(1);
  const beats = (key: keyof DayMetrics) => withScheduler[key] < withFifo[key] || withScheduler[key] === 0;
  console.log(
    `re-plans ${replanMs.length} (${options.maxIterations} plans tried each): p50 ${ms(replanMs, 50)} ms, ` +
      `p99 ${ms(replanMs, 99)} ms wall clock; p50 ${ms(cpuMs, 50)} ms, p99 ${ms(cpuMs, 99)} ms CPU; ` +
      `scheduler beats FIFO on pump idle: ${beats('pumpIdleMinutes') ? 'yes' : 'no'}, cold joints: ` +
      `${beats('coldJoints') ? 'yes' : 'no'}, truck waiting: ${beats('truckSiteWaitMinutes') ? 'yes' : 'no'}`,
  );
  mkdirSync(options.outDir, { recursive: true });
  const file = join(options.outDir, `day-${options.seed}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ seed: options.seed, scenario, scheduler: withScheduler, fifo: withFifo, replanMs, replanCpuMs: cpuMs }, null, 1)}\n`,
  );
  console.log(`detail in ${file}`);
}
