import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  CreateSpecimenSetRequest,
  CurrentUser,
  RecordStrengthRequest,
  SamplingPlanDto,
  SpecimenSetDto,
  StrengthAcceptanceDto,
  WitnessSpecimenSetRequest,
} from '@pourline/contracts';
import {
  evaluateStrength,
  isLoadDueForSampling,
  parseStrengthGrade,
  requiredSpecimenSets,
  sizeConversionFactor,
  STRENGTH_STANDARD,
} from '@pourline/domain';
import { Clock } from '../../platform/clock/clock';
import { InvalidInputError, NotFoundError, UnknownReferenceError } from '../../platform/errors/domain-error';
import { signaturePngBytes } from '../../platform/signatures/signature-png';
import type { LoadEntity } from '../loads/load.entity';
import { LoadStateError } from '../loads/loads.exceptions';
import { LoadsRepository } from '../loads/loads.repository';
import { MixesRepository } from '../mixes/mixes.repository';
import type { PourEntity } from '../pours/pour.entity';
import { PoursService } from '../pours/pours.service';
import { setStrengthMpa, toSpecimenSetDto } from './quality.mapper';
import { AlreadyWitnessedError } from './quality.exceptions';
import { QualityRepository } from './quality.repository';
import { SpecimenEvents } from './specimen-events';

const NOT_SAMPLED = new Set(['rejected', 'returning_with_load', 'disposed', 'cancelled', 'held']);

/** Which loads to sample, the specimen sets made from them, and what their strength says. */
@Injectable()
export class SpecimensService {
  constructor(
    private readonly quality: QualityRepository,
    private readonly loads: LoadsRepository,
    private readonly mixes: MixesRepository,
    private readonly pours: PoursService,
    private readonly events: SpecimenEvents,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
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
    try {
      sizeConversionFactor(request.cubeSizeMm, parseStrengthGrade(mix.strengthGrade));
    } catch (error) {
      throw new InvalidInputError('cube_size_not_allowed', (error as Error).message, ['cubeSizeMm']);
    }
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
          cubeSizeMm: request.cubeSizeMm,
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
    await this.events.resultsRecorded({ setId: saved.id, pourId: saved.pourId, ageDays: request.ageDays });
    return toSpecimenSetDto(saved, (await this.loadsById([set.loadId])).get(set.loadId)!, await this.requireMix(pour));
  }

  /** The supervising engineer signs as witness of the set's making; once, never changed. */
  async witness(id: string, request: WitnessSpecimenSetRequest, actor: CurrentUser): Promise<SpecimenSetDto> {
    const found = await this.quality.findSpecimenSet(id);
    if (!found) throw new NotFoundError('Specimen set', id);
    const pour = await this.pours.requireVisible(found.pourId, actor).catch(() => {
      throw new NotFoundError('Specimen set', id);
    });
    const image = signaturePngBytes(request.signature);
    const saved = await this.dataSource.transaction(async (manager) => {
      const set = await this.quality.lockSpecimenSet(manager, id);
      if (set.witnessedAt)
        throw new AlreadyWitnessedError(set.witnessName ?? '', set.witnessedByName ?? '', set.witnessedAt);
      Object.assign(set, {
        witnessName: request.signerName,
        witnessSignature: image,
        witnessedAt: this.clock.now(),
        witnessedById: actor.id,
        witnessedByName: actor.displayName,
      });
      return this.quality.saveSpecimenSet(set, manager);
    });
    return toSpecimenSetDto(
      saved,
      (await this.loadsById([saved.loadId])).get(saved.loadId)!,
      await this.requireMix(pour),
    );
  }

  async strength(pourId: string, actor: CurrentUser): Promise<StrengthAcceptanceDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    const mix = await this.requireMix(pour);
    const strengths = (await this.quality.specimenSetsOfPour(pourId)).flatMap((set) => {
      const strength = setStrengthMpa(set.results28dMpa, set.cubeSizeMm, mix.strengthGrade);
      return strength === null ? [] : [strength];
    });
    const base = { mixCode: mix.code, strengthGrade: mix.strengthGrade, sets: strengths.length };
    if (strengths.length === 0) return { ...base, evaluation: null, note: 'No valid 28-day results yet' };
    // The pour alone, as if it were a lot: its size picks the method; acceptance proper is per inspection lot.
    const evaluation = evaluateStrength({ grade: mix.strengthGrade, resultsMpa: strengths });
    return {
      ...base,
      evaluation,
      note: `${STRENGTH_STANDARD} on this pour's 28-day sets alone; acceptance is judged per inspection lot`,
    };
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
