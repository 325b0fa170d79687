import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import { MixEntity } from './mix.entity';

@Injectable()
export class MixesRepository extends EntityStore<MixEntity> {
  constructor(@InjectRepository(MixEntity) mixes: Repository<MixEntity>) {
    super(mixes);
  }

  listAll(): Promise<MixEntity[]> {
    return this.repository.find({ order: { code: 'ASC' } });
  }
}
