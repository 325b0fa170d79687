import { Injectable } from '@nestjs/common';
import { CreatePlantRequest, type PlantDto, type UpdatePlantRequest } from '@pourline/contracts';
import { InvalidInputError, NotFoundError } from '../../platform/errors/domain-error';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import type { PlantEntity } from './plant.entity';
import { PlantsRepository } from './plants.repository';

export function toPlantDto(plant: PlantEntity): PlantDto {
  const { id, code, name, address, location, geofence, timeZone, slumpStandard, ruleOverrides } = plant;
  const operatorIds = (plant.operators ?? []).map((user) => user.id);
  return { id, code, name, address, location, geofence, timeZone, slumpStandard, ruleOverrides, operatorIds };
}

@Injectable()
export class PlantsService {
  constructor(
    private readonly plants: PlantsRepository,
    private readonly users: UsersRepository,
  ) {}

  async list(): Promise<PlantDto[]> {
    return (await this.plants.listAll()).map(toPlantDto);
  }

  async get(id: string): Promise<PlantDto> {
    return toPlantDto(await this.require(id));
  }

  async create(request: CreatePlantRequest): Promise<PlantDto> {
    const { operatorIds, ...fields } = request;
    const operators = await this.requireOperators(operatorIds);
    const saved = await this.plants.save(this.plants.create({ ...fields, operators }));
    return toPlantDto(await this.require(saved.id));
  }

  async update(id: string, request: UpdatePlantRequest): Promise<PlantDto> {
    const plant = await this.require(id);
    const { operatorIds, ...fields } = request;
    Object.assign(plant, fields);
    if (operatorIds !== undefined) plant.operators = await this.requireOperators(operatorIds);
    await this.plants.save(plant);
    return toPlantDto(await this.require(id));
  }

  async remove(id: string): Promise<void> {
    await this.plants.remove(await this.require(id));
  }

  async require(id: string): Promise<PlantEntity> {
    const plant = await this.plants.findWithOperators(id);
    if (!plant) throw new NotFoundError('Plant', id);
    return plant;
  }

  private async requireOperators(userIds: string[]): Promise<UserEntity[]> {
    const uniqueIds = [...new Set(userIds)];
    const found = await this.users.findByIds(uniqueIds);
    const operators = found.filter((user) => user.role === 'plant_operator');
    const refused = uniqueIds.filter((id) => !operators.some((user) => user.id === id));
    if (refused.length) {
      throw new InvalidInputError(
        'not_a_plant_operator',
        `operatorIds: only users with the plant operator role can run a plant's control room; not: ${refused.join(', ')}`,
        ['operatorIds'],
      );
    }
    return operators;
  }
}
