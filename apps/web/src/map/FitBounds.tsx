import type { LatLngBounds } from 'leaflet';
import { useEffect } from 'react';
import { useLeafletMap } from './useLeafletMap';

interface FitBoundsProps {
  bounds: LatLngBounds | null;
  /**
   * Fit again only when this changes (another pour, an outline arrived), not on
   * every refresh, so a dispatcher who zoomed in stays where they are.
   */
  fitKey: string;
  /** Room kept clear at the edges, e.g. for panels drawn over the map: the same on every side, or per corner. */
  padding?: [number, number] | { topLeft: [number, number]; bottomRight: [number, number] };
}

const PADDING_PX: [number, number] = [28, 28];
const MAX_FIT_ZOOM = 17;

export function FitBounds({ bounds, fitKey, padding = PADDING_PX }: FitBoundsProps) {
  const map = useLeafletMap();
  useEffect(() => {
    if (!bounds?.isValid()) return;
    const room = Array.isArray(padding) ? { topLeft: padding, bottomRight: padding } : padding;
    map.fitBounds(bounds, {
      paddingTopLeft: room.topLeft,
      paddingBottomRight: room.bottomRight,
      maxZoom: MAX_FIT_ZOOM,
      animate: false,
    });
    // bounds is read when the key changes, not tracked on its own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, fitKey]);
  return null;
}
