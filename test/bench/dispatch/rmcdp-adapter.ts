import type { SchedulePlan, SchedulerInput, SchedulerOptions } from '@pourline/domain';
import { type RmcdpInstance, rmcdpTravelMinutes } from './rmcdp-instance';

/** Trucks start at the depot, location v0. */
const DEPOT = 'v0';

export interface RmcdpDelivery {
  vehicle: string;
  station: string;
  customer: string;
  volume: number;
  start: number;
  end: number;
}

export interface RmcdpSolution {
  instance: string;
  delivered: number;
  deliveries: RmcdpDelivery[];
}

/**
 * The instance as the scheduler's input, and nothing more: stations are
 * plants (loading is not modelled, so it takes 0 minutes and a plant has no
 * batch limit), customers are pours (window, demand, MaxTimeLag as the gap
 * limit, no age limit within the horizon), vehicles are trucks that start at
 * the depot and unload in their own fixed time.
 */
export function rmcdpSchedulerInput(instance: RmcdpInstance, options: SchedulerOptions): SchedulerInput {
  const horizon = Math.max(...instance.customers.map((customer) => customer.windowEnd));
  const plantToPour: Record<string, Record<string, number>> = {};
  for (const station of instance.stations) {
    plantToPour[station] = {};
    for (const customer of instance.customers) {
      plantToPour[station][customer.id] = rmcdpTravelMinutes(instance, station, customer.id);
    }
  }
  const depotToPlant = Object.fromEntries(
    instance.stations.map((station) => [station, rmcdpTravelMinutes(instance, DEPOT, station)]),
  );
  return {
    nowMinute: 0,
    plants: instance.stations.map((station) => ({ id: station, loadingMinutes: 0 })),
    pours: instance.customers.map((customer) => ({
      id: customer.id,
      remainingM3: customer.demandM3,
      window: { startMinute: customer.windowStart, endMinute: customer.windowEnd },
      // Unused: every truck unloads in its own fixed time.
      pourRateM3PerHour: 60,
      maxGapMinutes: instance.maxTimeLagMinutes,
      maxAgeMinutes: horizon + 1,
      mixId: 'rmcdp',
      plantIds: instance.stations,
    })),
    trucks: instance.vehicles.map((vehicle) => ({
      id: vehicle.id,
      capacityM3: vehicle.capacityM3,
      homePlantId: instance.stations[0],
      freeAt: { kind: 'elsewhere', minutesToPlant: depotToPlant },
      freeFromMinute: 0,
      fixedDischargeMinutes: vehicle.unloadingMinutes,
    })),
    travel: { plantToPour },
    options,
  };
}

/** The plan in the benchmark's solution form: one delivery per unloading of a pour served whole. */
export function rmcdpSolution(instance: RmcdpInstance, plan: SchedulePlan): RmcdpSolution {
  const demand = new Map(instance.customers.map((customer) => [customer.id, customer.demandM3]));
  const served = plan.pours.filter((pour) => pour.status === 'complete' && pour.loads.length > 0);
  return {
    instance: instance.name,
    delivered: served.reduce((sum, pour) => sum + demand.get(pour.pourId)!, 0),
    deliveries: served
      .flatMap((pour) => pour.loads)
      .map((load) => ({
        vehicle: load.truckId,
        station: load.plantId,
        customer: load.pourId,
        volume: load.volumeM3,
        start: load.dischargeStartMinute,
        end: load.dischargeEndMinute,
      }))
      .sort((a, b) => a.start - b.start),
  };
}
