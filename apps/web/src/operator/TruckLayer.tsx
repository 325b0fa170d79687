import type { LatestPositionDto, LoadDto } from '@pourline/contracts';
import type { LeafletMouseEvent } from 'leaflet';
import { useEffect } from 'react';
import { useLiveStore } from '../live/useLiveStore';
import { useLeafletMap } from '../map/useLeafletMap';
import { useMapLayer } from '../map/useMapLayer';
import { exposeMapDebugHandle } from './mapDebugHandle';
import { TruckCanvasLayer, type TruckSprite } from './TruckCanvasLayer';
import { currentLoadByTruck, TRUCK_PHASE_COLORS, truckPhase } from './truckStyles';

/** The truck details card covers this much of the map's right side (see .truck-details). */
const DETAILS_CARD_PX = 400;

interface TruckLayerProps {
  selectedTruckId: string | null;
  onSelect: (truckId: string | null) => void;
}

function spriteFor(position: LatestPositionDto, load: LoadDto | undefined): TruckSprite {
  return {
    color: TRUCK_PHASE_COLORS[truckPhase(load)],
    label: load?.truckFleetNumber ?? position.label,
    ticket: load?.ticketNumber ?? null,
    bearingDeg: position.bearingDeg,
  };
}

/**
 * Draws the trucks of the live store on one canvas. It reads the store
 * outside React: a batch of positions moves dots without rendering any
 * component; only positions that changed by reference are touched.
 */
export function TruckLayer({ selectedTruckId, onSelect }: TruckLayerProps) {
  const map = useLeafletMap();
  const store = useLiveStore();
  const layerRef = useMapLayer(() => new TruckCanvasLayer());

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    let positions: ReadonlyMap<string, LatestPositionDto> = new Map();
    let loads: ReadonlyMap<string, LoadDto> | null = null;
    let loadByTruck = new Map<string, LoadDto>();

    const sync = () => {
      const state = store.getState();
      const loadsChanged = state.loads !== loads;
      if (!loadsChanged && state.truckPositions === positions) return;
      const started = performance.now();
      if (loadsChanged) {
        loads = state.loads;
        loadByTruck = currentLoadByTruck(loads);
      }
      if (state.truckPositions !== positions) {
        for (const [id, position] of state.truckPositions) {
          if (positions.get(id) === position) continue;
          layer.moveTo(id, position.lat, position.lng, spriteFor(position, loadByTruck.get(id)));
        }
        for (const id of positions.keys()) if (!state.truckPositions.has(id)) layer.removeTruck(id);
        positions = state.truckPositions;
      }
      if (loadsChanged) {
        for (const [id, position] of positions) layer.restyle(id, spriteFor(position, loadByTruck.get(id)));
      }
      layer.recordApplied(started);
    };
    sync();
    const unsubscribe = store.subscribe(sync);
    const hideDebugHandle = exposeMapDebugHandle(layer);
    return () => {
      unsubscribe();
      hideDebugHandle();
    };
  }, [layerRef, store]);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    layer.setSelected(selectedTruckId);
    // Chosen from the side panel off screen or under the details card: bring it into the clear part, same zoom.
    const point = selectedTruckId ? layer.pointOf(selectedTruckId) : null;
    if (!point) return;
    const size = map.getSize();
    const clearWidth = Math.max(size.x - DETAILS_CARD_PX, size.x / 2);
    const margin = 40;
    if (point.x < margin || point.y < margin || point.x > clearWidth - margin || point.y > size.y - margin) {
      map.panBy([point.x - clearWidth / 2, point.y - size.y / 2], { animate: false });
    }
  }, [layerRef, map, selectedTruckId]);

  useEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const container = map.getContainer();
    // On the container itself: a truck drawn over a pump or a route must win over the vector below it.
    const onClick = (event: MouseEvent) => {
      // Leaflet's drag handler knows whether this click ends a pan; its typings do not show it.
      if ((map.dragging as { moved?: () => boolean } | undefined)?.moved?.()) return;
      const point = map.mouseEventToContainerPoint(event);
      const truckId = layer.truckAt(point);
      if (truckId) {
        onSelect(truckId);
        return;
      }
      // A badge opens into a ring of its trucks; a click anywhere else closes it again.
      layer.openClusterAt(layer.clusterAt(point));
    };
    const onHover = (event: LeafletMouseEvent) => {
      const over = layer.truckAt(event.containerPoint) !== null || layer.clusterAt(event.containerPoint) !== null;
      container.classList.toggle('live-map--over-truck', over);
    };
    container.addEventListener('click', onClick);
    map.on('mousemove', onHover);
    return () => {
      container.removeEventListener('click', onClick);
      map.off('mousemove', onHover);
      container.classList.remove('live-map--over-truck');
    };
  }, [layerRef, map, onSelect]);

  return null;
}
