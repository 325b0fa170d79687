import * as L from 'leaflet';

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
    this.requestDraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('move zoom zoomend viewreset resize', this.requestDraw);
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

  get size(): number {
    return this.tracks.size;
  }

  /** Where each truck is drawn at this instant (mid-glide included). */
  positions(): Record<string, { lat: number; lng: number }> {
    const result: Record<string, { lat: number; lng: number }> = {};
    for (const [id, track] of this.tracks) result[id] = { lat: track.current.lat, lng: track.current.lng };
    return result;
  }

  /** Where a truck is drawn, in pixels from the map container's top-left. */
  pointOf(id: string): { x: number; y: number } | null {
    const track = this.tracks.get(id);
    if (!track || !this.map) return null;
    const { x, y } = this.map.latLngToContainerPoint(track.current);
    return { x, y };
  }

  /** The truck under a point of the map container, nearest first. */
  truckAt(point: L.Point): string | null {
    if (!this.map) return null;
    let best: string | null = null;
    let bestDistance = HIT_RADIUS_PX;
    for (const [id, track] of this.tracks) {
      const distance = this.map.latLngToContainerPoint(track.current).distanceTo(point);
      if (distance <= bestDistance) {
        best = id;
        bestDistance = distance;
      }
    }
    return best;
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
    const visible: { point: L.Point; track: Track; id: string }[] = [];
    for (const [id, track] of this.tracks) {
      const point = map.latLngToContainerPoint(track.current);
      if (point.x < -margin || point.y < -margin || point.x > size.x + margin || point.y > size.y + margin) continue;
      visible.push({ point, track, id });
    }

    // Pre-drawn sprites, blitted: with thousands of trucks a path per dot costs
    // far more to rasterise than copying the same few small images.
    for (const { point, track } of visible) {
      const sprite = truckSprite(track.sprite.color, track.sprite.bearingDeg, radius, ratio);
      context.drawImage(
        sprite,
        point.x - sprite.width / ratio / 2,
        point.y - sprite.height / ratio / 2,
        sprite.width / ratio,
        sprite.height / ratio,
      );
    }

    const selected = this.selectedId ? visible.find((entry) => entry.id === this.selectedId) : undefined;
    if (selected) {
      context.beginPath();
      context.arc(selected.point.x, selected.point.y, radius + 5, 0, Math.PI * 2);
      context.lineWidth = 2.5;
      context.strokeStyle = '#ffffff';
      context.stroke();
    }

    // The selected truck is always labelled, and first, so no other label hides it.
    const labelled = [
      ...(selected ? [selected] : []),
      ...(zoom >= LABEL_MIN_ZOOM ? visible.filter((entry) => entry !== selected) : []),
    ];
    if (labelled.length > 0) {
      context.font = '600 12px system-ui, sans-serif';
      context.textBaseline = 'middle';
      context.lineJoin = 'round';
      context.lineWidth = 3.5;
      context.strokeStyle = 'rgba(13, 17, 23, 0.9)';
      context.fillStyle = '#f0f6fc';
      // Greedy: a label that would cover one already drawn is left out (trucks queue at plants and sites).
      const taken: { x: number; y: number; right: number; bottom: number }[] = [];
      for (const { point, track } of labelled.slice(0, MAX_LABELS)) {
        const text = track.sprite.ticket ? `${track.sprite.label} · ${track.sprite.ticket}` : track.sprite.label;
        const x = point.x + radius + 5;
        const box = { x, y: point.y - 8, right: x + context.measureText(text).width, bottom: point.y + 8 };
        if (
          taken.some(
            (other) => box.x < other.right && box.right > other.x && box.y < other.bottom && box.bottom > other.y,
          )
        ) {
          continue;
        }
        taken.push(box);
        context.strokeText(text, x, point.y);
        context.fillText(text, x, point.y);
      }
    }
  }
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
  context.beginPath();
  context.arc(half, half, radius, 0, Math.PI * 2);
  context.fillStyle = color;
  context.fill();
  context.lineWidth = 1.5;
  context.strokeStyle = OUTLINE;
  context.stroke();
  spriteCache.set(key, canvas);
  return canvas;
}
