import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoadsModule } from '../loads/loads.module';
import { MixesModule } from '../mixes/mixes.module';
import { PoursModule } from '../pours/pours.module';
import { NonConformanceEntity } from './non-conformance.entity';
import { NonConformancesService } from './non-conformances.service';
import { QcOverrideEntity } from './qc-override.entity';
import { QcOverridesService } from './qc-overrides.service';
import { QcTestEntity } from './qc-test.entity';
import { QcTestsService } from './qc-tests.service';
import { QualityController } from './quality.controller';
import { QualityRepository } from './quality.repository';
import { SiteRejection } from './site-rejection.service';
import { SpecimenEvents } from './specimen-events';
import { SpecimenSetEntity } from './specimen-set.entity';
import { SpecimensController } from './specimens.controller';
import { SpecimensService } from './specimens.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([QcTestEntity, QcOverrideEntity, NonConformanceEntity, SpecimenSetEntity]),
    LoadsModule,
    PoursModule,
    MixesModule,
  ],
  controllers: [QualityController, SpecimensController],
  providers: [
    QualityRepository,
    QcTestsService,
    QcOverridesService,
    SiteRejection,
    NonConformancesService,
    SpecimensService,
    SpecimenEvents,
  ],
  exports: [SpecimenEvents, QcTestsService],
})
export class QualityModule {}
