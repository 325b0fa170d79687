/**
 * The load scheduler's public shapes.
 *
 * Time: every `...Minute` field is a point on one timeline measured in minutes
 * (fractions allowed) from an origin the caller chooses; the API uses minutes
 * since the Unix epoch (`epochMs / 60_000`). Every `...Minutes` field is a
 * duration. The scheduler never reads a clock of its own.
 */

/** Where a truck will be when it is next free to take a load. */
export type SchedulerPlace =
  | { kind: 'plant'; plantId: string }
  | { kind: 'pour'; pourId: string }
  /** Anywhere else (a depot, the road): minutes from there to each plant it may load at. */
  | { kind: 'elsewhere'; minutesToPlant: Readonly<Record<string, number>> };

export interface SchedulerPlant {
  id: string;
  /** From the start of batching until the truck can leave (batching, plant QC). */
  loadingMinutes: number;
  /** Batches the plant can start per hour; consecutive batch starts are at least 60 / this apart. Omit for no limit. */
  loadsPerHour?: number;
  /** Intervals in which a batch may start; omit for always open. */
  openingHours?: readonly { fromMinute: number; untilMinute: number }[];
}

export interface SchedulerPour {
  id: string;
  /** Volume still to be sent: ordered less delivered, less what `loadsInProgress` carry. */
  remainingM3: number;
  /** Discharge may start at `startMinute` and must end by `endMinute` (omit for no end). */
  window: { startMinute: number; endMinute?: number };
  /** Placement rate: a load of v m³ discharges in v / rate × 60 minutes. */
  pourRateM3PerHour: number;
  /** Cold-joint limit: longest allowed pause between one discharge's end and the next one's start. */
  maxGapMinutes: number;
  /** Batch start to end of discharge: the earlier of the age limit and initial set less its margin. */
  maxAgeMinutes: number;
  mixId: string;
  /** Plants that may supply this pour (they make its mix and are close enough to be considered). */
  plantIds: readonly string[];
  /** Arrival to start of discharge (site slump test, positioning at the pump); default 0. */
  siteSetupMinutes?: number;
  /**
   * When the pour has started: the end of its last finished discharge. A started
   * pour is always planned to the end, however late, since concrete is already in place.
   */
  lastDischargeEndMinute?: number;
  /**
   * A pour not started that no plan can serve whole inside its window and gap
   * limit is left out (`unserved`) unless this is set: then it is planned
   * anyway, after every pour that can be served, as early as trucks allow (`late`).
   */
  planEvenIfLate?: boolean;
}

export interface SchedulerTruck {
  id: string;
  capacityM3: number;
  homePlantId: string;
  /** Where and from when the truck is free, not counting a load it carries now (see `loadsInProgress`). */
  freeAt: SchedulerPlace;
  freeFromMinute: number;
  /** End of the truck's shift: every planned load must be discharged and the truck back at a plant by then. */
  availableUntilMinute?: number;
  /** A truck that always discharges in this many minutes, whatever the pour's rate. */
  fixedDischargeMinutes?: number;
}

/** A load already batched: the scheduler keeps it and plans around it. */
export interface SchedulerLoadInProgress {
  id: string;
  pourId: string;
  truckId: string;
  plantId: string;
  volumeM3: number;
  batchMinute: number;
  /** Expected (ETA) or actual arrival at the site. */
  arriveMinute: number;
  /** Set once discharge has begun. */
  dischargeStartMinute?: number;
}

/** Minutes a truck drives between places; `plantToPour[plantId][pourId]`, and so on. */
export interface SchedulerTravel {
  plantToPour: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Empty back to a plant; defaults to the `plantToPour` figure the other way. */
  pourToPlant?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Without a figure a truck free at one plant cannot load at another. */
  plantToPlant?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface SchedulerOptions {
  /** Seed of the search's random choices; the same input and seed give the same plan. */
  seed?: number;
  /** Constructions tried by the search; default 20 (well under a second for a day of 20 pours and 60 trucks). One is the plain greedy plan. */
  maxIterations?: number;
  /** Stop the search after this long as told by `clock`; only used with a clock. */
  timeLimitMs?: number;
  /** Milliseconds from any origin (e.g. `performance.now`), read to honour `timeLimitMs`. */
  clock?: () => number;
}

export interface SchedulerInput {
  /** No batch is planned before this minute. */
  nowMinute: number;
  pours: readonly SchedulerPour[];
  trucks: readonly SchedulerTruck[];
  plants: readonly SchedulerPlant[];
  travel: SchedulerTravel;
  loadsInProgress?: readonly SchedulerLoadInProgress[];
  options?: SchedulerOptions;
}

export interface PlannedLoad {
  pourId: string;
  /** 0-based place of this load in its pour's sequence, loads in progress first. */
  sequence: number;
  plantId: string;
  truckId: string;
  volumeM3: number;
  batchMinute: number;
  departMinute: number;
  arriveMinute: number;
  dischargeStartMinute: number;
  dischargeEndMinute: number;
  /** Batch plus the pour's max age: discharge must end by then. */
  dischargeDeadlineMinute: number;
  /** Minutes the truck stands on site beyond its set-up before discharging. */
  siteWaitMinutes: number;
  /** The id of the load in progress this line projects; absent for a proposed load. */
  loadInProgressId?: string;
}

export type PourPlanStatus =
  /** Every remaining cubic metre has a load within the window and the gap limit. */
  | 'complete'
  /**
   * Planned to its end with a gap over the limit, past its window or short of
   * trucks: a started pour, or one with `planEvenIfLate`.
   */
  | 'late'
  /** Not started and no plan serves it whole without a cold joint: nothing is proposed. */
  | 'unserved';

export interface PourPlan {
  pourId: string;
  status: PourPlanStatus;
  loads: PlannedLoad[];
  plannedM3: number;
  /** Pauses between discharges that exceed the pour's gap limit. */
  coldJoints: { afterSequence: number; gapMinutes: number }[];
  /** Minutes the last discharge ends after the window's end; 0 when inside. */
  overrunMinutes: number;
}

export interface ScheduleMetrics {
  coldJoints: number;
  /** Minutes of pause beyond the gap limits, summed. */
  coldJointExcessMinutes: number;
  /** Remaining volume of the pours planned whole (`complete`). */
  servedM3: number;
  unservedPours: number;
  /**
   * Minutes the pumps of the planned pours stand without concrete from now on:
   * from the last finished discharge (or the window's start), or from now if
   * that is past, to the first planned discharge, and between planned ones.
   * Less idle means pours fed at their rhythm; it weighs before truck waiting,
   * so a plan has trucks wait on site rather than leave a pump idle.
   */
  pumpIdleMinutes: number;
  siteWaitMinutes: number;
  /** Driving, loading, waiting and discharging time of the proposed loads, back to a plant. */
  truckMinutes: number;
}

export interface SchedulePlan {
  /** In the order of `input.pours`. */
  pours: PourPlan[];
  /** Proposed loads of every pour, by batch minute. */
  proposedLoads: PlannedLoad[];
  metrics: ScheduleMetrics;
  /** Constructions the search tried. */
  iterations: number;
}
