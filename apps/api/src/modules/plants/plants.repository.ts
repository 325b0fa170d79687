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
    return this.repository.find({ order: { code: 'ASC' }, relations: { operators: true } });
  }

  findWithOperators(id: string): Promise<PlantEntity | null> {
    return this.repository.findOne({ where: { id }, relations: { operators: true } });
  }
}
