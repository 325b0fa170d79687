import { Injectable } from '@nestjs/common';
import { CreatePlantRequest, type PlantDto, type UpdatePlantRequest } from '@pourline/contracts';
import { NotFoundError } from '../../platform/errors/domain-error';
import type { PlantEntity } from './plant.entity';
import { PlantsRepository } from './plants.repository';

export function toPlantDto(plant: PlantEntity): PlantDto {
  const { id, code, name, address, location, geofence, timeZone, slumpStandard, ruleOverrides } = plant;
  return { id, code, name, address, location, geofence, timeZone, slumpStandard, ruleOverrides };
}

@Injectable()
export class PlantsService {
  constructor(private readonly plants: PlantsRepository) {}

  async list(): Promise<PlantDto[]> {
    return (await this.plants.listAll()).map(toPlantDto);
  }

  async get(id: string): Promise<PlantDto> {
    return toPlantDto(await this.require(id));
  }

  async create(request: CreatePlantRequest): Promise<PlantDto> {
    return toPlantDto(await this.plants.save(this.plants.create(request)));
  }

  async update(id: string, request: UpdatePlantRequest): Promise<PlantDto> {
    const plant = await this.require(id);
    return toPlantDto(await this.plants.save(Object.assign(plant, request)));
  }

  async remove(id: string): Promise<void> {
    await this.plants.remove(await this.require(id));
  }

  async require(id: string): Promise<PlantEntity> {
    const plant = await this.plants.findById(id);
    if (!plant) throw new NotFoundError('Plant', id);
    return plant;
  }
}
