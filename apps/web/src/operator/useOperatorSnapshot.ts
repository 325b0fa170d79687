import type { PlantDto, PourDto, ProjectDto, PumpDto, TruckDto } from '@pourline/contracts';
import { useEffect } from 'react';
import { type ApiResource, useApiResource } from '../api/useApiResource';
import { useApi } from '../api/useApi';
import { useLive } from '../live/useLive';
import { useLiveStore } from '../live/useLiveStore';
import { listPlants } from '../map/siteEndpoints';
import { usePlantToday } from '../time/usePlantToday';
import { listPoursOfDay } from '../pours/pourEndpoints';
import { useReloadOnChange } from '../pours/useReloadOnChange';
import { listLatestPositions, listProjects, listPumps, listPumpStatuses, listTrucks } from './operatorEndpoints';

export interface OperatorSnapshot {
  day: string;
  pours: ApiResource<PourDto[]>;
  plants: ApiResource<PlantDto[]>;
  projects: ApiResource<ProjectDto[]>;
  trucks: ApiResource<TruckDto[]>;
  pumps: ApiResource<PumpDto[]>;
}

/**
 * The REST pictures the live view starts from: today's pours, places and
 * fleet. Pump statuses and latest positions go into the live store, where
 * newer deltas win. After a reconnect everything is fetched again.
 */
export function useOperatorSnapshot(): OperatorSnapshot {
  const api = useApi();
  const store = useLiveStore();
  const day = usePlantToday();
  const resyncVersion = useLive((state) => state.resyncVersion);

  const pours = useApiResource(`live-pours:${day}`, (signal) => listPoursOfDay(api, { day }, signal));
  const plants = useApiResource('plants', (signal) => listPlants(api, signal));
  const projects = useApiResource('projects', (signal) => listProjects(api, signal));
  const trucks = useApiResource('trucks', (signal) => listTrucks(api, signal));
  const pumps = useApiResource('pumps', (signal) => listPumps(api, signal));

  useReloadOnChange(resyncVersion, pours.reload);
  useReloadOnChange(resyncVersion, trucks.reload);
  useReloadOnChange(resyncVersion, pumps.reload);

  useEffect(() => {
    const controller = new AbortController();
    const ignore = () => undefined;
    listPumpStatuses(api, controller.signal).then((statuses) => store.receivePumpStatuses(statuses), ignore);
    listLatestPositions(api, controller.signal).then((positions) => store.receivePositions(positions), ignore);
    return () => controller.abort();
  }, [api, store, resyncVersion]);

  return { day, pours, plants, projects, trucks, pumps };
}
