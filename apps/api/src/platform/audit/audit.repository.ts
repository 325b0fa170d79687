import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere, Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  insert(manager: EntityManager, entry: Omit<AuditEntryEntity, 'id' | 'at'>): Promise<unknown> {
    return manager.save(AuditEntryEntity, manager.create(AuditEntryEntity, entry));
  }

  list(
    filter: { entityType?: string; entityId?: string },
    skip: number,
    take: number,
  ): Promise<[AuditEntryEntity[], number]> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (filter.entityType) where.entityType = filter.entityType;
    if (filter.entityId) where.entityId = filter.entityId;
    return this.entries.findAndCount({ where, order: { at: 'DESC' }, skip, take });
  }
}
