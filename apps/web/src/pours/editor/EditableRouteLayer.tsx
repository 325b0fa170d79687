import type { LineString } from '@pourline/contracts';
import * as L from 'leaflet';
import { useEffect } from 'react';
import { lineLatLngs } from '../../map/geoJson';
import { useLayerTooltip } from '../../map/useLayerTooltip';
import { useLeafletMap } from '../../map/useLeafletMap';
import { useMapLayer } from '../../map/useMapLayer';
import { lineStringFrom, polylinePoints, sameLine } from './editorGeometry';
import { geomanOf } from './geoman';
import { useLatestRef } from '../../shared/useLatestRef';

interface EditableRouteLayerProps {
  line: LineString;
  style: L.PolylineOptions;
  tooltip: string;
  onChange: (line: LineString) => void;
}

/**
 * A route whose vertices can be dragged, added (middle handles) and removed
 * (right-click), through geoman's edit mode on this one layer.
 */
export function EditableRouteLayer({ line, style, tooltip, onChange }: EditableRouteLayerProps) {
  const map = useLeafletMap();
  const layerRef = useMapLayer(() => L.polyline(lineLatLngs(line), { ...style, pmIgnore: false }));
  const onChangeRef = useLatestRef(onChange);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer?.pm) return;
    // A layer's edit handles read the map's geoman options.
    geomanOf(map);
    const edited = () => onChangeRef.current(lineStringFrom(polylinePoints(layer)));
    layer.pm.enable({ allowSelfIntersection: true, draggable: false });
    layer.on('pm:edit', edited);
    return () => {
      layer.off('pm:edit', edited);
      layer.pm.disable();
    };
  }, [layerRef, map, onChangeRef]);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    // An edit made on the map comes back as this prop: the layer already shows it, and
    // resetting it would drop geoman's handles mid-gesture.
    if (sameLine(lineStringFrom(polylinePoints(layer)), line)) return;
    layer.setLatLngs(lineLatLngs(line));
    if (layer.pm?.enabled()) {
      layer.pm.disable();
      layer.pm.enable({ allowSelfIntersection: true, draggable: false });
    }
  }, [layerRef, line]);

  useEffect(() => {
    layerRef.current?.setStyle(style);
  }, [layerRef, style]);
  useLayerTooltip(layerRef, tooltip);
  return null;
}
