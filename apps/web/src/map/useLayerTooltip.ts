import type { Layer } from 'leaflet';
import { type RefObject, useEffect } from 'react';

/** A hover label on a layer, following the language switch. */
export function useLayerTooltip(layerRef: RefObject<Layer | null>, tooltip: string | undefined): void {
  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    if (tooltip) layer.bindTooltip(tooltip, { sticky: true });
    return () => {
      layer.unbindTooltip();
    };
  }, [layerRef, tooltip]);
}
