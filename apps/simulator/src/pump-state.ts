import type { PumpStatus } from '@pourline/contracts';
import { LOAD_DELIVERED_STATUSES, type LoadStatus } from '@pourline/domain';

/** What a pump's controller can tell about its work. */
export interface PumpSituation {
  /** The loads of the pour the pump serves now (under way, or ready and about to start); null without one. */
  pourLoads: readonly { status: LoadStatus; rejected: boolean }[] | null;
  /** The pump stands where the pour plan puts it, boom or line rigged. */
  inPlace: boolean;
  /** The pump's last pour is over and it is cleaning down or on its way back. */
  demobilising: boolean;
}

/**
 * The state a pump controller reports, as the machine knows it: moving while it
 * drives (to a pour, or away after clean-down), setting up on site before the
 * first truck, pumping while a truck discharges into the hopper, idle between
 * trucks, and idle when parked with no pour to serve.
 */
export function pumpStateFor(situation: PumpSituation): PumpStatus {
  const { pourLoads } = situation;
  if (pourLoads === null) return situation.demobilising ? 'moving' : 'idle';
  if (!situation.inPlace) return 'moving';
  if (pourLoads.some((load) => load.status === 'discharging')) return 'pumping';
  const hasPumped = pourLoads.some((load) => !load.rejected && LOAD_DELIVERED_STATUSES.includes(load.status));
  return hasPumped ? 'idle' : 'setting_up';
}
