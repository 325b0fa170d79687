import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { RegisteredTrackers } from './registered-trackers';
import { TrackingRepository } from './tracking.repository';

/** The registered trackers of this instance, read from the database. */
@Injectable()
export class DeviceRegistry extends RegisteredTrackers {
  constructor(repository: TrackingRepository, clock: Clock) {
    const logger = new Logger(DeviceRegistry.name);
    super(
      () => repository.registeredDevices(),
      clock,
      (message) => logger.warn(message),
    );
  }
}
