import type { DayState } from './day-simulation';

export interface DayMetrics {
  pumpIdleMinutes: number;
  coldJoints: number;
  truckSiteWaitMinutes: number;
  truckHours: number;
  meanAgeAtDischargeEndMinutes: number;
  maxAgeAtDischargeEndMinutes: number;
  loadsRejectedForAge: number;
  deliveredM3: number;
  orderedM3: number;
  poursCompleted: number;
  pours: number;
  lastDischargeEndMinute: number;
}

/**
 * Pump idle: from the planned start (or the first arrival, if earlier) to the
 * end of the last discharge, every minute the pump had no concrete. A cold
 * joint: a pause between discharges beyond the pour's limit. Truck-hours:
 * from dispatch until the truck is free at a plant again.
 */
export function dayMetrics(day: DayState): DayMetrics {
  let pumpIdleMinutes = 0;
  let coldJoints = 0;
  for (const pour of day.pours) {
    const discharges = [...pour.discharges].sort((a, b) => a.start - b.start);
    if (discharges.length === 0) continue;
    pumpIdleMinutes += Math.max(0, discharges[0].start - pour.pour.scheduledStartMinute - pour.pour.siteSetupMinutes);
    for (let i = 1; i < discharges.length; i++) {
      const gap = discharges[i].start - discharges[i - 1].end;
      pumpIdleMinutes += Math.max(0, gap);
      if (gap > pour.pour.maxGapMinutes + 1e-9) coldJoints += 1;
    }
  }
  const delivered = day.loads.filter((load) => load.phase === 'delivered');
  const ages = delivered.map((load) => load.dischargeEndMinute! - load.batchMinute!);
  const truckMinutes = day.loads.reduce(
    (sum, load) => sum + (load.returnedMinute ?? load.dispatchedMinute) - load.dispatchedMinute,
    0,
  );
  return {
    pumpIdleMinutes,
    coldJoints,
    truckSiteWaitMinutes: delivered.reduce(
      (sum, load) =>
        sum +
        load.dischargeStartMinute! -
        load.arriveMinute! -
        day.pours.find((pour) => pour.pour.id === load.pourId)!.pour.siteSetupMinutes,
      0,
    ),
    truckHours: truckMinutes / 60,
    meanAgeAtDischargeEndMinutes: ages.reduce((sum, age) => sum + age, 0) / Math.max(1, ages.length),
    maxAgeAtDischargeEndMinutes: Math.max(0, ...ages),
    loadsRejectedForAge: day.loads.filter((load) => load.rejectedFor === 'age').length,
    deliveredM3: day.pours.reduce((sum, pour) => sum + pour.deliveredM3, 0),
    orderedM3: day.pours.reduce((sum, pour) => sum + pour.pour.volumeM3, 0),
    poursCompleted: day.pours.filter((pour) => pour.deliveredM3 >= pour.pour.volumeM3 - 1e-9).length,
    pours: day.pours.length,
    lastDischargeEndMinute: Math.max(0, ...delivered.map((load) => load.dischargeEndMinute!)),
  };
}
