import type { PlantDto, PourDto, ProjectDto } from '@pourline/contracts';
import * as L from 'leaflet';
import { lineLatLngs, pointLatLng, polygonLatLngs } from './geoJson';

/** Everything a pour map draws, so the whole plan is in view. */
export function pourMapBounds(
  pour: PourDto,
  project: ProjectDto | undefined,
  plant: PlantDto | undefined,
): L.LatLngBounds {
  const bounds = L.latLngBounds([]);
  const extendAll = (points: L.LatLngTuple[]) => points.forEach((point) => bounds.extend(point));
  extendAll(lineLatLngs(pour.entryRoute));
  extendAll(lineLatLngs(pour.exitRoute));
  extendAll([pointLatLng(pour.startPoint), pointLatLng(pour.endPoint)]);
  if (pour.pumpPosition) bounds.extend(pointLatLng(pour.pumpPosition));
  if (project) polygonLatLngs(project.geofence).forEach(extendAll);
  if (plant) {
    polygonLatLngs(plant.geofence).forEach(extendAll);
    bounds.extend(pointLatLng(plant.location));
  }
  return bounds;
}
