import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
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
}
