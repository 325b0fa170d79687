import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import type { TruckFix } from './load-eta';
import { LoadEventEntity } from './load-event.entity';
import { LoadEntity, TRUCK_BUSY_STATUSES } from './load.entity';
import { WaterAdditionEntity } from './water-addition.entity';

const DETAIL_RELATIONS = { truck: true, mix: true, pour: { plant: true } } as const;

@Injectable()
export class LoadsRepository extends EntityStore<LoadEntity> {
  constructor(@InjectRepository(LoadEntity) loads: Repository<LoadEntity>) {
    super(loads);
  }

  findDetailed(id: string, manager?: EntityManager): Promise<LoadEntity | null> {
    return (manager ?? this.repository.manager).findOne(LoadEntity, { where: { id }, relations: DETAIL_RELATIONS });
  }

  /** Locks the load for the transaction; every change of state goes through here. */
  async lockDetailed(manager: EntityManager, id: string): Promise<LoadEntity | null> {
    const locked = await manager.findOne(LoadEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return locked ? this.findDetailed(id, manager) : null;
  }

  listForPour(pourId: string, manager?: EntityManager): Promise<LoadEntity[]> {
    return (manager ?? this.repository.manager).find(LoadEntity, {
      where: { pourId },
      relations: { truck: true, mix: true, pour: true },
      order: { queuePosition: 'ASC', createdAt: 'ASC' },
    });
  }

  async queueBounds(manager: EntityManager, pourId: string): Promise<{ first: number; last: number }> {
    const row = await manager
      .createQueryBuilder(LoadEntity, 'load')
      .select('MIN(load.queuePosition)', 'first')
      .addSelect('MAX(load.queuePosition)', 'last')
      .where('load.pourId = :pourId', { pourId })
      .getRawOne<{ first: number | null; last: number | null }>();
    return { first: row?.first ?? 1, last: row?.last ?? 0 };
  }

  /** Ticket numbers run per plant and plant-local day; the upsert makes them gap-free under concurrency. */
  async nextTicketSequence(manager: EntityManager, plantId: string, day: string): Promise<number> {
    const rows: { last_number: number }[] = await manager.query(
      `INSERT INTO ticket_counters (plant_id, day, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (plant_id, day) DO UPDATE SET last_number = ticket_counters.last_number + 1
       RETURNING last_number`,
      [plantId, day],
    );
    return rows[0].last_number;
  }

  insert(manager: EntityManager, load: Partial<LoadEntity>): Promise<LoadEntity> {
    return manager.save(LoadEntity, manager.create(LoadEntity, load));
  }

  update(manager: EntityManager, load: LoadEntity): Promise<LoadEntity> {
    const { truck: _truck, mix: _mix, pour: _pour, ...columns } = load;
    return manager.save(LoadEntity, manager.create(LoadEntity, columns));
  }

  /** Whether concrete was already batched for the pour, by another load than this one. */
  async pourHasBatchedLoad(manager: EntityManager, pourId: string, exceptLoadId: string): Promise<boolean> {
    const count = await manager
      .createQueryBuilder(LoadEntity, 'load')
      .where('load.pourId = :pourId', { pourId })
      .andWhere('load.id <> :exceptLoadId', { exceptLoadId })
      .andWhere('load.batchedAt IS NOT NULL')
      .getCount();
    return count > 0;
  }

  insertEvent(manager: EntityManager, event: Omit<LoadEventEntity, 'id'>): Promise<LoadEventEntity> {
    return manager.save(LoadEventEntity, manager.create(LoadEventEntity, event));
  }

  /** When the load's latest step happened: nothing later can be recorded before it. */
  async latestEventAt(manager: EntityManager, loadId: string): Promise<Date | null> {
    const latest = await manager.findOne(LoadEventEntity, { where: { loadId }, order: { at: 'DESC' } });
    return latest?.at ?? null;
  }

  events(loadId: string): Promise<LoadEventEntity[]> {
    return this.repository.manager.find(LoadEventEntity, { where: { loadId }, order: { at: 'ASC', id: 'ASC' } });
  }

  insertWater(manager: EntityManager, water: Omit<WaterAdditionEntity, 'id' | 'at'>): Promise<WaterAdditionEntity> {
    return manager.save(WaterAdditionEntity, manager.create(WaterAdditionEntity, water));
  }

  waterAdditions(loadId: string): Promise<WaterAdditionEntity[]> {
    return this.repository.manager.find(WaterAdditionEntity, { where: { loadId }, order: { at: 'ASC' } });
  }

  /** A plant's loads still to send, and those on their way back to it. */
  listPlantWork(plantId: string, statuses: readonly string[]): Promise<LoadEntity[]> {
    return this.repository.find({
      where: { plantId, status: In([...statuses]) },
      relations: { truck: true, mix: true, pour: { plant: true, project: true } },
      order: { queuePosition: 'ASC', createdAt: 'ASC' },
    });
  }

  /** Each pour's latest departure from the plant, with the volume that truck took. */
  async lastDepartures(pourIds: string[]): Promise<Map<string, { at: Date; volumeM3: number }>> {
    if (pourIds.length === 0) return new Map();
    const rows: { pour_id: string; at: Date; volume_m3: number }[] = await this.repository.manager.query(
      `SELECT DISTINCT ON (l.pour_id) l.pour_id, e.at, l.volume_m3
         FROM load_events e JOIN loads l ON l.id = e.load_id
        WHERE l.pour_id = ANY($1::uuid[]) AND e.from_status = 'released' AND e.to_status = 'en_route'
        ORDER BY l.pour_id, e.at DESC`,
      [pourIds],
    );
    return new Map(rows.map((row) => [row.pour_id, { at: new Date(row.at), volumeM3: row.volume_m3 }]));
  }

  /** Whether the truck is out on a load other than `loadId` right now. */
  async truckOutOnOtherLoad(truckId: string, loadId: string | null, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.repository.manager).query(
      `SELECT 1 FROM loads WHERE truck_id = $1 AND status = ANY($2) AND id IS DISTINCT FROM $3 LIMIT 1`,
      [truckId, TRUCK_BUSY_STATUSES, loadId],
    );
    return rows.length > 0;
  }

  /** Trucks out on a load right now. */
  async busyTruckIds(): Promise<Set<string>> {
    const rows: { truck_id: string }[] = await this.repository.manager.query(
      `SELECT DISTINCT truck_id FROM loads WHERE truck_id IS NOT NULL AND status = ANY($1)`,
      [TRUCK_BUSY_STATUSES],
    );
    return new Set(rows.map((row) => row.truck_id));
  }

  findByIds(ids: string[]): Promise<LoadEntity[]> {
    return ids.length ? this.repository.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }
  /** Where these trucks are now: read from the tracking stream's latest positions. */
  async latestTruckFixes(truckIds: string[], manager?: EntityManager): Promise<Map<string, TruckFix>> {
    if (truckIds.length === 0) return new Map();
    const rows: { entity_id: string; lat: number; lng: number; recent_speeds_kmh: number[] }[] = await (
      manager ?? this.repository.manager
    ).query(
      `SELECT entity_id, lat, lng, recent_speeds_kmh FROM latest_positions
          WHERE entity_type = 'truck' AND entity_id = ANY($1::uuid[])`,
      [truckIds],
    );
    return new Map(
      rows.map((row) => [row.entity_id, { lat: row.lat, lng: row.lng, recentSpeedsKmh: row.recent_speeds_kmh }]),
    );
  }
}
