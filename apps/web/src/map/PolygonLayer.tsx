import type { Polygon } from '@pourline/contracts';
import * as L from 'leaflet';
import { useEffect } from 'react';
import { polygonLatLngs } from './geoJson';
import { useLayerTooltip } from './useLayerTooltip';
import { useMapLayer } from './useMapLayer';

interface PolygonLayerProps {
  polygon: Polygon;
  style: L.PathOptions;
  tooltip?: string;
}

export function PolygonLayer({ polygon, style, tooltip }: PolygonLayerProps) {
  const layerRef = useMapLayer(() => L.polygon(polygonLatLngs(polygon), style));
  useEffect(() => {
    layerRef.current?.setLatLngs(polygonLatLngs(polygon));
  }, [layerRef, polygon]);
  useEffect(() => {
    layerRef.current?.setStyle(style);
  }, [layerRef, style]);
  useLayerTooltip(layerRef, tooltip);
  return null;
}
