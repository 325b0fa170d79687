import type { CreatePourRequest, LoadDto, PourDto, SpecimenSetDto } from '@pourline/contracts';
import type { PourWorld } from './factories';
import { expectCreated } from './factories';
import type { Http } from './http';
import { createReadyPour, type LoadCrew, loadAt } from './load-factories';

/** A pour ready for concrete with one load discharging: specimens may be made from it. */
export async function pourBeingPlaced(
  crew: LoadCrew,
  world: PourWorld,
  overrides: Partial<CreatePourRequest> = {},
): Promise<{ pour: PourDto; load: LoadDto }> {
  const pour = await createReadyPour(crew, world, overrides);
  const load = await loadAt(crew, pour, 'discharging');
  return { pour, load };
}

export interface SetOptions {
  madeAt?: string;
  cubeSizeMm?: number;
}

export function makeSet(
  qc: Http,
  placed: { pour: PourDto; load: LoadDto },
  options: SetOptions = {},
): Promise<SpecimenSetDto> {
  return expectCreated(qc.post(`/pours/${placed.pour.id}/specimen-sets`, { loadId: placed.load.id, ...options }));
}

export async function makeSets(
  qc: Http,
  placed: { pour: PourDto; load: LoadDto },
  count: number,
  options: SetOptions = {},
): Promise<SpecimenSetDto[]> {
  const sets: SpecimenSetDto[] = [];
  // One at a time: the sets are numbered per load, and their order is the order they were made in.
  for (let index = 0; index < count; index += 1) sets.push(await makeSet(qc, placed, options));
  return sets;
}

/** Three cubes around `valueMpa` whose mean (the set's value) is exactly it. */
export function cubesAround(valueMpa: number): number[] {
  return [valueMpa - 0.5, valueMpa, valueMpa + 0.5].map((value) => Math.round(value * 10) / 10);
}

export function recordCubes(qc: Http, setId: string, ageDays: 7 | 28, strengthsMpa: number[]): Promise<SpecimenSetDto> {
  return expectCreated(qc.post(`/specimen-sets/${setId}/results`, { ageDays, strengthsMpa }));
}

/** Records a set whose value at this age is `valueMpa`. */
export function recordValue(qc: Http, setId: string, ageDays: 7 | 28, valueMpa: number): Promise<SpecimenSetDto> {
  return recordCubes(qc, setId, ageDays, cubesAround(valueMpa));
}
