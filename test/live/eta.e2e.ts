import type { LoadDto, PourDto } from '@pourline/contracts';
import { adminSession, type PourWorld } from '../support/factories';
import {
  advanceLoad,
  createCrew,
  createLoadWorld,
  createReadyPour,
  createTruck,
  getLoad,
  type LoadCrew,
  pourLoads,
  type TruckDtoLike,
  scheduleLoad,
} from '../support/load-factories';
import {
  createTrackedTruck,
  haversineM,
  ingest,
  M_PER_DEG,
  sendFix,
  sleep,
  type TrackedTruck,
  waitFor,
} from '../support/live-support';

/**
 * The plant stands due south of the factory site. The entry route runs due
 * north along their meridian 118.85° E, from just north of the plant's fence
 * (31.903) to the site's centre at 31.95: 5 km, so the distance left is plain
 * arithmetic. The pump stands 0.001° east of the route's end, on the site's fence.
 */
const ROUTE_LNG = 118.85;
const PLANT = { lat: 31.9, lng: ROUTE_LNG };
const ROUTE_END = { lat: 31.95, lng: ROUTE_LNG };
const PUMP = { lat: 31.95, lng: 118.851 };
const entryRoute = {
  type: 'LineString' as const,
  coordinates: [
    [ROUTE_LNG, 31.903],
    [ROUTE_LNG, 31.925],
    [ROUTE_LNG, 31.95],
  ] as [number, number][],
};

/** Back from the site by a road a little to the east. */
const exitRoute = {
  type: 'LineString' as const,
  coordinates: [
    [ROUTE_LNG, 31.95],
    [ROUTE_LNG + 0.005, 31.925],
    [ROUTE_LNG, 31.9],
  ] as [number, number][],
};

/** Stated tolerance: within 3 % of the distance and of the time computed here. */
const TOLERANCE = 0.03;
const DISCHARGE_MINUTES = (10 / 45) * 60; // a 10 m³ load at the pour's 45 m³/h

function expectWithin(actual: number, expected: number, relative = TOLERANCE) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
}

describe('ETA of a load on its way to site', () => {
  let crew: LoadCrew;
  let world: PourWorld;
  let pour: PourDto;
  let fixClock = Date.now() - 10 * 60_000;
  /** One fix per request, 5 s apart in fix time and a few hundred ms apart in real time, as a tracker sends them. */
  async function drive(truck: TrackedTruck, fixes: { lat: number; lng: number; speedKmh?: number }[]) {
    for (const fix of fixes) {
      fixClock += 5_000;
      await sendFix(truck.deviceId, { ...fix, at: new Date(fixClock) });
      await sleep(300);
    }
  }
  /** The load as seen once its ETA reflects the truck's last fix (computed from the stored latest position). */
  async function loadWithEta(loadId: string, ready: (load: LoadDto) => boolean = (load) => load.eta !== null) {
    return waitFor(
      `an ETA on load ${loadId}`,
      async () => {
        const load = await getLoad(crew.dispatcher, loadId);
        return ready(load) ? load : undefined;
      },
      3_000,
    );
  }
  async function loadOnTheRoad(truck: TruckDtoLike | null, status: 'released' | 'en_route' = 'en_route') {
    const load = await scheduleLoad(crew, pour, { truck });
    return advanceLoad(crew, load.id, status);
  }

  beforeAll(async () => {
    const admin = await adminSession();
    crew = await createCrew(admin);
    world = await createLoadWorld(admin, crew, { location: PLANT });
    pour = await createReadyPour(crew, world, { entryRoute, exitRoute, pumpPosition: PUMP });
  });

  describe('a truck on the planned route', () => {
    let truck: TrackedTruck;
    let load: LoadDto;
    let asked: number;
    const position = { lat: 31.91, lng: ROUTE_LNG };
    // Along the meridian to the route's end, then straight to the pump.
    const expectedRemainingM = (ROUTE_END.lat - position.lat) * M_PER_DEG + haversineM(ROUTE_END, PUMP);
    // The last five fixes' speeds, leaving out 3 km/h (a queue, not the road's pace): 30, 40, 50, 60.
    const expectedSpeedKmh = 45;

    beforeAll(async () => {
      truck = await createTrackedTruck(crew.admin, world.plant.id);
      load = await loadOnTheRoad(truck);
      await drive(truck, [
        { lat: 31.9055, lng: ROUTE_LNG, speedKmh: 90 },
        { lat: 31.906, lng: ROUTE_LNG, speedKmh: 3 },
        { lat: 31.907, lng: ROUTE_LNG, speedKmh: 30 },
        { lat: 31.908, lng: ROUTE_LNG, speedKmh: 40 },
        { lat: 31.909, lng: ROUTE_LNG, speedKmh: 50 },
        { ...position, speedKmh: 60 },
      ]);
      asked = Date.now();
      load = await loadWithEta(load.id, (view) => Math.abs((view.eta?.remainingM ?? 0) - expectedRemainingM) < 200);
    });

    it('measures the distance left along the route, then to the pump', () => {
      expect(load.eta).not.toBeNull();
      expect(load.eta!.method).toBe('route');
      expectWithin(load.eta!.remainingM, expectedRemainingM);
      expect(expectedRemainingM).toBeGreaterThan(4_500); // ~4,448 m along the meridian + ~94 m to the pump
    });

    it('takes the mean of the last five speeds at or above 5 km/h', () => {
      expect(load.eta!.speedKmh).toBeCloseTo(expectedSpeedKmh, 1);
    });

    it('puts the arrival the distance over that speed from now', () => {
      const expectedSeconds = expectedRemainingM / (expectedSpeedKmh / 3.6);
      const seconds = (Date.parse(load.eta!.arrivesAt) - asked) / 1000;
      expect(Math.abs(seconds - expectedSeconds)).toBeLessThanOrEqual(expectedSeconds * TOLERANCE + 2);
    });

    it('judges the arrival against the discharge deadline, discharge time included', () => {
      const slack =
        (Date.parse(load.dischargeDeadline!) - Date.parse(load.eta!.arrivesAt)) / 60_000 - DISCHARGE_MINUTES;
      expect(load.eta!.beatsDeadline).toBe(true);
      expect(Math.abs(load.eta!.slackMinutes! - slack)).toBeLessThanOrEqual(1);
    });

    it('shows the same ETA in the pour’s list of loads', async () => {
      const { loads } = await pourLoads(crew.dispatcher, pour.id);
      const listed = loads.find((item) => item.id === load.id)!;
      expect(listed.eta!.method).toBe('route');
      expect(listed.eta!.remainingM).toBe(load.eta!.remainingM);
    });

    it('has an ETA for a released load too, before the truck has left', async () => {
      const waiting = await createTrackedTruck(crew.admin, world.plant.id);
      const released = await loadOnTheRoad(waiting, 'released');
      await drive(waiting, [PLANT]); // in the plant yard, not yet on the route's line
      const view = await loadWithEta(released.id);
      expect(view.status).toBe('released');
      expect(view.eta).not.toBeNull();
    });
  });

  describe('a truck off the planned route', () => {
    it('is charged the straight line to the pump × 1.3, at 30 km/h when it gives no speed of its own', async () => {
      const truck = await createTrackedTruck(crew.admin, world.plant.id);
      const load = await loadOnTheRoad(truck);
      // 0.01° east of the meridian: some 940 m off the route, far beyond 150 m.
      const position = { lat: 31.91, lng: ROUTE_LNG + 0.01 };
      await drive(truck, [
        { lat: 31.909, lng: ROUTE_LNG + 0.01, speedKmh: 2 },
        { ...position, speedKmh: 0 },
      ]);
      const expectedRemainingM = haversineM(position, PUMP) * 1.3;
      const asked = Date.now();
      const view = await loadWithEta(load.id, (seen) => seen.eta?.method === 'straight_line');
      expect(view.eta).toMatchObject({ method: 'straight_line', speedKmh: 30 });
      expectWithin(view.eta!.remainingM, expectedRemainingM);
      const expectedSeconds = expectedRemainingM / (30 / 3.6);
      const seconds = (Date.parse(view.eta!.arrivesAt) - asked) / 1000;
      expect(Math.abs(seconds - expectedSeconds)).toBeLessThanOrEqual(expectedSeconds * TOLERANCE + 2);
    });

    it('counts a truck 100 m beside the route as on it', async () => {
      const truck = await createTrackedTruck(crew.admin, world.plant.id);
      const load = await loadOnTheRoad(truck);
      const beside = { lat: 31.93, lng: ROUTE_LNG + 100 / (M_PER_DEG * Math.cos((31.93 * Math.PI) / 180)) };
      await drive(truck, [{ ...beside, speedKmh: 36 }]);
      const view = await loadWithEta(load.id);
      expect(view.eta!.method).toBe('route');
      expectWithin(view.eta!.remainingM, (ROUTE_END.lat - beside.lat) * M_PER_DEG + haversineM(ROUTE_END, PUMP));
    });
  });

  describe('fixes a gateway sends together', () => {
    it('still count one by one: the speed is the mean of the last five of them', async () => {
      const truck = await createTrackedTruck(crew.admin, world.plant.id);
      const load = await loadOnTheRoad(truck);
      await drive(truck, [{ lat: 31.906, lng: ROUTE_LNG, speedKmh: 20 }]); // known to the registry, folded alone
      const speeds = [90, 3, 30, 40, 50, 60];
      const answer = await ingest.batch({
        positions: speeds.map((speedKmh, index) => ({
          deviceId: truck.deviceId,
          lat: 31.907 + index * 0.0005,
          lng: ROUTE_LNG,
          timestamp: new Date((fixClock += 5_000)).toISOString(),
          speedKmh,
        })),
      });
      expect(answer.body).toEqual({ accepted: 6, refused: [] });
      const view = await loadWithEta(load.id, (seen) => (seen.eta?.remainingM ?? Infinity) < 4_600);
      expect(view.eta!.speedKmh).toBeCloseTo(45, 1);
    });
  });

  describe('no ETA', () => {
    it('for a load not yet loading, even though its truck reports', async () => {
      const truck = await createTrackedTruck(crew.admin, world.plant.id);
      const load = await scheduleLoad(crew, pour, { truck });
      await drive(truck, [{ lat: 31.91, lng: ROUTE_LNG, speedKmh: 40 }]);
      expect((await getLoad(crew.dispatcher, load.id)).eta).toBeNull();
    });

    it('for a load already on site, even though its truck reports', async () => {
      const truck = await createTrackedTruck(crew.admin, world.plant.id);
      const load = await loadOnTheRoad(truck);
      await advanceLoad(crew, load.id, 'on_site');
      await drive(truck, [{ lat: 31.95, lng: 118.85, speedKmh: 0 }]);
      const view = await getLoad(crew.dispatcher, load.id);
      expect(view.status).toBe('on_site');
      expect(view.eta).toBeNull();
    });

    it('for a load on the road whose truck has never reported', async () => {
      const silent = await createTruck(crew.admin, world.plant.id);
      const load = await loadOnTheRoad(silent);
      expect(load.status).toBe('en_route');
      expect((await getLoad(crew.dispatcher, load.id)).eta).toBeNull();
    });
  });
});
