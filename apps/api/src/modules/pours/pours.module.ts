import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FleetModule } from '../fleet/fleet.module';
import { MixesModule } from '../mixes/mixes.module';
import { PlantsModule } from '../plants/plants.module';
import { ProjectsModule } from '../projects/projects.module';
import { PlanSanity } from './plan-sanity.service';
import { PourClosing } from './pour-closing';
import { PourEntity } from './pour.entity';
import { PourHistoryService } from './pour-history.service';
import { PourRequestEntity } from './pour-request.entity';
import { PourRequestsController } from './pour-requests.controller';
import { PourRequestsRepository } from './pour-requests.repository';
import { PourRequestsService } from './pour-requests.service';
import { PourReferences } from './pour-references';
import { PoursController } from './pours.controller';
import { PoursRepository } from './pours.repository';
import { PoursService } from './pours.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PourEntity, PourRequestEntity]),
    ProjectsModule,
    PlantsModule,
    MixesModule,
    FleetModule,
  ],
  controllers: [PoursController, PourRequestsController],
  providers: [
    PoursRepository,
    PoursService,
    PourClosing,
    PourReferences,
    PlanSanity,
    PourHistoryService,
    PourRequestsService,
    PourRequestsRepository,
  ],
  exports: [PoursService, PoursRepository, PourClosing],
})
export class PoursModule {}
