import type { LoadDto, PumpStatusDto } from '@pourline/contracts';
import type { LoadStep, OutboxItem } from './outbox';

type LoadStatus = LoadDto['status'];

/** Where a confirmed step takes a load, so a step still in the outbox already shows its effect. */
const STEP_RESULT: Record<LoadStep, LoadStatus> = {
  arrive: 'on_site',
  'start-discharge': 'discharging',
  'end-discharge': 'discharged',
  'leave-site': 'returning',
};

/** The step a person confirms next for a load in this status, if any. */
export function nextStep(status: LoadStatus): LoadStep | null {
  switch (status) {
    case 'released':
    case 'en_route':
      return 'arrive';
    case 'on_site':
      return 'start-discharge';
    case 'discharging':
      return 'end-discharge';
    default:
      return null;
  }
}

export type PendingStep = { item: OutboxItem; step: LoadStep };

export function pendingStepsByLoad(items: readonly OutboxItem[]): ReadonlyMap<string, PendingStep[]> {
  const byLoad = new Map<string, PendingStep[]>();
  for (const item of items) {
    if (item.action.kind !== 'load-step') continue;
    const list = byLoad.get(item.action.loadId) ?? [];
    list.push({ item, step: item.action.step });
    byLoad.set(item.action.loadId, list);
  }
  return byLoad;
}

/** The status the load will have once the steps waiting in the outbox reach the server. */
export function expectedStatus(status: LoadStatus, pending: readonly PendingStep[] | undefined): LoadStatus {
  return pending && pending.length > 0 ? STEP_RESULT[pending[pending.length - 1].step] : status;
}

export interface SiteLoad {
  load: LoadDto;
  /** As the screen shows it: the server's status moved on by this tablet's pending steps. */
  status: LoadStatus;
  pending: readonly PendingStep[];
}

const COMING: ReadonlySet<LoadStatus> = new Set(['released', 'en_route']);
const WAITING: ReadonlySet<LoadStatus> = new Set(['on_site', 'discharging']);

const etaMs = (load: LoadDto) => (load.eta ? Date.parse(load.eta.arrivesAt) : Infinity);

/** Trucks coming, soonest first; trucks on site, the one discharging first, then in order of arrival. */
export function splitSiteLoads(
  loads: readonly LoadDto[],
  pending: ReadonlyMap<string, PendingStep[]>,
): { coming: SiteLoad[]; waiting: SiteLoad[] } {
  const coming: SiteLoad[] = [];
  const waiting: SiteLoad[] = [];
  for (const load of loads) {
    const steps = pending.get(load.id) ?? [];
    const status = expectedStatus(load.status, steps);
    const entry = { load, status, pending: steps };
    if (COMING.has(status)) coming.push(entry);
    // A load whose last step is still queued stays in sight until the server has it.
    else if (WAITING.has(status) || steps.length > 0) waiting.push(entry);
  }
  coming.sort((a, b) => etaMs(a.load) - etaMs(b.load) || a.load.queuePosition - b.load.queuePosition);
  const rank = (entry: SiteLoad) => (entry.status === 'discharging' ? 0 : entry.status === 'on_site' ? 1 : 2);
  waiting.sort((a, b) => rank(a) - rank(b) || Date.parse(a.load.updatedAt) - Date.parse(b.load.updatedAt));
  return { coming, waiting };
}

/** Whole minutes from `fromIso` to `now` (age), or from `now` to `toIso` (countdown). */
export const minutesSince = (iso: string, now: number) => Math.floor((now - Date.parse(iso)) / 60_000);
export const minutesUntil = (iso: string, now: number) => Math.ceil((Date.parse(iso) - now) / 60_000);

/** Below this, minutes to the discharge deadline are shown in red. */
export const DEADLINE_WARNING_MINUTES = 15;

/** The pump status the site will see once its own pending change goes through. */
export function expectedPumpStatus(
  current: PumpStatusDto | undefined,
  items: readonly OutboxItem[],
  pumpId: string,
): { status: PumpStatusDto['status'] | null; pending: OutboxItem | null } {
  let pending: OutboxItem | null = null;
  for (const item of items) if (item.action.kind === 'pump-status' && item.action.pumpId === pumpId) pending = item;
  if (pending && pending.action.kind === 'pump-status') return { status: pending.action.request.status, pending };
  return { status: current?.status ?? null, pending: null };
}
