import { Injectable } from '@nestjs/common';
import type { CreateCustomerRequest, CustomerDto, Page, PageQuery, UpdateCustomerRequest } from '@pourline/contracts';
import { NotFoundError } from '../../platform/errors/domain-error';
import type { CustomerEntity } from './customer.entity';
import { CustomersRepository } from './customers.repository';

export function toCustomerDto(customer: CustomerEntity): CustomerDto {
  const { id, name, contactName, phone, email } = customer;
  return { id, name, contactName, phone, email };
}

@Injectable()
export class CustomersService {
  constructor(private readonly customers: CustomersRepository) {}

  async list(query: PageQuery): Promise<Page<CustomerDto>> {
    const [items, total] = await this.customers.list((query.page - 1) * query.pageSize, query.pageSize);
    return { items: items.map(toCustomerDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<CustomerDto> {
    return toCustomerDto(await this.require(id));
  }

  async create(request: CreateCustomerRequest): Promise<CustomerDto> {
    return toCustomerDto(await this.customers.save(this.customers.create(request)));
  }

  async update(id: string, request: UpdateCustomerRequest): Promise<CustomerDto> {
    const customer = await this.require(id);
    return toCustomerDto(await this.customers.save(Object.assign(customer, request)));
  }

  /** A customer that still has projects is refused by the foreign key (409 still_referenced). */
  async remove(id: string): Promise<void> {
    await this.customers.remove(await this.require(id));
  }

  async require(id: string): Promise<CustomerEntity> {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundError('Customer', id);
    return customer;
  }
}
