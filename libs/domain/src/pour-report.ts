/**
 * The figures of one pour after the fact: what each truck's cycle took, how
 * long the pump stood waiting for concrete, and whether trucks came in time.
 */
export interface LoadCycleTimes {
  ticketNumber: string;
  volumeM3: number;
  rejected: boolean;
  batchedAt: Date | null;
  leftPlantAt: Date | null;
  arrivedAt: Date | null;
  dischargeStartedAt: Date | null;
  dischargeEndedAt: Date | null;
  backAtPlantAt: Date | null;
}

export interface LoadCycleFigures {
  ticketNumber: string;
  /** Batching to leaving the plant (loading and plant QC). */
  atPlantMinutes: number | null;
  travelMinutes: number | null;
  /** Arrival to the start of discharge (site test and waiting). */
  waitOnSiteMinutes: number | null;
  dischargeMinutes: number | null;
  /** Batching to back at the plant. */
  cycleMinutes: number | null;
  /** The pump stood idle from the previous load's end of discharge until this one began. */
  pumpIdleBeforeMinutes: number | null;
  /** On site before the pump ran dry: arrived before the previous load finished discharging. */
  punctual: boolean | null;
}

export interface PourReportFigures {
  plannedM3: number;
  deliveredM3: number;
  rejectedM3: number;
  loads: number;
  rejectedLoads: number;
  /** The first arrival against the scheduled start; negative when early. */
  firstArrivalLateMinutes: number | null;
  pumpIdleMinutes: number;
  punctualSharePercent: number | null;
  meanCycleMinutes: number | null;
  cycles: LoadCycleFigures[];
}

const minutesBetween = (from: Date | null, to: Date | null): number | null =>
  from && to ? round1((to.getTime() - from.getTime()) / 60_000) : null;
const round1 = (value: number) => Math.round(value * 10) / 10;

export function pourReportFigures(
  plannedM3: number,
  scheduledStart: Date,
  loads: readonly LoadCycleTimes[],
): PourReportFigures {
  const delivered = loads.filter((load) => !load.rejected && load.dischargeEndedAt);
  // The pump's rhythm is the sequence of discharges, in the order they began.
  const discharged = [...delivered].sort(
    (a, b) => (a.dischargeStartedAt?.getTime() ?? 0) - (b.dischargeStartedAt?.getTime() ?? 0),
  );
  const idleBefore = new Map<string, number>();
  const punctual = new Map<string, boolean>();
  discharged.forEach((load, index) => {
    const previous = discharged[index - 1];
    if (!previous?.dischargeEndedAt || !load.dischargeStartedAt) return;
    idleBefore.set(load.ticketNumber, Math.max(0, minutesBetween(previous.dischargeEndedAt, load.dischargeStartedAt)!));
    if (load.arrivedAt)
      punctual.set(load.ticketNumber, load.arrivedAt.getTime() <= previous.dischargeEndedAt.getTime());
  });
  const cycles = loads.map((load) => ({
    ticketNumber: load.ticketNumber,
    atPlantMinutes: minutesBetween(load.batchedAt, load.leftPlantAt),
    travelMinutes: minutesBetween(load.leftPlantAt, load.arrivedAt),
    waitOnSiteMinutes: minutesBetween(load.arrivedAt, load.dischargeStartedAt),
    dischargeMinutes: minutesBetween(load.dischargeStartedAt, load.dischargeEndedAt),
    cycleMinutes: minutesBetween(load.batchedAt, load.backAtPlantAt),
    pumpIdleBeforeMinutes: idleBefore.get(load.ticketNumber) ?? null,
    punctual: punctual.get(load.ticketNumber) ?? null,
  }));
  const arrivals = loads.map((load) => load.arrivedAt).filter((at): at is Date => at !== null);
  const firstArrival = arrivals.length ? new Date(Math.min(...arrivals.map((at) => at.getTime()))) : null;
  const judged = [...punctual.values()];
  const cycleTimes = cycles.map((cycle) => cycle.cycleMinutes).filter((minutes): minutes is number => minutes !== null);
  return {
    plannedM3,
    deliveredM3: round1(delivered.reduce((sum, load) => sum + load.volumeM3, 0)),
    rejectedM3: round1(loads.filter((load) => load.rejected).reduce((sum, load) => sum + load.volumeM3, 0)),
    loads: loads.length,
    rejectedLoads: loads.filter((load) => load.rejected).length,
    firstArrivalLateMinutes: minutesBetween(scheduledStart, firstArrival),
    pumpIdleMinutes: round1([...idleBefore.values()].reduce((sum, minutes) => sum + minutes, 0)),
    punctualSharePercent: judged.length ? round1((100 * judged.filter(Boolean).length) / judged.length) : null,
    meanCycleMinutes: cycleTimes.length ? round1(cycleTimes.reduce((a, b) => a + b, 0) / cycleTimes.length) : null,
    cycles,
  };
}
