import { canTransitionLoad, isPourTerminal, type LoadStatus, localDateInZone, type PourStatus } from '@pourline/domain';

/**
 * The demo lives one plant-local day at a time. When a day is over (the demo
 * ran past midnight, or starts again on a later day), the pours it left open
 * are closed: their loads settled, the pour completed if concrete went in,
 * cancelled otherwise; and a fresh day is planned for today.
 */

export interface OpenPourOfDemo {
  id: string;
  status: PourStatus;
  scheduledStart: Date;
  /** The plant's time zone: a day is the plant's calendar day. */
  timeZone: string;
  /** Loads not yet at rest: a finished pour's last truck may still be on its way home. */
  openLoads: number;
}

export interface DemoDayPlan {
  /** Today in the demo's time zone, 'YYYY-MM-DD'. */
  today: string;
  /** Pours of earlier days still open or with loads still open, to be closed. */
  close: string[];
  /** Nothing is planned for today yet. */
  seedToday: boolean;
}

export function planDemoDay(
  now: Date,
  timeZone: string,
  openPours: readonly OpenPourOfDemo[],
  poursToday: number,
): DemoDayPlan {
  const today = localDateInZone(now, timeZone);
  const close = openPours
    .filter((pour) => !isPourTerminal(pour.status) || pour.openLoads > 0)
    .filter((pour) => localDateInZone(pour.scheduledStart, pour.timeZone) < today)
    .map((pour) => pour.id);
  return { today, close, seedToday: poursToday === 0 };
}

/**
 * The steps that bring a load left open at the end of the day to rest, each
 * one the truck cycle allows: loads not yet batched are cancelled, concrete
 * still at the plant is disposed of, and concrete already on its way or on
 * site is poured to finish the element, as a site does with the last trucks
 * out (a load brought back full would count as neither delivered nor rejected).
 */
export function settlementSteps(status: LoadStatus): LoadStatus[] {
  const steps = SETTLEMENT[status];
  // The table must only ever take steps the truck cycle allows.
  let from = status;
  for (const to of steps) {
    if (!canTransitionLoad(from, to)) throw new Error(`settling a ${status} load: ${from} → ${to} is not allowed`);
    from = to;
  }
  return [...steps];
}

const SETTLEMENT: Readonly<Record<LoadStatus, readonly LoadStatus[]>> = {
  scheduled: ['cancelled'],
  loading: ['cancelled'],
  plant_qc: ['held', 'disposed'],
  held: ['disposed'],
  released: ['en_route', 'on_site', 'discharging', 'discharged', 'returning', 'back_at_plant'],
  en_route: ['on_site', 'discharging', 'discharged', 'returning', 'back_at_plant'],
  on_site: ['discharging', 'discharged', 'returning', 'back_at_plant'],
  discharging: ['discharged', 'returning', 'back_at_plant'],
  discharged: ['returning', 'back_at_plant'],
  returning: ['back_at_plant'],
  rejected: ['returning_with_load', 'back_at_plant'],
  returning_with_load: ['back_at_plant'],
  back_at_plant: [],
  disposed: [],
  cancelled: [],
};

/** A pour closed at the end of the day is complete if concrete went in, and called off if none did. */
export function closingStatus(status: PourStatus, deliveredM3: number): PourStatus {
  return status === 'in_progress' && deliveredM3 > 0 ? 'completed' : 'cancelled';
}
