import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AssignTruckRequest,
  CreateLoadRequest,
  CurrentUser,
  LoadDto,
  LoadEventDto,
  PourLoadsDto,
} from '@pourline/contracts';
import { localDateInZone } from '@pourline/domain';
import { NotFoundError, UnknownReferenceError } from '../../platform/errors/domain-error';
import { TrucksRepository } from '../fleet/trucks.repository';
import { PlantEntity } from '../plants/plant.entity';
import type { TruckEntity } from '../fleet/truck.entity';
import type { PourEntity } from '../pours/pour.entity';
import { PoursRepository } from '../pours/pours.repository';
import { PoursService } from '../pours/pours.service';
import { LoadCycle } from './load-cycle.service';
import { LoadViews } from './load-views.service';
import { toLoadEventDto, volumesOf } from './load.mapper';
import type { LoadEntity } from './load.entity';
import {
  LoadStateError,
  PourNotDispatchableError,
  PourOnHoldError,
  TruckBusyError,
  TruckInactiveError,
  VolumeExceedsCapacityError,
  VolumeExceedsRemainingError,
} from './loads.exceptions';
import { LoadsRepository } from './loads.repository';
import type { RecordedAt } from './recorded-at';

const DISPATCHABLE_POURS = ['confirmed', 'ready', 'in_progress'];

export interface NewLoad {
  pour: PourEntity;
  truckId: string | null;
  volumeM3: number;
  overOrderReason: string | null;
  replacesLoadId: string | null;
  atHeadOfQueue: boolean;
  /** When the ticket was issued, if not now: the demo records a day that has already happened. */
  issuedAt?: Date;
  /** When the accepted plan has it start loading. */
  plannedLoadAt?: Date;
  /** The plant that loads it, when not the pour's own. */
  plantId?: string;
}

/** A load created from the dispatch plan: its loading time, and the decision recorded with it. */
export interface PlannedOrder {
  loadAt: Date;
  /** The plant that loads it, when not the pour's own. */
  plantId?: string;
  record: (manager: EntityManager, load: LoadEntity) => Promise<void>;
}

@Injectable()
export class LoadsService {
  constructor(
    private readonly loads: LoadsRepository,
    private readonly pours: PoursService,
    private readonly pourRows: PoursRepository,
    private readonly trucks: TrucksRepository,
    private readonly cycle: LoadCycle,
    private readonly views: LoadViews,
    private readonly dataSource: DataSource,
  ) {}

  async listForPour(pourId: string, actor: CurrentUser): Promise<PourLoadsDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    const loads = await this.loads.listForPour(pourId);
    return { loads: await this.views.many(loads), volumes: volumesOf(loads, pour.volumeM3) };
  }

  async get(id: string, actor: CurrentUser): Promise<LoadDto> {
    const [view] = await this.views.many([await this.requireVisible(id, actor)]);
    return view;
  }

  async events(id: string, actor: CurrentUser): Promise<LoadEventDto[]> {
    await this.requireVisible(id, actor);
    return (await this.loads.events(id)).map(toLoadEventDto);
  }

  async create(
    pourId: string,
    request: CreateLoadRequest,
    actor: CurrentUser,
    { at }: RecordedAt = {},
    planned?: PlannedOrder,
  ): Promise<LoadDto> {
    await this.pours.requireVisible(pourId, actor);
    const truck = request.truckId ? await this.requireTruck(request.truckId, request.volumeM3, null) : null;
    return this.dataSource.transaction(async (manager) => {
      const pour = await this.pourRows.lockForUpdate(manager, pourId);
      if (!pour) throw new NotFoundError('Pour', pourId);
      if (!DISPATCHABLE_POURS.includes(pour.status)) {
        throw new PourNotDispatchableError(pour.status, 'confirmed, ready or in progress');
      }
      if (pour.dispatchHold) throw new PourOnHoldError(pour.dispatchHold);
      const { unorderedM3 } = volumesOf(await this.loads.listForPour(pourId, manager), pour.volumeM3);
      if (request.volumeM3 > unorderedM3 + 1e-9 && !request.overOrderReason) {
        throw new VolumeExceedsRemainingError(request.volumeM3, unorderedM3);
      }
      const load = await this.insert(
        manager,
        {
          pour,
          truckId: truck?.id ?? null,
          volumeM3: request.volumeM3,
          overOrderReason: request.overOrderReason ?? null,
          replacesLoadId: null,
          atHeadOfQueue: false,
          issuedAt: at,
          plannedLoadAt: planned?.loadAt,
          plantId: planned?.plantId,
        },
        actor,
      );
      await planned?.record(manager, load);
      return (await this.views.publishChanged(manager, load.id))[0];
    });
  }

  /** Issues the ticket; also used for the replacement of a rejected load. */
  async insert(manager: EntityManager, input: NewLoad, actor: CurrentUser): Promise<LoadEntity> {
    // Serialises queue positions and volumes with every other load of this pour.
    await this.pourRows.lockForUpdate(manager, input.pour.id);
    const plant =
      input.plantId && input.plantId !== input.pour.plantId
        ? await manager.findOneByOrFail(PlantEntity, { id: input.plantId })
        : (input.pour.plant ?? (await this.pourRows.findDetailed(input.pour.id))!.plant!);
    const issuedAt = input.issuedAt ?? new Date();
    const day = localDateInZone(issuedAt, plant.timeZone);
    const sequence = await this.loads.nextTicketSequence(manager, plant.id, day);
    const { first, last } = await this.loads.queueBounds(manager, input.pour.id);
    const load = await this.loads.insert(manager, {
      ticketNumber: `${plant.code}-${day.replaceAll('-', '')}-${String(sequence).padStart(3, '0')}`,
      plantId: plant.id,
      ticketDay: day,
      ticketSequence: sequence,
      pourId: input.pour.id,
      truckId: input.truckId,
      mixId: input.pour.mixId,
      volumeM3: input.volumeM3,
      overOrderReason: input.overOrderReason,
      status: 'scheduled',
      rejected: false,
      queuePosition: input.atHeadOfQueue ? first - 1 : last + 1,
      replacesLoadId: input.replacesLoadId,
      batchedAt: null,
      dischargeDeadline: null,
      deadlineLimitedBy: null,
      flaggedForQc: false,
      siteAcceptance: null,
      waterAddedLitres: 0,
      plannedLoadAt: input.plannedLoadAt ?? null,
      ...(input.issuedAt ? { createdAt: input.issuedAt } : {}),
    });
    await this.cycle.record(manager, load, null, 'scheduled', {
      actor,
      at: input.issuedAt,
      note: input.replacesLoadId ? 'replacement for a rejected load' : '',
    });
    return load;
  }

  async assignTruck(id: string, request: AssignTruckRequest, actor: CurrentUser): Promise<LoadDto> {
    return this.dataSource.transaction(async (manager) => {
      const load = await this.cycle.lockVisible(manager, id, actor);
      if (load.status !== 'scheduled')
        throw new LoadStateError(load.status, 'its truck can only change while scheduled');
      const truck = await this.requireTruck(request.truckId, load.volumeM3, load.id, manager);
      load.truckId = truck.id;
      await this.loads.update(manager, load);
      await this.cycle.record(manager, load, load.status, load.status, {
        actor,
        note: `truck ${truck.fleetNumber} assigned`,
      });
      return (await this.views.publishChanged(manager, id))[0];
    });
  }

  /** A truck that exists, is in service, is not out on another load and carries the volume. */
  private async requireTruck(
    truckId: string,
    volumeM3: number,
    forLoadId: string | null,
    manager?: EntityManager,
  ): Promise<TruckEntity> {
    const truck = await this.trucks.findById(truckId);
    if (!truck) throw new UnknownReferenceError('truckId', truckId);
    if (!truck.active) throw new TruckInactiveError(truck.fleetNumber);
    if (await this.loads.truckOutOnOtherLoad(truckId, forLoadId, manager)) throw new TruckBusyError(truck.fleetNumber);
    if (volumeM3 > truck.capacityM3)
      throw new VolumeExceedsCapacityError(volumeM3, truck.capacityM3, truck.fleetNumber);
    return truck;
  }

  private async requireVisible(id: string, actor: CurrentUser): Promise<LoadEntity> {
    const load = await this.loads.findDetailed(id);
    if (!load || !load.pour) throw new NotFoundError('Load', id);
    await this.pours.requireVisible(load.pourId, actor).catch(() => {
      throw new NotFoundError('Load', id);
    });
    return load;
  }
}
