import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { PourListQuery } from '@pourline/contracts';
import type { DocumentType } from '@pourline/domain';
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

  /** Pours not yet completed or cancelled, with their plant (whose time zone says which day they belong to). */
  findOpen(): Promise<PourEntity[]> {
    return this.repository.find({
      where: { status: In(['draft', 'confirmed', 'ready', 'in_progress']) },
      relations: { plant: true },
      order: { scheduledStart: 'ASC' },
    });
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
