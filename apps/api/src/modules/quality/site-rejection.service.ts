import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CurrentUser } from '@pourline/contracts';
import type { QcFailureReason } from '@pourline/domain';
import { LoadCycle } from '../loads/load-cycle.service';
import type { LoadEntity } from '../loads/load.entity';
import { LoadsService } from '../loads/loads.service';
import type { NonConformanceEntity } from './non-conformance.entity';
import { QualityRepository } from './quality.repository';

/**
 * Concrete that fails on site is rejected at once. Runs inside the caller's
 * transaction: the rejection, the replacement load at the head of the queue
 * and the non-conformance record land together or not at all.
 */
@Injectable()
export class SiteRejection {
  constructor(
    private readonly cycle: LoadCycle,
    private readonly loads: LoadsService,
    private readonly quality: QualityRepository,
  ) {}

  async reject(
    manager: EntityManager,
    load: LoadEntity,
    qcTestId: string,
    reasons: QcFailureReason[],
    actor: CurrentUser,
    at = new Date(),
  ): Promise<{ replacementLoadId: string; nonConformance: NonConformanceEntity }> {
    load.rejected = true;
    load.siteAcceptance = 'rejected';
    await this.cycle.move(manager, load, 'rejected', {
      actor,
      at,
      note: `rejected on site: ${reasons.map((reason) => reason.message).join('; ')}`,
    });
    const replacement = await this.loads.insert(
      manager,
      {
        pour: load.pour!,
        truckId: null,
        volumeM3: load.volumeM3,
        overOrderReason: null,
        replacesLoadId: load.id,
        atHeadOfQueue: true,
        issuedAt: at,
      },
      actor,
    );
    const nonConformance = await this.quality.insertNonConformance(manager, {
      pourId: load.pourId,
      loadId: load.id,
      qcTestId,
      replacementLoadId: replacement.id,
      reasons,
      volumeM3: load.volumeM3,
      openedById: actor.id,
      openedByName: actor.displayName,
      openedAt: at,
    });
    return { replacementLoadId: replacement.id, nonConformance };
  }
}
