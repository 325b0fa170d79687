import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser, OverrideQcRequest, QcTestDto } from '@pourline/contracts';
import { LoadCycle } from '../loads/load-cycle.service';
import { LoadViews } from '../loads/load-views.service';
import { PastDeadlineError } from '../loads/loads.exceptions';
import { LoadsRepository } from '../loads/loads.repository';
import { toQcTestDto } from './quality.mapper';
import {
  AlreadyOverriddenError,
  OverrideTooLateError,
  QcTestNotFoundError,
  TestPassedError,
} from './quality.exceptions';
import { QualityRepository } from './quality.repository';

/** An inspector may accept a failed test in writing; the record of it stays beside the test. */
@Injectable()
export class QcOverridesService {
  constructor(
    private readonly quality: QualityRepository,
    private readonly loads: LoadsRepository,
    private readonly cycle: LoadCycle,
    private readonly views: LoadViews,
    private readonly dataSource: DataSource,
  ) {}

  async override(testId: string, request: OverrideQcRequest, actor: CurrentUser): Promise<QcTestDto> {
    const overridden = await this.dataSource.transaction(async (manager) => {
      const test = await this.quality.findTest(testId, manager);
      if (!test) throw new QcTestNotFoundError(testId);
      const load = await this.cycle.lockVisible(manager, test.loadId, actor).catch(() => {
        throw new QcTestNotFoundError(testId);
      });
      if (test.pass) throw new TestPassedError();
      if ((await this.quality.overridesOf([testId], manager)).size > 0) throw new AlreadyOverriddenError();
      const latest = await this.quality.latestTest(manager, load.id, test.stage);
      if (latest?.id !== test.id) throw new OverrideTooLateError('A later test of this load supersedes this one');
      const context = { actor, note: `QC override: ${request.reason}` };
      if (test.stage === 'plant') {
        if (load.status !== 'held') throw new OverrideTooLateError(`The load is ${load.status}, no longer held`);
        if (load.dischargeDeadline && load.dischargeDeadline.getTime() < Date.now()) {
          throw new PastDeadlineError(load.dischargeDeadline);
        }
        await this.cycle.move(manager, load, 'plant_qc', context);
        await this.cycle.move(manager, load, 'released', context);
      } else {
        if (test.outcome === 'rejected') {
          throw new OverrideTooLateError('The load was rejected and sent back; a rejection cannot be overridden');
        }
        load.siteAcceptance = 'accepted';
        await this.loads.update(manager, load);
        await this.cycle.record(manager, load, load.status, load.status, context);
      }
      const override = await this.quality.insertOverride(manager, {
        qcTestId: testId,
        reason: request.reason,
        byId: actor.id,
        byName: actor.displayName,
      });
      await this.views.publishChanged(manager, load.id);
      return toQcTestDto(test, override);
    });
    return overridden;
  }
}
