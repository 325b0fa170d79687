import type { PlantDto, PourDto, ProjectDto, PumpDto, TruckDto } from '@pourline/contracts';
import * as L from 'leaflet';
import { useMemo, useState } from 'react';
import { useClientConfig } from '../api/useClientConfig';
import { useI18n } from '../i18n/useI18n';
import { FitBounds } from '../map/FitBounds';
import { pointLatLng, polygonLatLngs } from '../map/geoJson';
import { LeafletMap } from '../map/LeafletMap';
import { MAP_STYLES, MARKER_PINS } from '../map/mapStyles';
import { PinMarkerLayer } from '../map/PinMarkerLayer';
import { PolygonLayer } from '../map/PolygonLayer';
import { PolylineLayer } from '../map/PolylineLayer';
import { pourMapBounds } from '../map/pourMapBounds';
import { TileLayer } from '../map/TileLayer';
import { MapLegendOverlay } from './MapLegendOverlay';
import { MapTruckList } from './MapTruckList';
import { OPERATOR_STYLES } from './operatorMapStyles';
import { PumpLayer } from './PumpLayer';
import { SiteLabelDeclutter } from './SiteLabelDeclutter';
import { SiteOutlineLayer } from './SiteOutlineLayer';
import { TruckLayer } from './TruckLayer';

interface OperatorMapProps {
  plants: readonly PlantDto[];
  projects: readonly ProjectDto[];
  pumps: readonly PumpDto[];
  /** The fleet, for the keyboard's list of the trucks on the map. */
  trucks: readonly TruckDto[];
  activePours: readonly PourDto[];
  focusedPour: PourDto | null;
  /** Changes each time the dispatcher asks to see the focused pour again. */
  focusRequest: number;
  selectedTruckId: string | null;
  onSelectTruck: (truckId: string | null) => void;
}

/** Clear of the legend and the truck card drawn over the map. */
/**
 * The legend sits over the map's bottom-left corner and the truck count over its top-left: the
 * fitted view keeps its left side clear of the legend's width, so no plant or truck lands under it.
 */
const FIT_PADDING_PX = { topLeft: [230, 70] as [number, number], bottomRight: [70, 70] as [number, number] };
/**
 * On a phone the legend starts folded to its title in the bottom-left corner, and the note about
 * missing tiles sits under the truck count: room at the top and bottom, little at the sides.
 */
const NARROW_FIT_PADDING_PX = { topLeft: [24, 96] as [number, number], bottomRight: [24, 56] as [number, number] };
const NARROW_MAP_PX = 700;

function overviewBounds(plants: readonly PlantDto[], projects: readonly ProjectDto[]): L.LatLngBounds {
  const bounds = L.latLngBounds([]);
  for (const plant of plants) bounds.extend(pointLatLng(plant.location));
  for (const project of projects)
    polygonLatLngs(project.geofence).forEach((ring) => ring.forEach((p) => bounds.extend(p)));
  return bounds;
}

/** Plants, sites, active routes, pumps and every truck, live. */
export function OperatorMap(props: OperatorMapProps) {
  const { plants, projects, pumps, trucks, activePours, focusedPour, focusRequest, selectedTruckId, onSelectTruck } =
    props;
  const { t } = useI18n();
  const config = useClientConfig();
  const [tilesOffline, setTilesOffline] = useState(false);
  const [narrow] = useState(() => window.innerWidth < NARROW_MAP_PX);

  const activeProjectIds = useMemo(() => new Set(activePours.map((pour) => pour.projectId)), [activePours]);
  const sites = useMemo(
    () => projects.filter((project) => activeProjectIds.has(project.id) || focusedPour?.projectId === project.id),
    [projects, activeProjectIds, focusedPour],
  );
  const routePours = useMemo(
    () => (focusedPour && !activePours.includes(focusedPour) ? [...activePours, focusedPour] : activePours),
    [activePours, focusedPour],
  );

  const focusedProject = focusedPour ? projects.find((project) => project.id === focusedPour.projectId) : undefined;
  const focusedPlant = focusedPour ? plants.find((plant) => plant.id === focusedPour.plantId) : undefined;
  const bounds = useMemo(
    () =>
      focusedPour
        ? pourMapBounds(focusedPour, focusedProject, focusedPlant)
        : overviewBounds(plants, sites.length > 0 ? sites : projects),
    [focusedPour, focusedProject, focusedPlant, plants, sites, projects],
  );
  const fitKey = focusedPour
    ? `pour:${focusedPour.id}:${focusRequest}:${focusedProject ? 1 : 0}`
    : // Once something is there to fit; a plant or site added later leaves the dispatcher's view where it is.
      `overview:${plants.length > 0}:${sites.length > 0}:${focusRequest}`;

  return (
    <div className="live-map-frame">
      <LeafletMap className="live-map" testId="live-map" label={t('live.mapLabel')}>
        {config?.mapTileUrl && (
          <TileLayer
            key={config.mapTileAttribution}
            url={config.mapTileUrl}
            attribution={config.mapTileAttribution}
            onUnavailable={() => setTilesOffline(true)}
          />
        )}
        {plants.map((plant) => (
          <PolygonLayer key={`fence:${plant.id}`} polygon={plant.geofence} style={MAP_STYLES.plantGeofence} />
        ))}
        {sites.map((project) => (
          <SiteOutlineLayer
            key={project.id}
            polygon={project.geofence}
            name={project.name}
            style={
              project.id === focusedPour?.projectId ? OPERATOR_STYLES.focusedSiteGeofence : OPERATOR_STYLES.siteGeofence
            }
          />
        ))}
        {routePours.map((pour) => {
          const focused = pour.id === focusedPour?.id;
          return (
            <PourRoutes
              key={pour.id}
              pour={pour}
              focused={focused}
              entryLabel={t('map.entryRoute')}
              exitLabel={t('map.exitRoute')}
            />
          );
        })}
        {plants.map((plant) => (
          <PinMarkerLayer
            key={`pin:${plant.id}`}
            position={plant.location}
            pin={MARKER_PINS.plant}
            tooltip={`${t('map.plant')}: ${plant.name}`}
          />
        ))}
        <PumpLayer pumps={pumps} activePours={activePours} />
        <TruckLayer selectedTruckId={selectedTruckId} onSelect={onSelectTruck} />
        <FitBounds bounds={bounds} fitKey={fitKey} padding={narrow ? NARROW_FIT_PADDING_PX : FIT_PADDING_PX} />
        <SiteLabelDeclutter sitesKey={sites.map((project) => project.id).join(',')} />
      </LeafletMap>
      <MapLegendOverlay open={!narrow} />
      <MapTruckList trucks={trucks} selectedTruckId={selectedTruckId} onSelect={onSelectTruck} />
      {tilesOffline && (
        <p className="live-map-note" data-testid="map-tiles-offline">
          {t('map.tilesOffline')}
        </p>
      )}
    </div>
  );
}

function PourRoutes({
  pour,
  focused,
  entryLabel,
  exitLabel,
}: {
  pour: PourDto;
  focused: boolean;
  entryLabel: string;
  exitLabel: string;
}) {
  const name = `${pour.projectName} · ${pour.structuralElement}`;
  return (
    <>
      <PolylineLayer
        line={pour.exitRoute}
        style={focused ? OPERATOR_STYLES.focusedExitRoute : OPERATOR_STYLES.exitRoute}
        tooltip={`${exitLabel}: ${name}`}
      />
      <PolylineLayer
        line={pour.entryRoute}
        style={focused ? OPERATOR_STYLES.focusedEntryRoute : OPERATOR_STYLES.entryRoute}
        tooltip={`${entryLabel}: ${name}`}
      />
    </>
  );
}
