import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { StrengthWarningKind } from '@pourline/contracts';
import { InspectionLotPourEntity } from './inspection-lot-pour.entity';
import { InspectionLotEntity } from './inspection-lot.entity';
import { StrengthVerdictEntity } from './strength-verdict.entity';
import { StrengthWarningEntity } from './strength-warning.entity';

/** A specimen set with what strength statistics group it by: plant, project, mix and grade. */
export interface StrengthSample {
  setId: string;
  label: string;
  pourId: string;
  projectId: string;
  plantId: string;
  mixId: string;
  mixCode: string;
  strengthGrade: string;
  structuralElement: string;
  ticketNumber: string;
  madeAt: Date;
  cubeSizeMm: number;
  results7dMpa: number[] | null;
  results28dMpa: number[] | null;
}

export interface SampleFilter {
  setIds?: string[];
  pourIds?: string[];
  plantId?: string;
  mixId?: string;
  strengthGrade?: string;
  madeFrom?: Date;
  madeBefore?: Date;
  /** Only sets with results at this age. */
  withResultsAt?: 7 | 28;
  /** Only sets with both 7- and 28-day results. */
  pairsOnly?: boolean;
}

interface SampleRow {
  set_id: string;
  label: string;
  pour_id: string;
  project_id: string;
  plant_id: string;
  mix_id: string;
  mix_code: string;
  strength_grade: string;
  structural_element: string;
  ticket_number: string;
  made_at: Date;
  cube_size_mm: number;
  results7d_mpa: number[] | null;
  results28d_mpa: number[] | null;
}

export interface WarningFilter {
  projectIds: string[] | null;
  plantId?: string;
  lotId?: string;
  kind?: StrengthWarningKind;
}

const WARNINGS_LISTED = 200;

@Injectable()
export class StrengthRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Specimen sets across pours, oldest first, with the plant, project and grade they count for. */
  async samples(filter: SampleFilter): Promise<StrengthSample[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.setIds) add((p) => `s.id = ANY(${p}::uuid[])`, filter.setIds);
    if (filter.pourIds) add((p) => `s.pour_id = ANY(${p}::uuid[])`, filter.pourIds);
    if (filter.plantId) add((p) => `p.plant_id = ${p}`, filter.plantId);
    if (filter.mixId) add((p) => `s.mix_id = ${p}`, filter.mixId);
    if (filter.strengthGrade) add((p) => `m.strength_grade = ${p}`, filter.strengthGrade);
    if (filter.madeFrom) add((p) => `s.made_at >= ${p}`, filter.madeFrom);
    if (filter.madeBefore) add((p) => `s.made_at < ${p}`, filter.madeBefore);
    if (filter.withResultsAt === 7 || filter.pairsOnly) where.push('s.results7d_mpa IS NOT NULL');
    if (filter.withResultsAt === 28 || filter.pairsOnly) where.push('s.results28d_mpa IS NOT NULL');
    const rows: SampleRow[] = await this.dataSource.query(
      `SELECT s.id AS set_id, s.label, s.pour_id, p.project_id, p.plant_id, s.mix_id, m.code AS mix_code,
              m.strength_grade, p.structural_element, l.ticket_number, s.made_at, s.cube_size_mm,
              s.results7d_mpa, s.results28d_mpa
         FROM specimen_sets s
         JOIN pours p ON p.id = s.pour_id
         JOIN mixes m ON m.id = s.mix_id
         JOIN loads l ON l.id = s.load_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY s.made_at ASC, s.label ASC`,
      params,
    );
    return rows.map((row) => ({
      setId: row.set_id,
      label: row.label,
      pourId: row.pour_id,
      projectId: row.project_id,
      plantId: row.plant_id,
      mixId: row.mix_id,
      mixCode: row.mix_code,
      strengthGrade: row.strength_grade,
      structuralElement: row.structural_element,
      ticketNumber: row.ticket_number,
      madeAt: new Date(row.made_at),
      cubeSizeMm: row.cube_size_mm,
      results7dMpa: row.results7d_mpa,
      results28dMpa: row.results28d_mpa,
    }));
  }

  insertLot(manager: EntityManager, lot: Omit<InspectionLotEntity, 'id' | 'createdAt'>): Promise<InspectionLotEntity> {
    return manager.save(InspectionLotEntity, manager.create(InspectionLotEntity, lot));
  }

  async insertLotPours(
    manager: EntityManager,
    lotId: string,
    pourIds: string[],
    by: { id: string; name: string },
  ): Promise<void> {
    await manager.insert(
      InspectionLotPourEntity,
      pourIds.map((pourId) => ({ pourId, lotId, addedById: by.id, addedByName: by.name })),
    );
  }

  /** Lots that already hold any of these pours, keyed by pour. */
  async lotsHoldingPours(manager: EntityManager, pourIds: string[]): Promise<Map<string, InspectionLotEntity>> {
    const rows = await manager.find(InspectionLotPourEntity, {
      where: { pourId: In(pourIds) },
      relations: { lot: true },
    });
    return new Map(rows.map((row) => [row.pourId, row.lot!]));
  }

  findLot(id: string): Promise<InspectionLotEntity | null> {
    return this.dataSource.manager.findOne(InspectionLotEntity, {
      where: { id },
      relations: { project: true, plant: true, mix: true },
    });
  }

  /** Serialises judging a lot: one verdict at a time. */
  lockLot(manager: EntityManager, id: string): Promise<InspectionLotEntity | null> {
    return manager.findOne(InspectionLotEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  listLots(filter: {
    projectIds: string[] | null;
    projectId?: string;
    plantId?: string;
  }): Promise<InspectionLotEntity[]> {
    if (filter.projectIds !== null && filter.projectIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(InspectionLotEntity, {
      where: {
        ...(filter.projectIds !== null ? { projectId: In(filter.projectIds) } : {}),
        ...(filter.projectId ? { projectId: filter.projectId } : {}),
        ...(filter.plantId ? { plantId: filter.plantId } : {}),
      },
      relations: { project: true, plant: true, mix: true },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** Each lot's pours with what a person reads them by, oldest first. */
  async poursOfLots(
    lotIds: string[],
  ): Promise<Map<string, { id: string; structuralElement: string; scheduledStart: Date }[]>> {
    const byLot = new Map(
      lotIds.map((id) => [id, [] as { id: string; structuralElement: string; scheduledStart: Date }[]]),
    );
    if (lotIds.length === 0) return byLot;
    const rows = await this.dataSource.manager.find(InspectionLotPourEntity, {
      where: { lotId: In(lotIds) },
      relations: { pour: true },
    });
    rows.sort((a, b) => a.pour!.scheduledStart.getTime() - b.pour!.scheduledStart.getTime());
    for (const row of rows) {
      byLot.get(row.lotId)?.push({
        id: row.pourId,
        structuralElement: row.pour!.structuralElement,
        scheduledStart: row.pour!.scheduledStart,
      });
    }
    return byLot;
  }

  async lotIdOfPour(pourId: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOneBy(InspectionLotPourEntity, { pourId });
    return row?.lotId ?? null;
  }

  async latestVerdicts(lotIds: string[], manager?: EntityManager): Promise<Map<string, StrengthVerdictEntity>> {
    if (lotIds.length === 0) return new Map();
    const rows = await (manager ?? this.dataSource.manager)
      .createQueryBuilder(StrengthVerdictEntity, 'verdict')
      .distinctOn(['verdict.lotId'])
      .where('verdict.lotId IN (:...lotIds)', { lotIds })
      .orderBy('verdict.lotId')
      .addOrderBy('verdict.judgedAt', 'DESC')
      .addOrderBy('verdict.id', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.lotId, row]));
  }

  insertVerdict(
    manager: EntityManager,
    verdict: Omit<StrengthVerdictEntity, 'id' | 'judgedAt'>,
  ): Promise<StrengthVerdictEntity> {
    return manager.save(StrengthVerdictEntity, manager.create(StrengthVerdictEntity, verdict));
  }

  /** The warning when it is new; null when one with the same kind and key was raised before. */
  async raiseWarning(
    warning: Omit<StrengthWarningEntity, 'id' | 'raisedAt'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StrengthWarningEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(StrengthWarningEntity)
      .values(warning as QueryDeepPartialEntity<StrengthWarningEntity>)
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = (result.raw as { id: string }[])[0];
    return inserted ? manager.findOneBy(StrengthWarningEntity, { id: inserted.id }) : null;
  }

  listWarnings(filter: WarningFilter): Promise<StrengthWarningEntity[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(StrengthWarningEntity, 'warning')
      .orderBy('warning.raisedAt', 'DESC')
      .addOrderBy('warning.id', 'ASC')
      .limit(WARNINGS_LISTED);
    if (filter.projectIds !== null) {
      // Warnings about a plant as a whole are not about anyone's project in particular.
      if (filter.projectIds.length === 0) return Promise.resolve([]);
      query.andWhere('warning.projectId IN (:...projectIds)', { projectIds: filter.projectIds });
    }
    if (filter.plantId) query.andWhere('warning.plantId = :plantId', { plantId: filter.plantId });
    if (filter.lotId) query.andWhere('warning.lotId = :lotId', { lotId: filter.lotId });
    if (filter.kind) query.andWhere('warning.kind = :kind', { kind: filter.kind });
    return query.getMany();
  }
}
