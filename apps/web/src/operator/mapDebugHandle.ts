import type { TimedWork } from './layerTimings';
import type { FrameStats, TruckCanvasLayer } from './TruckCanvasLayer';
import type { LabelBox } from './truckClusters';

export interface MapDebugHandle {
  truckPositions(): Record<string, { lat: number; lng: number }>;
  frameStats(): FrameStats;
  /** Pixels from the map's top-left, so a test can click a truck on the canvas. */
  truckPoint(truckId: string): { x: number; y: number } | null;
  /** The counted badges of the last frame, with where they are drawn. */
  clusters(): Array<{ key: string; x: number; y: number; count: number }>;
  /** Truck labels drawn in the last frame, and the site names they kept clear of. */
  labels(): { drawn: LabelBox[]; reserved: LabelBox[] };
  /**
   * Each draw and each batch of fixes the truck layer handled after sequence number `from`, with
   * when it began and how long it took, and the number to ask from next time.
   */
  layerTimings(from: number): { next: number; lost: number; entries: TimedWork[] };
  /** Centres the map on a place at a zoom, at once. */
  showAt(lat: number, lng: number, zoom: number): void;
  /** Hands the truck layer a fix straight, past the live store: benchmarks of the layer alone. */
  moveTruck(truckId: string, lat: number, lng: number): boolean;
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
    clusters: () => layer.drawnClusters().map(({ key, x, y, ids }) => ({ key, x, y, count: ids.length })),
    layerTimings: (from) => layer.timings.since(from),
    showAt: (lat, lng, zoom) => layer.showAt(lat, lng, zoom),
    moveTruck: (truckId, lat, lng) => layer.glideTo(truckId, lat, lng),
    labels: () => layer.drawnLabels(),
  };
  window.__pourlineMap = handle;
  return () => {
    if (window.__pourlineMap === handle) delete window.__pourlineMap;
  };
}
