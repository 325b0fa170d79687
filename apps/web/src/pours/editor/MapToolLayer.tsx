import type { LatLng, LineString } from '@pourline/contracts';
import type * as L from 'leaflet';
import { useEffect } from 'react';
import { useLeafletMap } from '../../map/useLeafletMap';
import { lineStringFrom, polylinePoints, roundedLatLng } from './editorGeometry';
import { geomanOf } from './geoman';
import { useLatestRef } from '../../shared/useLatestRef';

export type PointField = 'pumpPosition' | 'startPoint' | 'endPoint';
export type RouteField = 'entryRoute' | 'exitRoute';
export type MapTool = PointField | RouteField;

export const isRouteTool = (tool: MapTool): tool is RouteField => tool === 'entryRoute' || tool === 'exitRoute';

interface MapToolLayerProps {
  tool: MapTool;
  routeStyle: L.PolylineOptions;
  geomanLanguage: 'en' | 'zh';
  onPlace: (field: PointField, position: LatLng) => void;
  onDrawn: (field: RouteField, line: LineString) => void;
}

/**
 * The tool in hand: a point is placed by the next click on the map; a route
 * is drawn with geoman's line tool (click the last point again, press Enter
 * or use Finish to end it). Renders nothing; dropping the tool cleans up.
 */
export function MapToolLayer({ tool, routeStyle, geomanLanguage, onPlace, onDrawn }: MapToolLayerProps) {
  const map = useLeafletMap();
  const handlers = useLatestRef({ onPlace, onDrawn });

  useEffect(() => {
    const container = map.getContainer();
    if (isRouteTool(tool)) {
      const pm = geomanOf(map);
      pm.setLang(geomanLanguage);
      const created = (event: { layer: L.Layer }) => {
        const layer = event.layer as L.Polyline;
        const points = polylinePoints(layer);
        layer.remove();
        handlers.current.onDrawn(tool, lineStringFrom(points));
      };
      map.on('pm:create', created);
      pm.enableDraw('Line', {
        templineStyle: routeStyle,
        hintlineStyle: { ...routeStyle, dashArray: '4 6', opacity: 0.7 },
        pathOptions: routeStyle,
        tooltips: true,
        continueDrawing: false,
      });
      return () => {
        map.off('pm:create', created);
        pm.disableDraw();
      };
    }
    const placed = (event: L.LeafletMouseEvent) => handlers.current.onPlace(tool, roundedLatLng(event.latlng));
    container.classList.add('editor-map--placing');
    map.on('click', placed);
    return () => {
      container.classList.remove('editor-map--placing');
      map.off('click', placed);
    };
  }, [map, tool, routeStyle, geomanLanguage, handlers]);

  return null;
}

/** Ends the line being drawn as it stands; geoman's toolbar does the same. */
export function finishRouteDrawing(map: L.Map): void {
  const draw = map.pm?.Draw as unknown as { Line?: { _finishShape?: () => void } } | undefined;
  draw?.Line?._finishShape?.();
}
