import type { LatLng } from '@pourline/contracts';
import * as L from 'leaflet';
import { useEffect } from 'react';
import { pointLatLng } from '../../map/geoJson';
import { useLayerTooltip } from '../../map/useLayerTooltip';
import { useMapLayer } from '../../map/useMapLayer';
import { roundedLatLng } from './editorGeometry';
import { useLatestRef } from '../../shared/useLatestRef';

interface DraggablePinLayerProps {
  position: LatLng;
  pin: { className: string; text: string };
  tooltip: string;
  onMove: (position: LatLng) => void;
}

const PIN_SIZE_PX = 30;

function pinIcon(pin: DraggablePinLayerProps['pin']): L.DivIcon {
  const html = document.createElement('span');
  html.textContent = pin.text;
  return L.divIcon({
    className: `${pin.className} editor-pin`,
    html,
    iconSize: [PIN_SIZE_PX, PIN_SIZE_PX],
    iconAnchor: [PIN_SIZE_PX / 2, PIN_SIZE_PX / 2],
    tooltipAnchor: [PIN_SIZE_PX / 2, 0],
  });
}

/** A lettered point the dispatcher drags into place; the plan hears where it was dropped. */
export function DraggablePinLayer({ position, pin, tooltip, onMove }: DraggablePinLayerProps) {
  const layerRef = useMapLayer(() =>
    L.marker(pointLatLng(position), { icon: pinIcon(pin), draggable: true, autoPan: true, riseOnHover: true }),
  );
  const onMoveRef = useLatestRef(onMove);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const dropped = () => onMoveRef.current(roundedLatLng(layer.getLatLng()));
    layer.on('dragend', dropped);
    return () => {
      layer.off('dragend', dropped);
    };
  }, [layerRef, onMoveRef]);
  useEffect(() => {
    layerRef.current?.setLatLng(pointLatLng(position));
  }, [layerRef, position]);
  useEffect(() => {
    layerRef.current?.setIcon(pinIcon(pin));
  }, [layerRef, pin]);
  useLayerTooltip(layerRef, tooltip);
  return null;
}
