import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import { PourRequestEntity } from './pour-request.entity';

export type OpenRequestRow = PourRequestEntity & { projectId: string };

@Injectable()
export class PourRequestsRepository extends EntityStore<PourRequestEntity> {
  constructor(@InjectRepository(PourRequestEntity) requests: Repository<PourRequestEntity>) {
    super(requests);
  }

  listForPour(pourId: string): Promise<PourRequestEntity[]> {
    return this.repository.find({ where: { pourId }, order: { at: 'DESC' }, take: 200 });
  }

  /** Requests nobody has copied yet, for pours still running, newest last; null projectIds: every project. */
  async listUnacknowledged(
    projectIds: string[] | null,
    openStatuses: readonly string[],
    sinceHours: number,
  ): Promise<OpenRequestRow[]> {
    if (projectIds?.length === 0) return [];
    const query = this.repository
      .createQueryBuilder('request')
      .innerJoin('pours', 'pour', 'pour.id = request.pour_id')
      .addSelect('pour.project_id', 'project_id')
      .where('request.acknowledged_at IS NULL')
      .andWhere('pour.status IN (:...openStatuses)', { openStatuses })
      .andWhere(`request.at > now() - make_interval(hours => :sinceHours)`, { sinceHours })
      .orderBy('request.at', 'ASC')
      .limit(500);
    if (projectIds) query.andWhere('pour.project_id IN (:...projectIds)', { projectIds });
    const { entities, raw } = await query.getRawAndEntities<{ project_id: string }>();
    return entities.map((entity, index) => Object.assign(entity, { projectId: raw[index].project_id }));
  }
}
