import { type LearnedTravelTime, planLoads } from '@pourline/domain';
import type { TruckEntity } from '../fleet/truck.entity';
import type { LoadEntity } from '../loads/load.entity';
import type { PourEntity } from '../pours/pour.entity';
import {
  arrivalIn,
  type DispatchPicture,
  expectedArrival,
  type PourState,
  rhythmOf,
  schedulerInput,
  unticketedM3,
} from './dispatch-picture';

const now = new Date('2026-11-30T02:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const minuteOf = (date: Date) => date.getTime() / 60_000;
const travel: LearnedTravelTime = { minutes: 20, basis: 'any_hour', trips: 5, fromPositions: 0 };

const pour = {
  id: 'pour-1',
  projectId: 'project-1',
  plantId: 'plant-1',
  mixId: 'mix-1',
  scheduledStart: at(-60),
  volumeM3: 60,
  pourRateM3PerHour: 40,
  initialSettingMinutes: 180,
  dispatchHold: null,
  pump: null,
  pumpPosition: { lat: 31.95, lng: 118.85 },
  endPoint: { lat: 31.95, lng: 118.85 },
  entryRoute: {
    type: 'LineString',
    coordinates: [
      [118.8, 31.9],
      [118.85, 31.95],
    ],
  },
} as unknown as PourEntity;

const load = (id: string, status: LoadEntity['status'], extra: Partial<LoadEntity> = {}) =>
  ({
    id,
    pourId: pour.id,
    plantId: 'plant-1',
    truckId: `truck-${id}`,
    volumeM3: 10,
    status,
    rejected: false,
    batchedAt: null,
    plannedLoadAt: null,
    ...extra,
  }) as LoadEntity;
const truck = (id: string) => ({ id, capacityM3: 10, homePlantId: 'plant-1', fleetNumber: id }) as TruckEntity;

function pictureOf(
  loads: LoadEntity[],
  moments: PourState['moments'],
  extraTrucks: TruckEntity[] = [],
  otherLoads: LoadEntity[] = [],
) {
  const state: PourState = { pour, loads, moments, requests: [], setting: undefined, travel };
  const picture: DispatchPicture = {
    now,
    pours: [state],
    trucks: [...loads.map((item) => truck(item.truckId!)), ...extraTrucks],
    truckLoads: [...loads, ...otherLoads],
    fixes: new Map(),
    bunchingMaxWaiting: 2,
  };
  return { state, picture };
}

describe('the dispatch picture', () => {
  const placed = load('a', 'returning', { batchedAt: at(-90) });
  const discharging = load('b', 'discharging', { batchedAt: at(-45) });
  const onTheRoad = load('c', 'en_route', { batchedAt: at(-25) });
  const moments = new Map([
    ['a', { departedAt: at(-75), arrivedAt: at(-55), dischargeStartedAt: at(-45), dischargeEndedAt: at(-30) }],
    ['b', { departedAt: at(-30), arrivedAt: at(-10), dischargeStartedAt: at(-5) }],
    ['c', { departedAt: at(-10) }],
  ]);

  it('leaves to new tickets only what no load covers: 60 planned, 10 placed, 20 on their way', () => {
    const { state } = pictureOf([placed, discharging, onTheRoad], moments);
    expect(unticketedM3(state)).toBe(30);
  });

  it('expects a truck on the road the learned trip after it left, never before now', () => {
    const { state } = pictureOf([placed, discharging, onTheRoad], moments);
    expect(expectedArrival(onTheRoad, state, now, undefined)).toEqual(at(10));
    const late = { ...onTheRoad, id: 'late' } as LoadEntity;
    state.moments.set('late', { departedAt: at(-40) });
    expect(expectedArrival(late, state, now, undefined)).toEqual(now);
  });

  it('works out each load’s arrival once per picture, as expectedArrival gives it', () => {
    const { state, picture } = pictureOf([placed, discharging, onTheRoad], moments);
    expect(arrivalIn(picture, state, onTheRoad)).toEqual(at(10));
    // A picture is read, never changed: what changes after the first reading is not looked at again.
    state.moments.set('c', { departedAt: at(-5) });
    expect(arrivalIn(picture, state, onTheRoad)).toEqual(at(10));
    expect(arrivalIn(pictureOf([onTheRoad], state.moments).picture, state, onTheRoad)).toEqual(at(15));
  });

  it('paces the scheduler to the pour’s rhythm and keeps the loads under way', () => {
    const busyElsewhere = truck('elsewhere');
    const elsewhere = { ...load('x', 'en_route'), pourId: 'other-pour', truckId: 'elsewhere' } as LoadEntity;
    const { state, picture } = pictureOf(
      [placed, discharging, onTheRoad],
      moments,
      [truck('idle'), busyElsewhere],
      [elsewhere],
    );
    const rhythm = rhythmOf(state, picture);
    const input = schedulerInput(picture, new Map([[pour.id, rhythm]]));
    expect(input.pours).toHaveLength(1);
    expect(input.pours[0]).toMatchObject({
      remainingM3: 30,
      pourRateM3PerHour: 40,
      maxGapMinutes: 150,
      lastDischargeEndMinute: minuteOf(at(-30)),
    });
    expect(input.loadsInProgress?.map((item) => item.id).sort()).toEqual(['b', 'c']);
    expect(input.loadsInProgress?.find((item) => item.id === 'b')?.dischargeStartMinute).toBe(minuteOf(at(-5)));
    const byId = new Map(input.trucks.map((item) => [item.id, item]));
    expect(byId.get('idle')).toMatchObject({
      freeAt: { kind: 'plant', plantId: 'plant-1' },
      freeFromMinute: minuteOf(now),
    });
    expect(byId.get('truck-c')).toMatchObject({ freeAt: { kind: 'pour', pourId: pour.id } });
    // Out on a pour the planner does not plan: back after the road both ways.
    expect(byId.get('elsewhere')?.freeFromMinute).toBeGreaterThan(minuteOf(now));
    expect(input.travel.plantToPour).toEqual({ 'plant-1': { [pour.id]: 20 } });
  });

  it('plans around a load the dispatch room sent to another plant, and still plans at its own', () => {
    const north = load('n', 'en_route', { batchedAt: at(-25), plantId: 'plant-north' });
    const { state, picture } = pictureOf([placed, north], new Map([['n', { departedAt: at(-10) }]]));
    const input = schedulerInput(picture, new Map([[pour.id, rhythmOf(state, picture)]]));
    expect(input.loadsInProgress?.find((item) => item.id === 'n')?.plantId).toBe('plant-north');
    expect(input.plants.map((plant) => plant.id).sort()).toEqual(['plant-1', 'plant-north']);
    expect(input.pours[0].plantIds).toEqual(['plant-1']);
    expect(planLoads(input).pours[0].loads.length).toBeGreaterThan(0);
  });

  it('plans nothing for a pour the dispatch room holds', () => {
    const held = { ...pour, dispatchHold: { reason: 'rain', byName: 'Wang', at: now.toISOString() } } as PourEntity;
    const { state, picture } = pictureOf([placed], moments);
    state.pour = held;
    const input = schedulerInput(picture, new Map([[pour.id, rhythmOf(state, picture)]]));
    expect(input.pours).toEqual([]);
  });
});
