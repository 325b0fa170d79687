import type { LearnedTravelTime } from '@pourline/domain';
import type { LoadEntity } from '../loads/load.entity';
import type { PourEntity } from '../pours/pour.entity';
import { type DispatchPicture, type PourState, rhythmOf } from './dispatch-picture';
import type { DispatchPlan } from './dispatch-planner.service';
import type { TruckFixRow } from './dispatch.repository';
import { flowConditions } from './flow-conditions';

const now = new Date('2026-11-30T02:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const travel: LearnedTravelTime = { minutes: 20, basis: 'route_length', trips: 0, fromPositions: 0 };

const pour = {
  id: 'pour-1',
  projectId: 'project-1',
  plantId: 'plant-1',
  status: 'in_progress',
  structuralElement: 'slab',
  project: { name: 'Tower' },
  scheduledStart: at(-150),
  volumeM3: 200,
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
    ticketNumber: `T-${id}`,
    pourId: pour.id,
    plantId: 'plant-1',
    truckId: `truck-${id}`,
    truck: { fleetNumber: id.toUpperCase() },
    volumeM3: 10,
    status,
    rejected: false,
    batchedAt: at(-30),
    dischargeDeadline: at(60),
    plannedLoadAt: null,
    ...extra,
  }) as LoadEntity;

function planOf(
  loads: LoadEntity[],
  moments: PourState['moments'],
  fixes: TruckFixRow[] = [],
  setting?: PourState['setting'],
): DispatchPlan {
  const state: PourState = { pour, loads, moments, requests: [], setting, travel };
  const picture: DispatchPicture = {
    now,
    pours: [state],
    trucks: [],
    truckLoads: loads,
    fixes: new Map(fixes.map((fix) => [fix.entity_id, fix])),
    bunchingMaxWaiting: 2,
  };
  return {
    picture,
    rhythms: new Map([[pour.id, rhythmOf(state, picture)]]),
    proposals: new Map(),
    statuses: new Map(),
    schedule: null,
  };
}

const kinds = (plan: DispatchPlan) => [...flowConditions(plan).keys()].sort();

describe(flowConditions.name, () => {
  const started: PourState['moments'] = new Map([
    ['done', { dischargeStartedAt: at(-100), dischargeEndedAt: at(-85) }],
  ]);
  const placed = load('done', 'returning', { batchedAt: at(-140), dischargeDeadline: at(-50) });

  it('sees a pump with no truck due, and nothing else, after the last truck left', () => {
    expect(kinds(planOf([placed], started))).toEqual(['pump_starvation:pour-1']);
  });

  it('sees three trucks waiting on site as bunching', () => {
    const waiting = ['a', 'b', 'c'].map((id) => load(id, 'on_site'));
    const moments: PourState['moments'] = new Map([
      ...started,
      ...waiting.map((item) => [item.id, { arrivedAt: at(-5) }] as const),
    ]);
    expect(kinds(planOf([placed, ...waiting], moments))).toEqual(['bunching:pour-1']);
    expect(kinds(planOf([placed, ...waiting.slice(1)], moments))).toEqual([]);
  });

  it('judges bunching by the pour’s own limit when it has one', () => {
    const waiting = ['a', 'b'].map((id) => load(id, 'on_site'));
    const moments: PourState['moments'] = new Map([
      ...started,
      ...waiting.map((item) => [item.id, { arrivedAt: at(-5) }] as const),
    ]);
    const setting = { pourId: pour.id, auto: false, coldJointLimitMinutes: null, bunchingMaxWaiting: 1 };
    const found = flowConditions(planOf([placed, ...waiting], moments, [], setting as PourState['setting']));
    expect([...found.keys()]).toEqual(['bunching:pour-1']);
    expect(found.get('bunching:pour-1')!.payload.facts).toEqual({ waiting: 2, limit: 1 });
  });

  it('sees an old load, and a truck on site for over two hours', () => {
    const old = load('old', 'on_site', { batchedAt: at(-80), dischargeDeadline: at(10) });
    const moments: PourState['moments'] = new Map([...started, ['old', { arrivedAt: at(-121) }]]);
    expect(kinds(planOf([placed, old], moments))).toEqual(['load_age:old', 'long_on_site:old']);
  });

  it('sees a truck far off its route, and one stood still on the road', () => {
    const off = load('off', 'en_route');
    const still = load('still', 'en_route');
    const moments: PourState['moments'] = new Map([
      ...started,
      ['off', { departedAt: at(-5) }],
      ['still', { departedAt: at(-5) }],
    ]);
    const fixes: TruckFixRow[] = [
      { entity_id: 'truck-off', lat: 31.9, lng: 118.9, fix_time: now, speed_kmh: 30 },
      { entity_id: 'truck-still', lat: 31.925, lng: 118.825, fix_time: now, speed_kmh: 0 },
    ];
    const found = flowConditions(planOf([placed, off, still], moments, fixes));
    expect([...found.keys()].sort()).toEqual(['off_route:off', 'stopped_on_road:still']);
    expect(found.get('off_route:off')!.payload.facts.distanceM).toBeGreaterThan(300);
  });

  it('sees a pour not begun fifteen minutes after its start as late', () => {
    expect(kinds(planOf([], new Map()))).toEqual(['late_start:pour-1']);
  });
});
