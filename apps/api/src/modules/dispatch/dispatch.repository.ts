import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type LoadStatus, type RateRequestKind, TRUCK_COMMITTED_STATUSES } from '@pourline/domain';
import { TruckEntity } from '../fleet/truck.entity';
import { LoadEntity } from '../loads/load.entity';
import { PourEntity } from '../pours/pour.entity';
import { DispatchDecisionEntity } from './dispatch-decision.entity';
import { PourDispatchSettingEntity } from './pour-dispatch-setting.entity';

/** Pours the dispatch room paces: agreed and not finished. */
export const PLANNED_POUR_STATUSES = ['confirmed', 'ready', 'in_progress'] as const;
/** A load that still holds its truck, or will. */
export function isUnfinished(status: LoadStatus): boolean {
  return TRUCK_COMMITTED_STATUSES.includes(status);
}

/** How far around now a pour counts as today's. */
const DAY_WINDOW_HOURS = 24;

/** The moments of a load's cycle that pace a pour. */
export interface LoadMoments {
  departedAt?: Date;
  arrivedAt?: Date;
  dischargeStartedAt?: Date;
  dischargeEndedAt?: Date;
}

export interface TripRow {
  load_id: string;
  departed_at: Date;
  arrived_at: Date;
}

/** A load whose truck has driven to the site: the stretch of its track that holds the trip. */
export interface TrackWindowRow {
  load_id: string;
  truck_id: string;
  from_at: Date;
  until_at: Date;
}

export interface TrackFixRow {
  load_id: string;
  fix_time: Date;
  lat: number;
  lng: number;
}

/** Loads whose trucks' tracks are read for trips, newest first. */
const TRACKED_LOADS = 50;
/**
 * A track is read from a little before loading (the truck entering the yard)
 * to well after discharge began, since people may record an arrival late.
 */
const TRACK_BEFORE_MINUTES = 10;
const TRACK_AFTER_MINUTES = 30;

export interface TruckFixRow {
  entity_id: string;
  lat: number;
  lng: number;
  fix_time: Date;
  speed_kmh: number | null;
}

@Injectable()
export class DispatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  activePours(now: Date, pourId?: string): Promise<PourEntity[]> {
    const query = this.dataSource
      .getRepository(PourEntity)
      .createQueryBuilder('pour')
      .leftJoinAndSelect('pour.plant', 'plant')
      .leftJoinAndSelect('pour.pump', 'pump')
      .leftJoinAndSelect('pour.project', 'project')
      .where('pour.status IN (:...statuses)', { statuses: PLANNED_POUR_STATUSES })
      .andWhere(`pour.scheduledStart BETWEEN :from AND :until`, {
        from: new Date(now.getTime() - DAY_WINDOW_HOURS * 3_600_000),
        until: new Date(now.getTime() + DAY_WINDOW_HOURS * 3_600_000),
      });
    if (pourId) query.andWhere('pour.id = :pourId', { pourId });
    return query.orderBy('pour.scheduledStart', 'ASC').getMany();
  }

  loadsOfPours(pourIds: string[]): Promise<LoadEntity[]> {
    if (pourIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LoadEntity).find({
      where: { pourId: In(pourIds) },
      relations: { truck: true },
      order: { queuePosition: 'ASC', createdAt: 'ASC' },
    });
  }

  /**
   * Loads of the plants' trucks still out for pours other than `exceptPourIds`.
   * The ids go as one array each: thousands of trucks as `IN` parameters cost
   * the ORM tens of milliseconds of building, on the event loop.
   */
  unfinishedLoadsOfTrucks(truckIds: string[], exceptPourIds: string[]): Promise<LoadEntity[]> {
    if (truckIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(LoadEntity)
      .createQueryBuilder('load')
      .where('load.truck_id = ANY(:truckIds::uuid[])', { truckIds })
      .andWhere('load.status IN (:...statuses)', { statuses: [...TRUCK_COMMITTED_STATUSES] })
      .andWhere('NOT (load.pour_id = ANY(:exceptPourIds::uuid[]))', { exceptPourIds })
      .getMany();
  }

  async moments(loadIds: string[]): Promise<Map<string, LoadMoments>> {
    if (loadIds.length === 0) return new Map();
    const rows: { load_id: string; to_status: string; at: Date }[] = await this.dataSource.query(
      `SELECT load_id, to_status, max(at) AS at FROM load_events
        WHERE load_id = ANY($1::uuid[]) AND to_status IN ('en_route', 'on_site', 'discharging', 'discharged')
        GROUP BY load_id, to_status`,
      [loadIds],
    );
    const byLoad = new Map<string, LoadMoments>();
    const field = {
      en_route: 'departedAt',
      on_site: 'arrivedAt',
      discharging: 'dischargeStartedAt',
      discharged: 'dischargeEndedAt',
    } as const;
    for (const row of rows) {
      const moments = byLoad.get(row.load_id) ?? {};
      moments[field[row.to_status as keyof typeof field]] = new Date(row.at);
      byLoad.set(row.load_id, moments);
    }
    return byLoad;
  }

  async requests(pourIds: string[]): Promise<Map<string, { kind: RateRequestKind; at: Date }[]>> {
    if (pourIds.length === 0) return new Map();
    const rows: { pour_id: string; kind: RateRequestKind; at: Date }[] = await this.dataSource.query(
      `SELECT pour_id, kind, COALESCE(observed_at, at) AS at FROM pour_requests WHERE pour_id = ANY($1::uuid[])`,
      [pourIds],
    );
    const byPour = new Map<string, { kind: RateRequestKind; at: Date }[]>();
    for (const row of rows)
      byPour.set(row.pour_id, [...(byPour.get(row.pour_id) ?? []), { ...row, at: new Date(row.at) }]);
    return byPour;
  }

  /** Recent trips from this plant to this project's site: leaving the plant to arriving on site. */
  trips(plantId: string, projectId: string, before: Date): Promise<TripRow[]> {
    return this.dataSource.query(
      `SELECT l.id AS load_id, dep.at AS departed_at, arr.at AS arrived_at
         FROM loads l
         JOIN pours p ON p.id = l.pour_id
         JOIN LATERAL (SELECT max(at) AS at FROM load_events WHERE load_id = l.id AND to_status = 'en_route') dep ON true
         JOIN LATERAL (SELECT min(at) AS at FROM load_events WHERE load_id = l.id AND to_status = 'on_site') arr ON true
        WHERE l.plant_id = $1 AND p.project_id = $2 AND dep.at IS NOT NULL AND arr.at > dep.at
          AND dep.at <= $3 AND dep.at > $3::timestamptz - interval '30 days'
        ORDER BY dep.at DESC LIMIT 200`,
      [plantId, projectId, before],
    );
  }

  /**
   * Recent loads of this plant to this project's site whose truck has reached
   * the pump: from when loading began to when discharging did, with a margin,
   * its track holds the trip, whatever the steps say.
   */
  trackWindows(plantId: string, projectId: string, before: Date): Promise<TrackWindowRow[]> {
    return this.dataSource.query(
      `SELECT l.id AS load_id, l.truck_id,
              COALESCE(e.loading_at, l.batched_at, l.created_at) - interval '${TRACK_BEFORE_MINUTES} minutes' AS from_at,
              e.pumped_at + interval '${TRACK_AFTER_MINUTES} minutes' AS until_at
         FROM loads l
         JOIN pours p ON p.id = l.pour_id
         JOIN LATERAL (
           SELECT min(at) FILTER (WHERE to_status = 'loading') AS loading_at,
                  min(at) FILTER (WHERE to_status IN ('discharging', 'discharged', 'returning')) AS pumped_at
             FROM load_events WHERE load_id = l.id) e ON true
        WHERE l.plant_id = $1 AND p.project_id = $2 AND l.truck_id IS NOT NULL AND e.pumped_at IS NOT NULL
          AND e.pumped_at <= $3 AND e.pumped_at > $3::timestamptz - interval '30 days'
        ORDER BY e.pumped_at DESC LIMIT ${TRACKED_LOADS}`,
      [plantId, projectId, before],
    );
  }

  /** The trucks' fixes within each load's window, in time order per load. */
  trackFixes(windows: readonly TrackWindowRow[]): Promise<TrackFixRow[]> {
    if (windows.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT w.load_id, pos.fix_time, pos.lat, pos.lng
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS w(load_id, truck_id, from_at, until_at)
         JOIN positions pos ON pos.entity_type = 'truck' AND pos.entity_id = w.truck_id
                           AND pos.fix_time BETWEEN w.from_at AND w.until_at
        ORDER BY w.load_id, pos.fix_time`,
      [
        windows.map((window) => window.load_id),
        windows.map((window) => window.truck_id),
        windows.map((window) => window.from_at),
        windows.map((window) => window.until_at),
      ],
    );
  }

  trucksOfPlants(plantIds: string[]): Promise<TruckEntity[]> {
    if (plantIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(TruckEntity).find({
      where: { homePlantId: In(plantIds), active: true },
      order: { fleetNumber: 'ASC' },
    });
  }

  truckFixes(truckIds: string[]): Promise<TruckFixRow[]> {
    if (truckIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT entity_id, lat, lng, fix_time, speed_kmh FROM latest_positions
        WHERE entity_type = 'truck' AND entity_id = ANY($1::uuid[])`,
      [truckIds],
    );
  }

  async settings(pourIds: string[]): Promise<Map<string, PourDispatchSettingEntity>> {
    if (pourIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(PourDispatchSettingEntity).findBy({ pourId: In(pourIds) });
    return new Map(rows.map((row) => [row.pourId, row]));
  }

  saveSettings(manager: EntityManager, setting: PourDispatchSettingEntity): Promise<PourDispatchSettingEntity> {
    return manager.save(PourDispatchSettingEntity, setting);
  }

  decisions(pourId: string): Promise<(DispatchDecisionEntity & { ticket_number: string })[]> {
    return this.dataSource.query(
      `SELECT d.id, d.pour_id AS "pourId", d.load_id AS "loadId", d.kind, d.proposed, d.chosen, d.reason,
              d.by_id AS "byId", d.by_name AS "byName", d.at, l.ticket_number
         FROM dispatch_decisions d JOIN loads l ON l.id = d.load_id
        WHERE d.pour_id = $1 ORDER BY d.at DESC LIMIT 50`,
      [pourId],
    );
  }

  insertDecision(manager: EntityManager, decision: Omit<DispatchDecisionEntity, 'id' | 'at'>) {
    return manager.save(DispatchDecisionEntity, manager.create(DispatchDecisionEntity, decision));
  }

  setPlannedLoadAt(manager: EntityManager, loadId: string, at: Date): Promise<unknown> {
    return manager.update(LoadEntity, { id: loadId }, { plannedLoadAt: at });
  }
}
