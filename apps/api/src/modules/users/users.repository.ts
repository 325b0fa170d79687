import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { In } from 'typeorm';
import type { Role } from '@pourline/contracts';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  list(skip: number, take: number): Promise<[UserEntity[], number]> {
    return this.users.findAndCount({ order: { username: 'ASC' }, skip, take });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  countActiveWithRole(role: Role): Promise<number> {
    return this.users.countBy({ role, active: true });
  }

  save(user: UserEntity, manager?: EntityManager): Promise<UserEntity> {
    return (manager ?? this.users.manager).save(UserEntity, user);
  }

  create(fields: Partial<UserEntity>): UserEntity {
    return this.users.create(fields);
  }
}
