import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import { TruckEntity } from './truck.entity';

@Injectable()
export class TrucksRepository extends EntityStore<TruckEntity> {
  constructor(@InjectRepository(TruckEntity) trucks: Repository<TruckEntity>) {
    super(trucks);
  }

  listAll(): Promise<TruckEntity[]> {
    return this.repository.find({ order: { fleetNumber: 'ASC' } });
  }

  findByTrackerDevice(trackerDeviceId: string): Promise<TruckEntity | null> {
    return this.repository.findOneBy({ trackerDeviceId });
  }
}
