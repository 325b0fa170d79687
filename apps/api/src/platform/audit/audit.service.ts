import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntryDto, AuditQuery, CurrentUser, Page } from '@pourline/contracts';
import type { AuditEntryEntity } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';

export type AuditedEntity = AuditEntryDto['entityType'];

function toDto(entry: AuditEntryEntity): AuditEntryDto {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    entityType: entry.entityType as AuditedEntity,
    entityId: entry.entityId,
    action: entry.action,
    changes: entry.changes,
  };
}

@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  /** Called inside the transaction of the change, so the record and the change land together. */
  async record(
    manager: EntityManager,
    actor: CurrentUser | null,
    entityType: AuditedEntity,
    entityId: string,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    await this.entries.insert(manager, {
      actorId: actor?.id ?? null,
      actorName: actor ? `${actor.displayName} (${actor.username})` : 'system',
      entityType,
      entityId,
      action,
      changes,
    });
  }

  async list(query: AuditQuery): Promise<Page<AuditEntryDto>> {
    const [items, total] = await this.entries.list(query, (query.page - 1) * query.pageSize, query.pageSize);
    return { items: items.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }
}
