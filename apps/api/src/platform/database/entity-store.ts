import type { EntityManager, ObjectLiteral, Repository } from 'typeorm';

/**
 * The queries every master-data repository needs. Repositories extend it and
 * add their own; services never build queries.
 */
export abstract class EntityStore<T extends ObjectLiteral & { id: string }> {
  protected constructor(protected readonly repository: Repository<T>) {}

  findById(id: string): Promise<T | null> {
    return this.repository.findOneBy({ id } as never);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repository.countBy({ id } as never)) > 0;
  }

  create(fields: Partial<T>): T {
    return this.repository.create(fields as T);
  }

  save(entity: T, manager?: EntityManager): Promise<T> {
    return (manager ?? this.repository.manager).save(this.repository.target, entity);
  }

  async remove(entity: T): Promise<void> {
    await this.repository.remove(entity);
  }
}
