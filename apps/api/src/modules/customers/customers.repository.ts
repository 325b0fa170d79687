import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import { CustomerEntity } from './customer.entity';

@Injectable()
export class CustomersRepository extends EntityStore<CustomerEntity> {
  constructor(@InjectRepository(CustomerEntity) customers: Repository<CustomerEntity>) {
    super(customers);
  }

  list(skip: number, take: number): Promise<[CustomerEntity[], number]> {
    return this.repository.findAndCount({ order: { name: 'ASC', id: 'ASC' }, skip, take });
  }
}
