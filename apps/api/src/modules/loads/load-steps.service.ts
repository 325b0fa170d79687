import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import {
  type BatchedRequest,
  canActAtPlant,
  type CurrentUser,
  type DivertLoadRequest,
  type EarlyStartFacts,
  type LoadDto,
  type LoadReasonRequest,
  type LoadStepRequest,
  type StartLoadingRequest,
} from '@pourline/contracts';
import { canDivertLoad, earlyStart, planRulesFor, statusAfterDiversion } from '@pourline/domain';
import { AuditService } from '../../platform/audit/audit.service';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { canSeeProject } from '../../platform/auth/project-scope';
import { observedTimeOrRefuse } from '../../platform/time/observed-time';
import { NotFoundError } from '../../platform/errors/domain-error';
import type { PourEntity } from '../pours/pour.entity';
import { PoursRepository } from '../pours/pours.repository';
import { LoadCycle, type StepContext } from './load-cycle.service';
import { loadDeadline, plantRuleSet } from './load-rules';
import { LoadViews } from './load-views.service';
import { type LoadEntity, TRUCK_BUSY_INDEX } from './load.entity';
import {
  EarlyStartUnconfirmedError,
  LoadStateError,
  MixMismatchError,
  NotYourPlantError,
  PastDeadlineError,
  PourNotDispatchableError,
  PourOnHoldError,
  SiteTestMissingError,
  TruckBusyError,
  TruckMissingError,
} from './loads.exceptions';
import { LoadsRepository } from './loads.repository';
import type { RecordedAt } from './recorded-at';

/** `observed`: when the person says the step happened, checked against the load once it is locked. */
/** Water may meet cement a little before the control room presses "start loading". */
const BATCH_BEFORE_LOADING_MS = 15 * 60_000;

type PersonStep = StepContext & { actor: CurrentUser; observed?: { at: string; field: string } };

type Step = (manager: EntityManager, load: LoadEntity, context: PersonStep) => Promise<void>;

function stepContext(actor: CurrentUser, request: LoadStepRequest): PersonStep {
  const observedAt = request.observedAt ?? request.at;
  const field = request.observedAt ? 'observedAt' : 'at';
  return { actor, note: request.note, observed: observedAt ? { at: observedAt, field } : undefined };
}

/** An early first load that a person went ahead with, as the pour's audit keeps it. */
type EarlyStartConfirmation = EarlyStartFacts & { reason: string };

/**
 * For a pour's first load: null when loading may start now; a 409 when it is
 * too early and nobody said why; else what to record with the person's reason.
 */
function earlyStartConfirmation(
  pour: PourEntity,
  batchedAt: Date,
  request: StartLoadingRequest,
): EarlyStartConfirmation | null {
  const { maxMinutesLoadingBeforeStart } = planRulesFor(pour.plant!.ruleOverrides);
  const { early, minutesBeforeStart } = earlyStart({
    loadingStartsAt: batchedAt,
    scheduledStart: pour.scheduledStart,
    maxMinutesLoadingBeforeStart,
  });
  if (!early) return null;
  const facts: EarlyStartFacts = {
    pourId: pour.id,
    scheduledStart: pour.scheduledStart.toISOString(),
    loadingStartsAt: batchedAt.toISOString(),
    plantTimeZone: pour.plant!.timeZone,
    minutesBeforeStart: Math.floor(minutesBeforeStart),
    rules: { maxMinutesLoadingBeforeStart },
  };
  const reason = request.confirm?.earlyStart;
  if (!reason) throw new EarlyStartUnconfirmedError(facts);
  return { ...facts, reason };
}

/** The truck cycle as people confirm it, from loading to back at the plant. */
@Injectable()
export class LoadStepsService {
  constructor(
    private readonly loads: LoadsRepository,
    private readonly pours: PoursRepository,
    private readonly cycle: LoadCycle,
    private readonly audit: AuditService,
    private readonly views: LoadViews,
    private readonly live: LivePublisher,
    private readonly dataSource: DataSource,
  ) {}

  /** `at`: when loading was recorded, for a day the demo records after the fact; otherwise now. */
  startLoading(id: string, request: StartLoadingRequest, actor: CurrentUser, { at }: RecordedAt = {}) {
    const batchedAt = request.batchedAt ? new Date(request.batchedAt) : (at ?? new Date());
    return this.step(id, { actor, at }, async (manager, load, context) => {
      if (!load.truckId) throw new TruckMissingError();
      // Read the pour's status and hold under its lock: a cancel or a hold at the same moment wins or waits.
      const locked = await this.pours.lockForUpdate(manager, load.pourId);
      const pour = Object.assign(load.pour!, { status: locked!.status, dispatchHold: locked!.dispatchHold });
      if (pour.status !== 'ready' && pour.status !== 'in_progress') {
        throw new PourNotDispatchableError(pour.status, 'ready or in progress before loading starts');
      }
      if (pour.dispatchHold) throw new PourOnHoldError(pour.dispatchHold);
      // Only the pour's first concrete is asked about: once it flows, later loads follow the pour's rhythm.
      const first = !(await this.loads.pourHasBatchedLoad(manager, pour.id, load.id));
      const early = first ? earlyStartConfirmation(pour, batchedAt, request) : null;
      const { deadline, limitedBy } = loadDeadline(batchedAt, pour, load.mix!, plantRuleSet(pour.plant!));
      Object.assign(load, { batchedAt, dischargeDeadline: deadline, deadlineLimitedBy: limitedBy });
      const note = early ? `early start confirmed: ${early.reason}` : context.note;
      await this.cycle.move(manager, load, 'loading', { ...context, note }).catch((error: unknown) => {
        if (error instanceof QueryFailedError && String(error.message).includes(TRUCK_BUSY_INDEX)) {
          throw new TruckBusyError(load.truck?.fleetNumber ?? load.truckId!);
        }
        throw error;
      });
      if (early) {
        await this.audit.record(manager, actor, 'pour', pour.id, 'early_start_confirmed', {
          ...early,
          loadId: load.id,
          ticketNumber: load.ticketNumber,
        });
      }
      if (pour.status === 'ready') await this.startPour(manager, load, context);
    });
  }

  /** Batched: the batch ticket is recorded and the load goes to plant QC. */
  sendToQc(id: string, request: BatchedRequest, actor: CurrentUser, { at }: RecordedAt = {}) {
    return this.step(id, { actor, at, note: request.note }, async (manager, load, context) => {
      if (request.batchedAt) {
        // A corrected batch time lies around the start of loading: not in the future, and not long
        // before loading began (a mistyped day would put the deadline in the past and strand the load).
        const loadingStartedAt = await this.loads.latestEventAt(manager, load.id);
        const notBefore = loadingStartedAt ? new Date(loadingStartedAt.getTime() - BATCH_BEFORE_LOADING_MS) : null;
        const batchedAt = observedTimeOrRefuse(request.batchedAt, at ?? new Date(), notBefore, 'batchedAt');
        // The deadline runs from when water met cement, so a corrected batch time moves it.
        const { deadline, limitedBy } = loadDeadline(batchedAt, load.pour!, load.mix!, plantRuleSet(load.pour!.plant!));
        Object.assign(load, { batchedAt, dischargeDeadline: deadline, deadlineLimitedBy: limitedBy });
      }
      load.batchRecord = {
        materials: request.materials,
        waterHeldBackLitres: request.waterHeldBackLitres ?? null,
        recordedAt: (at ?? new Date()).toISOString(),
        recordedById: actor.id,
        recordedByName: actor.displayName,
      };
      await this.cycle.move(manager, load, 'plant_qc', context);
    });
  }

  depart(id: string, request: LoadStepRequest, actor: CurrentUser) {
    return this.step(id, stepContext(actor, request), (manager, load, context) => {
      // Judged at the departure confirmed, which may be a few minutes back.
      const departedAt = context.at ?? new Date();
      const late = load.dischargeDeadline !== null && load.dischargeDeadline.getTime() < departedAt.getTime();
      if (load.status === 'released' && late) throw new PastDeadlineError(load.dischargeDeadline!);
      return this.cycle.move(manager, load, 'en_route', context);
    });
  }

  arrive(id: string, request: LoadStepRequest, actor: CurrentUser) {
    return this.step(id, stepContext(actor, request), (manager, load, context) => {
      const arrivedAt = context.at ?? new Date();
      // Late concrete is not turned away at the gate, but QC must look at it first.
      if (load.dischargeDeadline && load.dischargeDeadline.getTime() < arrivedAt.getTime()) load.flaggedForQc = true;
      return this.cycle.move(manager, load, 'on_site', context);
    });
  }

  startDischarge(id: string, request: LoadStepRequest, actor: CurrentUser) {
    return this.step(id, stepContext(actor, request), (manager, load, context) => {
      if (load.status === 'on_site' && load.siteAcceptance !== 'accepted') throw new SiteTestMissingError();
      return this.cycle.move(manager, load, 'discharging', context);
    });
  }

  endDischarge(id: string, request: LoadStepRequest, actor: CurrentUser) {
    return this.step(id, stepContext(actor, request), (manager, load, context) =>
      this.cycle.move(manager, load, 'discharged', context),
    );
  }

  leaveSite(id: string, request: LoadStepRequest, actor: CurrentUser) {
    return this.step(id, stepContext(actor, request), (manager, load, context) =>
      this.cycle.move(manager, load, load.status === 'rejected' ? 'returning_with_load' : 'returning', context),
    );
  }

  backAtPlant(id: string, request: LoadStepRequest, actor: CurrentUser) {
    return this.step(id, stepContext(actor, request), (manager, load, context) =>
      this.cycle.move(manager, load, 'back_at_plant', context),
    );
  }

  dispose(id: string, request: LoadReasonRequest, actor: CurrentUser) {
    return this.step(id, { actor, note: request.reason }, (manager, load, context) =>
      this.cycle.move(manager, load, 'disposed', context),
    );
  }

  cancel(id: string, request: LoadReasonRequest, actor: CurrentUser) {
    return this.step(id, { actor, note: request.reason }, (manager, load, context) =>
      this.cycle.move(manager, load, 'cancelled', context),
    );
  }

  divert(id: string, request: DivertLoadRequest, actor: CurrentUser) {
    return this.step(id, { actor, note: request.reason }, async (manager, load, context) => {
      if (!canDivertLoad(load.status)) {
        throw new LoadStateError(load.status, 'only concrete released and not yet poured can go to another pour');
      }
      const target = await this.pours.lockForUpdate(manager, request.pourId);
      if (!target || !canSeeProject(actor, target.projectId)) throw new NotFoundError('Pour', request.pourId);
      if (target.id === load.pourId) throw new LoadStateError(load.status, 'it is already on that pour');
      if (target.status !== 'ready' && target.status !== 'in_progress') {
        throw new PourNotDispatchableError(target.status, 'ready or in progress');
      }
      if (target.mixId !== load.mixId) throw new MixMismatchError();
      const from = load.pourId;
      const { last } = await this.loads.queueBounds(manager, target.id);
      Object.assign(load, { pourId: target.id, queuePosition: last + 1, siteAcceptance: null });
      const next = statusAfterDiversion(load.status);
      await this.cycle.record(manager, load, load.status, next, {
        ...context,
        note: `diverted from pour ${from}: ${request.reason}`,
      });
      load.status = next;
      await this.loads.update(manager, load);
    });
  }

  /** The first load batched for a ready pour means the pour has started. */
  private async startPour(manager: EntityManager, load: LoadEntity, context: PersonStep): Promise<void> {
    const pour = await this.pours.lockForUpdate(manager, load.pourId);
    if (!pour || pour.status !== 'ready') return;
    pour.status = 'in_progress';
    await this.pours.save(pour, manager);
    await this.audit.record(manager, context.actor, 'pour', pour.id, 'status_changed', {
      from: 'ready',
      to: 'in_progress',
      cause: `first load ${load.ticketNumber} batched`,
    });
  }

  /** A step queued on a tablet is recorded when it happened: after the load's previous step, not ahead of now. */
  private async observedStep(manager: EntityManager, load: LoadEntity, context: PersonStep): Promise<PersonStep> {
    if (!context.observed) return context;
    const previous = await this.loads.latestEventAt(manager, load.id);
    const at = observedTimeOrRefuse(context.observed.at, new Date(), previous, context.observed.field);
    return { ...context, at };
  }

  private async step(id: string, context: PersonStep, apply: Step): Promise<LoadDto> {
    return this.dataSource.transaction(async (manager) => {
      const load = await this.cycle.lockVisible(manager, id, context.actor);
      if (!canActAtPlant(context.actor, load.plantId)) throw new NotYourPlantError(load.ticketNumber);
      const pourStatus = load.pour!.status;
      await apply(manager, load, await this.observedStep(manager, load, context));
      const startedPour = pourStatus === 'ready' && load.status === 'loading' ? load.pour! : null;
      if (startedPour) {
        await this.live.publish(manager, 'pour.status.v1', startedPour.projectId, {
          pourId: startedPour.id,
          projectId: startedPour.projectId,
          status: 'in_progress',
          structuralElement: startedPour.structuralElement,
        });
      }
      return (await this.views.publishChanged(manager, id))[0];
    });
  }
}
