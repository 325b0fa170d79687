import type { TracePoint } from '@pourline/contracts';
import * as L from 'leaflet';
import { useEffect } from 'react';
import { useLayerTooltip } from '../map/useLayerTooltip';
import { useMapLayer } from '../map/useMapLayer';

const toLatLngs = (trace: readonly TracePoint[]): L.LatLngTuple[] => trace.map(([lat, lng]) => [lat, lng]);

/** One truck's trip as a line on the map; renders nothing itself. */
export function TraceLayer({
  trace,
  color,
  tooltip,
}: {
  trace: readonly TracePoint[];
  color: string;
  tooltip: string;
}) {
  const layerRef = useMapLayer(() => L.polyline(toLatLngs(trace), { color, weight: 4, opacity: 0.85 }));
  useEffect(() => {
    layerRef.current?.setLatLngs(toLatLngs(trace));
  }, [layerRef, trace]);
  useEffect(() => {
    layerRef.current?.setStyle({ color });
  }, [layerRef, color]);
  useLayerTooltip(layerRef, tooltip);
  return null;
}
