import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CurrentUser } from '@pourline/contracts';
import { canTransitionLoad, type LoadStatus, loadTransitionsFrom } from '@pourline/domain';
import { canSeeProject } from '../../platform/auth/project-scope';
import { NotFoundError } from '../../platform/errors/domain-error';
import type { LoadEntity } from './load.entity';
import { IllegalLoadTransitionError } from './loads.exceptions';
import { LoadsRepository } from './loads.repository';

export interface StepContext {
  /** Null when a tracker moved the load, by crossing a geofence. */
  actor: CurrentUser | null;
  deviceId?: string;
  at?: Date;
  note?: string;
}

/** The one way a load changes state: checked against the truck cycle, and recorded. */
@Injectable()
export class LoadCycle {
  constructor(private readonly loads: LoadsRepository) {}

  /** The load, locked for this transaction, if the actor may see its pour. */
  async lockVisible(manager: EntityManager, id: string, actor: CurrentUser): Promise<LoadEntity> {
    const load = await this.loads.lockDetailed(manager, id);
    if (!load || !load.pour || !canSeeProject(actor, load.pour.projectId)) throw new NotFoundError('Load', id);
    return load;
  }

  async move(manager: EntityManager, load: LoadEntity, to: LoadStatus, context: StepContext): Promise<void> {
    if (!canTransitionLoad(load.status, to)) {
      throw new IllegalLoadTransitionError(load.status, to, loadTransitionsFrom(load.status));
    }
    await this.record(manager, load, load.status, to, context);
    load.status = to;
    await this.loads.update(manager, load);
  }

  record(manager: EntityManager, load: LoadEntity, from: LoadStatus | null, to: LoadStatus, context: StepContext) {
    const receivedAt = new Date();
    return this.loads.insertEvent(manager, {
      loadId: load.id,
      at: context.at ?? receivedAt,
      receivedAt,
      fromStatus: from,
      toStatus: to,
      actorId: context.actor?.id ?? null,
      actorName: context.actor?.displayName ?? `tracker ${context.deviceId ?? 'unknown'}`,
      note: context.note ?? '',
    });
  }
}
