import type { FrameStats, TruckCanvasLayer } from './TruckCanvasLayer';

export interface MapDebugHandle {
  truckPositions(): Record<string, { lat: number; lng: number }>;
  frameStats(): FrameStats;
  /** Pixels from the map's top-left, so a test can click a truck on the canvas. */
  truckPoint(truckId: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __pourlineMap?: MapDebugHandle;
  }
}

/** Browser tests and benchmarks read the drawn trucks; production builds only with ?debug=1. */
function debugAllowed(): boolean {
  return !import.meta.env.PROD || new URLSearchParams(window.location.search).get('debug') === '1';
}

export function exposeMapDebugHandle(layer: TruckCanvasLayer): () => void {
  if (!debugAllowed()) return () => undefined;
  const handle: MapDebugHandle = {
    truckPositions: () => layer.positions(),
    frameStats: () => ({ ...layer.stats }),
    truckPoint: (truckId) => layer.pointOf(truckId),
  };
  window.__pourlineMap = handle;
  return () => {
    if (window.__pourlineMap === handle) delete window.__pourlineMap;
  };
}
