import { Injectable } from '@nestjs/common';
import {
  canActAtPlant,
  type CurrentUser,
  type PlantQueueDto,
  type PlantQueueItemDto,
  type QueuePourDto,
} from '@pourline/contracts';
import {
  AT_PLANT_STATUSES,
  DEFAULT_PLANT_LOADING_MINUTES,
  DEFAULT_TYPICAL_SPEED_KMH,
  type LoadStatus,
  lineStringLengthMeters,
  releaseTargets,
  travelMinutesFor,
} from '@pourline/domain';
import { Clock } from '../../platform/clock/clock';
import { ForbiddenError } from '../../platform/errors/domain-error';
import { PlantsService } from '../plants/plants.service';
import type { PourEntity } from '../pours/pour.entity';
import type { LoadEntity } from './load.entity';
import { LoadViews } from './load-views.service';
import { LoadsRepository } from './loads.repository';

const RETURNING: readonly LoadStatus[] = ['returning', 'returning_with_load'];

function queuePour(pour: PourEntity): QueuePourDto {
  return {
    id: pour.id,
    structuralElement: pour.structuralElement,
    projectId: pour.projectId,
    projectName: pour.project?.name ?? '',
    status: pour.status,
    scheduledStart: pour.scheduledStart.toISOString(),
    pourRateM3PerHour: pour.pourRateM3PerHour,
    dispatchHold: pour.dispatchHold,
  };
}

/** The plant control room's loading queue, in the order the pours need their trucks. */
@Injectable()
export class PlantQueueService {
  constructor(
    private readonly loads: LoadsRepository,
    private readonly views: LoadViews,
    private readonly plants: PlantsService,
    private readonly clock: Clock,
  ) {}

  async queue(plantId: string, actor: CurrentUser, now = this.clock.now()): Promise<PlantQueueDto> {
    await this.plants.require(plantId);
    if (!canActAtPlant(actor, plantId)) {
      throw new ForbiddenError('not_your_plant', 'You do not run the control room of this plant');
    }
    const work = await this.loads.listPlantWork(plantId, [...AT_PLANT_STATUSES, ...RETURNING]);
    const views = new Map((await this.views.many(work)).map((view) => [view.id, view]));
    const outbound = work.filter((load) => AT_PLANT_STATUSES.includes(load.status));
    const targets = await this.releaseTargetsOf(outbound, now);
    const item = (load: LoadEntity): PlantQueueItemDto => {
      const target = targets.get(load.id);
      return {
        load: views.get(load.id)!,
        pour: queuePour(load.pour!),
        targetReleaseAt: target?.releaseAt.toISOString() ?? null,
        overdue: target?.overdue ?? false,
        plannedLoadAt: load.plannedLoadAt?.toISOString() ?? null,
      };
    };
    const byRelease = (a: PlantQueueItemDto, b: PlantQueueItemDto) =>
      (a.targetReleaseAt ?? '').localeCompare(b.targetReleaseAt ?? '') || a.load.queuePosition - b.load.queuePosition;
    return {
      plantId,
      generatedAt: now.toISOString(),
      outbound: outbound.map(item).sort(byRelease),
      returning: work.filter((load) => RETURNING.includes(load.status)).map(item),
    };
  }

  private async releaseTargetsOf(outbound: LoadEntity[], now: Date) {
    const byPour = new Map<string, LoadEntity[]>();
    for (const load of outbound) byPour.set(load.pourId, [...(byPour.get(load.pourId) ?? []), load]);
    const departures = await this.loads.lastDepartures([...byPour.keys()]);
    const targets = new Map<string, { releaseAt: Date; overdue: boolean }>();
    for (const [pourId, loads] of byPour) {
      const pour = loads[0].pour!;
      const travelMinutes = travelMinutesFor(
        lineStringLengthMeters(pour.entryRoute.coordinates),
        DEFAULT_TYPICAL_SPEED_KMH,
      );
      const planned = releaseTargets({
        scheduledStart: pour.scheduledStart,
        pourRateM3PerHour: pour.pourRateM3PerHour,
        travelMinutes,
        lastDeparture: departures.get(pourId) ?? null,
        waitingVolumesM3: loads.map((load) => load.volumeM3),
        now,
      });
      loads.forEach((load, index) => {
        // The accepted plan says when the truck leaves: loading starts then, plus the plant's own minutes.
        const releaseAt = load.plannedLoadAt
          ? new Date(load.plannedLoadAt.getTime() + DEFAULT_PLANT_LOADING_MINUTES * 60_000)
          : planned[index].releaseAt;
        targets.set(load.id, { releaseAt, overdue: releaseAt.getTime() < now.getTime() });
      });
    }
    return targets;
  }
}
