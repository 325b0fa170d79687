import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AcceptProposalRequest,
  type CurrentUser,
  type DispatchDecisionDto,
  type DispatchDecisionKind,
  type DispatchSettingsRequest,
  type LoadDto,
  type LoadProposalDto,
  OVERRIDE_REASON_MIN_CHARS,
  type OverriddenField,
  type PourDispatchDto,
  type PourRhythmDto,
} from '@pourline/contracts';
import type { PourRhythm } from '@pourline/domain';
import { AuditService } from '../../platform/audit/audit.service';
import { Clock } from '../../platform/clock/clock';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import type { LoadEntity } from '../loads/load.entity';
import { LoadsService } from '../loads/loads.service';
import { TrucksRepository } from '../fleet/trucks.repository';
import { UnknownReferenceError } from '../../platform/errors/domain-error';
import { PlantsRepository } from '../plants/plants.repository';
import { PoursService } from '../pours/pours.service';
import type { DecidedLoad, DispatchDecisionEntity } from './dispatch-decision.entity';
import { bunchingLimitOf } from './dispatch-picture';
import { type DispatchPlan, DispatchPlanner } from './dispatch-planner.service';
import {
  LoadTimePastError,
  OverrideNeedsReasonError,
  PourNotPlannedError,
  ProposalGoneError,
} from './dispatch.exceptions';
import { DispatchRepository } from './dispatch.repository';
import { PourDispatchSettingEntity } from './pour-dispatch-setting.entity';

const round1 = (value: number) => Math.round(value * 10) / 10;

export function toRhythmDto(rhythm: PourRhythm): PourRhythmDto {
  return {
    plannedRateM3PerHour: round1(rhythm.plannedRateM3PerHour),
    measuredRateM3PerHour: rhythm.measuredRateM3PerHour === null ? null : round1(rhythm.measuredRateM3PerHour),
    measuredFromLoads: rhythm.measuredFromLoads,
    request: rhythm.request,
    rateM3PerHour: round1(rhythm.rateM3PerHour),
    rateSource: rhythm.rateSource,
    held: rhythm.held,
    targetIntervalMinutes: rhythm.targetIntervalMinutes === null ? null : round1(rhythm.targetIntervalMinutes),
    remainingM3: round1(rhythm.remainingM3),
    uncoveredM3: round1(rhythm.uncoveredM3),
    projectedFinishAt: rhythm.projectedFinishAt?.toISOString() ?? null,
    gaps: rhythm.gaps.map((gap) => ({ ...gap, startsAt: gap.startsAt.toISOString(), minutes: round1(gap.minutes) })),
    worstGapMinutes: round1(rhythm.worstGapMinutes),
    coldJointLimitMinutes: rhythm.coldJointLimitMinutes,
    coldJointRisk: rhythm.coldJointRisk,
  };
}

function toDecisionDto(row: DispatchDecisionEntity & { ticket_number: string }): DispatchDecisionDto {
  return {
    id: row.id,
    pourId: row.pourId,
    loadId: row.loadId,
    ticketNumber: row.ticket_number,
    kind: row.kind,
    proposed: row.proposed,
    chosen: row.chosen,
    reason: row.reason,
    byName: row.byName,
    at: new Date(row.at).toISOString(),
  };
}

const decided = (proposal: LoadProposalDto): DecidedLoad => ({
  truckId: proposal.truckId,
  truckFleetNumber: proposal.truckFleetNumber,
  volumeM3: proposal.volumeM3,
  loadAt: proposal.loadAt,
  plantId: proposal.plantId,
  plantCode: proposal.plantCode,
});

/** The proposal's fields a dispatcher may change, by the name the pour's log gives them. */
const OVERRIDABLE: readonly [OverriddenField, keyof DecidedLoad][] = [
  ['truck', 'truckId'],
  ['volume', 'volumeM3'],
  ['loadAt', 'loadAt'],
  ['plant', 'plantId'],
];
/** A loading time this far past is a slip of the hand, not a plan. */
const LOAD_AT_PAST_TOLERANCE_MS = 5 * 60_000;

/** What the dispatch room sees of each pour's plan, and what it decides about it. */
@Injectable()
export class DispatchService {
  constructor(
    private readonly planner: DispatchPlanner,
    private readonly rows: DispatchRepository,
    private readonly pours: PoursService,
    private readonly loads: LoadsService,
    private readonly trucks: TrucksRepository,
    private readonly plants: PlantsRepository,
    private readonly audit: AuditService,
    private readonly live: LivePublisher,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async view(pourId: string, actor: CurrentUser): Promise<PourDispatchDto> {
    await this.pours.requireVisible(pourId, actor);
    return this.viewOf(await this.planner.current(), pourId);
  }

  async viewOf(plan: DispatchPlan, pourId: string): Promise<PourDispatchDto> {
    const state = plan.picture.pours.find((candidate) => candidate.pour.id === pourId);
    if (!state) throw new PourNotPlannedError();
    return {
      pourId,
      plantId: state.pour.plantId,
      generatedAt: plan.picture.now.toISOString(),
      auto: state.setting?.auto ?? false,
      coldJointLimitMinutes: state.setting?.coldJointLimitMinutes ?? null,
      bunchingMaxWaiting: state.setting?.bunchingMaxWaiting ?? null,
      bunchingMaxWaitingInEffect: bunchingLimitOf(state, plan.picture),
      rhythm: toRhythmDto(plan.rhythms.get(pourId)!),
      travel: { ...state.travel, minutes: round1(state.travel.minutes) },
      planStatus: plan.statuses.get(pourId) ?? 'unserved',
      proposals: plan.proposals.get(pourId) ?? [],
      decisions: (await this.rows.decisions(pourId)).map(toDecisionDto),
    };
  }

  /**
   * Creates the proposed load with its truck, in one transaction with the
   * decision: as proposed, or as the dispatcher changed it (an override, with
   * its reason).
   */
  async accept(pourId: string, request: AcceptProposalRequest, actor: CurrentUser): Promise<LoadDto> {
    await this.pours.requireVisible(pourId, actor);
    const plan = await this.planner.current();
    const proposal = (plan.proposals.get(pourId) ?? []).find((candidate) => candidate.key === request.key);
    if (!proposal) throw new ProposalGoneError(request.key);
    const truckId = request.truckId ?? proposal.truckId;
    const truck = truckId === proposal.truckId ? null : await this.trucks.findById(truckId);
    const plantId = request.plantId ?? proposal.plantId;
    const plant = plantId === proposal.plantId ? null : await this.plants.findById(plantId);
    if (plantId !== proposal.plantId && !plant) throw new UnknownReferenceError('plantId', plantId);
    const loadAt = request.loadAt ? new Date(request.loadAt) : new Date(proposal.loadAt);
    if (request.loadAt && loadAt.getTime() < this.clock.now().getTime() - LOAD_AT_PAST_TOLERANCE_MS)
      throw new LoadTimePastError(request.loadAt);
    const chosen: DecidedLoad = {
      truckId,
      truckFleetNumber: truck?.fleetNumber ?? proposal.truckFleetNumber,
      volumeM3: request.volumeM3 ?? proposal.volumeM3,
      loadAt: loadAt.toISOString(),
      plantId,
      plantCode: plant?.code ?? proposal.plantCode,
    };
    const proposed = decided(proposal);
    const changed = OVERRIDABLE.filter(([, field]) => chosen[field] !== proposed[field]).map(([name]) => name);
    const reason = request.reason?.trim() ?? '';
    if (changed.length > 0 && [...reason].length < OVERRIDE_REASON_MIN_CHARS)
      throw new OverrideNeedsReasonError(changed);
    return this.order(pourId, proposal, chosen, changed.length > 0 ? 'overridden' : 'accepted', reason, actor, changed);
  }

  /** Creates a load from the plan; the auto switch comes through here as well. */
  async order(
    pourId: string,
    proposal: LoadProposalDto,
    chosen: DecidedLoad,
    kind: DispatchDecisionKind,
    reason: string,
    actor: CurrentUser,
    changed: readonly OverriddenField[] = [],
  ): Promise<LoadDto> {
    const record = async (manager: EntityManager, load: LoadEntity) => {
      const decision = await this.rows.insertDecision(manager, {
        pourId,
        loadId: load.id,
        kind,
        proposed: decided(proposal),
        chosen,
        reason,
        byId: actor.id,
        byName: actor.displayName,
      });
      await this.audit.record(manager, actor, 'pour', pourId, `dispatch_${kind}`, {
        ticket: load.ticketNumber,
        truck: chosen.truckFleetNumber,
        volumeM3: chosen.volumeM3,
        loadAt: chosen.loadAt,
        plant: chosen.plantCode ?? proposal.plantCode,
        ...(changed.length > 0 ? { changed } : {}),
        ...(reason ? { reason } : {}),
      });
      const projectId = load.pour?.projectId ?? (await this.pours.requireVisible(pourId, actor)).projectId;
      await this.live.publish(manager, 'dispatch.decision.v1', projectId, {
        ...toDecisionDto({ ...decision, ticket_number: load.ticketNumber }),
        projectId,
      });
    };
    const load = await this.loads.create(
      pourId,
      { truckId: chosen.truckId, volumeM3: chosen.volumeM3 },
      actor,
      { at: this.clock.now() },
      { loadAt: new Date(chosen.loadAt), plantId: chosen.plantId ?? proposal.plantId, record },
    );
    this.planner.invalidate();
    return load;
  }

  async changeSettings(pourId: string, request: DispatchSettingsRequest, actor: CurrentUser): Promise<PourDispatchDto> {
    const pour = await this.pours.requireVisible(pourId, actor);
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(PourDispatchSettingEntity, {
        where: { pourId },
        lock: { mode: 'pessimistic_write' },
      });
      const next = manager.create(PourDispatchSettingEntity, {
        pourId,
        auto: request.auto ?? current?.auto ?? false,
        coldJointLimitMinutes:
          request.coldJointLimitMinutes !== undefined
            ? request.coldJointLimitMinutes
            : (current?.coldJointLimitMinutes ?? null),
        bunchingMaxWaiting:
          request.bunchingMaxWaiting !== undefined ? request.bunchingMaxWaiting : (current?.bunchingMaxWaiting ?? null),
        changedByName: actor.displayName,
      });
      await this.rows.saveSettings(manager, next);
      if (request.auto !== undefined && request.auto !== (current?.auto ?? false)) {
        await this.audit.record(
          manager,
          actor,
          'pour',
          pourId,
          request.auto ? 'dispatch_auto_on' : 'dispatch_auto_off',
          {},
        );
      }
      if (
        request.coldJointLimitMinutes !== undefined &&
        request.coldJointLimitMinutes !== (current?.coldJointLimitMinutes ?? null)
      ) {
        await this.audit.record(manager, actor, 'pour', pourId, 'cold_joint_limit_set', {
          minutes: request.coldJointLimitMinutes,
        });
      }
      if (
        request.bunchingMaxWaiting !== undefined &&
        request.bunchingMaxWaiting !== (current?.bunchingMaxWaiting ?? null)
      ) {
        await this.audit.record(manager, actor, 'pour', pourId, 'bunching_limit_set', {
          trucks: request.bunchingMaxWaiting,
        });
      }
      await this.live.publish(manager, 'dispatch.settings.v1', pour.projectId, {
        pourId,
        projectId: pour.projectId,
        auto: next.auto,
        coldJointLimitMinutes: next.coldJointLimitMinutes,
        bunchingMaxWaiting: next.bunchingMaxWaiting,
        byName: actor.displayName,
      });
    });
    this.planner.invalidate();
    return this.viewOf(await this.planner.replan(), pourId);
  }

  /** The pours on the auto switch: the demo fleet leaves their ordering to the system. */
  async autoPourIds(): Promise<string[]> {
    const plan = await this.planner.current();
    return plan.picture.pours.filter((state) => state.setting?.auto).map((state) => state.pour.id);
  }
}
