import type { LatLng } from '@pourline/contracts';
import * as L from 'leaflet';
import { useEffect } from 'react';
import { pointLatLng } from './geoJson';
import { useLayerTooltip } from './useLayerTooltip';
import { useMapLayer } from './useMapLayer';

interface PinMarkerLayerProps {
  position: LatLng;
  /** CSS class of the pin and the letter in it. */
  pin: { className: string; text: string };
  tooltip?: string;
}

const PIN_SIZE_PX = 28;

function pinIcon(pin: PinMarkerLayerProps['pin']): L.DivIcon {
  const html = document.createElement('span');
  html.textContent = pin.text;
  return L.divIcon({
    className: pin.className,
    html,
    iconSize: [PIN_SIZE_PX, PIN_SIZE_PX],
    iconAnchor: [PIN_SIZE_PX / 2, PIN_SIZE_PX / 2],
    tooltipAnchor: [PIN_SIZE_PX / 2, 0],
  });
}

/** A lettered marker from HTML (L.divIcon): Leaflet's default image icon breaks once bundled. */
export function PinMarkerLayer({ position, pin, tooltip }: PinMarkerLayerProps) {
  const layerRef = useMapLayer(() =>
    L.marker(pointLatLng(position), { icon: pinIcon(pin), keyboard: false, riseOnHover: true }),
  );
  useEffect(() => {
    layerRef.current?.setLatLng(pointLatLng(position));
  }, [layerRef, position]);
  useEffect(() => {
    layerRef.current?.setIcon(pinIcon(pin));
  }, [layerRef, pin]);
  useLayerTooltip(layerRef, tooltip);
  return null;
}
