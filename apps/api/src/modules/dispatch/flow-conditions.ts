import type { DispatchAlertPayload } from '@pourline/contracts';
import {
  type DispatchAlertKind,
  isBunching,
  isLateStart,
  isLoadOld,
  isLongOnSite,
  isPumpStarving,
  loadAgeShare,
  OFF_ROUTE_ALERT_M,
  STOPPED_SPEED_KMH,
} from '@pourline/domain';
import type { LoadEntity } from '../loads/load.entity';
import { arrivalsOf, bunchingLimitOf, distanceFromRouteIn, type PourState } from './dispatch-picture';
import type { DispatchPlan } from './dispatch-planner.service';

/** A cause of a dispatch alert seen now, with what its alert will say. */
export interface FlowCondition {
  kind: DispatchAlertKind;
  pourId: string;
  projectId: string;
  payload: DispatchAlertPayload;
}

const NOT_YET_POURED = ['released', 'en_route', 'on_site', 'discharging'];
const MINUTE_MS = 60_000;

function pourLabel(state: PourState): string {
  return `${state.pour.project?.name ?? ''} ${state.pour.structuralElement}`.trim();
}

function condition(
  kind: DispatchAlertKind,
  key: string,
  state: PourState,
  facts: Record<string, number>,
  load?: LoadEntity,
): [string, FlowCondition] {
  return [
    key,
    {
      kind,
      pourId: state.pour.id,
      projectId: state.pour.projectId,
      payload: {
        key,
        kind,
        pourId: state.pour.id,
        pourLabel: pourLabel(state),
        loadId: load?.id ?? null,
        ticketNumber: load?.ticketNumber ?? null,
        truckFleetNumber: load?.truck?.fleetNumber ?? null,
        facts,
      },
    },
  ];
}

/**
 * Every cause of a dispatch alert present in the plan's picture, by key: one
 * per pour for the pour's flow (cold joint, starvation, bunching, late
 * start), one per load for the truck's (age, off route, stopped, on site).
 */
export function flowConditions(plan: DispatchPlan): Map<string, FlowCondition> {
  const found = new Map<string, FlowCondition>();
  for (const state of plan.picture.pours) pourConditions(plan, state, found);
  return found;
}

/** The causes present for one pour and its loads, added to `found`. */
export function pourConditions(plan: DispatchPlan, state: PourState, found: Map<string, FlowCondition>): void {
  const { now } = plan.picture;
  const id = state.pour.id;
  const rhythm = plan.rhythms.get(id)!;
  const live = state.loads.filter((load) => !load.rejected);
  const started = [...state.moments.values()].some((moments) => moments.dischargeStartedAt);
  const paused = rhythm.held || state.pour.dispatchHold !== null;

  if (rhythm.coldJointRisk && !paused) {
    found.set(
      ...condition('cold_joint_risk', `cold_joint_risk:${id}`, state, {
        gapMinutes: Math.round(rhythm.worstGapMinutes),
        limitMinutes: rhythm.coldJointLimitMinutes,
      }),
    );
  }
  const atPump = live.filter((load) => load.status === 'on_site' || load.status === 'discharging').length;
  const coming = arrivalsOf(state, plan.picture).filter((arrival) => !arrival.onSite);
  const nextArrivalAt = coming.length
    ? new Date(Math.min(...coming.map((arrival) => arrival.arrivesAt.getTime())))
    : null;
  if (
    started &&
    !paused &&
    state.pour.status === 'in_progress' &&
    isPumpStarving({
      trucksAtPump: atPump,
      nextArrivalAt,
      targetIntervalMinutes: rhythm.targetIntervalMinutes,
      remainingM3: rhythm.remainingM3,
      now,
    })
  ) {
    found.set(
      ...condition('pump_starvation', `pump_starvation:${id}`, state, {
        intervalMinutes: Math.round(rhythm.targetIntervalMinutes ?? 0),
      }),
    );
  }
  const waiting = live.filter((load) => load.status === 'on_site').length;
  const limit = bunchingLimitOf(state, plan.picture);
  if (isBunching(waiting, limit)) found.set(...condition('bunching', `bunching:${id}`, state, { waiting, limit }));
  if (!paused && isLateStart(state.pour.scheduledStart, started ? now : null, now)) {
    found.set(
      ...condition('late_start', `late_start:${id}`, state, {
        minutes: Math.round((now.getTime() - state.pour.scheduledStart.getTime()) / MINUTE_MS),
      }),
    );
  }

  for (const load of live) {
    if (!NOT_YET_POURED.includes(load.status)) continue;
    if (load.batchedAt && load.dischargeDeadline && isLoadOld(load.batchedAt, load.dischargeDeadline, now)) {
      found.set(
        ...condition(
          'load_age',
          `load_age:${load.id}`,
          state,
          { agePercent: Math.round(loadAgeShare(load.batchedAt, load.dischargeDeadline, now) * 100) },
          load,
        ),
      );
    }
    const arrivedAt = state.moments.get(load.id)?.arrivedAt;
    if ((load.status === 'on_site' || load.status === 'discharging') && arrivedAt && isLongOnSite(arrivedAt, now)) {
      found.set(
        ...condition(
          'long_on_site',
          `long_on_site:${load.id}`,
          state,
          { minutes: Math.round((now.getTime() - arrivedAt.getTime()) / MINUTE_MS) },
          load,
        ),
      );
    }
    const fix = load.truckId ? plan.picture.fixes.get(load.truckId) : undefined;
    if (load.status !== 'en_route' || !fix) continue;
    const distanceFromRouteM = distanceFromRouteIn(plan.picture, state, load) ?? 0;
    if (distanceFromRouteM > OFF_ROUTE_ALERT_M) {
      found.set(
        ...condition('off_route', `off_route:${load.id}`, state, { distanceM: Math.round(distanceFromRouteM) }, load),
      );
    }
    if (fix.speed_kmh !== null && fix.speed_kmh < STOPPED_SPEED_KMH) {
      found.set(...condition('stopped_on_road', `stopped_on_road:${load.id}`, state, { minutes: 10 }, load));
    }
  }
}
