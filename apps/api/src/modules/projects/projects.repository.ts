import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type FindOptionsWhere, type Repository } from 'typeorm';
import { EntityStore } from '../../platform/database/entity-store';
import type { CustomerEntity } from '../customers/customer.entity';
import type { UserEntity } from '../users/user.entity';
import { ProjectEntity } from './project.entity';

/** A project with the relations its DTO needs. */
export type ProjectWithDetails = ProjectEntity & {
  customer: CustomerEntity;
  siteDispatchers: UserEntity[];
  supervisors: UserEntity[];
};

const DETAILS = { customer: true, siteDispatchers: true, supervisors: true } as const;

@Injectable()
export class ProjectsRepository extends EntityStore<ProjectEntity> {
  constructor(@InjectRepository(ProjectEntity) projects: Repository<ProjectEntity>) {
    super(projects);
  }

  findWithDetails(id: string): Promise<ProjectWithDetails | null> {
    return this.repository.findOne({ where: { id }, relations: DETAILS }) as Promise<ProjectWithDetails | null>;
  }

  /** The accounts of a customer: their scope follows the customer's projects. */
  async customerAccountIds(customerIds: string[]): Promise<string[]> {
    if (customerIds.length === 0) return [];
    const rows: { id: string }[] = await this.repository.manager.query(
      'SELECT id FROM users WHERE customer_id = ANY($1::uuid[])',
      [customerIds],
    );
    return rows.map((row) => row.id);
  }

  /** projectIds null: every project; otherwise only those (a scoped role's projects). */
  async listForScope(
    projectIds: string[] | null,
    customerId: string | undefined,
    skip: number,
    take: number,
  ): Promise<[ProjectWithDetails[], number]> {
    if (projectIds?.length === 0) return [[], 0];
    const where: FindOptionsWhere<ProjectEntity> = {};
    if (projectIds) where.id = In(projectIds);
    if (customerId) where.customerId = customerId;
    const page = await this.repository.findAndCount({
      where,
      relations: DETAILS,
      order: { name: 'ASC', id: 'ASC' },
      skip,
      take,
    });
    return page as [ProjectWithDetails[], number];
  }
}
