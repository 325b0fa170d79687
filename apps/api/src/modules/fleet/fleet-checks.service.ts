import { Injectable } from '@nestjs/common';
import { UnknownReferenceError } from '../../platform/errors/domain-error';
import { PlantsRepository } from '../plants/plants.repository';
import { TrackerDeviceTakenError } from './fleet.exceptions';
import { PumpsRepository } from './pumps.repository';
import { TrucksRepository } from './trucks.repository';

/** The vehicle that wants a tracker device; id is absent while it is being created. */
export interface TrackerClaimant {
  kind: 'truck' | 'pump';
  id?: string;
}

/** Rules a truck or pump must meet that reach beyond its own table. */
@Injectable()
export class FleetChecks {
  constructor(
    private readonly plants: PlantsRepository,
    private readonly trucks: TrucksRepository,
    private readonly pumps: PumpsRepository,
  ) {}

  async checkHomePlant(homePlantId: string | undefined): Promise<void> {
    if (homePlantId && !(await this.plants.exists(homePlantId))) {
      throw new UnknownReferenceError('homePlantId', homePlantId);
    }
  }

  /** A tracker reports one position, so it may be fitted to one truck or pump at a time. */
  async checkTrackerDeviceFree(trackerDeviceId: string | null | undefined, claimant: TrackerClaimant): Promise<void> {
    if (!trackerDeviceId) return;
    const truck = await this.trucks.findByTrackerDevice(trackerDeviceId);
    if (truck && !(claimant.kind === 'truck' && claimant.id === truck.id)) {
      throw new TrackerDeviceTakenError(trackerDeviceId, `truck ${truck.fleetNumber}`);
    }
    const pump = await this.pumps.findByTrackerDevice(trackerDeviceId);
    if (pump && !(claimant.kind === 'pump' && claimant.id === pump.id)) {
      throw new TrackerDeviceTakenError(trackerDeviceId, `pump ${pump.code}`);
    }
  }
}
