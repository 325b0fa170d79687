import type { LoadDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import { type ApiClient, isApiError } from './api-client';
import type { SimClock } from './clock';
import type { Log } from './log';
import type { SimulationStats } from './simulation-stats';

export type HandTarget = 'en_route' | 'on_site' | 'returning' | 'back_at_plant';

/** What the manual endpoints confirm when the fence did not, to bring a load to the status named. */
const HAND_STEPS: Record<HandTarget, Partial<Record<LoadStatus, string>>> = {
  en_route: { released: 'depart' },
  on_site: { released: 'depart', en_route: 'arrive' },
  returning: { discharged: 'leave-site', rejected: 'leave-site' },
  back_at_plant: {
    discharged: 'leave-site',
    rejected: 'leave-site',
    returning: 'back-at-plant',
    returning_with_load: 'back-at-plant',
  },
};

export interface FenceFallbackContext {
  /** The demo fleet's account, which confirms the step by hand. */
  api: ApiClient;
  clock: SimClock;
  stats: SimulationStats;
  log: Log;
  truckLabel: string;
}

/** Polls the load for `graceMs`; if it is still in one of `from`, the steps to `to` are confirmed by hand. */
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
    const load = await context.api.get<LoadDto>(`/loads/${loadId}`);
    if (!from.includes(load.status)) return;
  }
  await confirmByHand(context, loadId, to);
}

/** The manual fallbacks, in order (a missed departure before a missed arrival), each logged. */
export async function confirmByHand(context: FenceFallbackContext, loadId: string, to: HandTarget): Promise<void> {
  const { api, stats, log } = context;
  let load = await api.get<LoadDto>(`/loads/${loadId}`);
  for (let step = HAND_STEPS[to][load.status]; step; step = HAND_STEPS[to][load.status]) {
    const from = load.status;
    try {
      load = await api.post<LoadDto>(`/loads/${loadId}/${step}`, {});
    } catch (error) {
      // The fence may have taken the step in the meantime.
      if (!isApiError(error, 409)) throw error;
      load = await api.get<LoadDto>(`/loads/${loadId}`);
      if (load.status === from) throw error;
      continue;
    }
    stats.manualFallbacks++;
    log(
      `${context.truckLabel} ${load.ticketNumber}: no fence step ${from} → ${load.status} seen; confirmed by hand (${step})`,
    );
  }
}
