import { useEffect, useState } from 'react';
import { plantToday } from './plantDay';
import { usePlantsZone } from './usePlantsZone';

/** The calendar day rolls over at midnight in a 24/7 room; look again every minute. */
const DAY_CHECK_MS = 60_000;

/** Today on the plants' calendar, rolling over at the plants' midnight while the page stays open. */
export function usePlantToday(): string {
  const zone = usePlantsZone();
  const [day, setDay] = useState(() => plantToday(zone));
  useEffect(() => {
    setDay(plantToday(zone));
    const timer = window.setInterval(() => setDay(plantToday(zone)), DAY_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [zone]);
  return day;
}
