import type { PourDto } from '@pourline/contracts';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useClientConfig } from '../api/useClientConfig';
import { useI18n } from '../i18n/useI18n';
import { CircleMarkerLayer } from './CircleMarkerLayer';
import { FitBounds } from './FitBounds';
import { LeafletMap } from './LeafletMap';
import { MapLegend, usePourLegendEntries } from './MapLegend';
import { MAP_STYLES, MARKER_PINS } from './mapStyles';
import { PinMarkerLayer } from './PinMarkerLayer';
import { PolygonLayer } from './PolygonLayer';
import { PolylineLayer } from './PolylineLayer';
import { pourMapBounds } from './pourMapBounds';
import { TileLayer } from './TileLayer';
import { usePlants } from './usePlants';
import { useProject } from './useProject';

/** The pour plan on a map: site and plant, pump, start and end, and the trucks' routes in and out. */
export function PourMap({ pour }: { pour: PourDto }) {
  const { t } = useI18n();
  const config = useClientConfig();
  const plants = usePlants();
  const project = useProject(pour.projectId);
  const [tilesOffline, setTilesOffline] = useState(false);

  const plant = plants.data?.find((candidate) => candidate.id === pour.plantId);
  const bounds = useMemo(() => pourMapBounds(pour, project.data, plant), [pour, project.data, plant]);
  const fitKey = `${pour.id}|${project.data ? 'site' : ''}|${plant ? 'plant' : ''}`;
  const legend = usePourLegendEntries().filter(
    (entry) =>
      (entry.id !== 'pump' || pour.pumpPosition) &&
      (entry.id !== 'site' || project.data) &&
      ((entry.id !== 'plant' && entry.id !== 'plant-geofence') || plant),
  );
  const outlineError = project.error ?? plants.error;

  return (
    <section className="panel map-panel" aria-label={t('detail.map')}>
      <div className="map-frame">
        <LeafletMap className="pour-map" testId="pour-map" label={t('detail.map')}>
          {config?.mapTileUrl && (
            <TileLayer
              key={config.mapTileAttribution}
              url={config.mapTileUrl}
              attribution={config.mapTileAttribution}
              onUnavailable={() => setTilesOffline(true)}
            />
          )}
          {project.data && (
            <PolygonLayer
              polygon={project.data.geofence}
              style={MAP_STYLES.siteGeofence}
              tooltip={t('map.siteGeofence')}
            />
          )}
          {plant && (
            <>
              <PolygonLayer
                polygon={plant.geofence}
                style={MAP_STYLES.plantGeofence}
                tooltip={t('map.plantGeofence')}
              />
              <PinMarkerLayer
                position={plant.location}
                pin={MARKER_PINS.plant}
                tooltip={`${t('map.plant')}: ${plant.name}`}
              />
            </>
          )}
          <PolylineLayer line={pour.exitRoute} style={MAP_STYLES.exitRoute} tooltip={t('map.exitRoute')} />
          <PolylineLayer line={pour.entryRoute} style={MAP_STYLES.entryRoute} tooltip={t('map.entryRoute')} />
          {pour.pumpPosition && (
            <CircleMarkerLayer
              position={pour.pumpPosition}
              style={MAP_STYLES.pump}
              tooltip={`${t('map.pump')}${pour.pumpCode ? `: ${pour.pumpCode}` : ''}`}
            />
          )}
          <PinMarkerLayer position={pour.startPoint} pin={MARKER_PINS.start} tooltip={t('map.start')} />
          <PinMarkerLayer position={pour.endPoint} pin={MARKER_PINS.end} tooltip={t('map.end')} />
          <FitBounds bounds={bounds} fitKey={fitKey} />
        </LeafletMap>
        <MapLegend entries={legend} />
      </div>
      {tilesOffline && (
        <p className="map-note" data-testid="map-tiles-offline">
          {t('map.tilesOffline')}
        </p>
      )}
      {outlineError !== undefined && (
        <p className="map-note map-note--error" role="status">
          {t('map.layersError', { message: errorMessage(outlineError, t) })}
        </p>
      )}
    </section>
  );
}
