import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixesModule } from '../mixes/mixes.module';
import { PlantsModule } from '../plants/plants.module';
import { PoursModule } from '../pours/pours.module';
import { QualityModule } from '../quality/quality.module';
import { InspectionLotPourEntity } from './inspection-lot-pour.entity';
import { InspectionLotEntity } from './inspection-lot.entity';
import { InspectionLotsController } from './inspection-lots.controller';
import { InspectionLots } from './inspection-lots.service';
import { LotJudgement } from './lot-judgement.service';
import { MixTrends } from './mix-trends.service';
import { ProductionControlController } from './production-control.controller';
import { ProductionControl } from './production-control.service';
import { StrengthFollowUp } from './strength-follow-up.service';
import { StrengthHistory } from './strength-history.service';
import { StrengthVerdictEntity } from './strength-verdict.entity';
import { StrengthWarningEntity } from './strength-warning.entity';
import { StrengthWarningsController } from './strength-warnings.controller';
import { StrengthWarnings } from './strength-warnings.service';
import { StrengthRepository } from './strength.repository';

/** Strength acceptance per inspection lot (GB/T 50107), production control (GB 50164), early warning. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      InspectionLotEntity,
      InspectionLotPourEntity,
      StrengthVerdictEntity,
      StrengthWarningEntity,
    ]),
    QualityModule,
    PoursModule,
    PlantsModule,
    MixesModule,
  ],
  controllers: [InspectionLotsController, ProductionControlController, StrengthWarningsController],
  providers: [
    StrengthRepository,
    StrengthHistory,
    LotJudgement,
    InspectionLots,
    ProductionControl,
    MixTrends,
    StrengthWarnings,
    StrengthFollowUp,
  ],
})
export class StrengthModule {}
