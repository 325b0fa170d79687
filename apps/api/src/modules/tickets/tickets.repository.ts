import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { DeliveryTicketVersionEntity } from './delivery-ticket-version.entity';

@Injectable()
export class TicketsRepository {
  constructor(
    @InjectRepository(DeliveryTicketVersionEntity) private readonly versions: Repository<DeliveryTicketVersionEntity>,
  ) {}

  /** Oldest first. */
  versionsOf(loadId: string, manager?: EntityManager): Promise<DeliveryTicketVersionEntity[]> {
    return (manager ?? this.versions.manager).find(DeliveryTicketVersionEntity, {
      where: { loadId },
      order: { version: 'ASC' },
    });
  }

  /** Serialises everything done to one load's ticket: signing and correcting wait for each other. */
  async lockTicket(manager: EntityManager, loadId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('delivery_ticket:' || $1))`, [loadId]);
  }

  save(manager: EntityManager, version: DeliveryTicketVersionEntity): Promise<DeliveryTicketVersionEntity> {
    return manager.save(DeliveryTicketVersionEntity, version);
  }

  create(fields: Partial<DeliveryTicketVersionEntity>): DeliveryTicketVersionEntity {
    return this.versions.create(fields);
  }
}
