import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  CreateSpecimenSetRequest,
  CurrentUser,
  RecordStrengthRequest,
  SamplingPlanDto,
  SpecimenSetDto,
  StrengthAcceptanceDto,
} from '@pourline/contracts';
import {
  evaluateStrength,
  isLoadDueForSampling,
  MAX_SETS_NON_STATISTICAL,
  requiredSpecimenSets,
  specimenSetStrength,
} from '@pourline/domain';
import { NotFoundError, UnknownReferenceError } from '../../platform/errors/domain-error';
import type { LoadEntity } from '../loads/load.entity';
import { LoadStateError } from '../loads/loads.exceptions';
import { LoadsRepository } from '../loads/loads.repository';
import { MixesRepository } from '../mixes/mixes.repository';
import type { PourEntity } from '../pours/pour.entity';
import { PoursService } from '../pours/pours.service';
import { toSpecimenSetDto } from './quality.mapper';
import { QualityRepository } from './quality.repository';

const NOT_SAMPLED = new Set(['rejected', 'returning_with_load', 'disposed', 'cancelled', 'held']);

/** Which loads to sample, the specimen sets made from them, and what their strength says. */
@Injectable()
export class SpecimensService {
  constructor(
    private readonly quality: QualityRepository,
    private readonly loads: LoadsRepository,
    private readonly mixes: MixesRepository,
    private readonly pours: PoursService,
    private readonly dataSource: DataSource,
  ) {}

  async samplingPlan(pourId: string, actor: CurrentUser): Promise<SamplingPlanDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    const loads = (await this.loads.listForPour(pourId)).filter(
      (load) => !load.rejected && !NOT_SAMPLED.has(load.status),
    );
    const sets = await this.quality.specimenSetsOfPour(pourId);
    const setsPerLoad = new Map<string, number>();
    for (const set of sets) setsPerLoad.set(set.loadId, (setsPerLoad.get(set.loadId) ?? 0) + 1);
    // A pour is one continuous placement of one mix, in one shift unless told otherwise.
    const continuous = true;
    const loadsDue: string[] = [];
    let cumulativeM3 = 0;
    let counted = 0;
    loads.forEach((load, index) => {
      const made = setsPerLoad.get(load.id) ?? 0;
      const due = isLoadDueForSampling({
        cumulativeVolumeBeforeM3: cumulativeM3,
        loadVolumeM3: load.volumeM3,
        setsTakenSoFar: counted,
        continuous,
        isFirstLoadOfShift: index === 0,
        setsTakenThisShift: counted,
      });
      if (due && made === 0) loadsDue.push(load.id);
      counted += Math.max(made, due ? 1 : 0);
      cumulativeM3 += load.volumeM3;
    });
    return {
      requiredSets: requiredSpecimenSets({ plannedVolumeM3: pour.volumeM3, continuous }),
      setsTaken: sets.length,
      loadsDue,
    };
  }

  async list(pourId: string, actor: CurrentUser): Promise<SpecimenSetDto[]> {
    const pour = await this.pours.requireVisible(pourId, actor);
    const sets = await this.quality.specimenSetsOfPour(pourId);
    const loads = await this.loadsById(sets.map((set) => set.loadId));
    const mix = await this.requireMix(pour);
    return sets.map((set) => toSpecimenSetDto(set, loads.get(set.loadId)!, mix));
  }

  async create(pourId: string, request: CreateSpecimenSetRequest, actor: CurrentUser): Promise<SpecimenSetDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    const mix = await this.requireMix(pour);
    const set = await this.dataSource.transaction(async (manager) => {
      const load = await this.loads.lockDetailed(manager, request.loadId);
      if (!load || load.pourId !== pourId) throw new UnknownReferenceError('loadId', request.loadId);
      if (load.rejected || NOT_SAMPLED.has(load.status) || !load.batchedAt) {
        throw new LoadStateError(load.status, 'specimens are made from concrete that is being delivered');
      }
      const number = (await this.quality.countSetsOfLoad(manager, load.id)) + 1;
      return this.quality.saveSpecimenSet(
        {
          label: `${load.ticketNumber}-S${number}`,
          pourId,
          loadId: load.id,
          mixId: load.mixId,
          specimenCount: request.specimenCount,
          madeAt: request.madeAt ? new Date(request.madeAt) : new Date(),
          madeById: actor.id,
          madeByName: actor.displayName,
          results7dMpa: null,
          results28dMpa: null,
        },
        manager,
      );
    });
    return toSpecimenSetDto(set, (await this.loadsById([set.loadId])).get(set.loadId)!, mix);
  }

  async recordResults(id: string, request: RecordStrengthRequest, actor: CurrentUser): Promise<SpecimenSetDto> {
    const set = await this.quality.findSpecimenSet(id);
    if (!set) throw new NotFoundError('Specimen set', id);
    const pour = await this.pours.requireVisible(set.pourId, actor).catch(() => {
      throw new NotFoundError('Specimen set', id);
    });
    if (request.ageDays === 7) set.results7dMpa = request.strengthsMpa;
    else set.results28dMpa = request.strengthsMpa;
    const saved = await this.quality.saveSpecimenSet(set);
    return toSpecimenSetDto(saved, (await this.loadsById([set.loadId])).get(set.loadId)!, await this.requireMix(pour));
  }

  async strength(pourId: string, actor: CurrentUser): Promise<StrengthAcceptanceDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    const mix = await this.requireMix(pour);
    const strengths = (await this.quality.specimenSetsOfPour(pourId))
      .map((set) => (set.results28dMpa ? specimenSetStrength(set.results28dMpa) : null))
      .flatMap((strength) => (strength?.valid ? [strength.strengthMpa] : []));
    const base = { mixCode: mix.code, strengthGrade: mix.strengthGrade, sets: strengths.length };
    if (strengths.length === 0) return { ...base, evaluation: null, note: 'No valid 28-day results yet' };
    if (strengths.length > MAX_SETS_NON_STATISTICAL) {
      return {
        ...base,
        evaluation: null,
        note: 'Ten or more sets: judge them by the statistical method of GB/T 50107',
      };
    }
    const evaluation = evaluateStrength({ grade: mix.strengthGrade, resultsMpa: strengths });
    return { ...base, evaluation, note: 'GB/T 50107 non-statistical method on 28-day set strengths' };
  }

  private async loadsById(ids: string[]): Promise<Map<string, LoadEntity>> {
    return new Map((await this.loads.findByIds(ids)).map((load) => [load.id, load]));
  }

  private async requireMix(pour: PourEntity) {
    const mix = await this.mixes.findById(pour.mixId);
    if (!mix) throw new NotFoundError('Mix', pour.mixId);
    return mix;
  }
}
