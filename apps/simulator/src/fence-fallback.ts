import type { LoadDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { type ApiClient, isApiError } from './api-client';
import type { SimClock } from './clock';
import type { Crew } from './crew';
import type { Log } from './log';
import type { SimulationStats } from './simulation-stats';

type HandStep = { path: string; bySite: boolean };
export type HandTarget = 'en_route' | 'on_site' | 'returning' | 'back_at_plant';

/** What a person confirms when the fence did not, to bring a load to the status named. */
const HAND_STEPS: Record<HandTarget, Partial<Record<LoadStatus, HandStep>>> = {
  en_route: { released: { path: 'depart', bySite: false } },
  on_site: { released: { path: 'depart', bySite: false }, en_route: { path: 'arrive', bySite: true } },
  returning: { discharged: { path: 'leave-site', bySite: true }, rejected: { path: 'leave-site', bySite: true } },
  back_at_plant: {
    discharged: { path: 'leave-site', bySite: true },
    rejected: { path: 'leave-site', bySite: true },
    returning: { path: 'back-at-plant', bySite: false },
    returning_with_load: { path: 'back-at-plant', bySite: false },
  },
};

export interface FenceFallbackContext {
  crew: Crew;
  clock: SimClock;
  stats: SimulationStats;
  log: Log;
  /** The pour's project: its site dispatcher confirms site steps there. */
  projectId: string;
  truckLabel: string;
}

/** Polls the load for `graceMs`; if it is still in one of `from`, a person confirms the steps to `to`. */
export async function expectFenceStep(
  context: FenceFallbackContext,
  loadId: string,
  from: readonly LoadStatus[],
  to: HandTarget,
  graceMs: number,
): Promise<void> {
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    await context.clock.sleepReal(1_000);
    const load = await context.crew.dispatcher.get<LoadDto>(`/loads/${loadId}`);
    if (!from.includes(load.status)) return;
  }
  await confirmByHand(context, loadId, to);
}

/** The manual fallbacks, in order (a missed departure before a missed arrival), each logged. */
export async function confirmByHand(context: FenceFallbackContext, loadId: string, to: HandTarget): Promise<void> {
  const { crew, stats, log } = context;
  let load = await crew.dispatcher.get<LoadDto>(`/loads/${loadId}`);
  for (let step = HAND_STEPS[to][load.status]; step; step = HAND_STEPS[to][load.status]) {
    const person: ApiClient = step.bySite ? crew.siteStaffFor(context.projectId) : crew.dispatcher;
    const from = load.status;
    try {
      load = await person.post<LoadDto>(`/loads/${loadId}/${step.path}`, {});
    } catch (error) {
      // The fence may have taken the step in the meantime.
      if (!isApiError(error, 409)) throw error;
      load = await crew.dispatcher.get<LoadDto>(`/loads/${loadId}`);
      if (load.status === from) throw error;
      continue;
    }
    stats.manualFallbacks++;
    log(
      `${context.truckLabel} ${load.ticketNumber}: no fence step ${from} → ${load.status} seen; confirmed by hand (${step.path})`,
    );
  }
}
