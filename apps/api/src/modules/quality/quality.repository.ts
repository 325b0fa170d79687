import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { NonConformanceEntity } from './non-conformance.entity';
import { QcOverrideEntity } from './qc-override.entity';
import { QcTestEntity } from './qc-test.entity';
import { SpecimenSetEntity } from './specimen-set.entity';

@Injectable()
export class QualityRepository {
  constructor(@InjectRepository(QcTestEntity) private readonly tests: Repository<QcTestEntity>) {}

  private get manager(): EntityManager {
    return this.tests.manager;
  }

  findTest(id: string, manager: EntityManager = this.manager): Promise<QcTestEntity | null> {
    return manager.findOneBy(QcTestEntity, { id });
  }

  latestTest(manager: EntityManager, loadId: string, stage: 'plant' | 'site'): Promise<QcTestEntity | null> {
    return manager.findOne(QcTestEntity, { where: { loadId, stage }, order: { testedAt: 'DESC', id: 'DESC' } });
  }

  testsOfLoad(loadId: string): Promise<QcTestEntity[]> {
    return this.manager.find(QcTestEntity, { where: { loadId }, order: { testedAt: 'ASC', id: 'ASC' } });
  }

  insertTest(manager: EntityManager, test: Omit<QcTestEntity, 'id'>): Promise<QcTestEntity> {
    return manager.save(QcTestEntity, manager.create(QcTestEntity, test));
  }

  async overridesOf(testIds: string[], manager: EntityManager = this.manager): Promise<Map<string, QcOverrideEntity>> {
    const rows = testIds.length ? await manager.findBy(QcOverrideEntity, { qcTestId: In(testIds) }) : [];
    return new Map(rows.map((row) => [row.qcTestId, row]));
  }

  insertOverride(manager: EntityManager, override: Omit<QcOverrideEntity, 'id' | 'at'>): Promise<QcOverrideEntity> {
    return manager.save(QcOverrideEntity, manager.create(QcOverrideEntity, override));
  }

  insertNonConformance(
    manager: EntityManager,
    record: Omit<NonConformanceEntity, 'id' | 'openedAt' | 'status'> & { openedAt?: Date },
  ): Promise<NonConformanceEntity> {
    return manager.save(NonConformanceEntity, manager.create(NonConformanceEntity, { ...record, status: 'open' }));
  }

  nonConformancesOfPour(pourId: string): Promise<NonConformanceEntity[]> {
    return this.manager.find(NonConformanceEntity, { where: { pourId }, order: { openedAt: 'ASC' } });
  }

  specimenSetsOfPour(pourId: string): Promise<SpecimenSetEntity[]> {
    return this.manager.find(SpecimenSetEntity, { where: { pourId }, order: { madeAt: 'ASC', label: 'ASC' } });
  }

  findSpecimenSet(id: string): Promise<SpecimenSetEntity | null> {
    return this.manager.findOneBy(SpecimenSetEntity, { id });
  }

  /** The set, locked for the rest of the transaction; it exists (checked before). */
  lockSpecimenSet(manager: EntityManager, id: string): Promise<SpecimenSetEntity> {
    return manager.findOneOrFail(SpecimenSetEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  countSetsOfLoad(manager: EntityManager, loadId: string): Promise<number> {
    return manager.countBy(SpecimenSetEntity, { loadId });
  }

  saveSpecimenSet(set: Partial<SpecimenSetEntity>, manager: EntityManager = this.manager): Promise<SpecimenSetEntity> {
    return manager.save(SpecimenSetEntity, manager.create(SpecimenSetEntity, set));
  }
}
