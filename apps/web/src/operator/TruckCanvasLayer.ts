import * as L from 'leaflet';
import { shortTicket } from '../loads/ticketLabel';
import {
  boxesOverlap,
  clusterTrucks,
  joinCoveredTrucks,
  type LabelBox,
  type PlacedTruck,
  ringAround,
} from './truckClusters';

export interface TruckSprite {
  color: string;
  /** Fleet number. */
  label: string;
  /** Ticket of the current load, if any. */
  ticket: string | null;
  bearingDeg: number | null;
}

interface Track {
  from: L.LatLngLiteral;
  to: L.LatLngLiteral;
  startedAt: number;
  current: L.LatLngLiteral;
  sprite: TruckSprite;
}

/** What the last frame drew, for hit tests and for browser tests to check. */
export interface DrawnFrame {
  trucks: Map<string, { x: number; y: number }>;
  clusters: Array<{ key: string; x: number; y: number; radius: number; ids: string[] }>;
  labels: LabelBox[];
  /** Place names already on the map (site labels) that truck labels keep clear of. */
  reserved: LabelBox[];
}

export interface FrameStats {
  frames: number;
  lastDrawMs: number;
  maxDrawMs: number;
  averageDrawMs: number;
  trucks: number;
}

/** About one report interval: a truck glides into its new fix just as the next one is due. */
export const GLIDE_MS = 800;
/** Above this many trucks gliding at once, frames are spaced to CROWDED_FRAME_MS. */
const MANY_MOVING = 300;
const CROWDED_FRAME_MS = 100;
/** Further than this in one step is a teleport (tracker came back, truck reassigned): no glide. */
const MAX_GLIDE_DEGREES = 0.05;
/** Labels only where they can be read without covering each other. */
export const LABEL_MIN_ZOOM = 14;
const HIT_RADIUS_PX = 12;
/** Past this many, labels cost more than they tell. */
const MAX_LABELS = 400;
const OUTLINE = '#0d1117';
/** Dots nearer than two radii and this gap would touch: they are drawn as one badge. */
const CLUSTER_GAP_PX = 6;
const BADGE_RADIUS_PX = 12;
/** Between the dots of an open badge's ring, beyond their own size. */
const RING_SPACING_PX = 10;

/** A badge grows with the digits of its count. */
function badgeRadius(count: number): number {
  return BADGE_RADIUS_PX + 3 * (String(count).length - 1);
}

function radiusAt(zoom: number): number {
  if (zoom >= 15) return 7;
  if (zoom >= 12) return 5.5;
  return 4;
}

/**
 * Every truck on one canvas, no DOM element per truck. Positions glide from
 * the previous fix to the new one over GLIDE_MS with requestAnimationFrame;
 * when nothing moves no frame is drawn except after the map itself moves.
 */
export class TruckCanvasLayer extends L.Layer {
  private map: L.Map | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private readonly tracks = new Map<string, Track>();
  private frame: number | null = null;
  private selectedId: string | null = null;
  /** The badge opened into a ring, until the map zooms or someone clicks elsewhere. */
  private openCluster: string | null = null;
  private drawn: DrawnFrame = { trucks: new Map(), clusters: [], labels: [], reserved: [] };
  private totalDrawMs = 0;
  readonly stats: FrameStats = { frames: 0, lastDrawMs: 0, maxDrawMs: 0, averageDrawMs: 0, trucks: 0 };

  override onAdd(map: L.Map): this {
    this.map = map;
    const pane = map.getPane('trucks') ?? map.createPane('trucks');
    // Above routes, geofences (400) and pins (600): the trucks are what the room watches; tooltips (650) stay on top.
    pane.style.zIndex = '620';
    pane.style.pointerEvents = 'none';
    // leaflet-zoom-hide: hidden during the zoom animation, redrawn at the new zoom.
    this.canvas = L.DomUtil.create('canvas', 'truck-canvas leaflet-zoom-hide', pane);
    map.on('move zoom zoomend viewreset resize', this.requestDraw);
    map.on('zoomstart', this.closeCluster);
    this.requestDraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('move zoom zoomend viewreset resize', this.requestDraw);
    map.off('zoomstart', this.closeCluster);
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
    this.frame = null;
    this.canvas?.remove();
    this.canvas = null;
    this.map = null;
    return this;
  }

  /** A new fix: glide there from wherever the truck is drawn now. */
  moveTo(id: string, lat: number, lng: number, sprite: TruckSprite): void {
    const to = { lat, lng };
    const track = this.tracks.get(id);
    if (!track) {
      this.tracks.set(id, { from: to, to, startedAt: 0, current: to, sprite });
    } else {
      const jump = Math.abs(track.current.lat - lat) + Math.abs(track.current.lng - lng);
      track.from = jump > MAX_GLIDE_DEGREES ? to : track.current;
      track.to = to;
      track.startedAt = performance.now();
      track.sprite = sprite;
    }
    this.requestDraw();
  }

  restyle(id: string, sprite: TruckSprite): void {
    const track = this.tracks.get(id);
    if (!track) return;
    track.sprite = sprite;
    this.requestDraw();
  }

  removeTruck(id: string): void {
    if (this.tracks.delete(id)) this.requestDraw();
  }

  setSelected(id: string | null): void {
    this.selectedId = id;
    this.requestDraw();
  }

  /** Opens a badge into a ring of its trucks (or closes the open one with null). */
  openClusterAt(key: string | null): void {
    this.openCluster = key;
    this.requestDraw();
  }

  private readonly closeCluster = (): void => {
    this.openCluster = null;
  };

  /** Browser tests and benchmarks look at one place of the map. */
  showAt(lat: number, lng: number, zoom: number): void {
    this.map?.setView([lat, lng], zoom, { animate: false });
  }

  get lastFrame(): DrawnFrame {
    return this.drawn;
  }

  get size(): number {
    return this.tracks.size;
  }

  /** Where each truck is drawn at this instant (mid-glide included). */
  positions(): Record<string, { lat: number; lng: number }> {
    const result: Record<string, { lat: number; lng: number }> = {};
    for (const [id, track] of this.tracks) result[id] = { lat: track.current.lat, lng: track.current.lng };
    return result;
  }

  /**
   * Where a truck is drawn, in pixels from the map container's top-left: on its ring when its badge
   * is open, at the badge when it is in one.
   */
  pointOf(id: string): { x: number; y: number } | null {
    const drawn = this.drawn.trucks.get(id);
    if (drawn) return drawn;
    const cluster = this.drawn.clusters.find((candidate) => candidate.ids.includes(id));
    if (cluster) return { x: cluster.x, y: cluster.y };
    const track = this.tracks.get(id);
    if (!track || !this.map) return null;
    const { x, y } = this.map.latLngToContainerPoint(track.current);
    return { x, y };
  }

  /** The truck drawn under a point of the map container, nearest first. */
  truckAt(point: L.Point): string | null {
    let best: string | null = null;
    let bestDistance = HIT_RADIUS_PX;
    for (const [id, drawn] of this.drawn.trucks) {
      const distance = point.distanceTo([drawn.x, drawn.y]);
      if (distance <= bestDistance) {
        best = id;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The badge under a point of the map container. */
  clusterAt(point: L.Point): string | null {
    const hit = this.drawn.clusters.find((cluster) => point.distanceTo([cluster.x, cluster.y]) <= cluster.radius + 2);
    return hit?.key ?? null;
  }

  private pending: ReturnType<typeof setTimeout> | null = null;

  private readonly requestDraw = (): void => {
    if (this.frame === null && this.pending === null && this.map) this.frame = requestAnimationFrame(this.drawFrame);
  };

  private readonly drawFrame = (now: number): void => {
    this.frame = null;
    const moving = this.advance(now);
    const started = performance.now();
    this.draw();
    const drawMs = performance.now() - started;
    this.stats.frames += 1;
    this.stats.lastDrawMs = drawMs;
    this.stats.maxDrawMs = Math.max(this.stats.maxDrawMs, drawMs);
    this.totalDrawMs += drawMs;
    this.stats.averageDrawMs = this.totalDrawMs / this.stats.frames;
    this.stats.trucks = this.tracks.size;
    if (moving === 0) return;
    // A few trucks glide at the display's rate; thousands at a lower one, which the eye
    // cannot tell apart at fleet scale but the main thread can.
    if (moving > MANY_MOVING) {
      this.pending = setTimeout(() => {
        this.pending = null;
        this.requestDraw();
      }, CROWDED_FRAME_MS);
    } else {
      this.requestDraw();
    }
  };

  private advance(now: number): number {
    let moving = 0;
    for (const track of this.tracks.values()) {
      if (track.current === track.to) continue;
      const t = Math.min(1, Math.max(0, (now - track.startedAt) / GLIDE_MS));
      if (t >= 1) {
        track.current = track.to;
        continue;
      }
      track.current = {
        lat: track.from.lat + (track.to.lat - track.from.lat) * t,
        lng: track.from.lng + (track.to.lng - track.from.lng) * t,
      };
      moving += 1;
    }
    return moving;
  }

  private draw(): void {
    const map = this.map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(size.x * ratio) || canvas.height !== Math.round(size.y * ratio)) {
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    // The canvas sits at the container's top-left in the panning pane, so container points are canvas points.
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.x, size.y);

    const zoom = map.getZoom();
    const radius = radiusAt(zoom);
    const margin = radius + 60;
    // World pixels stay put while the map pans, so clusters do not flicker; one projection per truck.
    const offset = map.getPixelOrigin().add(map.containerPointToLayerPoint([0, 0]));
    const placed: PlacedTruck[] = [];
    for (const [id, track] of this.tracks) {
      const world = map.project(track.current, zoom);
      const x = world.x - offset.x;
      const y = world.y - offset.y;
      if (x < -margin || y < -margin || x > size.x + margin || y > size.y + margin) continue;
      placed.push({ id, wx: world.x, wy: world.y, x, y });
    }
    const apart = new Set(this.selectedId ? [this.selectedId] : []);
    const { singles, clusters } = joinCoveredTrucks(
      clusterTrucks(placed, radius * 2 + CLUSTER_GAP_PX, apart),
      (cluster) => badgeRadius(cluster.ids.length) + radius + CLUSTER_GAP_PX / 2,
      apart,
    );

    const frame: DrawnFrame = { trucks: new Map(), clusters: [], labels: [], reserved: [] };
    const dots: Array<{ id: string; x: number; y: number; labelSide?: 'left' | 'right' }> = singles.map(
      ({ id, x, y }) => ({ id, x, y }),
    );
    const open = clusters.find((cluster) => cluster.key === this.openCluster);
    if (!open) this.openCluster = null;
    for (const cluster of clusters) {
      if (cluster === open) continue;
      const size = badgeRadius(cluster.ids.length);
      frame.clusters.push({ key: cluster.key, x: cluster.x, y: cluster.y, radius: size, ids: cluster.ids });
      this.drawBadge(context, cluster.x, cluster.y, size, cluster.ids);
    }
    if (open) {
      const ring = ringAround(open, radius * 2 + RING_SPACING_PX);
      context.beginPath();
      for (const spot of ring) {
        context.moveTo(open.x, open.y);
        context.lineTo(spot.x, spot.y);
      }
      context.lineWidth = 1.5;
      context.strokeStyle = 'rgba(230, 237, 243, 0.7)';
      context.stroke();
      dots.push(...ring);
    }

    // Pre-drawn sprites, blitted: with thousands of trucks a path per dot costs
    // far more to rasterise than copying the same few small images.
    for (const dot of dots) {
      const track = this.tracks.get(dot.id)!;
      const sprite = truckSprite(track.sprite.color, track.sprite.bearingDeg, radius, ratio);
      context.drawImage(
        sprite,
        dot.x - sprite.width / ratio / 2,
        dot.y - sprite.height / ratio / 2,
        sprite.width / ratio,
        sprite.height / ratio,
      );
      frame.trucks.set(dot.id, { x: dot.x, y: dot.y });
    }

    const selected = this.selectedId ? dots.find((dot) => dot.id === this.selectedId) : undefined;
    if (selected) {
      context.beginPath();
      context.arc(selected.x, selected.y, radius + 5, 0, Math.PI * 2);
      context.lineWidth = 2.5;
      context.strokeStyle = '#ffffff';
      context.stroke();
    }

    // The selected truck is always labelled, and first; an open ring is labelled at any zoom.
    const ringIds = new Set(open?.ids ?? []);
    const labelled = [
      ...(selected ? [selected] : []),
      ...dots.filter((dot) => dot !== selected && (ringIds.has(dot.id) || zoom >= LABEL_MIN_ZOOM)),
    ];
    if (labelled.length > 0) {
      frame.reserved = placeLabelBoxes(map);
      context.font = '600 12px system-ui, sans-serif';
      context.textBaseline = 'middle';
      context.lineJoin = 'round';
      context.lineWidth = 3.5;
      context.strokeStyle = 'rgba(13, 17, 23, 0.9)';
      context.fillStyle = '#f0f6fc';
      // Greedy: a label that would cover one already drawn, a site's name or a badge is left out.
      const badges = frame.clusters.map((cluster) => ({
        x: cluster.x - cluster.radius,
        y: cluster.y - cluster.radius,
        right: cluster.x + cluster.radius,
        bottom: cluster.y + cluster.radius,
      }));
      const blocked = [...frame.reserved, ...badges];
      for (const dot of labelled.slice(0, MAX_LABELS)) {
        const { sprite } = this.tracks.get(dot.id)!;
        const text = sprite.ticket ? `${sprite.label} · ${shortTicket(sprite.ticket)}` : sprite.label;
        const width = context.measureText(text).width;
        const leftwards = dot.labelSide === 'left';
        const x = leftwards ? dot.x - radius - 5 - width : dot.x + radius + 5;
        const box = { x, y: dot.y - 8, right: x + width, bottom: dot.y + 8 };
        if (dot !== selected && [...blocked, ...frame.labels].some((other) => boxesOverlap(box, other))) continue;
        frame.labels.push(box);
        context.strokeText(text, x, dot.y);
        context.fillText(text, x, dot.y);
      }
    }
    this.drawn = frame;
  }

  private drawBadge(context: CanvasRenderingContext2D, x: number, y: number, radius: number, ids: string[]): void {
    // The ring takes the colour most of its trucks have: a queue of loaded trucks reads as one.
    const colours = new Map<string, number>();
    for (const id of ids) {
      const colour = this.tracks.get(id)!.sprite.color;
      colours.set(colour, (colours.get(colour) ?? 0) + 1);
    }
    const main = [...colours].sort((a, b) => b[1] - a[1])[0][0];
    disc(context, x, y, radius, OUTLINE, 3, main);
    context.font = '700 12px system-ui, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillStyle = '#f0f6fc';
    context.fillText(String(ids.length), x, y + 0.5);
    context.textAlign = 'start';
  }
}

/** The site names on the map, in container pixels, for truck labels to keep clear of. */
function placeLabelBoxes(map: L.Map): LabelBox[] {
  const container = map.getContainer();
  const origin = container.getBoundingClientRect();
  return [...container.querySelectorAll('.site-label')].map((element) => {
    const rect = element.getBoundingClientRect();
    return {
      x: rect.left - origin.left,
      y: rect.top - origin.top,
      right: rect.right - origin.left,
      bottom: rect.bottom - origin.top,
    };
  });
}

const spriteCache = new Map<string, HTMLCanvasElement>();
const BEARING_STEPS = 16;

/** One small image per colour, heading (in 16 steps) and size, drawn once and reused. */
function truckSprite(color: string, bearingDeg: number | null, radius: number, ratio: number): HTMLCanvasElement {
  const step =
    bearingDeg === null ? -1 : Math.round((((bearingDeg % 360) + 360) % 360) / (360 / BEARING_STEPS)) % BEARING_STEPS;
  const key = `${color}|${step}|${radius}|${ratio}`;
  const cached = spriteCache.get(key);
  if (cached) return cached;
  const half = radius + 9;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(half * 2 * ratio);
  canvas.height = Math.ceil(half * 2 * ratio);
  const context = canvas.getContext('2d')!;
  context.scale(ratio, ratio);
  if (step >= 0) {
    const radians = (step * (360 / BEARING_STEPS) * Math.PI) / 180;
    context.beginPath();
    context.moveTo(half, half);
    context.lineTo(half + Math.sin(radians) * (radius + 7), half - Math.cos(radians) * (radius + 7));
    context.lineCap = 'round';
    context.lineWidth = 3;
    context.strokeStyle = OUTLINE;
    context.stroke();
    context.lineWidth = 1.5;
    context.strokeStyle = '#e6edf3';
    context.stroke();
  }
  disc(context, half, half, radius, color, 1.5, OUTLINE);
  spriteCache.set(key, canvas);
  return canvas;
}

/** A filled circle with a ring around it. */
function disc(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  radius: number,
  fill: string,
  ringWidth: number,
  ring: string,
): void {
  context.beginPath();
  context.arc(x, y, radius, 0, Math.PI * 2);
  context.fillStyle = fill;
  context.fill();
  context.lineWidth = ringWidth;
  context.strokeStyle = ring;
  context.stroke();
}
