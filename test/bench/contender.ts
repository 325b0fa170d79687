import type { FleetMotion } from './fleet-motion';
import { addFixes, type FixCounts, noFixes } from './fix-counts';
import { Samples } from './latency';
import { cpuOfTree, cpuSpent, type MachineCpu, machineBusyShare, machineCpu } from './process-cpu';
import { BenchConsoles, runSteadyLoad, type SteadyResult } from './steady-load';

/** What the measured server and the bench share: the fleet, its consoles and threads. */
export interface ContenderSetup {
  trucks: number;
  consoles: number;
  consoleThreads: number;
  trackerThreads: number;
  idleS: number;
  warmupS: number;
  motion: FleetMotion;
}

/** One round of the fleet against one server, with the CPU each side used in it. */
export interface Round {
  result: SteadyResult;
  /** ms of the server's own CPU time in the round. */
  cpuMs: number;
  /** ms of the bench process's CPU time (trackers and consoles, every thread) in the round. */
  generatorMs: number;
  machineBefore: MachineCpu;
  machineAfter: MachineCpu;
}

/** A server under measurement: its consoles stay connected while it takes turns with the other. */
export interface Contender {
  name: string;
  baseUrl: string;
  pid: number;
  consoles: BenchConsoles;
  /** Share of one core it used with its consoles connected and no fixes coming: timers, polls, jobs. */
  idleCores: number;
  /** Fixes accepted in the warm-up, which are stored too. */
  warmupAccepted: number;
  /** Seconds of the fleet's motion it has been sent so far. */
  drivenS: number;
  rounds: Round[];
}

/** Connects a server's consoles, watches it idle, then warms it up. */
export async function prepareContender(
  setup: ContenderSetup,
  name: string,
  baseUrl: string,
  pid: number,
  token: string | undefined,
): Promise<Contender> {
  const consoles = await BenchConsoles.connect(baseUrl, setup.consoles, setup.consoleThreads, token);
  console.log(`  ${name}: ${setup.consoles} consoles connected; watched idle for ${setup.idleS} s, then warmed up`);
  const idleFrom = cpuOfTree(pid);
  await new Promise((resolve) => setTimeout(resolve, setup.idleS * 1000));
  const idleCores = cpuSpent(idleFrom, cpuOfTree(pid)) / 1000 / setup.idleS;
  const warmup = await runSteadyLoad({
    baseUrl,
    consoles,
    trucks: setup.trucks,
    motion: setup.motion,
    threads: setup.trackerThreads,
    seconds: setup.warmupS,
    firstSecond: 0,
  });
  return {
    name,
    baseUrl,
    pid,
    consoles,
    idleCores,
    warmupAccepted: warmup.accepted,
    drivenS: setup.warmupS,
    rounds: [],
  };
}

/**
 * Runs the fleet against one server for a round. The CPU readings start at the
 * first fix (the trackers' connecting before it is not the server's work per
 * position) and end at the last answer, the window of `elapsedS` (the
 * consoles' settling after it is not the run).
 */
export async function runRound(setup: ContenderSetup, contender: Contender, seconds: number): Promise<Round> {
  let before = cpuOfTree(contender.pid);
  let after = before;
  let generatorBefore = process.cpuUsage();
  let generator = generatorBefore;
  let machineBefore = machineCpu();
  let machineAfter = machineBefore;
  const result = await runSteadyLoad({
    baseUrl: contender.baseUrl,
    consoles: contender.consoles,
    trucks: setup.trucks,
    motion: setup.motion,
    threads: setup.trackerThreads,
    seconds,
    firstSecond: contender.drivenS,
    onReady: () => {
      before = cpuOfTree(contender.pid);
      generatorBefore = process.cpuUsage();
      machineBefore = machineCpu();
    },
    onDone: () => {
      after = cpuOfTree(contender.pid);
      generator = process.cpuUsage(generatorBefore);
      machineAfter = machineCpu();
    },
  });
  contender.drivenS += seconds;
  const round: Round = {
    result,
    cpuMs: cpuSpent(before, after),
    generatorMs: (generator.user + generator.system) / 1000,
    machineBefore,
    machineAfter,
  };
  contender.rounds.push(round);
  return round;
}

export function roundMachineBusy(round: Round): number {
  return machineBusyShare(round.machineBefore, round.machineAfter);
}

/** A server's rounds taken together, as one run of their summed length. */
export interface Measured {
  counts: FixCounts;
  elapsedS: number;
  acceptedPerSecond: number;
  requestLatency: Samples;
  ingestToConsole: Samples;
  /** Positions each console received over the rounds, as a share of those accepted: lowest and mean. */
  deliveredShareMin: number;
  deliveredShareMean: number;
  /** ms of the server's own CPU time per 1,000 accepted positions. */
  cpuPerThousand: number;
  /** Share of one core the server used over its rounds. */
  cores: number;
  idleCores: number;
  warmupAccepted: number;
  /** Cores the bench itself used over the server's rounds. */
  generatorCores: number;
  /** Share of all the machine's cores busy over the server's rounds, whoever used them. */
  machineBusy: number;
}

export function measured(contender: Contender): Measured {
  const counts = noFixes();
  const requestLatency = new Samples();
  const ingestToConsole = new Samples();
  const received = new Array<number>(contender.consoles.count).fill(0);
  let elapsedS = 0;
  let cpuMs = 0;
  let generatorMs = 0;
  let busyMs = 0;
  let totalMs = 0;
  for (const { result, ...round } of contender.rounds) {
    addFixes(counts, result);
    requestLatency.merge(result.requestLatency.raw);
    ingestToConsole.merge(result.ingestToConsole.raw);
    result.consoleCounts.forEach((count, index) => (received[index] += count));
    elapsedS += result.elapsedS;
    cpuMs += round.cpuMs;
    generatorMs += round.generatorMs;
    busyMs += round.machineAfter.busyMs - round.machineBefore.busyMs;
    totalMs += round.machineAfter.totalMs - round.machineBefore.totalMs;
  }
  const shares = received.map((count) => (counts.accepted === 0 ? 0 : count / counts.accepted));
  return {
    counts,
    elapsedS,
    acceptedPerSecond: counts.accepted / elapsedS,
    requestLatency,
    ingestToConsole,
    deliveredShareMin: Math.min(...shares),
    deliveredShareMean: shares.reduce((sum, share) => sum + share, 0) / Math.max(1, shares.length),
    cpuPerThousand: (cpuMs / Math.max(1, counts.accepted)) * 1000,
    cores: cpuMs / 1000 / elapsedS,
    idleCores: contender.idleCores,
    warmupAccepted: contender.warmupAccepted,
    generatorCores: generatorMs / 1000 / elapsedS,
    machineBusy: totalMs > 0 ? busyMs / totalMs : 0,
  };
}
