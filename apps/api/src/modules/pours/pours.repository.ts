import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { PourListQuery } from '@pourline/contracts';
import { type DocumentType, POUR_STATUSES_FREEING_THE_PUMP } from '@pourline/domain';
import { EntityStore } from '../../platform/database/entity-store';
import { PourDocumentEntity } from '../documents/pour-document.entity';
import { PourEntity } from './pour.entity';

export interface PourListFilter extends Omit<PourListQuery, 'page' | 'pageSize'> {
  projectIds: string[] | null;
}

const DETAIL_RELATIONS = { project: { customer: true }, plant: true, mix: true, pump: true } as const;

@Injectable()
export class PoursRepository extends EntityStore<PourEntity> {
  constructor(@InjectRepository(PourEntity) pours: Repository<PourEntity>) {
    super(pours);
  }

  findDetailed(id: string): Promise<PourEntity | null> {
    return this.repository.findOne({ where: { id }, relations: DETAIL_RELATIONS });
  }

  /**
   * Pours not yet completed or cancelled, and finished ones with a truck still
   * out on one of their loads, with their plant (whose time zone says which
   * day they belong to) and how many of their loads are still open.
   */
  async findUnfinished(): Promise<{ pour: PourEntity; openLoads: number }[]> {
    const { entities, raw } = await this.repository
      .createQueryBuilder('pour')
      .leftJoinAndSelect('pour.plant', 'plant')
      .addSelect(
        `(SELECT count(*) FROM loads load WHERE load.pour_id = pour.id AND load.status NOT IN (:...finalLoadStatuses))`,
        'open_loads',
      )
      .where(`pour.status IN (:...openStatuses)`)
      .orWhere(
        `EXISTS (SELECT 1 FROM loads load WHERE load.pour_id = pour.id AND load.status NOT IN (:...finalLoadStatuses))`,
      )
      .setParameters({
        openStatuses: ['draft', 'confirmed', 'ready', 'in_progress'],
        finalLoadStatuses: ['back_at_plant', 'disposed', 'cancelled'],
      })
      .orderBy('pour.scheduledStart', 'ASC')
      .getRawAndEntities<{ pour_id: string; open_loads: string }>();
    const openLoads = new Map(raw.map((row) => [row.pour_id, Number(row.open_loads)]));
    return entities.map((pour) => ({ pour, openLoads: openLoads.get(pour.id) ?? 0 }));
  }

  /** Locks the row for the rest of the transaction so status changes are serialised. */
  lockForUpdate(manager: EntityManager, id: string): Promise<PourEntity | null> {
    return manager.findOne(PourEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async list(filter: PourListFilter, skip: number, take: number): Promise<[PourEntity[], number]> {
    const query = this.repository
      .createQueryBuilder('pour')
      .leftJoinAndSelect('pour.project', 'project')
      .leftJoinAndSelect('project.customer', 'customer')
      .leftJoinAndSelect('pour.plant', 'plant')
      .leftJoinAndSelect('pour.mix', 'mix')
      .leftJoinAndSelect('pour.pump', 'pump')
      .orderBy('pour.scheduledStart', 'ASC')
      .addOrderBy('pour.id', 'ASC')
      .skip(skip)
      .take(take);
    if (filter.projectIds !== null) {
      if (filter.projectIds.length === 0) return [[], 0];
      query.andWhere('pour.projectId IN (:...projectIds)', { projectIds: filter.projectIds });
    }
    // A day is the plant's local calendar day, not UTC's.
    if (filter.day)
      query.andWhere('(pour.scheduledStart AT TIME ZONE plant.timeZone)::date = :day', { day: filter.day });
    if (filter.status) query.andWhere('pour.status = :status', { status: filter.status });
    if (filter.plantId) query.andWhere('pour.plantId = :plantId', { plantId: filter.plantId });
    if (filter.projectId) query.andWhere('pour.projectId = :projectId', { projectId: filter.projectId });
    return query.getManyAndCount();
  }

  /**
   * The other open pours of a pump whose pumping overlaps `from`–`until`, with
   * their project and plant to name them. The caller widens the span by the
   * set-up and clean-down allowances and decides the clash itself.
   */
  pumpBookingsAround(
    manager: EntityManager,
    query: { pumpId: string; exceptPourId: string | null; from: Date; until: Date },
  ): Promise<PourEntity[]> {
    const builder = manager
      .createQueryBuilder(PourEntity, 'pour')
      .leftJoinAndSelect('pour.project', 'project')
      .leftJoinAndSelect('pour.plant', 'plant')
      .where('pour.pumpId = :pumpId', { pumpId: query.pumpId })
      .andWhere('pour.status NOT IN (:...freed)', { freed: POUR_STATUSES_FREEING_THE_PUMP })
      .andWhere('pour.scheduledStart < :until', { until: query.until })
      .andWhere('pour.scheduledStart + make_interval(secs => pour.volumeM3 / pour.pourRateM3PerHour * 3600) > :from', {
        from: query.from,
      })
      .orderBy('pour.scheduledStart', 'ASC');
    if (query.exceptPourId) builder.andWhere('pour.id <> :exceptPourId', { exceptPourId: query.exceptPourId });
    return builder.getMany();
  }

  /** Delivered document types per pour, for the release gate. */
  async deliveredDocumentTypes(pourIds: string[], manager?: EntityManager): Promise<Map<string, Set<DocumentType>>> {
    const delivered = new Map<string, Set<DocumentType>>(pourIds.map((id) => [id, new Set()]));
    if (pourIds.length === 0) return delivered;
    const rows = await (manager ?? this.repository.manager)
      .createQueryBuilder(PourDocumentEntity, 'document')
      .select(['document.pourId AS pour_id', 'document.type AS type'])
      .where('document.pourId IN (:...pourIds)', { pourIds })
      .andWhere('document.deliveredAt IS NOT NULL')
      .getRawMany<{ pour_id: string; type: DocumentType }>();
    for (const row of rows) delivered.get(row.pour_id)?.add(row.type);
    return delivered;
  }
}
