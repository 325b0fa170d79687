import type { INestApplication } from '@nestjs/common';
import { CreatePourRequest, type CurrentUser, type LatLng, type PourDto } from '@pourline/contracts';
import { type DocumentType, instantToWallClock, lineStringLengthMeters, type PourStatus } from '@pourline/domain';
import { DocumentsService } from '../modules/documents/documents.service';
import { PumpsService } from '../modules/fleet/pumps.service';
import { TrucksService } from '../modules/fleet/trucks.service';
import { LoadsRepository } from '../modules/loads/loads.repository';
import { MixesService } from '../modules/mixes/mixes.service';
import { PlantsService } from '../modules/plants/plants.service';
import { PoursService } from '../modules/pours/pours.service';
import { ProjectsService } from '../modules/projects/projects.service';
import { DEMO_PUMPS } from './demo-fleet';
import { offset } from './demo-geometry';
import { DEMO_MIXES } from './demo-mixes';
import { DEMO_PLANTS, DEMO_SITES, DEMO_TIME_ZONE, DEMO_UTC_OFFSET } from './demo-places';
import { DEMO_POURS, type DemoPour } from './demo-pours';
import { shapeDemoDay } from './demo-day-shape';
import { DEMO_REPORT_TYPES, demoReport } from './demo-reports';
import { deliveredByNowM3, type HistoryPour, type HistoryTruck, planHistory } from './demo-history-plan';
import { recordHistory } from './demo-history-recorder';

type Log = (line: string) => void;

/**
 * Who does what on a real day: dispatch plans and releases, QC hands over the
 * reports; the demo fleet's own account does the truck cycles the day has had.
 */
export interface DemoDayActors {
  planner: CurrentUser;
  qc: CurrentUser;
  fleet: CurrentUser;
  /** The construction party's demo account: it acknowledges the reports of its own projects itself. */
  customer: CurrentUser | null;
}

const STATUS_PATH: PourStatus[] = ['draft', 'confirmed', 'ready', 'in_progress', 'completed'];
/** Plant to site and back through town traffic, as the history plans it. */
const HISTORY_ROAD_KMH = 30;

/**
 * Today's pours at the demo sites, each walked through the statuses the day
 * has reached by `now`; pours under way or finished get the truck cycles that
 * brought them there, so their volumes, tickets and tests agree. Answers how
 * many pours were planned.
 */
export async function seedToday(
  app: INestApplication,
  actors: DemoDayActors,
  day: string,
  now: Date,
  log: Log,
): Promise<number> {
  const references = await findMasterData(app, actors.planner);
  const missing = references.missing();
  if (missing.length) {
    log(`demo: no pours created for ${day}: demo master data not found (${missing.join(', ')})`);
    return 0;
  }
  // Pours come in order of their start, sharing the plants' trucks through the day.
  const truckFreeAt = new Map<string, number>();
  const wallClock = instantToWallClock(now.toISOString(), DEMO_TIME_ZONE);
  const nowMinutes = Number(wallClock.slice(11, 13)) * 60 + Number(wallClock.slice(14, 16));
  for (const pour of shapeDemoDay(DEMO_POURS, nowMinutes)) {
    // One pour that cannot be seeded whole must not leave the rest of the day unplanned.
    await seedPour(app, actors, { day, now, truckFreeAt }, pour, references, log).catch((error: unknown) =>
      log(`demo: pour ${pour.start} at ${DEMO_SITES[pour.site].name} not seeded whole: ${String(error)}`),
    );
  }
  const { total } = await app.get(PoursService).list({ page: 1, pageSize: 1, day }, actors.planner);
  log(`demo: ${total} pours planned for ${day}`);
  return total;
}

async function findMasterData(app: INestApplication, actor: CurrentUser) {
  const [plants, projects, mixes, pumps, trucks, busy] = await Promise.all([
    app.get(PlantsService).list(),
    app.get(ProjectsService).list({ page: 1, pageSize: 200 }, actor),
    app.get(MixesService).list(),
    app.get(PumpsService).list(),
    app.get(TrucksService).list(),
    app.get(LoadsRepository).busyTruckIds(),
  ]);
  const plantByCode = new Map(plants.map((plant) => [plant.code, plant]));
  const projectByName = new Map(projects.items.map((project) => [project.name, project]));
  const mixByCode = new Map(mixes.map((mix) => [mix.code, mix]));
  const pumpByCode = new Map(pumps.map((pump) => [pump.code, pump]));
  const wanted = DEMO_POURS.flatMap((pour) => {
    const site = DEMO_SITES[pour.site];
    return [
      ['plant', DEMO_PLANTS[site.plant].code, plantByCode],
      ['project', site.name, projectByName],
      ['mix', DEMO_MIXES[pour.mix].code, mixByCode],
      ['pump', DEMO_PUMPS[pour.pump].code, pumpByCode],
    ] as const;
  });
  // A truck out on a load now (someone's, at the turn of the day) cannot also have been on the morning's.
  const trucksOfPlant = (plantId: string): HistoryTruck[] =>
    trucks
      .filter((truck) => truck.active && truck.homePlantId === plantId && !busy.has(truck.id))
      .filter((truck) => truck.trackerDeviceId?.startsWith('trk-'))
      .sort((a, b) => a.fleetNumber.localeCompare(b.fleetNumber, 'en', { numeric: true }))
      .map((truck) => ({ id: truck.id, capacityM3: truck.capacityM3 }));
  return {
    plantByCode,
    projectByName,
    mixByCode,
    pumpByCode,
    trucksOfPlant,
    missing: () => [
      ...new Set(wanted.filter(([, key, found]) => !found.has(key)).map(([kind, key]) => `${kind} ${key}`)),
    ],
  };
}

type References = Awaited<ReturnType<typeof findMasterData>>;

interface DayContext {
  day: string;
  now: Date;
  truckFreeAt: Map<string, number>;
}

async function seedPour(
  app: INestApplication,
  actors: DemoDayActors,
  { day, now, truckFreeAt }: DayContext,
  pour: DemoPour,
  references: References,
  log: Log,
): Promise<void> {
  const pours = app.get(PoursService);
  const site = DEMO_SITES[pour.site];
  const project = references.projectByName.get(site.name)!;
  const plant = references.plantByCode.get(DEMO_PLANTS[site.plant].code)!;
  const mix = references.mixByCode.get(DEMO_MIXES[pour.mix].code)!;
  const pump = references.pumpByCode.get(DEMO_PUMPS[pour.pump].code)!;
  const at = ([eastM, northM]: [number, number]): LatLng => offset(project.location, eastM, northM);
  const request = CreatePourRequest.parse({
    projectId: project.id,
    plantId: plant.id,
    structuralElement: pour.structuralElement,
    scheduledStart: `${day}T${pour.start}:00${DEMO_UTC_OFFSET}`,
    volumeM3: pour.volumeM3,
    pourRateM3PerHour: pour.pourRateM3PerHour,
    startPoint: at(pour.startPoint),
    endPoint: at(pour.endPoint),
    direction: pour.direction,
    pumpId: pump.id,
    pumpPosition: at(pour.pumpPosition),
    pumpingMethod: pour.pumpingMethod,
    entryRoute: site.entryRoute,
    exitRoute: site.exitRoute,
    truckCount: pour.truckCount,
    mixId: mix.id,
    slumpTargetMm: mix.targetSlumpMm,
    slumpToleranceMm: pour.slumpToleranceMm,
    initialSettingMinutes: mix.initialSettingMinutes,
    notes: pour.notes,
  });
  const created = await pours.create(request, actors.planner);
  const { id } = created;

  const target = STATUS_PATH.indexOf(pour.status);
  // Reports go to the construction party before release: the ready gate checks them.
  const handsOverReports = target >= STATUS_PATH.indexOf('ready') || pour.reports !== undefined;
  const delivered = handsOverReports
    ? await handOverReports(app, actors.qc, ownAccount(actors.customer, project.id), id, pour, {
        plantName: plant.name,
        mixCode: mix.code,
        projectName: project.name,
        day,
        receiver: site.contacts[1]?.name ?? site.contacts[0].name,
      })
    : 0;
  // Planning takes a pour as far as ready; the first load batched starts it, as it does live.
  const planned = STATUS_PATH.slice(1, Math.min(target, STATUS_PATH.indexOf('ready')) + 1);
  for (const status of planned) await pours.changeStatus(id, { status }, actors.planner);
  let history = '';
  if (pour.status === 'in_progress' || pour.status === 'completed') {
    const historyPour: HistoryPour = {
      scheduledStart: new Date(created.scheduledStart),
      volumeM3: pour.volumeM3,
      pourRateM3PerHour: pour.pourRateM3PerHour,
      travelMinutes: drivingMinutes(site.entryRoute.coordinates),
      returnMinutes: drivingMinutes(site.exitRoute.coordinates),
    };
    const deliverM3 = pour.status === 'completed' ? pour.volumeM3 : deliveredByNowM3(historyPour, now);
    const loads = planHistory(historyPour, references.trucksOfPlant(plant.id), deliverM3, now, truckFreeAt, {
      heldAtPlant: pour.heldAtPlant,
    });
    await recordHistory(app, actors.fleet, created, mix, loads);
    if (pour.status === 'completed') await pours.changeStatus(id, { status: 'completed' }, actors.fleet);
    const m3 = loads.reduce((sum, load) => sum + load.volumeM3, 0);
    history = `, ${loads.length} loads (${Math.round(m3 * 10) / 10} m³) delivered so far`;
  }
  log(
    `demo: pour ${pour.start} ${site.name}, ${pour.structuralElement}: ${pour.status} (${delivered} reports delivered${history})`,
  );
}

function drivingMinutes(route: PourDto['entryRoute']['coordinates']): number {
  return Math.round((lineStringLengthMeters(route) / 1000 / HISTORY_ROAD_KMH) * 60);
}

/** The customer's account when the project is one of its customer's, else null. */
function ownAccount(customer: CurrentUser | null, projectId: string): CurrentUser | null {
  return customer?.projectIds.includes(projectId) ? customer : null;
}

/** QC uploads the reports; a customer with an account acknowledges receipt itself, else QC marks the delivery. */
async function handOverReports(
  app: INestApplication,
  qc: CurrentUser,
  acknowledger: CurrentUser | null,
  pourId: string,
  pour: DemoPour,
  context: { plantName: string; mixCode: string; projectName: string; day: string; receiver: string },
): Promise<number> {
  const documents = app.get(DocumentsService);
  const plan: { delivered: readonly DocumentType[]; uploadedOnly: readonly DocumentType[] } = pour.reports ?? {
    delivered: DEMO_REPORT_TYPES,
    uploadedOnly: [],
  };
  let delivered = 0;
  for (const type of DEMO_REPORT_TYPES) {
    const deliver = plan.delivered.includes(type);
    if (!deliver && !plan.uploadedOnly.includes(type)) continue;
    const report = demoReport(type, context);
    const file = { originalname: report.fileName, buffer: report.content, size: report.content.length };
    const document = await documents.upload(pourId, { type, title: report.title }, file, qc);
    if (!deliver) continue;
    if (acknowledger) await documents.acknowledge(document.id, acknowledger);
    else await documents.markDelivered(document.id, { deliveredTo: context.receiver }, qc);
    delivered++;
  }
  return delivered;
}
