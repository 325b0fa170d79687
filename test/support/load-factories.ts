import type { CreatePourRequest, LoadDto, PourDto, PourLoadsDto, QcTestDto } from '@pourline/contracts';
import type { LoadStatus } from '@pourline/domain';
import {
  createMix,
  createProject,
  createPump,
  createPour,
  createUser,
  deliverAllReports,
  expectCreated,
  square,
  unique,
  type PourWorld,
} from './factories';
import type { Http, HttpAnswer } from './http';

/** On the factory pour (target 180 mm, ±30 mm under GB, ±40 mm under ASTM) these pass and fail under any table. */
export const PASSING_SLUMP_MM = 180;
export const FAILING_SLUMP_MM = 100;
/** Display names given by createUser: `Test <role>`. */
export const DISPATCHER_NAME = 'Test dispatcher';
export const QC_NAME = 'Test qc_inspector';
export const SITE_NAME = 'Test site_dispatcher';

export interface TruckDtoLike {
  id: string;
  fleetNumber: string;
  capacityM3: number;
  homePlantId: string;
}

export async function createTruck(admin: Http, plantId: string, capacityM3 = 12): Promise<TruckDtoLike> {
  return expectCreated(
    admin.post('/trucks', {
      fleetNumber: unique('T'),
      plateNumber: unique('SU-A'),
      capacityM3,
      homePlantId: plantId,
      trackerDeviceId: null,
    }),
  );
}

export interface PlantOptions {
  slumpStandard?: 'gb_t_14902' | 'astm_c94';
  ruleOverrides?: Record<string, unknown>;
  timeZone?: string;
  /** The yard, fenced by a square around it; by default 5.6 km south-west of the factory site. */
  location?: { lat: number; lng: number };
}

export async function createPlantWith(admin: Http, options: PlantOptions = {}) {
  const location = options.location ?? { lat: 31.9, lng: 118.8 };
  return expectCreated(
    admin.post('/plants', {
      code: unique('P'),
      name: 'Test plant',
      address: 'Test road 1',
      location,
      geofence: square(location.lat, location.lng),
      timeZone: options.timeZone ?? 'Asia/Shanghai',
      slumpStandard: options.slumpStandard ?? 'gb_t_14902',
      ruleOverrides: options.ruleOverrides ?? {},
    }),
  );
}

/** The people who move a load: dispatch room, QC inspector, and a site dispatcher. */
export interface LoadCrew {
  admin: Http;
  dispatcher: Http;
  qc: Http;
  site: Http;
  siteUserId: string;
}

export async function createCrew(admin: Http): Promise<LoadCrew> {
  const [dispatcher, qc, site] = await Promise.all([
    createUser(admin, 'dispatcher'),
    createUser(admin, 'qc_inspector'),
    createUser(admin, 'site_dispatcher'),
  ]);
  return { admin, dispatcher: dispatcher.session, qc: qc.session, site: site.session, siteUserId: site.user.id };
}

export interface LoadWorldOptions extends PlantOptions {
  /** Site dispatchers of the project; defaults to the crew's own. */
  siteDispatcherIds?: string[];
}

/** A plant (with the given rules), a project assigned to the crew's site dispatcher, a mix and a pump. */
export async function createLoadWorld(admin: Http, crew: LoadCrew, options: LoadWorldOptions = {}): Promise<PourWorld> {
  const plant = await createPlantWith(admin, options);
  const [project, mix, pump] = await Promise.all([
    createProject(admin, plant.id, options.siteDispatcherIds ?? [crew.siteUserId]),
    createMix(admin),
    createPump(admin, plant.id),
  ]);
  return { plant, project, mix, pump };
}

/** A pour whose reports are delivered and which is ready for concrete. */
export async function createReadyPour(
  crew: LoadCrew,
  world: PourWorld,
  overrides: Partial<CreatePourRequest> = {},
): Promise<PourDto> {
  const pour = await createPour(crew.dispatcher, world, overrides);
  await deliverAllReports(crew.qc, pour.id);
  for (const status of ['confirmed', 'ready']) {
    await expectCreated(crew.dispatcher.post(`/pours/${pour.id}/status`, { status }));
  }
  return expectCreated(crew.dispatcher.get(`/pours/${pour.id}`));
}

export interface ScheduleOptions {
  volumeM3?: number;
  /** A truck to use; `null` schedules without one; by default a new 12 m³ truck. */
  truck?: TruckDtoLike | null;
  overOrderReason?: string;
}

export async function scheduleLoad(
  crew: LoadCrew,
  pour: { id: string; plantId: string },
  options: ScheduleOptions = {},
): Promise<LoadDto> {
  const truck = options.truck === undefined ? await createTruck(crew.admin, pour.plantId) : options.truck;
  return expectCreated(
    crew.dispatcher.post(`/pours/${pour.id}/loads`, {
      truckId: truck ? truck.id : null,
      volumeM3: options.volumeM3 ?? 10,
      ...(options.overOrderReason ? { overOrderReason: options.overOrderReason } : {}),
    }),
  );
}

/** The clean truck cycle, in order. */
export const CLEAN_CYCLE: readonly LoadStatus[] = [
  'scheduled',
  'loading',
  'plant_qc',
  'released',
  'en_route',
  'on_site',
  'discharging',
  'discharged',
  'returning',
  'back_at_plant',
];

export interface AdvanceOptions {
  /** Batch time sent with start-loading. */
  batchedAt?: string;
  /** Who confirms site steps (arrive … leave-site); the dispatcher by default. */
  siteSession?: Http;
}

async function step<T = any>(what: string, call: Promise<HttpAnswer<T>>): Promise<T> {
  const answer = await call;
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`${what}: expected a success, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

export function recordQcTest(
  qc: Http,
  loadId: string,
  test: {
    stage: 'plant' | 'site';
    slumpMm: number;
    temperatureC?: number | null;
    airPercent?: number | null;
    remarks?: string;
    checkTestOf?: string;
    correctsTestId?: string;
  },
): Promise<HttpAnswer<any>> {
  // Untyped: a refusal answers with the API's error shape, not a QcTestDto.
  return qc.post(`/loads/${loadId}/qc-tests`, test);
}

export async function getLoad(session: Http, loadId: string): Promise<LoadDto> {
  return step(`GET load ${loadId}`, session.get<LoadDto>(`/loads/${loadId}`));
}

export async function pourLoads(session: Http, pourId: string): Promise<PourLoadsDto> {
  return step(`GET loads of pour ${pourId}`, session.get<PourLoadsDto>(`/pours/${pourId}/loads`));
}

/** Moves a load along the clean cycle, from wherever it is, up to `target`. */
export async function advanceLoad(
  crew: LoadCrew,
  loadId: string,
  target: LoadStatus,
  options: AdvanceOptions = {},
): Promise<LoadDto> {
  const site = options.siteSession ?? crew.dispatcher;
  let load = await getLoad(crew.dispatcher, loadId);
  const from = CLEAN_CYCLE.indexOf(load.status);
  const to = CLEAN_CYCLE.indexOf(target);
  if (from < 0 || to < 0 || to < from) throw new Error(`cannot advance a ${load.status} load to ${target}`);
  for (const next of CLEAN_CYCLE.slice(from + 1, to + 1)) {
    const path = `/loads/${loadId}`;
    switch (next) {
      case 'loading':
        await step(
          'start-loading',
          crew.dispatcher.post(`${path}/start-loading`, options.batchedAt ? { batchedAt: options.batchedAt } : {}),
        );
        break;
      case 'plant_qc':
        await step('send-to-qc', crew.dispatcher.post(`${path}/send-to-qc`, {}));
        break;
      case 'released': {
        const test: QcTestDto = await step(
          'plant test',
          recordQcTest(crew.qc, loadId, { stage: 'plant', slumpMm: PASSING_SLUMP_MM, temperatureC: 20 }),
        );
        if (test.outcome !== 'released') throw new Error(`plant test did not release: ${JSON.stringify(test)}`);
        break;
      }
      case 'en_route':
        await step('depart', crew.dispatcher.post(`${path}/depart`, {}));
        break;
      case 'on_site':
        await step('arrive', site.post(`${path}/arrive`, {}));
        break;
      case 'discharging': {
        const test: QcTestDto = await step(
          'site test',
          recordQcTest(crew.qc, loadId, { stage: 'site', slumpMm: PASSING_SLUMP_MM, temperatureC: 20 }),
        );
        if (test.outcome !== 'accepted') throw new Error(`site test did not accept: ${JSON.stringify(test)}`);
        await step('start-discharge', site.post(`${path}/start-discharge`, {}));
        break;
      }
      case 'discharged':
        await step('end-discharge', site.post(`${path}/end-discharge`, {}));
        break;
      case 'returning':
        await step('leave-site', site.post(`${path}/leave-site`, {}));
        break;
      case 'back_at_plant':
        await step('back-at-plant', crew.dispatcher.post(`${path}/back-at-plant`, {}));
        break;
      default:
        throw new Error(`no step to ${next}`);
    }
  }
  load = await getLoad(crew.dispatcher, loadId);
  if (load.status !== target) throw new Error(`expected the load ${target}, it is ${load.status}`);
  return load;
}

/** A new load of the pour, driven along the clean cycle to `target`. */
export async function loadAt(
  crew: LoadCrew,
  pour: { id: string; plantId: string },
  target: LoadStatus,
  options: ScheduleOptions & AdvanceOptions = {},
): Promise<LoadDto> {
  const load = await scheduleLoad(crew, pour, options);
  return advanceLoad(crew, load.id, target, options);
}

/** A load on site, waiting for its site test. */
export function loadOnSite(
  crew: LoadCrew,
  pour: { id: string; plantId: string },
  options: ScheduleOptions & AdvanceOptions = {},
): Promise<LoadDto> {
  return loadAt(crew, pour, 'on_site', options);
}

/** The plant's local calendar day as YYYYMMDD, the middle of a ticket number. */
export function plantDay(timeZone: string, at = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return parts.replace(/-/g, '');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const minutesAgo = (minutes: number, from = Date.now()) => new Date(from - minutes * 60_000).toISOString();
