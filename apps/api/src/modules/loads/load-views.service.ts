import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { LoadDto } from '@pourline/contracts';
import { NotFoundError } from '../../platform/errors/domain-error';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { loadEta } from './load-eta';
import { toLoadDto } from './load.mapper';
import type { LoadEntity } from './load.entity';
import { LoadsRepository } from './loads.repository';

/** Loads as people see them, with the ETA of trucks on the road; and their live push. */
@Injectable()
export class LoadViews extends EventEmitter {
  private readonly logger = new Logger(LoadViews.name);

  constructor(
    private readonly loads: LoadsRepository,
    private readonly live: LivePublisher,
  ) {
    super();
  }

  async many(loads: LoadEntity[]): Promise<LoadDto[]> {
    const now = new Date();
    const fixes = await this.loads.latestTruckFixes(loads.flatMap((load) => (load.truckId ? [load.truckId] : [])));
    return loads.map((load) =>
      toLoadDto(load, now, loadEta(load, load.truckId ? fixes.get(load.truckId) : undefined, now)),
    );
  }

  async one(id: string): Promise<LoadDto> {
    const load = await this.loads.findDetailed(id);
    if (!load) throw new NotFoundError('Load', id);
    return (await this.many([load]))[0];
  }

  /** After a committed change: tell every console that may see the load's project. */
  async publishChanged(...ids: string[]): Promise<LoadDto[]> {
    try {
      return await this.publish(ids);
    } catch (error) {
      // The change is committed; consoles catch up from their next snapshot. Never fail the request for it.
      this.logger.error(`could not push loads ${ids.join(', ')}: ${String(error)}`);
      return Promise.all(ids.map((id) => this.one(id).catch(() => undefined))).then((views) =>
        views.filter((view): view is LoadDto => view !== undefined),
      );
    }
  }

  private async publish(ids: string[]): Promise<LoadDto[]> {
    const views: LoadDto[] = [];
    for (const id of ids) {
      const load = await this.loads.findDetailed(id);
      if (!load) continue;
      // In-process listeners (the geofence's view of active loads) must not judge by a stale state.
      this.emit('changed', load);
      const [view] = await this.many([load]);
      views.push(view);
      await this.live.publish('load.changed.v1', load.pour?.projectId ?? null, view);
    }
    return views;
  }
}
