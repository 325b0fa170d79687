import { useNow } from '../operator/useNow';
import { plantToday } from './plantDay';
import { usePlantsZone } from './usePlantsZone';

/** The calendar day rolls over at midnight in a 24/7 room; look again every minute. */
const DAY_CHECK_MS = 60_000;

/** Today on the plants' calendar, rolling over at the plants' midnight while the page stays open. */
export function usePlantToday(): string {
  const zone = usePlantsZone();
  const now = useNow(DAY_CHECK_MS);
  return plantToday(zone, new Date(now));
}
