import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import { PlantEntity } from './plant.entity';

@Injectable()
export class PlantsRepository extends EntityStore<PlantEntity> {
  constructor(@InjectRepository(PlantEntity) plants: Repository<PlantEntity>) {
    super(plants);
  }

  listAll(): Promise<PlantEntity[]> {
    return this.repository.find({ order: { code: 'ASC' } });
  }
}
