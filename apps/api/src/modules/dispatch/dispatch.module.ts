import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FleetModule } from '../fleet/fleet.module';
import { LoadsModule } from '../loads/loads.module';
import { PlantsModule } from '../plants/plants.module';
import { PoursModule } from '../pours/pours.module';
import { UsersModule } from '../users/users.module';
import { AutoDispatch } from './auto-dispatch.service';
import { DispatchConditionEntity } from './dispatch-condition.entity';
import { DispatchDecisionEntity } from './dispatch-decision.entity';
import { DispatchPlanner } from './dispatch-planner.service';
import { DispatchTicker } from './dispatch-ticker.service';
import { DispatchController } from './dispatch.controller';
import { DispatchRepository } from './dispatch.repository';
import { DispatchService } from './dispatch.service';
import { FlowAlerts } from './flow-alerts.service';
import { PlantTimelineService } from './plant-timeline.service';
import { PourDispatchSettingEntity } from './pour-dispatch-setting.entity';
import { TravelLearner } from './travel-learner.service';

/** Dispatch intelligence: each pour's rhythm drives the plan of loads, by hand or on the auto switch. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PourDispatchSettingEntity, DispatchDecisionEntity, DispatchConditionEntity]),
    PoursModule,
    LoadsModule,
    FleetModule,
    PlantsModule,
    UsersModule,
  ],
  controllers: [DispatchController],
  providers: [
    DispatchRepository,
    DispatchPlanner,
    DispatchService,
    AutoDispatch,
    FlowAlerts,
    DispatchTicker,
    PlantTimelineService,
    TravelLearner,
  ],
  exports: [DispatchPlanner, DispatchTicker],
})
export class DispatchModule {}
