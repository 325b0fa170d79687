import type { LatLng } from '@pourline/contracts';
import * as L from 'leaflet';
import { useEffect } from 'react';
import { pointLatLng } from './geoJson';
import { useLayerTooltip } from './useLayerTooltip';
import { useMapLayer } from './useMapLayer';

interface CircleMarkerLayerProps {
  position: LatLng;
  style: L.CircleMarkerOptions;
  tooltip?: string;
}

export function CircleMarkerLayer({ position, style, tooltip }: CircleMarkerLayerProps) {
  const layerRef = useMapLayer(() => L.circleMarker(pointLatLng(position), style));
  useEffect(() => {
    layerRef.current?.setLatLng(pointLatLng(position));
  }, [layerRef, position]);
  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    layer.setStyle(style);
    if (style.radius !== undefined) layer.setRadius(style.radius);
  }, [layerRef, style]);
  useLayerTooltip(layerRef, tooltip);
  return null;
}
