import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FleetModule } from '../fleet/fleet.module';
import { PlantsModule } from '../plants/plants.module';
import { PoursModule } from '../pours/pours.module';
import { LoadCycle } from './load-cycle.service';
import { LoadEventEntity } from './load-event.entity';
import { LoadViews } from './load-views.service';
import { DeadlineWatch } from './deadline-watch.service';
import { LoadStepsController } from './load-steps.controller';
import { LoadStepsService } from './load-steps.service';
import { LoadEntity } from './load.entity';
import { LoadsController } from './loads.controller';
import { LoadsRepository } from './loads.repository';
import { LoadsService } from './loads.service';
import { PlantQueueController } from './plant-queue.controller';
import { PlantQueueService } from './plant-queue.service';
import { PourSettlement } from './pour-settlement.service';
import { TicketCounterEntity } from './ticket-counter.entity';
import { WaterAdditionEntity } from './water-addition.entity';
import { WaterService } from './water.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([LoadEntity, LoadEventEntity, TicketCounterEntity, WaterAdditionEntity]),
    PoursModule,
    FleetModule,
    PlantsModule,
  ],
  controllers: [LoadsController, LoadStepsController, PlantQueueController],
  providers: [
    LoadsRepository,
    LoadCycle,
    LoadsService,
    LoadStepsService,
    WaterService,
    LoadViews,
    DeadlineWatch,
    PlantQueueService,
    PourSettlement,
  ],
  exports: [LoadsRepository, LoadCycle, LoadsService, LoadViews, DeadlineWatch],
})
export class LoadsModule {}
