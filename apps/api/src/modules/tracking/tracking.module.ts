import { Module } from '@nestjs/common';
import { AuthModule } from '../../platform/auth/auth.module';
import { Clock } from '../../platform/clock/clock';
import { LiveGateway } from '../../platform/live/live.gateway';
import { PositionSnapshots } from '../../platform/live/position-snapshots';
import { LoadsModule } from '../loads/loads.module';
import { ActiveLoads } from './active-loads';
import { DeviceRegistry } from './device-registry.service';
import { FencePresenceRepository } from './fence-presence.repository';
import { GeofenceMover } from './geofence-mover.service';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';
import { PositionFanout } from './position-fanout.service';
import { PositionWriter } from './position-writer.service';
import { PumpStatusService } from './pump-status.service';
import { TrackingController } from './tracking.controller';
import { TrackingRepository } from './tracking.repository';
import { UnknownDevices } from './unknown-devices';

@Module({
  imports: [AuthModule, LoadsModule],
  controllers: [IngestController, TrackingController],
  providers: [
    TrackingRepository,
    FencePresenceRepository,
    DeviceRegistry,
    PositionWriter,
    IngestService,
    ActiveLoads,
    GeofenceMover,
    PositionFanout,
    { provide: PositionSnapshots, useExisting: PositionFanout },
    PumpStatusService,
    { provide: UnknownDevices, inject: [Clock], useFactory: (clock: Clock) => new UnknownDevices(clock) },
    LiveGateway,
  ],
  exports: [PositionWriter, DeviceRegistry, GeofenceMover],
})
export class TrackingModule {}
