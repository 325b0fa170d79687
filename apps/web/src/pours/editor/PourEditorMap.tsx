import type { LatLng, LineString, PlantDto, ProjectDto } from '@pourline/contracts';
import { useMemo, useState } from 'react';
import { useClientConfig } from '../../api/useClientConfig';
import { useI18n } from '../../i18n/useI18n';
import { FitBounds } from '../../map/FitBounds';
import { LeafletMap } from '../../map/LeafletMap';
import { MAP_STYLES, MARKER_PINS } from '../../map/mapStyles';
import { PinMarkerLayer } from '../../map/PinMarkerLayer';
import { PolygonLayer } from '../../map/PolygonLayer';
import { TileLayer } from '../../map/TileLayer';
import { DraggablePinLayer } from './DraggablePinLayer';
import { EditableRouteLayer } from './EditableRouteLayer';
import { EditorMapTools } from './EditorMapTools';
import { editorBounds } from './editorGeometry';
import { MapToolLayer, type MapTool, type PointField, type RouteField } from './MapToolLayer';
import type { FieldIssues, PourDraft } from './pourDraft';

export type GeometryPatch = Partial<Pick<PourDraft, PointField | RouteField>>;

interface PourEditorMapProps {
  draft: PourDraft;
  project: ProjectDto | undefined;
  plant: PlantDto | undefined;
  issues: FieldIssues;
  showIssue: (field: keyof FieldIssues) => boolean;
  onChange: (patch: GeometryPatch) => void;
}

// Drawn as the plan map draws the pump: a plain pink disc, as in its legend.
const PUMP_PIN = { className: 'map-pin editor-pin--pump', text: '' };

/** Where the pump stands, where the pour starts and ends, and how the trucks come and go. */
export function PourEditorMap({ draft, project, plant, issues, showIssue, onChange }: PourEditorMapProps) {
  const { t, locale } = useI18n();
  const config = useClientConfig();
  const [tool, setTool] = useState<MapTool | null>(null);
  const [tilesOffline, setTilesOffline] = useState(false);

  const bounds = useMemo(
    () =>
      editorBounds(
        [draft.pumpPosition, draft.startPoint, draft.endPoint, plant?.location],
        [
          ...(project ? [project.geofence.coordinates[0] as Array<[number, number]>] : []),
          draft.entryRoute?.coordinates ?? [],
          draft.exitRoute?.coordinates ?? [],
        ],
      ),
    // Framed when the site or plant changes, not on every drag.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [project, plant],
  );
  const fitKey = `${project?.id ?? ''}|${plant?.id ?? ''}`;

  const place = (field: PointField, position: LatLng) => {
    onChange({ [field]: position });
    setTool(null);
  };
  const drawn = (field: RouteField, line: LineString) => {
    onChange({ [field]: line });
    setTool(null);
  };

  return (
    <section className="panel editor-map-panel" aria-label={t('editor.map')}>
      <div className="editor-map-frame">
        <LeafletMap className="pour-map editor-map" testId="editor-map" label={t('editor.map')}>
          {config?.mapTileUrl && (
            <TileLayer
              key={config.mapTileAttribution}
              url={config.mapTileUrl}
              attribution={config.mapTileAttribution}
              onUnavailable={() => setTilesOffline(true)}
            />
          )}
          {project && (
            <PolygonLayer
              key={project.id}
              polygon={project.geofence}
              style={MAP_STYLES.siteGeofence}
              tooltip={t('map.siteGeofence')}
            />
          )}
          {plant && (
            <>
              <PolygonLayer
                key={`${plant.id}-fence`}
                polygon={plant.geofence}
                style={MAP_STYLES.plantGeofence}
                tooltip={t('map.plantGeofence')}
              />
              <PinMarkerLayer
                key={plant.id}
                position={plant.location}
                pin={MARKER_PINS.plant}
                tooltip={`${t('map.plant')}: ${plant.name}`}
              />
            </>
          )}
          {draft.exitRoute && (
            <EditableRouteLayer
              line={draft.exitRoute}
              style={MAP_STYLES.exitRoute}
              tooltip={t('map.exitRoute')}
              onChange={(exitRoute) => onChange({ exitRoute })}
            />
          )}
          {draft.entryRoute && (
            <EditableRouteLayer
              line={draft.entryRoute}
              style={MAP_STYLES.entryRoute}
              tooltip={t('map.entryRoute')}
              onChange={(entryRoute) => onChange({ entryRoute })}
            />
          )}
          {draft.pumpPosition && (
            <DraggablePinLayer
              position={draft.pumpPosition}
              pin={PUMP_PIN}
              tooltip={t('map.pump')}
              onMove={(pumpPosition) => onChange({ pumpPosition })}
            />
          )}
          {draft.startPoint && (
            <DraggablePinLayer
              position={draft.startPoint}
              pin={MARKER_PINS.start}
              tooltip={t('map.start')}
              onMove={(startPoint) => onChange({ startPoint })}
            />
          )}
          {draft.endPoint && (
            <DraggablePinLayer
              position={draft.endPoint}
              pin={MARKER_PINS.end}
              tooltip={t('map.end')}
              onMove={(endPoint) => onChange({ endPoint })}
            />
          )}
          {tool && (
            <MapToolLayer
              tool={tool}
              routeStyle={tool === 'entryRoute' ? MAP_STYLES.entryRoute : MAP_STYLES.exitRoute}
              geomanLanguage={locale === 'zh-CN' ? 'zh' : 'en'}
              onPlace={place}
              onDrawn={drawn}
            />
          )}
          <FitBounds bounds={bounds} fitKey={fitKey} />
          <EditorMapTools draft={draft} tool={tool} onToolChange={setTool} issues={issues} showIssue={showIssue} />
        </LeafletMap>
      </div>
      {tilesOffline && <p className="map-note">{t('map.tilesOffline')}</p>}
    </section>
  );
}
