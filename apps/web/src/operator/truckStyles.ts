import type { LoadDto, PumpStatus } from '@pourline/contracts';

/** Truck colours by where the load is in its cycle; one table for the canvas and the legend. */
export const TRUCK_PHASES = [
  'at_plant',
  'held',
  'en_route',
  'on_site',
  'discharging',
  'returning',
  'rejected',
  'idle',
] as const;
export type TruckPhase = (typeof TRUCK_PHASES)[number];

export const TRUCK_PHASE_COLORS: Record<TruckPhase, string> = {
  at_plant: '#a78bfa',
  held: '#f59e0b',
  en_route: '#3b82f6',
  on_site: '#22d3ee',
  discharging: '#22c55e',
  returning: '#2dd4bf',
  rejected: '#ef4444',
  idle: '#8b98a5',
};

export function truckPhase(load: LoadDto | undefined): TruckPhase {
  if (!load) return 'idle';
  switch (load.status) {
    case 'scheduled':
    case 'loading':
    case 'plant_qc':
      return 'at_plant';
    case 'held':
      return 'held';
    case 'released':
    case 'en_route':
      return 'en_route';
    case 'on_site':
      return 'on_site';
    case 'discharging':
      return 'discharging';
    case 'discharged':
    case 'returning':
      return 'returning';
    case 'rejected':
    case 'returning_with_load':
      return 'rejected';
    case 'disposed':
    case 'back_at_plant':
    case 'cancelled':
      return 'idle';
  }
}

const FINISHED: ReadonlySet<LoadDto['status']> = new Set(['back_at_plant', 'cancelled', 'disposed']);

/** Each truck's current load: the most recently changed one that has not finished its cycle. */
export function currentLoadByTruck(loads: ReadonlyMap<string, LoadDto>): Map<string, LoadDto> {
  const byTruck = new Map<string, LoadDto>();
  for (const load of loads.values()) {
    if (!load.truckId || FINISHED.has(load.status)) continue;
    const current = byTruck.get(load.truckId);
    if (!current || Date.parse(load.updatedAt) > Date.parse(current.updatedAt)) byTruck.set(load.truckId, load);
  }
  return byTruck;
}

export const PUMP_STATUS_COLORS: Record<PumpStatus, string> = {
  idle: '#8b98a5',
  setting_up: '#f59e0b',
  pumping: '#22c55e',
  blocked: '#f97316',
  breakdown: '#ef4444',
  moving: '#3b82f6',
};
