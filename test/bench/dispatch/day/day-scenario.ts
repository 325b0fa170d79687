import { seededRandom } from '@pourline/domain';

/**
 * A generated working day: two plants with a loading capacity, 10–20 pours
 * around them, 40–60 mixer trucks, and the disturbances of a real day (a load
 * rejected on site, a truck that breaks down, a site that places slower than
 * planned, trucks a little off their travel times). Minutes from the start
 * of the day; kilometres on a flat map around the plants.
 */
export interface DayPlant {
  id: string;
  x: number;
  y: number;
  loadingMinutes: number;
  loadsPerHour: number;
}

export interface DayPour {
  id: string;
  x: number;
  y: number;
  volumeM3: number;
  pourRateM3PerHour: number;
  scheduledStartMinute: number;
  latestEndMinute: number;
  maxGapMinutes: number;
  maxAgeMinutes: number;
  siteSetupMinutes: number;
  plantIds: string[];
}

export interface DayTruck {
  id: string;
  capacityM3: number;
  homePlantId: string;
  shiftStartMinute: number;
}

export interface DayDisturbances {
  /** The load arriving at this pour in this place (0-based) fails its site test and goes back. */
  rejection: { pourId: string; arrivalIndex: number };
  /** This truck stops for good at this minute; a load it carries is lost. */
  breakdown: { truckId: string; atMinute: number };
  /** This site places at this share of its planned rate; it tells dispatch after its first load. */
  slowSite: { pourId: string; rateFactor: number };
  /** Each leg takes its planned time times a factor drawn in this range. */
  travelFactor: { min: number; max: number };
}

export interface DayScenario {
  seed: number;
  plants: DayPlant[];
  pours: DayPour[];
  trucks: DayTruck[];
  disturbances: DayDisturbances;
  /** Urban mixer-truck pace on roads 1.3 times the straight line. */
  speedKmh: number;
  detourFactor: number;
}

export interface DaySize {
  pours?: number;
  trucks?: number;
}

/** Batch start to end of discharge (ASTM C94 / GB/T 14902). */
const MAX_AGE_MINUTES = 90;
/** A quarter of a typical 180-minute initial set: the dispatch room's cold-joint limit. */
const MAX_GAP_MINUTES = 45;

export function generateDay(seed: number, size: DaySize = {}): DayScenario {
  const random = seededRandom(seed);
  const between = (min: number, max: number) => min + random.fraction() * (max - min);
  const pick = <T>(items: readonly T[]): T => items[random.below(items.length)];
  const roundTo = (value: number, step: number) => Math.round(value / step) * step;

  const plants: DayPlant[] = [
    { id: 'P1', x: 0, y: 0, loadingMinutes: 6, loadsPerHour: pick([12, 15]) },
    { id: 'P2', x: 14, y: 6, loadingMinutes: 8, loadsPerHour: pick([10, 12]) },
  ];
  const pourCount = size.pours ?? 10 + random.below(11);
  const truckCount = size.trucks ?? 40 + random.below(21);
  const pours: DayPour[] = Array.from({ length: pourCount }, (_, i) => {
    const home = pick(plants);
    const angle = between(0, 2 * Math.PI);
    const distanceKm = between(3, 18);
    const volumeM3 = roundTo(between(30, 240), 5);
    const pourRateM3PerHour = roundTo(between(20, 50), 5);
    const scheduledStartMinute = roundTo(between(30, 600), 15);
    const placingMinutes = (volumeM3 / pourRateM3PerHour) * 60;
    return {
      id: `R${String(i + 1).padStart(2, '0')}`,
      x: home.x + distanceKm * Math.cos(angle),
      y: home.y + distanceKm * Math.sin(angle),
      volumeM3,
      pourRateM3PerHour,
      scheduledStartMinute,
      // Room for a late start and a slow site, as agreed windows usually allow.
      latestEndMinute: scheduledStartMinute + Math.ceil(placingMinutes * 1.6) + 90,
      maxGapMinutes: MAX_GAP_MINUTES,
      maxAgeMinutes: MAX_AGE_MINUTES,
      siteSetupMinutes: 5,
      plantIds: plants.map((plant) => plant.id),
    };
  });
  const trucks: DayTruck[] = Array.from({ length: truckCount }, (_, i) => ({
    id: `T${String(i + 1).padStart(2, '0')}`,
    capacityM3: pick([8, 10, 10, 12]),
    homePlantId: plants[i % plants.length].id,
    shiftStartMinute: 0,
  }));
  const pourIds = pours.map((pour) => pour.id);
  const disturbances: DayDisturbances = {
    rejection: { pourId: pick(pourIds), arrivalIndex: 1 + random.below(3) },
    breakdown: { truckId: pick(trucks).id, atMinute: roundTo(between(120, 420), 1) },
    slowSite: { pourId: pick(pourIds), rateFactor: 0.6 },
    travelFactor: { min: 0.9, max: 1.3 },
  };
  return { seed, plants, pours, trucks, disturbances, speedKmh: 30, detourFactor: 1.3 };
}

/** Planned minutes between two points of the day's map, along the road. */
export function plannedTravelMinutes(
  scenario: DayScenario,
  from: { x: number; y: number },
  to: { x: number; y: number },
): number {
  const km = Math.hypot(from.x - to.x, from.y - to.y) * scenario.detourFactor;
  return Math.max(3, Math.round((km / scenario.speedKmh) * 60));
}
