import { DEFAULT_SAFETY_MARGIN_MINUTES } from './discharge-deadline';
import { assertNonNegative, assertPositive, assertValidDate } from './input-guards';

/**
 * The pour's rhythm: how fast the site places concrete, what that asks of the
 * plant (one truck every load ÷ rate), and where the pump will stand idle.
 *
 * The rate the plan promised is replaced by the rate the pump has shown once
 * it has discharged a few loads: the time a load takes to leave the drum
 * (begin to end of discharge) is the site's placing capacity, whatever gaps
 * the supply left between trucks. A site's "slow down" or "speed up" scales
 * the rate until the pump has shown the new pace on its own; a "hold" stops
 * the rhythm until "resume".
 */

/** The pump's own pace replaces the plan after this many discharges. */
export const MEASURED_RATE_MIN_LOADS = 2;
/** The newest discharges only: a pour that speeds up is followed within a few trucks. */
export const MEASURED_RATE_WINDOW_LOADS = 3;
/** What a "slow down" or a "speed up" from the site does to the rate until the pump shows it. */
export const SLOW_DOWN_FACTOR = 0.75;
export const SPEED_UP_FACTOR = 1.25;

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;

export type RateRequestKind = 'speed_up' | 'slow_down' | 'hold' | 'resume';
export type RateSource = 'plan' | 'pump' | 'measured';

export interface DischargeRecord {
  volumeM3: number;
  startedAt: Date;
  /** Null while the truck is still discharging. */
  endedAt: Date | null;
}

export interface ArrivalAtPump {
  /** When the truck is expected at the pump: its ETA, or release time plus the trip. */
  arrivesAt: Date;
  volumeM3: number;
  /** A truck already waiting on site. */
  onSite?: boolean;
}

export interface RhythmInput {
  plannedVolumeM3: number;
  plannedRateM3PerHour: number;
  /** The pump's rated output; the plan cannot ask for more. Null without a pump. */
  pumpCapacityM3PerHour: number | null;
  scheduledStart: Date;
  /** What is placed already: delivered, not rejected. */
  placedM3: number;
  /** Discharges of loads not rejected, in any order. */
  discharges: readonly DischargeRecord[];
  /** The site's requests about the rhythm, in any order; the latest decides. */
  requests: readonly { kind: RateRequestKind; at: Date }[];
  /** Trucks on their way or waiting, and planned ones, that will feed the pump. */
  arrivals: readonly ArrivalAtPump[];
  /** The volume a truck usually takes, for the interval between arrivals. */
  typicalLoadM3: number;
  initialSettingMinutes: number;
  /** The pour's own cold-joint limit; null means initial setting less the safety margin. */
  coldJointLimitMinutes: number | null;
  now: Date;
}

export interface PumpGap {
  /** When the pump runs out of concrete. */
  startsAt: Date;
  minutes: number;
  /** True when concrete was already placed, so the next layer must bond with it. */
  afterPlacing: boolean;
}

export interface PourRhythm {
  plannedRateM3PerHour: number;
  measuredRateM3PerHour: number | null;
  /** How many discharges the measured rate rests on. */
  measuredFromLoads: number;
  /** The site's latest request still in force, if any. */
  request: Exclude<RateRequestKind, 'resume'> | null;
  /** The rate the dispatch paces to; 0 while the site holds. */
  rateM3PerHour: number;
  rateSource: RateSource;
  held: boolean;
  /** Load volume ÷ rate; null while the site holds. */
  targetIntervalMinutes: number | null;
  remainingM3: number;
  /** Remaining volume not yet on a truck that will reach the pump. */
  uncoveredM3: number;
  projectedFinishAt: Date | null;
  gaps: PumpGap[];
  /** The longest gap after placing has begun: the one that threatens a joint. */
  worstGapMinutes: number;
  coldJointLimitMinutes: number;
  coldJointRisk: boolean;
}

/** Initial setting less the safety margin, never below zero, unless the pour says otherwise. */
export function coldJointLimitMinutes(initialSettingMinutes: number, override: number | null): number {
  if (override !== null) {
    assertPositive('coldJointLimitMinutes', override);
    return override;
  }
  assertPositive('initialSettingMinutes', initialSettingMinutes);
  return Math.max(0, initialSettingMinutes - DEFAULT_SAFETY_MARGIN_MINUTES);
}

/** The plan's rate, capped by what the pump can do. */
export function plannedRate(
  plannedRateM3PerHour: number,
  pumpCapacityM3PerHour: number | null,
): {
  rateM3PerHour: number;
  source: RateSource;
} {
  assertPositive('plannedRateM3PerHour', plannedRateM3PerHour);
  if (pumpCapacityM3PerHour !== null && pumpCapacityM3PerHour < plannedRateM3PerHour) {
    assertPositive('pumpCapacityM3PerHour', pumpCapacityM3PerHour);
    return { rateM3PerHour: pumpCapacityM3PerHour, source: 'pump' };
  }
  return { rateM3PerHour: plannedRateM3PerHour, source: 'plan' };
}

/**
 * The pump's placing rate over the newest finished discharges: volume over
 * the minutes the drums took to empty. Null with too few of them.
 */
export function measuredRate(
  discharges: readonly DischargeRecord[],
  windowLoads = MEASURED_RATE_WINDOW_LOADS,
): { rateM3PerHour: number; loads: number } | null {
  const finished = discharges
    .filter((discharge): discharge is DischargeRecord & { endedAt: Date } => discharge.endedAt !== null)
    .filter((discharge) => discharge.endedAt.getTime() > discharge.startedAt.getTime())
    .sort((a, b) => b.endedAt.getTime() - a.endedAt.getTime())
    .slice(0, windowLoads);
  if (finished.length < MEASURED_RATE_MIN_LOADS) return null;
  const volumeM3 = finished.reduce((sum, discharge) => sum + discharge.volumeM3, 0);
  const minutes = finished.reduce(
    (sum, discharge) => sum + (discharge.endedAt.getTime() - discharge.startedAt.getTime()) / MS_PER_MINUTE,
    0,
  );
  return { rateM3PerHour: (volumeM3 / minutes) * MINUTES_PER_HOUR, loads: finished.length };
}

/** The latest request decides; a "resume" ends whatever came before it. */
export function requestInForce(
  requests: readonly { kind: RateRequestKind; at: Date }[],
): { kind: Exclude<RateRequestKind, 'resume'>; at: Date } | null {
  const latest = [...requests].sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  if (!latest || latest.kind === 'resume') return null;
  return { kind: latest.kind, at: latest.at };
}

function pacedRate(input: RhythmInput) {
  const planned = plannedRate(input.plannedRateM3PerHour, input.pumpCapacityM3PerHour);
  const request = requestInForce(input.requests);
  const measured = measuredRate(input.discharges);
  if (request?.kind === 'hold') return { planned, measured, request, rateM3PerHour: 0, source: planned.source };
  // Discharges begun after the request already show the pace the site asked for.
  const sinceRequest = request
    ? measuredRate(input.discharges.filter((discharge) => discharge.startedAt.getTime() >= request.at.getTime()))
    : measured;
  if (sinceRequest) {
    return { planned, measured, request, rateM3PerHour: sinceRequest.rateM3PerHour, source: 'measured' as const };
  }
  const base = measured ?? { rateM3PerHour: planned.rateM3PerHour };
  const factor = request?.kind === 'slow_down' ? SLOW_DOWN_FACTOR : request?.kind === 'speed_up' ? SPEED_UP_FACTOR : 1;
  return {
    planned,
    measured,
    request,
    rateM3PerHour: base.rateM3PerHour * factor,
    source: measured ? ('measured' as const) : planned.source,
  };
}

const minutesFor = (volumeM3: number, rateM3PerHour: number) => (volumeM3 / rateM3PerHour) * MINUTES_PER_HOUR;

/**
 * Plays the pump forward: the truck discharging now finishes at the rate, each
 * arriving truck starts when both it and the pump are there, and every
 * minute between the pump finishing one drum and the next truck arriving is
 * a gap. Before the first discharge the pump waits for the scheduled start.
 */
export function pourRhythm(input: RhythmInput): PourRhythm {
  validate(input);
  const paced = pacedRate(input);
  const held = paced.request?.kind === 'hold';
  const limit = coldJointLimitMinutes(input.initialSettingMinutes, input.coldJointLimitMinutes);
  const remainingM3 = Math.max(0, input.plannedVolumeM3 - input.placedM3);
  const base = {
    plannedRateM3PerHour: paced.planned.rateM3PerHour,
    measuredRateM3PerHour: paced.measured?.rateM3PerHour ?? null,
    measuredFromLoads: paced.measured?.loads ?? 0,
    request: paced.request?.kind ?? null,
    rateM3PerHour: paced.rateM3PerHour,
    rateSource: paced.source,
    held,
    remainingM3,
    coldJointLimitMinutes: limit,
  };
  if (held) {
    return {
      ...base,
      targetIntervalMinutes: null,
      uncoveredM3: remainingM3,
      projectedFinishAt: null,
      gaps: [],
      worstGapMinutes: 0,
      coldJointRisk: false,
    };
  }
  const rate = paced.rateM3PerHour;
  const started = input.discharges.length > 0;
  const now = input.now.getTime();
  // The drum being emptied now leaves the pump free when its volume is out at the rate.
  const current = input.discharges.find((discharge) => discharge.endedAt === null);
  let pumpFreeMs = current
    ? Math.max(now, current.startedAt.getTime() + minutesFor(current.volumeM3, rate) * MS_PER_MINUTE)
    : Math.max(now, started ? now : input.scheduledStart.getTime());
  let toPlaceM3 = Math.max(0, remainingM3 - (current?.volumeM3 ?? 0));
  let placing = started;
  const gaps: PumpGap[] = [];
  const arrivals = [...input.arrivals].sort((a, b) => a.arrivesAt.getTime() - b.arrivesAt.getTime());
  for (const arrival of arrivals) {
    if (toPlaceM3 <= 0) break;
    const arrivesMs = arrival.onSite ? now : arrival.arrivesAt.getTime();
    if (arrivesMs > pumpFreeMs) {
      gaps.push({
        startsAt: new Date(pumpFreeMs),
        minutes: (arrivesMs - pumpFreeMs) / MS_PER_MINUTE,
        afterPlacing: placing,
      });
    }
    const startMs = Math.max(arrivesMs, pumpFreeMs);
    const volumeM3 = Math.min(arrival.volumeM3, toPlaceM3);
    pumpFreeMs = startMs + minutesFor(volumeM3, rate) * MS_PER_MINUTE;
    toPlaceM3 -= volumeM3;
    placing = true;
  }
  const worstGapMinutes = Math.max(0, ...gaps.filter((gap) => gap.afterPlacing).map((gap) => gap.minutes));
  return {
    ...base,
    targetIntervalMinutes: minutesFor(input.typicalLoadM3, rate),
    uncoveredM3: Math.max(0, toPlaceM3),
    // What no truck covers yet is assumed to arrive at the rhythm, without a gap.
    projectedFinishAt: new Date(pumpFreeMs + minutesFor(Math.max(0, toPlaceM3), rate) * MS_PER_MINUTE),
    gaps,
    worstGapMinutes,
    coldJointRisk: worstGapMinutes > limit,
  };
}

function validate(input: RhythmInput): void {
  assertPositive('plannedVolumeM3', input.plannedVolumeM3);
  assertNonNegative('placedM3', input.placedM3);
  assertPositive('typicalLoadM3', input.typicalLoadM3);
  assertValidDate('now', input.now);
  assertValidDate('scheduledStart', input.scheduledStart);
  for (const discharge of input.discharges) {
    assertNonNegative('discharge volumeM3', discharge.volumeM3);
    assertValidDate('discharge startedAt', discharge.startedAt);
  }
  for (const arrival of input.arrivals) {
    assertPositive('arrival volumeM3', arrival.volumeM3);
    assertValidDate('arrival arrivesAt', arrival.arrivesAt);
  }
}
