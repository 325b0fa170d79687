import type { MixDto, PlantDto, ProjectDto, PumpDto } from '@pourline/contracts';
import { useApi } from '../../api/useApi';
import { useApiResource } from '../../api/useApiResource';
import { listPlants } from '../../map/siteEndpoints';
import { listMixes, listProjects, listPumps } from './editorEndpoints';

export interface EditorOptions {
  projects: ProjectDto[] | undefined;
  plants: PlantDto[] | undefined;
  pumps: PumpDto[] | undefined;
  mixes: MixDto[] | undefined;
  /** The first list that failed to load, if any. */
  error: unknown;
  reload: () => void;
}

/** The lists the plan's selects offer. */
export function useEditorOptions(): EditorOptions {
  const api = useApi();
  const projects = useApiResource('editor:projects', (signal) => listProjects(api, signal));
  const plants = useApiResource('plants', (signal) => listPlants(api, signal));
  const pumps = useApiResource('editor:pumps', (signal) => listPumps(api, signal));
  const mixes = useApiResource('editor:mixes', (signal) => listMixes(api, signal));
  const resources = [projects, plants, pumps, mixes];
  return {
    projects: projects.data,
    plants: plants.data,
    pumps: pumps.data,
    mixes: mixes.data,
    error: resources.find((resource) => resource.error !== undefined)?.error,
    reload: () => resources.forEach((resource) => resource.error !== undefined && resource.reload()),
  };
}
