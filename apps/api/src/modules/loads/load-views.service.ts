import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { LoadDto } from '@pourline/contracts';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../../platform/database/after-commit';
import { NotFoundError } from '../../platform/errors/domain-error';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { loadEta } from './load-eta';
import { toLoadDto } from './load.mapper';
import type { LoadEntity } from './load.entity';
import { LoadsRepository } from './loads.repository';

/** Loads as people see them, with the ETA of trucks on the road; and their live push. */
@Injectable()
export class LoadViews extends EventEmitter {
  constructor(
    private readonly loads: LoadsRepository,
    private readonly live: LivePublisher,
  ) {
    super();
  }

  async many(loads: LoadEntity[], manager?: EntityManager): Promise<LoadDto[]> {
    const now = new Date();
    const truckIds = loads.flatMap((load) => (load.truckId ? [load.truckId] : []));
    const fixes = await this.loads.latestTruckFixes(truckIds, manager);
    return loads.map((load) =>
      toLoadDto(load, now, loadEta(load, load.truckId ? fixes.get(load.truckId) : undefined, now)),
    );
  }

  async one(id: string): Promise<LoadDto> {
    const load = await this.loads.findDetailed(id);
    if (!load) throw new NotFoundError('Load', id);
    return (await this.many([load]))[0];
  }

  /**
   * In the transaction of the change: queues a `load.changed.v1` for every
   * console that may see the load's project, as the load stands in it.
   */
  async publishChanged(manager: EntityManager, ...ids: string[]): Promise<LoadDto[]> {
    const views: LoadDto[] = [];
    for (const id of ids) {
      const load = await this.loads.findDetailed(id, manager);
      if (!load) continue;
      const [view] = await this.many([load], manager);
      views.push(view);
      await this.live.publish(manager, 'load.changed.v1', load.pour?.projectId ?? null, view);
      // In-process listeners (the geofence's view of active loads) must not judge by a stale state.
      afterCommit(manager, () => this.emit('changed', load));
    }
    return views;
  }
}
