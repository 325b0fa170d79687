import * as L from 'leaflet';
import { useEffect } from 'react';
import { useMapLayer } from './useMapLayer';
import { useLatestRef } from '../shared/useLatestRef';

interface TileLayerProps {
  url: string;
  /** Read once; a new attribution means a new layer (give the component a key). */
  attribution: string;
  /** Called once when tiles fail, so the map can say it is drawing without a background. */
  onUnavailable?: () => void;
}

export function TileLayer({ url, attribution, onUnavailable }: TileLayerProps) {
  const layerRef = useMapLayer(() => L.tileLayer(url, { attribution, maxZoom: 19, crossOrigin: true }));
  const onUnavailableRef = useLatestRef(onUnavailable);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const report = () => onUnavailableRef.current?.();
    layer.once('tileerror', report);
    return () => {
      layer.off('tileerror', report);
    };
  }, [layerRef, onUnavailableRef]);

  useEffect(() => {
    layerRef.current?.setUrl(url);
  }, [layerRef, url]);

  return null;
}
