import { Injectable } from '@nestjs/common';
import type { CreatePourRequest } from '@pourline/contracts';
import { UnknownReferenceError } from '../../platform/errors/domain-error';
import { PumpsRepository } from '../fleet/pumps.repository';
import { MixesRepository } from '../mixes/mixes.repository';
import { PlantsRepository } from '../plants/plants.repository';
import { ProjectsRepository } from '../projects/projects.repository';

/** Checks that every id a pour plan names exists, naming the field that does not. */
@Injectable()
export class PourReferences {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly plants: PlantsRepository,
    private readonly mixes: MixesRepository,
    private readonly pumps: PumpsRepository,
  ) {}

  async check(plan: Pick<CreatePourRequest, 'projectId' | 'plantId' | 'mixId' | 'pumpId'>): Promise<void> {
    const checks: [string, string | null | undefined, { exists(id: string): Promise<boolean> }][] = [
      ['projectId', plan.projectId, this.projects],
      ['plantId', plan.plantId, this.plants],
      ['mixId', plan.mixId, this.mixes],
      ['pumpId', plan.pumpId, this.pumps],
    ];
    for (const [field, id, store] of checks) {
      if (id && !(await store.exists(id))) throw new UnknownReferenceError(field, id);
    }
  }
}
