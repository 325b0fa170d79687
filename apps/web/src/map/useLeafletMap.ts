import type { Map as LeafletMapInstance } from 'leaflet';
import { useContext } from 'react';
import { MapContext } from './MapContext';

export function useLeafletMap(): LeafletMapInstance {
  const map = useContext(MapContext);
  if (!map) throw new Error('map layers must be rendered inside <LeafletMap>');
  return map;
}
