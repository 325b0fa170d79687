import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { PourOrderStatus } from '@pourline/contracts';
import { PlanResponseEntity } from './plan-response.entity';
import { PourOrderEntity } from './pour-order.entity';

@Injectable()
export class PourOrdersRepository {
  constructor(
    @InjectRepository(PourOrderEntity) private readonly orders: Repository<PourOrderEntity>,
    @InjectRepository(PlanResponseEntity) private readonly responses: Repository<PlanResponseEntity>,
  ) {}

  /** projectIds null: every project. Newest first. */
  list(projectIds: string[] | null, status: PourOrderStatus | undefined): Promise<PourOrderEntity[]> {
    if (projectIds?.length === 0) return Promise.resolve([]);
    return this.orders.find({
      where: { ...(projectIds ? { projectId: In(projectIds) } : {}), ...(status ? { status } : {}) },
      relations: { project: true },
      order: { requestedAt: 'DESC' },
      take: 200,
    });
  }

  findById(id: string): Promise<PourOrderEntity | null> {
    return this.orders.findOne({ where: { id }, relations: { project: true } });
  }

  saveOrder(order: Partial<PourOrderEntity>): Promise<PourOrderEntity> {
    return this.orders.save(this.orders.create(order));
  }

  /** Oldest first. */
  responsesOf(pourId: string): Promise<PlanResponseEntity[]> {
    return this.responses.find({ where: { pourId }, order: { at: 'ASC' } });
  }

  saveResponse(response: Partial<PlanResponseEntity>): Promise<PlanResponseEntity> {
    return this.responses.save(this.responses.create(response));
  }
}
