import type { GeoPolygon, LatLng } from './geo';
import { type FencePresence, nextPresence, type PreviousFencePresence } from './geofence-presence';
import type { TripRecord } from './travel-times';

/**
 * A truck's trip from the plant to a site, read from its positions: it
 * leaves when it is first outside the plant's fence after being inside it
 * (with the same hysteresis that moves loads), and arrives when it is first
 * inside the site's fence after that. Going back into the plant starts the
 * trip again; a track that never shows the truck in the plant says nothing
 * about when it left.
 */

export interface TrackFix extends LatLng {
  fixTime: Date;
}

export interface TrackedTrip {
  departedAt: Date;
  arrivedAt: Date;
}

export function tripFromTrack(
  fixes: readonly TrackFix[],
  plantFence: GeoPolygon,
  siteFence: GeoPolygon,
): TrackedTrip | null {
  const ordered = [...fixes].sort((a, b) => a.fixTime.getTime() - b.fixTime.getTime());
  let plant: PreviousFencePresence = 'unknown';
  let site: PreviousFencePresence = 'unknown';
  let departedAt: Date | null = null;
  for (const fix of ordered) {
    const atPlant: FencePresence = nextPresence(plant, fix, plantFence);
    const atSite: FencePresence = nextPresence(site, fix, siteFence);
    if (atPlant === 'inside') departedAt = null;
    else if (plant === 'inside') departedAt = fix.fixTime;
    if (atSite === 'inside' && site !== 'inside' && departedAt) return { departedAt, arrivedAt: fix.fixTime };
    plant = atPlant;
    site = atSite;
  }
  return null;
}

export interface LoadTrip extends TripRecord {
  loadId: string;
}

/**
 * One trip per load: the one its truck's positions show where there is one,
 * since a step can be recorded late by hand, else the one its steps record.
 */
export function mergeTrips(fromSteps: readonly LoadTrip[], fromPositions: readonly LoadTrip[]): TripRecord[] {
  const byLoad = new Map<string, TripRecord>();
  for (const trip of fromSteps) byLoad.set(trip.loadId, { ...withoutLoad(trip), source: 'load_steps' });
  for (const trip of fromPositions) byLoad.set(trip.loadId, { ...withoutLoad(trip), source: 'positions' });
  return [...byLoad.values()];
}

function withoutLoad({ departedAt, arrivedAt, departureHour }: LoadTrip): TripRecord {
  return { departedAt, arrivedAt, departureHour };
}
