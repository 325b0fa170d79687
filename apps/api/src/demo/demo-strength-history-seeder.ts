import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreateInspectionLotRequest, type CurrentUser, type LatLng } from '@pourline/contracts';
import { localDateInZone } from '@pourline/domain';
import { PumpsService } from '../modules/fleet/pumps.service';
import { LoadEntity } from '../modules/loads/load.entity';
import { MixesService } from '../modules/mixes/mixes.service';
import { PlantsService } from '../modules/plants/plants.service';
import { PourEntity } from '../modules/pours/pour.entity';
import { ProjectsService } from '../modules/projects/projects.service';
import { SpecimenSetEntity } from '../modules/quality/specimen-set.entity';
import { InspectionLots } from '../modules/strength/inspection-lots.service';
import { StrengthWarnings } from '../modules/strength/strength-warnings.service';
import { offset } from './demo-geometry';
import { DEMO_MIXES } from './demo-mixes';
import { DEMO_PLANTS, DEMO_SITES, DEMO_TIME_ZONE, DEMO_UTC_OFFSET } from './demo-places';
import {
  HISTORY_EPISODES,
  HISTORY_LOTS,
  HISTORY_STREAMS,
  type HistoryLot,
  type HistoryStream,
} from './demo-strength-history';

type Log = (line: string) => void;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const TRUCK_M3 = 12;
const POUR_RATE_M3_PER_HOUR = 40;
/** GB 50204 practice: a set per 100 m³. */
const M3_PER_SET = 100;
const INSERT_CHUNK = 500;

/** mulberry32: the same history every time the demo is seeded, relative to the day it is. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const tenth = (value: number) => Math.round(value * 10) / 10;

/** True when specimen sets older than a week exist: the history is there (or real results are). */
export async function hasStrengthHistory(app: INestApplication): Promise<boolean> {
  const [row] = await app
    .get(DataSource)
    .query(`SELECT EXISTS (SELECT 1 FROM specimen_sets WHERE made_at < now() - interval '7 days') AS present`);
  return Boolean(row.present);
}

interface GeneratedPour {
  row: Partial<PourEntity>;
  stream: HistoryStream;
  daysAgo: number;
}

/**
 * Five months of past pours with their loads and specimen sets, 7- and 28-day
 * results entered as the sets came of age; then the inspection lots defined,
 * judged and watched through the same services as live results. The past is
 * written straight to the tables: the services stamp every step with the
 * present moment, and a history is not something to walk through again.
 */
export async function seedStrengthHistory(
  app: INestApplication,
  qc: CurrentUser,
  log: Log,
  now = new Date(),
): Promise<void> {
  const references = await findReferences(app, qc);
  if (!references) {
    log('demo: no strength history: demo master data not found');
    return;
  }
  const random = seededRandom(20_260_115);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const variableMonth = monthsBefore(localDateInZone(now, DEMO_TIME_ZONE), HISTORY_EPISODES.variableC30MonthsAgo);

  const pours: GeneratedPour[] = [];
  const loads: Partial<LoadEntity>[] = [];
  const sets: Partial<SpecimenSetEntity>[] = [];
  const ticketsPerPlantDay = new Map<string, number>();

  for (const stream of HISTORY_STREAMS) {
    const site = DEMO_SITES[stream.site];
    const plant = references.plants.get(DEMO_PLANTS[site.plant].code)!;
    const mix = references.mixes.get(DEMO_MIXES[stream.mix].code)!;
    const project = references.projects.get(site.name)!;
    for (let daysAgo = stream.fromDaysAgo; daysAgo >= stream.toDaysAgo; daysAgo -= 1) {
      const forced = HISTORY_LOTS.find(
        (lot) =>
          lot.singlePourOfSets && lot.site === stream.site && lot.mix === stream.mix && lot.fromDaysAgo === daysAgo,
      );
      if (!forced && random() >= stream.pourShare) continue;
      const [fewest, most] = stream.setsPerPour;
      const setCount = forced?.singlePourOfSets ?? fewest + Math.floor(random() * (most - fewest + 1));
      const day = localDateInZone(new Date(now.getTime() - daysAgo * DAY_MS), DEMO_TIME_ZONE);
      const start = new Date(`${day}T${stream.start}:00${DEMO_UTC_OFFSET}`);
      const volumeM3 = roundTo(setCount * M3_PER_SET * (0.75 + 0.25 * random()), 0.5);
      const floor = 1 + Math.floor((stream.fromDaysAgo - daysAgo) / 14);
      const element = stream.elements[daysAgo % stream.elements.length].replace('{n}', String(floor));
      const at = (eastM: number, northM: number): LatLng => offset(project.location, eastM, northM);
      const pourId = randomUUID();
      pours.push({
        stream,
        daysAgo,
        row: {
          id: pourId,
          projectId: project.id,
          plantId: plant.id,
          structuralElement: element,
          scheduledStart: start,
          volumeM3,
          pourRateM3PerHour: POUR_RATE_M3_PER_HOUR,
          startPoint: at(-30, 20),
          endPoint: at(30, -20),
          direction: 'west to east',
          pumpId: references.pumpOfPlant.get(plant.id) ?? null,
          pumpPosition: at(-45, 0),
          pumpingMethod: 'boom_pump',
          entryRoute: site.entryRoute,
          exitRoute: site.exitRoute,
          truckCount: 6,
          mixId: mix.id,
          slumpTargetMm: mix.targetSlumpMm,
          slumpToleranceMm: 30,
          initialSettingMinutes: mix.initialSettingMinutes,
          requiredDocumentTypes: [],
          notes: 'Demo history: a past pour kept for its strength results.',
          status: 'completed',
          documentGateOverride: null,
          dispatchHold: null,
        },
      });

      const loadCount = Math.ceil(volumeM3 / TRUCK_M3);
      const minutesPerLoad = (TRUCK_M3 / POUR_RATE_M3_PER_HOUR) * 60;
      const sampled = new Set(
        Array.from({ length: setCount }, (_, index) => Math.floor((index * M3_PER_SET) / TRUCK_M3)),
      );
      const plantDay = `${plant.id}:${day}`;
      for (let index = 0; index < loadCount; index += 1) {
        const sequence = (ticketsPerPlantDay.get(plantDay) ?? 0) + 1;
        ticketsPerPlantDay.set(plantDay, sequence);
        const ticketNumber = `${plant.code}-${day.replaceAll('-', '')}-${String(sequence).padStart(3, '0')}`;
        const batchedAt = new Date(start.getTime() + (index * minutesPerLoad - 50) * MINUTE_MS);
        const loadId = randomUUID();
        loads.push({
          id: loadId,
          ticketNumber,
          plantId: plant.id,
          ticketDay: day,
          ticketSequence: sequence,
          pourId,
          truckId: null,
          mixId: mix.id,
          volumeM3: index === loadCount - 1 ? volumeM3 - TRUCK_M3 * (loadCount - 1) : TRUCK_M3,
          overOrderReason: null,
          status: 'back_at_plant',
          rejected: false,
          queuePosition: index + 1,
          replacesLoadId: null,
          batchedAt,
          dischargeDeadline: new Date(batchedAt.getTime() + 90 * MINUTE_MS),
          deadlineLimitedBy: 'max_age',
          flaggedForQc: false,
          siteAcceptance: 'accepted',
          waterAddedLitres: 0,
        });
        if (!sampled.has(index)) continue;
        const madeAt = new Date(batchedAt.getTime() + 65 * MINUTE_MS);
        const weak = stream.site === 'hospital' && stream.mix === 'c40' && daysAgo <= HISTORY_EPISODES.weakC40Days;
        const variable = site.plant === 'devZone' && stream.mix === 'c30' && day.slice(0, 7) === variableMonth;
        const twentyEight =
          (weak ? HISTORY_EPISODES.weakC40MeanMpa : stream.meanMpa) +
          (variable ? HISTORY_EPISODES.variableC30SigmaMpa : stream.sigmaMpa) * gauss();
        const seven = twentyEight / (stream.ratio + 0.035 * gauss());
        const cubes = (value: number) => {
          const results = [0, 1, 2].map(() => tenth(value * (1 + 0.025 * gauss())));
          // Now and then one cube breaks badly: the set then stands for its middle value.
          if (random() < 1 / 60) results[0] = tenth(results[0] * 0.8);
          return results;
        };
        const age = now.getTime() - madeAt.getTime();
        sets.push({
          id: randomUUID(),
          label: `${ticketNumber}-S1`,
          pourId,
          loadId,
          mixId: mix.id,
          specimenCount: 3,
          cubeSizeMm: 150,
          madeAt,
          madeById: qc.id,
          madeByName: qc.displayName,
          results7dMpa: age >= 7 * DAY_MS ? cubes(seven) : null,
          results28dMpa: age >= 28 * DAY_MS ? cubes(twentyEight) : null,
        });
      }
    }
  }

  await app.get(DataSource).transaction(async (manager) => {
    for (const [entity, rows] of [
      [PourEntity, pours.map((pour) => pour.row)],
      [LoadEntity, loads],
      [SpecimenSetEntity, sets],
    ] as const) {
      for (let index = 0; index < rows.length; index += INSERT_CHUNK) {
        await manager.insert(entity, rows.slice(index, index + INSERT_CHUNK) as never);
      }
    }
    // The tickets written here are counted, so a load issued later for one of these days (a demo
    // started just after midnight plans loads batched the evening before) takes the next number.
    const counted = [...ticketsPerPlantDay].map(([plantDay, last]) => [...plantDay.split(':'), last]);
    await manager.query(
      `INSERT INTO ticket_counters (plant_id, day, last_number)
       SELECT plant_id, day, last_number FROM unnest($1::uuid[], $2::date[], $3::int[]) AS t(plant_id, day, last_number)
       ON CONFLICT (plant_id, day) DO UPDATE SET last_number = greatest(ticket_counters.last_number, EXCLUDED.last_number)`,
      [counted.map((row) => row[0]), counted.map((row) => row[1]), counted.map((row) => row[2])],
    );
  });
  log(`demo: strength history of ${pours.length} past pours, ${loads.length} loads and ${sets.length} specimen sets`);

  const lots = app.get(InspectionLots);
  for (const lot of HISTORY_LOTS) {
    const pourIds = poursOfLot(lot, pours);
    if (pourIds.length === 0) continue;
    const created = await lots.create(CreateInspectionLotRequest.parse({ name: lot.name, pourIds }), qc);
    const verdict = created.verdict
      ? `${created.verdict.method}, ${created.verdict.pass ? 'accepted' : 'not accepted'}`
      : 'awaiting 28-day results';
    log(`demo: inspection lot "${lot.name}": ${created.sets.length} sets, ${verdict}`);
  }

  const warnings = app.get(StrengthWarnings);
  const mixesOfPlants = new Map(pours.map(({ row }) => [`${row.plantId}:${row.mixId}`, row]));
  for (const row of mixesOfPlants.values()) await warnings.checkMixDrift(row.plantId!, row.mixId!);
  const pourById = new Map(pours.map((pour) => [pour.row.id!, pour]));
  const months = new Map<string, { plantId: string; grade: string; madeAt: Date }>();
  for (const set of sets) {
    if (!set.results28dMpa) continue;
    const { row, stream } = pourById.get(set.pourId!)!;
    const grade = DEMO_MIXES[stream.mix].strengthGrade;
    const key = `${row.plantId}:${grade}:${localDateInZone(set.madeAt!, DEMO_TIME_ZONE).slice(0, 7)}`;
    if (!months.has(key)) months.set(key, { plantId: row.plantId!, grade, madeAt: set.madeAt! });
  }
  for (const month of months.values()) await warnings.checkProductionControl(month.plantId, month.grade, month.madeAt);
  const raised = await warnings.list({}, qc);
  log(`demo: ${raised.length} strength warnings: ${raised.map((warning) => warning.kind).join(', ') || 'none'}`);
}

function poursOfLot(lot: HistoryLot, pours: GeneratedPour[]): string[] {
  const matching = pours.filter(
    ({ stream, daysAgo }) =>
      stream.site === lot.site && stream.mix === lot.mix && daysAgo <= lot.fromDaysAgo && daysAgo >= lot.toDaysAgo,
  );
  return (lot.singlePourOfSets ? matching.slice(0, 1) : matching).map(({ row }) => row.id!);
}

/** 'YYYY-MM' of the month `count` months before the one of `isoDate`. */
function monthsBefore(isoDate: string, count: number): string {
  const [year, month] = isoDate.split('-').map(Number);
  const index = year * 12 + (month - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function findReferences(app: INestApplication, actor: CurrentUser) {
  const [plants, projects, mixes, pumps] = await Promise.all([
    app.get(PlantsService).list(),
    app.get(ProjectsService).list({ page: 1, pageSize: 200 }, actor),
    app.get(MixesService).list(),
    app.get(PumpsService).list(),
  ]);
  const references = {
    plants: new Map(plants.map((plant) => [plant.code, plant])),
    projects: new Map(projects.items.map((project) => [project.name, project])),
    mixes: new Map(mixes.map((mix) => [mix.code, mix])),
    pumpOfPlant: new Map(pumps.map((pump) => [pump.homePlantId, pump.id])),
  };
  const complete = HISTORY_STREAMS.every((stream) => {
    const site = DEMO_SITES[stream.site];
    return (
      references.plants.has(DEMO_PLANTS[site.plant].code) &&
      references.projects.has(site.name) &&
      references.mixes.has(DEMO_MIXES[stream.mix].code)
    );
  });
  return complete ? references : null;
}
