import type { CircleMarkerOptions, PathOptions, PolylineOptions } from 'leaflet';
import type { PumpStatus } from '@pourline/contracts';
import { MAP_STYLES } from '../map/mapStyles';
import { PUMP_STATUS_COLORS } from './truckStyles';

/** Constant objects: the layers restyle when the reference changes. */
export const OPERATOR_STYLES = {
  siteGeofence: { ...MAP_STYLES.siteGeofence, fillOpacity: 0.1 } satisfies PathOptions,
  focusedSiteGeofence: { ...MAP_STYLES.siteGeofence, weight: 3, fillOpacity: 0.2 } satisfies PathOptions,
  entryRoute: { ...MAP_STYLES.entryRoute, weight: 4, opacity: 0.55 } satisfies PolylineOptions,
  exitRoute: { ...MAP_STYLES.exitRoute, weight: 3, opacity: 0.55 } satisfies PolylineOptions,
  focusedEntryRoute: { ...MAP_STYLES.entryRoute, weight: 6, opacity: 1 } satisfies PolylineOptions,
  focusedExitRoute: { ...MAP_STYLES.exitRoute, weight: 5, opacity: 1 } satisfies PolylineOptions,
} as const;

export const PUMP_MARKER_STYLES = Object.fromEntries(
  (Object.keys(PUMP_STATUS_COLORS) as PumpStatus[]).map((status) => [
    status,
    { radius: 9, color: '#ffffff', weight: 3, fillColor: PUMP_STATUS_COLORS[status], fillOpacity: 1 },
  ]),
) as Record<PumpStatus, CircleMarkerOptions>;
