import { Injectable } from '@nestjs/common';
import { CreateMixRequest, MixFields, pickFields, type MixDto, type UpdateMixRequest } from '@pourline/contracts';
import { NotFoundError } from '../../platform/errors/domain-error';
import type { MixEntity } from './mix.entity';
import { InvalidMixError } from './mixes.exceptions';
import { MixesRepository } from './mixes.repository';

export function toMixDto(mix: MixEntity): MixDto {
  return {
    id: mix.id,
    code: mix.code,
    strengthGrade: mix.strengthGrade,
    description: mix.description,
    cementKgPerM3: mix.cementKgPerM3,
    waterKgPerM3: mix.waterKgPerM3,
    maxWaterCementRatio: mix.maxWaterCementRatio,
    slumpKind: mix.slumpKind,
    targetSlumpMm: mix.targetSlumpMm,
    slumpToleranceMm: mix.slumpToleranceMm,
    initialSettingMinutes: mix.initialSettingMinutes,
    maxMinutesBatchToDischarge: mix.maxMinutesBatchToDischarge,
    airEntrained: mix.airEntrained,
    targetAirPercent: mix.targetAirPercent,
    minTemperatureC: mix.minTemperatureC,
    maxTemperatureC: mix.maxTemperatureC,
  };
}

@Injectable()
export class MixesService {
  constructor(private readonly mixes: MixesRepository) {}

  async list(): Promise<MixDto[]> {
    return (await this.mixes.listAll()).map(toMixDto);
  }

  async get(id: string): Promise<MixDto> {
    return toMixDto(await this.require(id));
  }

  async create(request: CreateMixRequest): Promise<MixDto> {
    return toMixDto(await this.mixes.save(this.mixes.create(request)));
  }

  /** Cross-field rules live on the create schema, so the merged mix is checked against it. */
  async update(id: string, request: UpdateMixRequest): Promise<MixDto> {
    const mix = await this.require(id);
    const merged = CreateMixRequest.safeParse({ ...pickFields(MixFields, toMixDto(mix)), ...request });
    if (!merged.success) {
      throw new InvalidMixError(merged.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    }
    return toMixDto(await this.mixes.save(Object.assign(mix, merged.data)));
  }

  async remove(id: string): Promise<void> {
    await this.mixes.remove(await this.require(id));
  }

  async require(id: string): Promise<MixEntity> {
    const mix = await this.mixes.findById(id);
    if (!mix) throw new NotFoundError('Mix', id);
    return mix;
  }
}
