import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '@pourline/contracts';
import type { EntityManager } from 'typeorm';
import type { PourEntity } from './pour.entity';

/** What has to happen in the same transaction as a pour completing or being cancelled. */
export type PourClosingListener = (
  manager: EntityManager,
  pour: PourEntity,
  status: 'completed' | 'cancelled',
  actor: CurrentUser,
) => Promise<void>;

/**
 * Modules that hang work on a pour (its loads) settle it when the pour closes,
 * without the pours module depending on them.
 */
@Injectable()
export class PourClosing {
  private readonly listeners: PourClosingListener[] = [];

  register(listener: PourClosingListener): void {
    this.listeners.push(listener);
  }

  async closed(manager: EntityManager, pour: PourEntity, status: 'completed' | 'cancelled', actor: CurrentUser) {
    for (const listener of this.listeners) await listener(manager, pour, status, actor);
  }
}
