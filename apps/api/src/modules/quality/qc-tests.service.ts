import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CurrentUser, QcOutcome, QcTestDto, RecordQcTestRequest } from '@pourline/contracts';
import {
  checkTestOutcome,
  concreteAgeMinutes,
  type QcEvaluation,
  ruleSetVersion,
  type RuleSet,
} from '@pourline/domain';
import { LoadCycle } from '../loads/load-cycle.service';
import { plantRuleSet } from '../loads/load-rules';
import type { LoadEntity } from '../loads/load.entity';
import { LoadStateError } from '../loads/loads.exceptions';
import { LoadsRepository } from '../loads/loads.repository';
import { observedTimeOrRefuse } from '../../platform/time/observed-time';
import type { RecordedAt } from '../loads/recorded-at';
import { evaluateLoadTest } from './qc-evaluation';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { LoadViews } from '../loads/load-views.service';
import { toNonConformanceDto, toQcTestDto } from './quality.mapper';
import {
  CheckTestPendingError,
  NoCheckTestDueError,
  PlantTestNotYoursError,
  QcTestNotFoundError,
} from './quality.exceptions';
import { QualityRepository } from './quality.repository';
import { SiteRejection } from './site-rejection.service';

type Rejection = Awaited<ReturnType<SiteRejection['reject']>>;

function photoBytes(dataUrl: string | undefined): Buffer | null {
  return dataUrl ? Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64') : null;
}

/** Records a test and acts on it at once: release, hold, accept, ask for a check test, or reject. */
@Injectable()
export class QcTestsService {
  constructor(
    private readonly quality: QualityRepository,
    private readonly loads: LoadsRepository,
    private readonly cycle: LoadCycle,
    private readonly rejection: SiteRejection,
    private readonly views: LoadViews,
    private readonly live: LivePublisher,
    private readonly dataSource: DataSource,
  ) {}

  async list(loadId: string, actor: CurrentUser): Promise<QcTestDto[]> {
    await this.dataSource.transaction((manager) => this.cycle.lockVisible(manager, loadId, actor));
    const tests = await this.quality.testsOfLoad(loadId);
    const overrides = await this.quality.overridesOf(tests.map((test) => test.id));
    return tests.map((test) => toQcTestDto(test, overrides.get(test.id)));
  }

  /** `at`: when the test was made, for a day the demo records after the fact; otherwise now. */
  async record(
    loadId: string,
    request: RecordQcTestRequest,
    actor: CurrentUser,
    { at }: RecordedAt = {},
  ): Promise<QcTestDto> {
    const recorded = await this.dataSource.transaction(async (manager) => {
      if (actor.role === 'site_dispatcher' && request.stage !== 'site') throw new PlantTestNotYoursError();
      const load = await this.cycle.lockVisible(manager, loadId, actor);
      if (request.correctsTestId) await this.requireTestOfLoad(manager, request.correctsTestId, loadId);
      const rules = plantRuleSet(load.pour!.plant!);
      // Judged when the sample was tested, not when a tablet that was offline got through; the demo's
      // history is recorded at the past time it stands for.
      const receivedAt = at ?? new Date();
      const testedAt =
        at ?? observedTimeOrRefuse(request.observedAt, receivedAt, await this.loads.latestEventAt(manager, load.id));
      if (request.stage === 'plant') await this.readyForPlantTest(manager, load, actor, testedAt);
      else await this.readyForSiteTest(manager, load, request);
      const evaluation = evaluateLoadTest(load, request, rules, testedAt);
      const outcome = this.outcome(request, evaluation, rules);
      const photo = photoBytes(request.photo);
      const test = await this.quality.insertTest(manager, {
        loadId,
        pourId: load.pourId,
        stage: request.stage,
        slumpMm: request.slumpMm,
        slumpKind: load.mix!.slumpKind,
        designSlumpMm: load.pour!.slumpTargetMm,
        temperatureC: request.temperatureC,
        airPercent: request.airPercent,
        minutesSinceBatch: Math.round(concreteAgeMinutes(load.batchedAt!, testedAt) * 10) / 10,
        inspectorId: actor.id,
        inspectorName: actor.displayName,
        testedAt,
        receivedAt,
        remarks: request.remarks,
        pass: evaluation.pass,
        reasons: evaluation.reasons,
        outcome,
        ruleSetVersion: ruleSetVersion(rules),
        ruleSet: rules,
        checkTestOf: request.checkTestOf ?? null,
        correctsTestId: request.correctsTestId ?? null,
        photo,
        hasPhoto: photo !== null,
      });
      const rejection = await this.apply(manager, load, test.id, outcome, evaluation, actor, testedAt);
      const dto = toQcTestDto(test, undefined);
      await this.announce(manager, dto, load.pour!.projectId, rejection);
      return dto;
    });
    return recorded;
  }

  /** In the same transaction: the test, the load's new state, and a rejection as an alert of its own. */
  private async announce(
    manager: EntityManager,
    test: QcTestDto,
    projectId: string,
    rejection: Rejection | null,
  ): Promise<void> {
    await this.live.publish(manager, 'qc.recorded.v1', projectId, test);
    const [load] = await this.views.publishChanged(manager, test.loadId);
    if (!rejection) return;
    await this.views.publishChanged(manager, rejection.replacementLoadId);
    await this.live.publish(manager, 'load.rejected.v1', projectId, {
      load,
      nonConformance: toNonConformanceDto(rejection.nonConformance, load.ticketNumber),
      reasons: test.reasons,
    });
  }

  private outcome(request: RecordQcTestRequest, evaluation: QcEvaluation, rules: RuleSet): QcOutcome {
    if (request.stage === 'plant') return evaluation.pass ? 'released' : 'held';
    if (request.checkTestOf) return evaluation.pass ? 'accepted' : 'rejected';
    const decision = checkTestOutcome(rules, evaluation);
    return decision === 'accept' ? 'accepted' : decision === 'retest_required' ? 'retest_required' : 'rejected';
  }

  private async apply(
    manager: EntityManager,
    load: LoadEntity,
    testId: string,
    outcome: QcOutcome,
    evaluation: QcEvaluation,
    actor: CurrentUser,
    at: Date,
  ): Promise<Rejection | null> {
    const note = evaluation.reasons.map((reason) => reason.message).join('; ');
    switch (outcome) {
      case 'released':
        await this.cycle.move(manager, load, 'released', { actor, at, note: 'passed plant QC' });
        return null;
      case 'held':
        await this.cycle.move(manager, load, 'held', { actor, at, note });
        return null;
      case 'accepted':
      case 'retest_required':
        load.siteAcceptance = outcome;
        await this.loads.update(manager, load);
        return null;
      case 'rejected':
        return this.rejection.reject(manager, load, testId, evaluation.reasons, actor, at);
    }
  }

  private async readyForPlantTest(
    manager: EntityManager,
    load: LoadEntity,
    actor: CurrentUser,
    at: Date,
  ): Promise<void> {
    if (load.status === 'held') {
      await this.cycle.move(manager, load, 'plant_qc', { actor, at, note: 're-test after adjustment' });
    } else if (load.status !== 'plant_qc') {
      throw new LoadStateError(load.status, 'a plant test needs the load at plant QC, or held for a re-test');
    }
  }

  private async readyForSiteTest(manager: EntityManager, load: LoadEntity, request: RecordQcTestRequest) {
    if (load.status !== 'on_site' && load.status !== 'discharging') {
      throw new LoadStateError(load.status, 'a site test needs the load on site or discharging');
    }
    const latest = await this.quality.latestTest(manager, load.id, 'site');
    const pending = latest?.outcome === 'retest_required' && load.siteAcceptance === 'retest_required';
    if (request.checkTestOf) {
      if (!pending || latest!.id !== request.checkTestOf) throw new NoCheckTestDueError();
    } else if (pending) {
      throw new CheckTestPendingError(latest!.id);
    }
  }

  private async requireTestOfLoad(manager: EntityManager, testId: string, loadId: string): Promise<void> {
    const test = await this.quality.findTest(testId, manager);
    if (!test || test.loadId !== loadId) throw new QcTestNotFoundError(testId);
  }
}
