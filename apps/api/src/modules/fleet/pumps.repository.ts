import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import { PumpEntity } from './pump.entity';

@Injectable()
export class PumpsRepository extends EntityStore<PumpEntity> {
  constructor(@InjectRepository(PumpEntity) pumps: Repository<PumpEntity>) {
    super(pumps);
  }

  listAll(): Promise<PumpEntity[]> {
    return this.repository.find({ order: { code: 'ASC' } });
  }

  findByTrackerDevice(trackerDeviceId: string): Promise<PumpEntity | null> {
    return this.repository.findOneBy({ trackerDeviceId });
  }

  /** Locks the pump for the transaction, so two plans cannot book it for the same hours at once. */
  lockForUpdate(manager: EntityManager, id: string): Promise<PumpEntity | null> {
    return manager.findOne(PumpEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
