import { Injectable } from '@nestjs/common';
import type { CurrentUser, DeliveryTicketContent, LoadEventDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { NotFoundError } from '../../platform/errors/domain-error';
import { toWaterDto } from '../loads/load.mapper';
import { LoadsRepository } from '../loads/loads.repository';
import { LoadsService } from '../loads/loads.service';
import { ProjectsRepository } from '../projects/projects.repository';
import { QcTestsService } from '../quality/qc-tests.service';

/** When the load last entered a status, from its history; null if it never did. */
function enteredAt(events: LoadEventDto[], status: LoadStatus): string | null {
  return events.filter((event) => event.toStatus === status).at(-1)?.at ?? null;
}

/** What a load's delivery ticket says now, from the load, its history, its water and its tests. */
@Injectable()
export class TicketContent {
  constructor(
    private readonly loads: LoadsService,
    private readonly loadRows: LoadsRepository,
    private readonly projects: ProjectsRepository,
    private readonly tests: QcTestsService,
  ) {}

  /** The load's ticket as it reads now; 404 outside the actor's projects. */
  async of(loadId: string, actor: CurrentUser, remarks: string): Promise<DeliveryTicketContent> {
    const load = await this.loads.get(loadId, actor);
    const [detailed, events, water, tests] = await Promise.all([
      this.loadRows.findDetailed(loadId),
      this.loads.events(loadId, actor),
      this.loadRows.waterAdditions(loadId),
      this.tests.list(loadId, actor),
    ]);
    const pour = detailed?.pour;
    const project = pour ? await this.projects.findWithDetails(pour.projectId) : null;
    if (!detailed || !pour?.plant || !detailed.mix || !project) throw new NotFoundError('Load', loadId);
    const { plant, mix } = { plant: pour.plant, mix: detailed.mix };
    return {
      ticketNumber: load.ticketNumber,
      loadId,
      status: load.status,
      plant: { code: plant.code, name: plant.name, address: plant.address, timeZone: plant.timeZone },
      customerName: project.customer.name,
      projectName: project.name,
      projectAddress: project.address,
      structuralElement: pour.structuralElement,
      truckFleetNumber: load.truckFleetNumber,
      mixCode: mix.code,
      mixName: mix.description,
      strengthClass: mix.strengthGrade,
      volumeM3: load.volumeM3,
      batchedAt: load.batchedAt,
      departedAt: enteredAt(events, 'en_route'),
      arrivedAt: enteredAt(events, 'on_site'),
      dischargeStartedAt: enteredAt(events, 'discharging'),
      dischargeEndedAt: enteredAt(events, 'discharged'),
      dischargeDeadline: load.dischargeDeadline,
      water: water
        .map(toWaterDto)
        .map(({ at, litres, addedBy, requestedBy }) => ({ at, litres, addedBy, requestedBy })),
      tests,
      rejected: load.rejected,
      remarks,
    };
  }
}
