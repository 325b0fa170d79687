import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CurrentUser } from '@pourline/contracts';
import type { EntityManager } from 'typeorm';
import { PourClosing } from '../pours/pour-closing';
import type { PourEntity } from '../pours/pour.entity';
import { LoadCycle } from './load-cycle.service';
import { LoadViews } from './load-views.service';
import { LoadsRepository } from './loads.repository';

/**
 * A pour that completes or is cancelled leaves no ticket waiting: loads not yet
 * started are cancelled and their trucks freed; concrete already batched or on
 * the road runs its cycle to the end. One transaction with the pour's change,
 * announced through the outbox with it.
 */
@Injectable()
export class PourSettlement implements OnModuleInit {
  constructor(
    private readonly closing: PourClosing,
    private readonly loads: LoadsRepository,
    private readonly cycle: LoadCycle,
    private readonly views: LoadViews,
  ) {}

  onModuleInit(): void {
    this.closing.register((manager, pour, status, actor) => this.settle(manager, pour, status, actor));
  }

  private async settle(
    manager: EntityManager,
    pour: PourEntity,
    status: 'completed' | 'cancelled',
    actor: CurrentUser,
  ) {
    const waiting = (await this.loads.listForPour(pour.id, manager)).filter((load) => load.status === 'scheduled');
    for (const { id } of waiting) {
      const load = await this.loads.lockDetailed(manager, id);
      if (!load || load.status !== 'scheduled') continue;
      await this.cycle.move(manager, load, 'cancelled', { actor, note: `pour ${status}` });
    }
    if (waiting.length > 0) await this.views.publishChanged(manager, ...waiting.map((load) => load.id));
  }
}
