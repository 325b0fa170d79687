import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type SpecimenResultsRecorded, SpecimenEvents } from '../quality/specimen-events';
import { InspectionLots } from './inspection-lots.service';
import { StrengthRepository } from './strength.repository';
import { StrengthWarnings } from './strength-warnings.service';

/**
 * What a new strength result sets off: its lot judged again (and warned about
 * when heading below acceptance), its mix's drift checked, and at 28 days its
 * grade's production-control figures for the month.
 */
@Injectable()
export class StrengthFollowUp implements OnModuleInit {
  constructor(
    private readonly events: SpecimenEvents,
    private readonly repository: StrengthRepository,
    private readonly lots: InspectionLots,
    private readonly warnings: StrengthWarnings,
  ) {}

  onModuleInit(): void {
    this.events.onResultsRecorded((event) => this.resultsRecorded(event));
  }

  async resultsRecorded(event: SpecimenResultsRecorded): Promise<void> {
    const [sample] = await this.repository.samples({ setIds: [event.setId] });
    if (!sample) return;
    const lotId = await this.repository.lotIdOfPour(event.pourId);
    if (lotId) await this.lots.follow(lotId);
    await this.warnings.checkMixDrift(sample.plantId, sample.mixId);
    if (event.ageDays === 28) {
      await this.warnings.checkProductionControl(sample.plantId, sample.strengthGrade, sample.madeAt);
    }
  }
}
