import type { Polygon } from '@pourline/contracts';
import * as L from 'leaflet';
import { useEffect } from 'react';
import { polygonLatLngs } from '../map/geoJson';
import { useMapLayer } from '../map/useMapLayer';

interface SiteOutlineLayerProps {
  polygon: Polygon;
  style: L.PathOptions;
  /** Always shown at the outline's centre, so the room can read the map without hovering. */
  name: string;
}

export function SiteOutlineLayer({ polygon, style, name }: SiteOutlineLayerProps) {
  const layerRef = useMapLayer(() => L.polygon(polygonLatLngs(polygon), style));
  useEffect(() => {
    layerRef.current?.setLatLngs(polygonLatLngs(polygon));
  }, [layerRef, polygon]);
  useEffect(() => {
    layerRef.current?.setStyle(style);
  }, [layerRef, style]);
  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    layer.bindTooltip(name, { permanent: true, direction: 'center', className: 'site-label' });
    return () => {
      layer.unbindTooltip();
    };
  }, [layerRef, name]);
  return null;
}
