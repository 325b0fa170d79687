import { Injectable } from '@nestjs/common';
import {
  DEFAULT_TYPICAL_SPEED_KMH,
  learnedTravelTime,
  type LearnedTravelTime,
  lineStringLengthMeters,
  type LoadTrip,
  localHourInZone,
  mergeTrips,
  type TrackedTrip,
  tripFromTrack,
} from '@pourline/domain';
import type { PourEntity } from '../pours/pour.entity';
import { PLANT_LOADING_MINUTES } from './dispatch-picture';
import { DispatchRepository, type TrackWindowRow } from './dispatch.repository';

const MS_PER_MINUTE = 60_000;

/**
 * Each pour's road from its plant, learned from the trips to its project's
 * site: the trucks' positions crossing the plant's and the site's fences
 * where they were tracked, the loads' recorded steps where not.
 */
@Injectable()
export class TravelLearner {
  /** A trip read from a finished track does not change: kept by load, so a track is read once. */
  private tracked = new Map<string, TrackedTrip>();

  constructor(private readonly rows: DispatchRepository) {}

  async travelTimes(pours: readonly PourEntity[], now: Date): Promise<Map<string, LearnedTravelTime>> {
    const byRoute = new Map<string, { steps: LoadTrip[]; tracks: LoadTrip[] }>();
    const result = new Map<string, LearnedTravelTime>();
    const seen = new Map<string, TrackedTrip>();
    for (const pour of pours) {
      const timeZone = pour.plant?.timeZone ?? 'UTC';
      const route = `${pour.plantId}:${pour.projectId}`;
      if (!byRoute.has(route)) byRoute.set(route, await this.tripsOf(pour, now, timeZone, seen));
      const { steps, tracks } = byRoute.get(route)!;
      const departsAt = new Date(
        Math.max(now.getTime(), pour.scheduledStart.getTime()) - PLANT_LOADING_MINUTES * MS_PER_MINUTE,
      );
      result.set(
        pour.id,
        learnedTravelTime({
          trips: mergeTrips(steps, tracks),
          hour: localHourInZone(departsAt, timeZone),
          routeLengthM: lineStringLengthMeters(pour.entryRoute.coordinates),
          typicalSpeedKmh: DEFAULT_TYPICAL_SPEED_KMH,
        }),
      );
    }
    this.tracked = seen;
    return result;
  }

  private async tripsOf(pour: PourEntity, now: Date, timeZone: string, seen: Map<string, TrackedTrip>) {
    const hourOf = (date: Date) => localHourInZone(date, timeZone);
    const [stepRows, windows] = await Promise.all([
      this.rows.trips(pour.plantId, pour.projectId, now),
      this.rows.trackWindows(pour.plantId, pour.projectId, now),
    ]);
    const steps: LoadTrip[] = stepRows.map((row) => ({
      loadId: row.load_id,
      departedAt: new Date(row.departed_at),
      arrivedAt: new Date(row.arrived_at),
      departureHour: hourOf(new Date(row.departed_at)),
    }));
    const fresh = windows.filter((window) => !this.tracked.has(window.load_id));
    const read = await this.readTracks(pour, fresh);
    const tracks: LoadTrip[] = [];
    for (const window of windows) {
      const trip = this.tracked.get(window.load_id) ?? read.get(window.load_id);
      if (!trip) continue;
      seen.set(window.load_id, trip);
      tracks.push({ loadId: window.load_id, ...trip, departureHour: hourOf(trip.departedAt) });
    }
    return { steps, tracks };
  }

  private async readTracks(pour: PourEntity, windows: TrackWindowRow[]): Promise<Map<string, TrackedTrip>> {
    const plantFence = pour.plant?.geofence;
    const siteFence = pour.project?.geofence;
    const trips = new Map<string, TrackedTrip>();
    if (!plantFence || !siteFence || windows.length === 0) return trips;
    const fixes = await this.rows.trackFixes(windows);
    const byLoad = new Map<string, { fixTime: Date; lat: number; lng: number }[]>();
    for (const row of fixes) {
      const track = byLoad.get(row.load_id) ?? [];
      track.push({ fixTime: new Date(row.fix_time), lat: row.lat, lng: row.lng });
      byLoad.set(row.load_id, track);
    }
    for (const [loadId, track] of byLoad) {
      const trip = tripFromTrack(track, plantFence, siteFence);
      if (trip) trips.set(loadId, trip);
    }
    return trips;
  }
}
