import {
  createCustomer,
  createMix,
  createPump,
  createUser,
  deliverAllReports,
  expectCreated,
  square,
  unique,
} from '../support/factories';
import type { Http } from '../support/http';
import { advanceLoad, type LoadCrew } from '../support/load-factories';
import { benchDeviceId } from './bench-fleet';
import { FENCE_HALF_DEG, type FleetMotion, type MotionGroup, type TruckMotion } from './fleet-motion';

/** Trucks per plant, its one project and one pour; each truck carries 10 m³. */
const TRUCKS_PER_PLANT = 200;
/** The site lies this far north of its plant (about 10 km). */
const SITE_NORTH_DEG = 0.09;
/** Plants lie this far apart, north to south. */
const PLANT_SPACING_DEG = 0.2;
/** Calls to the API in flight while the fleet is set up. */
const SETUP_CONCURRENCY = 12;

export interface RealisticFleet {
  motion: FleetMotion;
  /** Fence crossings per second over the whole fleet, on average. */
  crossingsPerSecond: number;
  loads: number;
}

async function inParallel<T>(items: T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(SETUP_CONCURRENCY, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/**
 * Every truck on a load, made through the API as a dispatch room would: a plant
 * and a project with their fences, a ready pour, a truck and a load per tracker.
 * Half the loads are released and standing in their plant, half en route to
 * their site; each truck crosses its fence once at a moment spread evenly over
 * `crossingEveryS`, so the fleet crosses fences at trucks ÷ crossingEveryS per
 * second, and every en-route fix has an ETA to compute.
 */
export async function createRealisticFleet(
  admin: Http,
  trucks: number,
  crossingEveryS: number,
  log: (line: string) => void,
): Promise<RealisticFleet> {
  const [dispatcher, qc] = await Promise.all([createUser(admin, 'dispatcher'), createUser(admin, 'qc_inspector')]);
  const crew: LoadCrew = {
    admin,
    dispatcher: dispatcher.session,
    qc: qc.session,
    site: dispatcher.session,
    siteUserId: '',
  };
  const mix = await createMix(admin);
  const groups: MotionGroup[] = Array.from({ length: Math.ceil(trucks / TRUCKS_PER_PLANT) }, (_, index) => {
    const plant = { lat: 30.5 + index * PLANT_SPACING_DEG, lng: 118.8 };
    return { plant, site: { lat: plant.lat + SITE_NORTH_DEG, lng: plant.lng } };
  });
  const pours: { id: string; plantId: string }[] = [];
  await inParallel(groups, async (group, index) => {
    const plant = await expectCreated(
      admin.post('/plants', {
        code: unique('BP'),
        name: `Bench plant ${index + 1}`,
        address: 'Bench road',
        location: group.plant,
        geofence: square(group.plant.lat, group.plant.lng, FENCE_HALF_DEG),
        timeZone: 'Asia/Shanghai',
        slumpStandard: 'gb_t_14902',
      }),
    );
    const customer = await createCustomer(admin);
    const project = await expectCreated(
      admin.post('/projects', {
        customerId: customer.id,
        plantId: plant.id,
        name: unique('Bench site '),
        address: 'Bench site road',
        location: group.site,
        geofence: square(group.site.lat, group.site.lng, FENCE_HALF_DEG),
        contacts: [{ name: 'Zhang', role: 'foreman', phone: '456' }],
        siteDispatcherIds: [],
      }),
    );
    const pump = await createPump(admin, plant.id);
    const pour = await expectCreated(
      crew.dispatcher.post('/pours', {
        projectId: project.id,
        plantId: plant.id,
        structuralElement: 'Bench raft',
        scheduledStart: new Date(Date.now() - 30 * 60_000).toISOString(),
        volumeM3: TRUCKS_PER_PLANT * 10,
        pourRateM3PerHour: 500,
        startPoint: group.site,
        endPoint: { lat: group.site.lat + 0.0002, lng: group.site.lng },
        direction: 'north to south',
        pumpId: pump.id,
        pumpPosition: group.site,
        pumpingMethod: 'boom_pump',
        entryRoute: {
          type: 'LineString',
          coordinates: [
            [group.plant.lng, group.plant.lat],
            [group.site.lng, group.site.lat],
          ],
        },
        exitRoute: {
          type: 'LineString',
          coordinates: [
            [group.site.lng, group.site.lat],
            [group.plant.lng, group.plant.lat],
          ],
        },
        truckCount: TRUCKS_PER_PLANT,
        mixId: mix.id,
        slumpTargetMm: 180,
        slumpToleranceMm: 30,
        initialSettingMinutes: 420,
      }),
    );
    await deliverAllReports(crew.qc, pour.id);
    for (const status of ['confirmed', 'ready']) {
      await expectCreated(crew.dispatcher.post(`/pours/${pour.id}/status`, { status }));
    }
    pours[index] = { id: pour.id, plantId: plant.id };
  });
  log(`  ${groups.length} plants, projects and ready pours made`);

  const plans: TruckMotion[] = Array.from({ length: trucks }, (_, index) => ({
    group: Math.floor(index / TRUCKS_PER_PLANT),
    kind: index % 2 === 0 ? 'yard' : 'road',
    // Spread evenly but not in truck order, so neighbours do not cross together.
    crossAtS: ((index * 7919) % trucks) * (crossingEveryS / trucks),
  }));
  let made = 0;
  await inParallel(plans, async (plan, index) => {
    const pour = pours[plan.group];
    const truck = await expectCreated(
      admin.post('/trucks', {
        fleetNumber: `B${index + 1}`,
        plateNumber: `BENCH-${index + 1}`,
        capacityM3: 12,
        homePlantId: pour.plantId,
        trackerDeviceId: benchDeviceId(index),
      }),
    );
    const load = await expectCreated(
      crew.dispatcher.post(`/pours/${pour.id}/loads`, { truckId: truck.id, volumeM3: 10 }),
    );
    await advanceLoad(crew, load.id, plan.kind === 'yard' ? 'released' : 'en_route');
    made += 1;
    if (made % 1000 === 0) log(`  ${made} trucks on loads`);
  });
  log(
    `  ${trucks} trucks on loads: ${plans.filter((plan) => plan.kind === 'yard').length} released, the rest en route`,
  );

  return {
    loads: trucks,
    crossingsPerSecond: trucks / crossingEveryS,
    motion: { kind: 'realistic', groups, trucks: plans },
  };
}
