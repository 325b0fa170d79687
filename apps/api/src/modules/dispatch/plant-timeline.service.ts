import { Injectable } from '@nestjs/common';
import { canActAtPlant, type CurrentUser, type PlantTimelineDto, type PlantTimelineSlotDto } from '@pourline/contracts';
import { ForbiddenError } from '../../platform/errors/domain-error';
import { PlantsService } from '../plants/plants.service';
import { PLANT_LOADING_MINUTES } from './dispatch-picture';
import { DispatchPlanner } from './dispatch-planner.service';

const AT_PLANT = ['scheduled', 'loading', 'plant_qc', 'held', 'released'];
/** The Gantt shows the last hour and what is planned after it. */
const LOOK_BACK_MS = 60 * 60_000;
const MS_PER_MINUTE = 60_000;

/** A plant's loading bays over time: tickets being loaded or due, and the plan's proposals after them. */
@Injectable()
export class PlantTimelineService {
  constructor(
    private readonly planner: DispatchPlanner,
    private readonly plants: PlantsService,
  ) {}

  async timeline(plantId: string, actor: CurrentUser): Promise<PlantTimelineDto> {
    const plant = await this.plants.require(plantId);
    if (!canActAtPlant(actor, plantId)) {
      throw new ForbiddenError('not_your_plant', 'You do not run the control room of this plant');
    }
    const plan = await this.planner.current();
    const now = plan.picture.now;
    const loadingMs = PLANT_LOADING_MINUTES * MS_PER_MINUTE;
    const slots: PlantTimelineSlotDto[] = [];
    // Each load and proposal at the plant that loads it, whichever plant its pour is served from.
    for (const state of plan.picture.pours) {
      const label = `${state.pour.project?.name ?? ''} · ${state.pour.structuralElement}`;
      for (const load of state.loads.filter((candidate) => candidate.plantId === plantId)) {
        const departed = state.moments.get(load.id)?.departedAt;
        const recentlyLeft = departed && departed.getTime() > now.getTime() - LOOK_BACK_MS;
        if (!AT_PLANT.includes(load.status) && !recentlyLeft) continue;
        const startsAt = load.batchedAt ?? load.plannedLoadAt ?? now;
        const endsAt = departed ?? new Date(Math.max(now.getTime(), startsAt.getTime() + loadingMs));
        slots.push({
          kind: 'load',
          pourId: state.pour.id,
          pourLabel: label,
          loadId: load.id,
          ticketNumber: load.ticketNumber,
          truckFleetNumber: load.truck?.fleetNumber ?? null,
          volumeM3: load.volumeM3,
          status: load.status,
          loadStartsAt: startsAt.toISOString(),
          loadEndsAt: endsAt.toISOString(),
        });
      }
      for (const proposal of (plan.proposals.get(state.pour.id) ?? []).filter((item) => item.plantId === plantId)) {
        slots.push({
          kind: 'proposal',
          pourId: state.pour.id,
          pourLabel: label,
          loadId: null,
          ticketNumber: null,
          truckFleetNumber: proposal.truckFleetNumber,
          volumeM3: proposal.volumeM3,
          status: null,
          loadStartsAt: proposal.loadAt,
          loadEndsAt: proposal.departAt,
        });
      }
    }
    slots.sort((a, b) => a.loadStartsAt.localeCompare(b.loadStartsAt));
    return {
      plantId,
      plantCode: plant.code,
      generatedAt: now.toISOString(),
      loadingMinutes: PLANT_LOADING_MINUTES,
      slots,
    };
  }
}
