import type { Layer } from 'leaflet';
import { type RefObject, useEffect, useRef } from 'react';
import { useLeafletMap } from './useLeafletMap';

/**
 * Creates the layer once, adds it to the map and removes it on unmount. The
 * caller's own effects, declared after this hook, push prop changes into the
 * layer (setLatLngs, setStyle…) instead of rebuilding it.
 */
export function useMapLayer<T extends Layer>(create: () => T): RefObject<T | null> {
  const map = useLeafletMap();
  const layerRef = useRef<T | null>(null);
  const createRef = useRef(create);

  useEffect(() => {
    const layer = createRef.current().addTo(map);
    layerRef.current = layer;
    return () => {
      layer.remove();
      layerRef.current = null;
    };
  }, [map]);

  return layerRef;
}
