import type { LineString } from '@pourline/contracts';
import * as L from 'leaflet';
import { useEffect } from 'react';
import { lineLatLngs } from './geoJson';
import { useLayerTooltip } from './useLayerTooltip';
import { useMapLayer } from './useMapLayer';

interface PolylineLayerProps {
  line: LineString;
  style: L.PolylineOptions;
  tooltip?: string;
}

export function PolylineLayer({ line, style, tooltip }: PolylineLayerProps) {
  const layerRef = useMapLayer(() => L.polyline(lineLatLngs(line), style));
  useEffect(() => {
    layerRef.current?.setLatLngs(lineLatLngs(line));
  }, [layerRef, line]);
  useEffect(() => {
    layerRef.current?.setStyle(style);
  }, [layerRef, style]);
  useLayerTooltip(layerRef, tooltip);
  return null;
}
