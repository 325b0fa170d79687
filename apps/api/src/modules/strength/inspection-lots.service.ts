import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type AddLotPoursRequest,
  type CreateInspectionLotRequest,
  type CurrentUser,
  type InspectionLotDto,
  type InspectionLotQuery,
  LOT_AGE_DAYS,
} from '@pourline/contracts';
import { canSeeProject, visibleProjectIds } from '../../platform/auth/project-scope';
import { NotFoundError, UnknownReferenceError } from '../../platform/errors/domain-error';
import { MixesRepository } from '../mixes/mixes.repository';
import type { PourEntity } from '../pours/pour.entity';
import { PoursService } from '../pours/pours.service';
import type { InspectionLotEntity } from './inspection-lot.entity';
import { LotJudgement } from './lot-judgement.service';
import { toLotDto } from './strength.mapper';
import { LotNotFoundError, LotNotUniformError, PourAlreadyInLotError } from './strength.exceptions';
import { StrengthRepository } from './strength.repository';
import { StrengthWarnings } from './strength-warnings.service';

/** Lots as the supervisor (for now the QC inspector) defines them, judged as their results come in. */
@Injectable()
export class InspectionLots {
  constructor(
    private readonly repository: StrengthRepository,
    private readonly judgement: LotJudgement,
    private readonly warnings: StrengthWarnings,
    private readonly pours: PoursService,
    private readonly mixes: MixesRepository,
    private readonly dataSource: DataSource,
  ) {}

  async list(query: InspectionLotQuery, actor: CurrentUser): Promise<InspectionLotDto[]> {
    const lots = await this.repository.listLots({ ...query, projectIds: visibleProjectIds(actor) });
    return this.toDtos(lots);
  }

  async get(id: string, actor: CurrentUser): Promise<InspectionLotDto> {
    const lot = await this.requireVisible(id, actor);
    return (await this.toDtos([lot]))[0];
  }

  async create(request: CreateInspectionLotRequest, actor: CurrentUser): Promise<InspectionLotDto> {
    const pours = await this.requirePours(request.pourIds, actor);
    const first = pours[0];
    const mix = await this.mixes.findById(first.mixId);
    if (!mix) throw new NotFoundError('Mix', first.mixId);
    const lotId = await this.dataSource.transaction(async (manager) => {
      await this.refuseTaken(manager, request.pourIds);
      const lot = await this.repository.insertLot(manager, {
        name: request.name,
        projectId: first.projectId,
        plantId: first.plantId,
        mixId: first.mixId,
        strengthGrade: mix.strengthGrade,
        ageDays: LOT_AGE_DAYS,
        createdById: actor.id,
        createdByName: actor.displayName,
      });
      await this.repository.insertLotPours(manager, lot.id, request.pourIds, { id: actor.id, name: actor.displayName });
      return lot.id;
    });
    return this.afterChange(lotId, actor);
  }

  async addPours(id: string, request: AddLotPoursRequest, actor: CurrentUser): Promise<InspectionLotDto> {
    const lot = await this.requireVisible(id, actor);
    const pours = await this.requirePours(request.pourIds, actor, lot);
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockLot(manager, lot.id);
      await this.refuseTaken(manager, request.pourIds);
      await this.repository.insertLotPours(
        manager,
        lot.id,
        pours.map((pour) => pour.id),
        { id: actor.id, name: actor.displayName },
      );
    });
    return this.afterChange(lot.id, actor);
  }

  /** Judges the lot anew and warns when it is heading below acceptance. */
  async follow(lotId: string): Promise<void> {
    const assessment = await this.judgement.judge(lotId);
    const lot = await this.repository.findLot(lotId);
    if (lot && assessment) await this.warnings.checkLot(lot, assessment);
  }

  private async afterChange(lotId: string, actor: CurrentUser): Promise<InspectionLotDto> {
    await this.follow(lotId);
    return this.get(lotId, actor);
  }

  private async requireVisible(id: string, actor: CurrentUser): Promise<InspectionLotEntity> {
    const lot = await this.repository.findLot(id);
    if (!lot || !canSeeProject(actor, lot.projectId)) throw new LotNotFoundError(id);
    return lot;
  }

  /** The pours, each visible, all of one project, plant and mix (the lot's, when adding to one). */
  private async requirePours(pourIds: string[], actor: CurrentUser, lot?: InspectionLotEntity): Promise<PourEntity[]> {
    const pours: PourEntity[] = [];
    for (const pourId of pourIds) {
      const pour = await this.pours.requireVisible(pourId, actor).catch(() => {
        throw new UnknownReferenceError('pourIds', pourId);
      });
      pours.push(pour);
    }
    const reference = lot ?? { projectId: pours[0].projectId, plantId: pours[0].plantId, mixId: pours[0].mixId };
    const differing = (field: 'projectId' | 'plantId' | 'mixId') =>
      pours.filter((pour) => pour[field] !== reference[field]).map((pour) => pour.id);
    for (const [field, what] of [
      ['projectId', 'one project'],
      ['plantId', 'one plant (one production process)'],
      ['mixId', 'one mix design (and so one strength grade)'],
    ] as const) {
      const off = differing(field);
      if (off.length) throw new LotNotUniformError(what, off);
    }
    return pours;
  }

  private async refuseTaken(manager: Parameters<StrengthRepository['lotsHoldingPours']>[0], pourIds: string[]) {
    const taken = await this.repository.lotsHoldingPours(manager, pourIds);
    const [pourId, lot] = [...taken.entries()][0] ?? [];
    if (pourId && lot) throw new PourAlreadyInLotError(pourId, lot.name);
  }

  private async toDtos(lots: InspectionLotEntity[]): Promise<InspectionLotDto[]> {
    const ids = lots.map((lot) => lot.id);
    const [pours, verdicts] = await Promise.all([
      this.repository.poursOfLots(ids),
      this.repository.latestVerdicts(ids),
    ]);
    return Promise.all(
      lots.map(async (lot) => {
        const lotPours = pours.get(lot.id) ?? [];
        const assessment = await this.judgement.assess(
          lot,
          lotPours.map((pour) => pour.id),
        );
        return toLotDto(lot, lotPours, assessment, verdicts.get(lot.id));
      }),
    );
  }
}
