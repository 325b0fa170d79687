import { Injectable, Logger } from '@nestjs/common';
import { AUTO_DISPATCH_ACCOUNT, type CurrentUser, type LoadDto } from '@pourline/contracts';
import { actorOf } from '../../platform/auth/actor-of';
import { UsersService } from '../users/users.service';
import type { DispatchPlan } from './dispatch-planner.service';
import { DispatchService } from './dispatch.service';

/**
 * The auto switch: for each pour on it, the proposed loads whose loading
 * time has come are created and given their trucks, in the auto-dispatch
 * account's name, and announced in the pour's log like any dispatch decision.
 */
@Injectable()
export class AutoDispatch {
  private readonly logger = new Logger(AutoDispatch.name);
  private actor: CurrentUser | undefined;

  constructor(
    private readonly dispatch: DispatchService,
    private readonly users: UsersService,
  ) {}

  async run(plan: DispatchPlan): Promise<LoadDto[]> {
    const now = plan.picture.now.getTime();
    const due = plan.picture.pours
      .filter((state) => state.setting?.auto && plan.statuses.get(state.pour.id) !== 'held')
      .flatMap((state) =>
        (plan.proposals.get(state.pour.id) ?? []).filter((proposal) => Date.parse(proposal.loadAt) <= now),
      );
    if (due.length === 0) return [];
    const actor = await this.account();
    const created: LoadDto[] = [];
    for (const proposal of due) {
      try {
        created.push(
          await this.dispatch.order(
            proposal.pourId,
            proposal,
            {
              truckId: proposal.truckId,
              truckFleetNumber: proposal.truckFleetNumber,
              volumeM3: proposal.volumeM3,
              loadAt: proposal.loadAt,
            },
            'auto',
            '',
            actor,
          ),
        );
      } catch (error) {
        // A person ordered or held at the same moment: the next look sees the new picture.
        this.logger.warn(`auto dispatch of ${proposal.key} (${proposal.truckFleetNumber}) refused: ${String(error)}`);
      }
    }
    return created;
  }

  private async account(): Promise<CurrentUser> {
    if (this.actor) return this.actor;
    const user = await this.users.ensureSystemAccount(AUTO_DISPATCH_ACCOUNT, null);
    this.actor = actorOf(user);
    return this.actor;
  }
}
