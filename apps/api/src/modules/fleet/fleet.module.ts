import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlantsModule } from '../plants/plants.module';
import { FleetChecks } from './fleet-checks.service';
import { PumpEntity } from './pump.entity';
import { PumpsController } from './pumps.controller';
import { PumpsRepository } from './pumps.repository';
import { PumpsService } from './pumps.service';
import { TruckEntity } from './truck.entity';
import { TrucksController } from './trucks.controller';
import { TrucksRepository } from './trucks.repository';
import { TrucksService } from './trucks.service';

@Module({
  imports: [TypeOrmModule.forFeature([TruckEntity, PumpEntity]), PlantsModule],
  controllers: [TrucksController, PumpsController],
  providers: [TrucksRepository, PumpsRepository, TrucksService, PumpsService, FleetChecks],
  exports: [TrucksRepository, PumpsRepository],
})
export class FleetModule {}
