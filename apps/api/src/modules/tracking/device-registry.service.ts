import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/clock/clock';
import { ChangeNotices } from '../../platform/database/change-notices';
import { RegisteredTrackers } from './registered-trackers';
import { TrackingRepository } from './tracking.repository';

/** The database announces here every committed change to the trackers of trucks and pumps. */
const CHANNEL = 'tracker_registry';

/**
 * The registered trackers of this instance, read from the database and read
 * again as soon as any instance commits a change to them.
 */
@Injectable()
export class DeviceRegistry extends RegisteredTrackers implements OnModuleInit, OnApplicationShutdown {
  private readonly notices: ChangeNotices;

  constructor(repository: TrackingRepository, clock: Clock, dataSource: DataSource) {
    const logger = new Logger(DeviceRegistry.name);
    super(
      () => repository.registeredDevices(),
      clock,
      (message) => logger.warn(message),
    );
    this.notices = new ChangeNotices(dataSource, CHANNEL, {
      notice: () => this.changed(),
      // Whatever changed while nobody listened is read afresh.
      listening: () => this.changed(),
      lost: (reason) => logger.warn(`tracker change notices lost (${reason}); reconnecting`),
    });
  }

  onModuleInit(): void {
    this.notices.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.notices.close();
  }
}
