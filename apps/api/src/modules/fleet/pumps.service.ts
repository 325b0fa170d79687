import { Injectable } from '@nestjs/common';
import { CreatePumpRequest, pickFields, PumpFields, type PumpDto, type UpdatePumpRequest } from '@pourline/contracts';
import { NotFoundError } from '../../platform/errors/domain-error';
import { FleetChecks } from './fleet-checks.service';
import { secretHash } from './tracker-secret';
import { InvalidPumpError } from './fleet.exceptions';
import type { PumpEntity } from './pump.entity';
import { PumpsRepository } from './pumps.repository';

export function toPumpDto(pump: PumpEntity): PumpDto {
  const { id, code, kind, capacityM3PerHour, boomLengthM, trackerDeviceId, homePlantId, active } = pump;
  const hasTrackerSecret = pump.trackerSecretHash !== null;
  return { id, code, kind, capacityM3PerHour, boomLengthM, trackerDeviceId, hasTrackerSecret, homePlantId, active };
}

@Injectable()
export class PumpsService {
  constructor(
    private readonly pumps: PumpsRepository,
    private readonly checks: FleetChecks,
  ) {}

  async list(): Promise<PumpDto[]> {
    return (await this.pumps.listAll()).map(toPumpDto);
  }

  async get(id: string): Promise<PumpDto> {
    return toPumpDto(await this.require(id));
  }

  async create(request: CreatePumpRequest): Promise<PumpDto> {
    await this.checks.checkHomePlant(request.homePlantId);
    await this.checks.checkTrackerDeviceFree(request.trackerDeviceId, { kind: 'pump' });
    const { trackerSecret, ...fields } = request;
    return toPumpDto(await this.pumps.save(this.pumps.create({ ...fields, ...secretHash(trackerSecret) })));
  }

  /** Cross-field rules live on the create schema, so the merged pump is checked against it. */
  async update(id: string, request: UpdatePumpRequest): Promise<PumpDto> {
    const pump = await this.require(id);
    const merged = CreatePumpRequest.safeParse({ ...pickFields(PumpFields, toPumpDto(pump)), ...request });
    if (!merged.success) {
      throw new InvalidPumpError(merged.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    }
    await this.checks.checkHomePlant(request.homePlantId);
    await this.checks.checkTrackerDeviceFree(request.trackerDeviceId, { kind: 'pump', id });
    const { trackerSecret: _ignored, ...fields } = merged.data;
    return toPumpDto(await this.pumps.save(Object.assign(pump, fields, secretHash(request.trackerSecret))));
  }

  async remove(id: string): Promise<void> {
    await this.pumps.remove(await this.require(id));
  }

  async require(id: string): Promise<PumpEntity> {
    const pump = await this.pumps.findById(id);
    if (!pump) throw new NotFoundError('Pump', id);
    return pump;
  }
}
