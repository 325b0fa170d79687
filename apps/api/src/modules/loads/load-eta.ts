import type { LoadEtaDto } from '@pourline/contracts';
import { beatsDeadline, estimateArrival, type LoadStatus } from '@pourline/domain';
import type { PourEntity } from '../pours/pour.entity';

export interface TruckFix {
  lat: number;
  lng: number;
  recentSpeedsKmh: number[];
}

/** What an ETA reads of a load: a whole load, or just these columns when thousands are checked at once. */
export interface EtaSubject {
  status: LoadStatus;
  volumeM3: number;
  dischargeDeadline: Date | null;
  pour?: Pick<PourEntity, 'entryRoute' | 'pumpPosition' | 'endPoint' | 'pourRateM3PerHour'> | null;
}

/** Only a load on the road to its site has an ETA; it is judged against the load's discharge deadline. */
export function loadEta(load: EtaSubject, fix: TruckFix | undefined, now: Date): LoadEtaDto | null {
  const pour = load.pour;
  if (!fix || !pour || (load.status !== 'en_route' && load.status !== 'released')) return null;
  const estimate = estimateArrival({
    position: { lat: fix.lat, lng: fix.lng },
    route: pour.entryRoute,
    destination: pour.pumpPosition ?? pour.endPoint,
    recentSpeedsKmh: fix.recentSpeedsKmh,
    now,
  });
  const dischargeMinutes = (load.volumeM3 / pour.pourRateM3PerHour) * 60;
  const check = load.dischargeDeadline
    ? beatsDeadline(estimate.arrivesAt, load.dischargeDeadline, dischargeMinutes)
    : null;
  return {
    arrivesAt: estimate.arrivesAt.toISOString(),
    remainingM: Math.round(estimate.remainingM),
    speedKmh: Math.round(estimate.speedKmh * 10) / 10,
    method: estimate.method,
    beatsDeadline: check?.beats ?? null,
    slackMinutes: check ? Math.round(check.slackMinutes) : null,
  };
}
