import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { LoadProposalDto } from '@pourline/contracts';
import { planLoads, type PlannedLoad, type PourRhythm, type SchedulePlan } from '@pourline/domain';
import { Clock } from '../../platform/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { TurnBudget } from '../../platform/event-loop/in-slices';
import { LiveRelay } from '../../platform/live/live-relay.service';
import { type DispatchPicture, isPlannable, type PourState, rhythmOf, schedulerInput } from './dispatch-picture';
import { DispatchRepository, isUnfinished } from './dispatch.repository';
import { TravelLearner } from './travel-learner.service';

/** A plan older than this is made again when asked for, even if nothing was heard to change. */
const PLAN_MAX_AGE_MS = 5_000;
/** Live events after which the plan is stale at once. */
const REPLAN_ON = new Set([
  'load.changed.v1',
  'pour.status.v1',
  'pour.request.v1',
  'pump.status.v1',
  'dispatch.settings.v1',
]);

const MS_PER_MINUTE = 60_000;
const atMinute = (minute: number) => new Date(minute * MS_PER_MINUTE);

export type PourPlanStatus = 'complete' | 'late' | 'unserved' | 'held' | 'done';

export interface DispatchPlan {
  picture: DispatchPicture;
  rhythms: Map<string, PourRhythm>;
  proposals: Map<string, LoadProposalDto[]>;
  statuses: Map<string, PourPlanStatus>;
  schedule: SchedulePlan | null;
}

/**
 * Gathers the day as it stands (pours, loads, trucks, the site's requests,
 * the roads' learned times), paces each pour to its rhythm and asks the
 * scheduler which loads should follow. Made again when something changes
 * (a numbered live event about loads, pours or requests) and on the
 * dispatch ticker; asked for in between, the last plan is served.
 */
@Injectable()
export class DispatchPlanner implements OnModuleInit {
  private readonly logger = new Logger(DispatchPlanner.name);
  private latest: { plan: DispatchPlan; madeAt: number; dirty: boolean } | undefined;
  private making: Promise<DispatchPlan> | undefined;
  /** Changes heard so far: one heard while a plan is made leaves that plan stale. */
  private changes = 0;

  constructor(
    private readonly rows: DispatchRepository,
    private readonly clock: Clock,
    private readonly relay: LiveRelay,
    private readonly travel: TravelLearner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.relay.onNumbered(async (_manager, events) => {
      if (events.some((event) => REPLAN_ON.has(event.type))) this.invalidate();
    });
  }

  invalidate(): void {
    this.changes += 1;
    if (this.latest) this.latest.dirty = true;
  }

  /** The current plan: the last one while it is fresh, else a new one. */
  async current(): Promise<DispatchPlan> {
    const latest = this.latest;
    const now = this.clock.now().getTime();
    if (latest && !latest.dirty && now - latest.madeAt < PLAN_MAX_AGE_MS && now >= latest.madeAt) return latest.plan;
    return this.replan();
  }

  /** A new plan, now; concurrent callers share one. */
  replan(): Promise<DispatchPlan> {
    this.making ??= this.make().finally(() => (this.making = undefined));
    return this.making;
  }

  /**
   * Thousands of loads on the road make each pour's rhythm cost milliseconds:
   * the event loop is handed back between pours, so trackers and consoles do
   * not wait for the whole plan.
   */
  private async make(): Promise<DispatchPlan> {
    const changesBefore = this.changes;
    const picture = await this.gather();
    const turns = new TurnBudget();
    const rhythms = new Map<string, PourRhythm>();
    for (const state of picture.pours) {
      await turns.due();
      rhythms.set(state.pour.id, rhythmOf(state, picture));
    }
    await turns.due();
    const input = schedulerInput(picture, rhythms);
    let schedule: SchedulePlan | null = null;
    try {
      schedule = input.pours.length > 0 ? planLoads(input) : null;
    } catch (error) {
      this.logger.warn(`the planner refused the day's picture: ${String(error)}`);
    }
    const stateOf = new Map(picture.pours.map((state) => [state.pour.id, state]));
    const truckOf = new Map(picture.trucks.map((truck) => [truck.id, truck]));
    const proposals = new Map<string, LoadProposalDto[]>();
    for (const load of schedule?.proposedLoads ?? []) {
      const proposal = this.proposal(load, stateOf.get(load.pourId)!, truckOf.get(load.truckId)?.fleetNumber ?? '');
      proposals.set(load.pourId, [...(proposals.get(load.pourId) ?? []), proposal]);
    }
    const statuses = new Map<string, PourPlanStatus>();
    for (const state of picture.pours) {
      await turns.due();
      const id = state.pour.id;
      const withProposals = rhythmOf(
        state,
        picture,
        (proposals.get(id) ?? []).map((proposal) => ({
          arrivesAt: new Date(proposal.arriveAt),
          volumeM3: proposal.volumeM3,
        })),
      );
      rhythms.set(id, withProposals);
      const pourPlan = schedule?.pours.find((plan) => plan.pourId === id);
      statuses.set(
        id,
        state.pour.dispatchHold || withProposals.held
          ? 'held'
          : !isPlannable(state, withProposals)
            ? 'done'
            : (pourPlan?.status ?? 'unserved'),
      );
    }
    const plan = { picture, rhythms, proposals, statuses, schedule };
    this.latest = { plan, madeAt: picture.now.getTime(), dirty: this.changes !== changesBefore };
    return plan;
  }

  private proposal(load: PlannedLoad, state: PourState, truckFleetNumber: string): LoadProposalDto {
    return {
      key: `${load.pourId}:${load.sequence}`,
      pourId: load.pourId,
      sequence: load.sequence,
      plantId: load.plantId,
      plantCode: state.pour.plant?.code ?? '',
      truckId: load.truckId,
      truckFleetNumber,
      volumeM3: Math.round(load.volumeM3 * 10) / 10,
      loadAt: atMinute(load.batchMinute).toISOString(),
      departAt: atMinute(load.departMinute).toISOString(),
      arriveAt: atMinute(load.arriveMinute).toISOString(),
      dischargeStartAt: atMinute(load.dischargeStartMinute).toISOString(),
      dischargeEndAt: atMinute(load.dischargeEndMinute).toISOString(),
    };
  }

  private async gather(): Promise<DispatchPicture> {
    const now = this.clock.now();
    const pours = await this.rows.activePours(now);
    const pourIds = pours.map((pour) => pour.id);
    const plantIds = [...new Set(pours.map((pour) => pour.plantId))];
    const [loads, requests, settings, trucks] = await Promise.all([
      this.rows.loadsOfPours(pourIds),
      this.rows.requests(pourIds),
      this.rows.settings(pourIds),
      this.rows.trucksOfPlants(plantIds),
    ]);
    const truckIds = trucks.map((truck) => truck.id);
    const [otherPoursLoads, fixRows] = await Promise.all([
      this.rows.unfinishedLoadsOfTrucks(truckIds, pourIds),
      this.rows.truckFixes(truckIds),
    ]);
    // The day's own loads are read above already: with two thousand trucks out, reading them twice costs.
    const ours = new Set(truckIds);
    const truckLoads = [
      ...loads.filter((load) => load.truckId !== null && ours.has(load.truckId) && isUnfinished(load.status)),
      ...otherPoursLoads,
    ];
    const moments = await this.rows.moments(loads.map((load) => load.id));
    const travel = await this.travel.travelTimes(pours, now);
    const states: PourState[] = pours.map((pour) => {
      const own = loads.filter((load) => load.pourId === pour.id);
      return {
        pour,
        loads: own,
        moments: new Map(own.flatMap((load) => (moments.has(load.id) ? [[load.id, moments.get(load.id)!]] : []))),
        requests: requests.get(pour.id) ?? [],
        setting: settings.get(pour.id),
        travel: travel.get(pour.id)!,
      };
    });
    return {
      now,
      pours: states,
      trucks,
      truckLoads,
      fixes: new Map(fixRows.map((row) => [row.entity_id, row])),
      bunchingMaxWaiting: this.config.dispatchBunchingMaxWaiting,
    };
  }
}
