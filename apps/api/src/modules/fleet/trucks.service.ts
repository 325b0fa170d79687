import { Injectable } from '@nestjs/common';
import type { CreateTruckRequest, TruckDto, UpdateTruckRequest } from '@pourline/contracts';
import { NotFoundError } from '../../platform/errors/domain-error';
import { FleetChecks } from './fleet-checks.service';
import { secretHash } from './tracker-secret';
import type { TruckEntity } from './truck.entity';
import { TrucksRepository } from './trucks.repository';

export function toTruckDto(truck: TruckEntity): TruckDto {
  const { id, fleetNumber, plateNumber, capacityM3, trackerDeviceId, homePlantId, driverName, driverPhone, active } =
    truck;
  const hasTrackerSecret = truck.trackerSecretHash !== null;
  return {
    id,
    fleetNumber,
    plateNumber,
    capacityM3,
    trackerDeviceId,
    hasTrackerSecret,
    homePlantId,
    driverName,
    driverPhone,
    active,
  };
}

@Injectable()
export class TrucksService {
  constructor(
    private readonly trucks: TrucksRepository,
    private readonly checks: FleetChecks,
  ) {}

  async list(): Promise<TruckDto[]> {
    return (await this.trucks.listAll()).map(toTruckDto);
  }

  async get(id: string): Promise<TruckDto> {
    return toTruckDto(await this.require(id));
  }

  async create(request: CreateTruckRequest): Promise<TruckDto> {
    await this.checks.checkHomePlant(request.homePlantId);
    await this.checks.checkTrackerDeviceFree(request.trackerDeviceId, { kind: 'truck' });
    const { trackerSecret, ...fields } = request;
    return toTruckDto(await this.trucks.save(this.trucks.create({ ...fields, ...secretHash(trackerSecret) })));
  }

  async update(id: string, request: UpdateTruckRequest): Promise<TruckDto> {
    const truck = await this.require(id);
    await this.checks.checkHomePlant(request.homePlantId);
    await this.checks.checkTrackerDeviceFree(request.trackerDeviceId, { kind: 'truck', id });
    const { trackerSecret, ...fields } = request;
    return toTruckDto(await this.trucks.save(Object.assign(truck, fields, secretHash(trackerSecret))));
  }

  async remove(id: string): Promise<void> {
    await this.trucks.remove(await this.require(id));
  }

  async require(id: string): Promise<TruckEntity> {
    const truck = await this.trucks.findById(id);
    if (!truck) throw new NotFoundError('Truck', id);
    return truck;
  }
}
