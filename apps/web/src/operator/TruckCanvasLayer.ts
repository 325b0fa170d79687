import * as L from 'leaflet';
import { ClusterGrid } from './clusterGrid';
import { LayerTimings } from './layerTimings';
import { boxesOverlap, type LabelBox, ringAround } from './truckClusters';
import { SpriteAtlas } from './truckSprites';
import { BEARING_STEPS, colourCount, TruckTracks, type TruckSprite } from './truckTracks';

export type { TruckSprite } from './truckTracks';

/** A counted badge of the last frame. */
export interface DrawnCluster {
  key: string;
  x: number;
  y: number;
  radius: number;
  ids: string[];
}

export interface FrameStats {
  frames: number;
  lastDrawMs: number;
  maxDrawMs: number;
  averageDrawMs: number;
  trucks: number;
  /** Fixes handed to the layer since the start. */
  fixes: number;
  /** What the last frame drew: dots, counted badges, labels. */
  dots: number;
  badges: number;
  labels: number;
}

/** About one report interval: a truck glides into its new fix just as the next one is due. */
export const GLIDE_MS = 800;
/** Above this many trucks gliding at once, or this many in view, frames are spaced to CROWDED_FRAME_MS. */
const MANY_MOVING = 300;
const MANY_IN_VIEW = 1000;
/** About 15 frames a second: smooth enough for a fleet, and leaves the main thread most of its time. */
const CROWDED_FRAME_MS = 66;
/** While trucks glide, frames are at least this many times the last draw apart: a tenth of the main thread at most. */
const DRAW_SHARE_DIVISOR = 10;
/** Further than this in one step is a teleport (tracker came back, truck reassigned): no glide. */
const MAX_GLIDE_DEGREES = 0.05;
/** Labels only where they can be read without covering each other. */
export const LABEL_MIN_ZOOM = 14;
const HIT_RADIUS_PX = 12;
/** Past this many, labels cost more than they tell. */
const MAX_LABELS = 400;
/** Dots nearer than two radii and this gap would touch: they are drawn as one badge. */
const CLUSTER_GAP_PX = 6;
const BADGE_RADIUS_PX = 12;
/** Between the dots of an open badge's ring, beyond their own size. */
const RING_SPACING_PX = 10;
const LABEL_FONT = '600 12px system-ui, sans-serif';

function radiusAt(zoom: number): number {
  if (zoom >= 15) return 7;
  if (zoom >= 12) return 5.5;
  return 4;
}

function badgeRadius(count: number): number {
  return BADGE_RADIUS_PX + 3 * (String(count).length - 1);
}

/**
 * Every truck on one canvas, no DOM element per truck. Positions glide from the previous fix to the
 * new one over GLIDE_MS; when nothing moves no frame is drawn except after the map itself moves.
 *
 * A frame costs little at fleet scale: positions are kept projected to world pixels and projected
 * again only on a new fix or a new zoom (panning only shifts them); only trucks in view are
 * clustered and drawn; clustering runs on a grid of typed arrays kept between frames; dots and badges
 * are pre-drawn sprites looked up by number and copied. Nothing the size of the fleet is allocated
 * per frame.
 */
export class TruckCanvasLayer extends L.Layer {
  private map: L.Map | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private readonly tracks = new TruckTracks(GLIDE_MS, MAX_GLIDE_DEGREES);
  private readonly grid = new ClusterGrid();
  private readonly sprites = new SpriteAtlas();
  /** Each draw and each batch of fixes applied, with how long it took: read by benchmarks. */
  readonly timings = new LayerTimings();
  private frame: number | null = null;
  private pending: ReturnType<typeof setTimeout> | null = null;
  private selectedId: string | null = null;
  /** The badge opened into a ring, until the map zooms or someone clicks elsewhere. */
  private openCluster: string | null = null;
  private totalDrawMs = 0;
  readonly stats: FrameStats = {
    frames: 0,
    lastDrawMs: 0,
    maxDrawMs: 0,
    averageDrawMs: 0,
    trucks: 0,
    fixes: 0,
    dots: 0,
    badges: 0,
    labels: 0,
  };

  // Trucks in view this frame, in id order: their slot and world pixels, and whether kept apart.
  private viewSlots = new Int32Array(256);
  private viewWx = new Float64Array(256);
  private viewWy = new Float64Array(256);
  private viewApart = new Uint8Array(256);
  private colourTally = new Int32Array(16);

  // The last frame, for hit tests and browser tests. Cluster c is grid cluster c; its members are
  // viewSlots[grid.members[…]]. Emptied when a truck leaves, since slots then change hands.
  private dotCount = 0;
  private dotSlots = new Int32Array(256);
  private dotX = new Float64Array(256);
  private dotY = new Float64Array(256);
  private dotLeft = new Uint8Array(256);
  private clusterCount = 0;
  private clusterX = new Float64Array(256);
  private clusterY = new Float64Array(256);
  private clusterR = new Float64Array(256);
  private openIndex = -1;
  /** Per slot: its dot or its badge in the last frame, -1 for neither. */
  private slotDot = new Int32Array(256);
  private slotCluster = new Int32Array(256);
  /** Slots below this were in the fleet when the last frame was drawn. */
  private drawnSlots = 0;
  /** Trucks in view (and its margin) in the last frame. */
  private inView = 0;
  private labelBoxes: LabelBox[] = [];
  private reservedBoxes: LabelBox[] = [];

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
    this.tracks.moveTo(id, lat, lng, sprite, performance.now());
    this.stats.fixes += 1;
    this.requestDraw();
  }

  /** A new fix for a truck already on the map, drawn as it is now (benchmarks feed the layer alone). */
  glideTo(id: string, lat: number, lng: number): boolean {
    const slot = this.tracks.slot(id);
    if (slot === undefined) return false;
    this.moveTo(id, lat, lng, this.tracks.sprites[slot]);
    return true;
  }

  restyle(id: string, sprite: TruckSprite): void {
    if (this.tracks.restyle(id, sprite)) this.requestDraw();
  }

  removeTruck(id: string): void {
    if (!this.tracks.remove(id)) return;
    this.dotCount = 0;
    this.clusterCount = 0;
    this.openIndex = -1;
    this.drawnSlots = 0;
    this.requestDraw();
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

  /** A batch of fixes applied by the caller between `start` and now, for the timings. */
  recordApplied(start: number): void {
    this.timings.record('apply', start, performance.now() - start);
  }

  private readonly closeCluster = (): void => {
    this.openCluster = null;
  };

  /** Browser tests and benchmarks look at one place of the map. */
  showAt(lat: number, lng: number, zoom: number): void {
    this.map?.setView([lat, lng], zoom, { animate: false });
  }

  get size(): number {
    return this.tracks.count;
  }

  /** The counted badges of the last frame (not the one open as a ring). */
  drawnClusters(): DrawnCluster[] {
    const result: DrawnCluster[] = [];
    for (let c = 0; c < this.clusterCount; c += 1) {
      if (c === this.openIndex) continue;
      const ids = this.clusterIds(c);
      result.push({ key: ids[0], x: this.clusterX[c], y: this.clusterY[c], radius: this.clusterR[c], ids });
    }
    return result;
  }

  /** Truck labels drawn in the last frame, and the site names they kept clear of. */
  drawnLabels(): { drawn: LabelBox[]; reserved: LabelBox[] } {
    return { drawn: [...this.labelBoxes], reserved: [...this.reservedBoxes] };
  }

  /** Where each truck is drawn at this instant (mid-glide included). */
  positions(): Record<string, { lat: number; lng: number }> {
    const result: Record<string, { lat: number; lng: number }> = {};
    const { tracks } = this;
    for (let slot = 0; slot < tracks.count; slot += 1) {
      result[tracks.ids[slot]] = { lat: tracks.curLat[slot], lng: tracks.curLng[slot] };
    }
    return result;
  }

  /**
   * Where a truck is drawn, in pixels from the map container's top-left: on its ring when its badge
   * is open, at the badge when it is in one.
   */
  pointOf(id: string): { x: number; y: number } | null {
    const slot = this.tracks.slot(id);
    if (slot === undefined) return null;
    if (slot < this.drawnSlots) {
      const dot = this.slotDot[slot];
      if (dot >= 0) return { x: this.dotX[dot], y: this.dotY[dot] };
      const cluster = this.slotCluster[slot];
      if (cluster >= 0) return { x: this.clusterX[cluster], y: this.clusterY[cluster] };
    }
    if (!this.map) return null;
    const { x, y } = this.map.latLngToContainerPoint([this.tracks.curLat[slot], this.tracks.curLng[slot]]);
    return { x, y };
  }

  /** The truck drawn under a point of the map container, nearest first. */
  truckAt(point: L.Point): string | null {
    let best = -1;
    let bestDistance = HIT_RADIUS_PX;
    for (let dot = 0; dot < this.dotCount; dot += 1) {
      const distance = Math.hypot(point.x - this.dotX[dot], point.y - this.dotY[dot]);
      if (distance <= bestDistance) {
        best = dot;
        bestDistance = distance;
      }
    }
    return best < 0 ? null : this.tracks.ids[this.dotSlots[best]];
  }

  /** The badge under a point of the map container. */
  clusterAt(point: L.Point): string | null {
    for (let c = 0; c < this.clusterCount; c += 1) {
      if (c === this.openIndex) continue;
      if (Math.hypot(point.x - this.clusterX[c], point.y - this.clusterY[c]) <= this.clusterR[c] + 2) {
        return this.tracks.ids[this.viewSlots[this.grid.members[this.grid.starts[c]]]];
      }
    }
    return null;
  }

  private clusterIds(c: number): string[] {
    const ids: string[] = [];
    for (let k = this.grid.starts[c]; k < this.grid.starts[c + 1]; k += 1) {
      ids.push(this.tracks.ids[this.viewSlots[this.grid.members[k]]]);
    }
    return ids;
  }

  private readonly requestDraw = (): void => {
    if (this.frame === null && this.pending === null && this.map) this.frame = requestAnimationFrame(this.drawFrame);
  };

  private readonly drawFrame = (now: number): void => {
    this.frame = null;
    const started = performance.now();
    const moving = this.draw(now);
    const drawMs = performance.now() - started;
    this.timings.record('draw', started, drawMs);
    this.stats.frames += 1;
    this.stats.lastDrawMs = drawMs;
    this.stats.maxDrawMs = Math.max(this.stats.maxDrawMs, drawMs);
    this.totalDrawMs += drawMs;
    this.stats.averageDrawMs = this.totalDrawMs / this.stats.frames;
    this.stats.trucks = this.tracks.count;
    if (moving === 0) return;
    // A few trucks glide at the display's rate; thousands, or a view so full that a draw costs
    // more than a tenth of a display frame, at a lower one, which the eye cannot tell apart at
    // fleet scale but the main thread can (rasterising and compositing the canvas cost more than
    // the draw itself).
    const crowded = moving > MANY_MOVING || this.inView > MANY_IN_VIEW;
    const spacing = crowded ? CROWDED_FRAME_MS : Math.min(CROWDED_FRAME_MS, drawMs * DRAW_SHARE_DIVISOR);
    const wait = started + spacing - performance.now();
    if (wait <= 0) {
      this.requestDraw();
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = null;
      this.requestDraw();
    }, wait);
  };

  /** Draws the frame at `now`; returns how many trucks are still gliding. */
  private draw(now: number): number {
    const map = this.map;
    const canvas = this.canvas;
    if (!map || !canvas) return 0;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(size.x * ratio) || canvas.height !== Math.round(size.y * ratio)) {
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    // The canvas sits at the container's top-left in the panning pane, so container points are canvas points.
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(canvas, topLeft);
    const context = canvas.getContext('2d');
    if (!context) return 0;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.x, size.y);

    const zoom = map.getZoom();
    const radius = radiusAt(zoom);
    const { tracks } = this;
    // World pixels stay put while the map pans, so clusters do not flicker.
    tracks.setZoom(zoom);
    const moving = tracks.advance(now);
    const origin = map.getPixelOrigin();
    const ox = origin.x + topLeft.x;
    const oy = origin.y + topLeft.y;
    this.sprites.use(radius, ratio);
    this.ensureCapacity(tracks.count);

    // Only trucks in view (and a margin, for labels and badges at the edge), in id order.
    const margin = radius + 60;
    const left = ox - margin;
    const top = oy - margin;
    const right = ox + size.x + margin;
    const bottom = oy + size.y + margin;
    const order = tracks.order();
    const selectedSlot = this.selectedId === null ? -1 : (tracks.slot(this.selectedId) ?? -1);
    const { viewSlots, viewWx, viewWy, viewApart, slotDot, slotCluster } = this;
    let inView = 0;
    for (let k = 0; k < tracks.count; k += 1) {
      const slot = order[k];
      const wx = tracks.wx[slot];
      const wy = tracks.wy[slot];
      slotDot[slot] = -1;
      slotCluster[slot] = -1;
      if (wx < left || wx > right || wy < top || wy > bottom) continue;
      viewSlots[inView] = slot;
      viewWx[inView] = wx;
      viewWy[inView] = wy;
      viewApart[inView] = slot === selectedSlot ? 1 : 0;
      inView += 1;
    }
    this.drawnSlots = tracks.count;
    this.inView = inView;
    const grid = this.grid;
    grid.run(inView, viewWx, viewWy, viewApart, radius * 2 + CLUSTER_GAP_PX);
    // A truck just beyond the reach may still sit under a badge, which is drawn bigger: it counts in it.
    grid.joinCovered(viewWx, viewWy, viewApart, (count) => badgeRadius(count) + radius + CLUSTER_GAP_PX / 2);

    // Badges, at the mean of the trucks clustered (not those joined), in the colour most of them have.
    this.dotCount = 0;
    this.clusterCount = grid.clusterCount;
    this.openIndex = -1;
    if (this.colourTally.length < colourCount()) this.colourTally = new Int32Array(colourCount() * 2);
    const tally = this.colourTally;
    const colourStride = BEARING_STEPS + 1;
    for (let c = 0; c < grid.clusterCount; c += 1) {
      const start = grid.starts[c];
      const end = grid.starts[c + 1];
      for (let k = start; k < end; k += 1) {
        tally[Math.floor(tracks.spriteKeys[viewSlots[grid.members[k]]] / colourStride)] += 1;
      }
      // Ties go to the colour met first, in id order.
      let main = 0;
      let mainCount = 0;
      for (let k = start; k < end; k += 1) {
        const colour = Math.floor(tracks.spriteKeys[viewSlots[grid.members[k]]] / colourStride);
        if (tally[colour] > mainCount) {
          main = colour;
          mainCount = tally[colour];
        }
      }
      for (let k = start; k < end; k += 1)
        tally[Math.floor(tracks.spriteKeys[viewSlots[grid.members[k]]] / colourStride)] = 0;
      const count = end - start;
      const x = grid.centreX[c] - ox;
      const y = grid.centreY[c] - oy;
      this.clusterX[c] = x;
      this.clusterY[c] = y;
      this.clusterR[c] = badgeRadius(count);
      if (this.openCluster !== null && tracks.ids[viewSlots[grid.members[start]]] === this.openCluster) {
        this.openIndex = c;
        continue;
      }
      for (let k = start; k < end; k += 1) slotCluster[viewSlots[grid.members[k]]] = c;
      const sprite = this.sprites.badge(main, count, this.clusterR[c]);
      this.blit(context, sprite, x, y, ratio);
    }
    if (this.openIndex < 0) this.openCluster = null;

    // Dots: the trucks on their own, then the ring of the open badge.
    for (let s = 0; s < grid.singleCount; s += 1) {
      const member = grid.singles[s];
      this.addDot(viewSlots[member], viewWx[member] - ox, viewWy[member] - oy, false);
    }
    const ringIds = this.openIndex >= 0 ? this.clusterIds(this.openIndex) : [];
    if (this.openIndex >= 0) {
      const x = this.clusterX[this.openIndex];
      const y = this.clusterY[this.openIndex];
      const ring = ringAround({ key: ringIds[0], x, y, ids: ringIds }, radius * 2 + RING_SPACING_PX);
      context.beginPath();
      for (const spot of ring) {
        context.moveTo(x, y);
        context.lineTo(spot.x, spot.y);
      }
      context.lineWidth = 1.5;
      context.strokeStyle = 'rgba(230, 237, 243, 0.7)';
      context.stroke();
      for (const spot of ring) this.addDot(tracks.slot(spot.id)!, spot.x, spot.y, spot.labelSide === 'left');
    }
    for (let dot = 0; dot < this.dotCount; dot += 1) {
      this.blit(
        context,
        this.sprites.truck(tracks.spriteKeys[this.dotSlots[dot]]),
        this.dotX[dot],
        this.dotY[dot],
        ratio,
      );
    }

    const selectedDot = selectedSlot >= 0 ? slotDot[selectedSlot] : -1;
    if (selectedDot >= 0) {
      context.beginPath();
      context.arc(this.dotX[selectedDot], this.dotY[selectedDot], radius + 5, 0, Math.PI * 2);
      context.lineWidth = 2.5;
      context.strokeStyle = '#ffffff';
      context.stroke();
    }
    this.drawLabels(context, map, zoom, radius, selectedDot, ringIds.length > 0);
    this.stats.dots = this.dotCount;
    this.stats.badges = this.clusterCount - (this.openIndex >= 0 ? 1 : 0);
    this.stats.labels = this.labelBoxes.length;
    return moving;
  }

  /**
   * The selected truck is always labelled, and first; an open ring is labelled at any zoom, other
   * dots from LABEL_MIN_ZOOM. Greedy: a label that would cover one already drawn, a site's name or a
   * badge is left out.
   */
  private drawLabels(
    context: CanvasRenderingContext2D,
    map: L.Map,
    zoom: number,
    radius: number,
    selectedDot: number,
    ringOpen: boolean,
  ): void {
    this.labelBoxes = [];
    this.reservedBoxes = [];
    const ringStart =
      this.dotCount - (ringOpen ? this.grid.starts[this.openIndex + 1] - this.grid.starts[this.openIndex] : 0);
    const anyLabel = selectedDot >= 0 || ringOpen || (zoom >= LABEL_MIN_ZOOM && this.dotCount > 0);
    if (!anyLabel) return;
    this.reservedBoxes = placeLabelBoxes(map);
    context.font = LABEL_FONT;
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    context.lineWidth = 3.5;
    context.strokeStyle = 'rgba(13, 17, 23, 0.9)';
    context.fillStyle = '#f0f6fc';
    const { tracks } = this;
    let considered = 0;
    const label = (dot: number, always: boolean) => {
      considered += 1;
      const slot = this.dotSlots[dot];
      let width = tracks.labelWidths[slot];
      if (Number.isNaN(width)) {
        width = context.measureText(tracks.labels[slot]).width;
        tracks.labelWidths[slot] = width;
      }
      const x = this.dotLeft[dot] ? this.dotX[dot] - radius - 5 - width : this.dotX[dot] + radius + 5;
      const y = this.dotY[dot];
      const box = { x, y: y - 8, right: x + width, bottom: y + 8 };
      if (!always && this.covers(box)) return;
      this.labelBoxes.push(box);
      context.strokeText(tracks.labels[slot], x, y);
      context.fillText(tracks.labels[slot], x, y);
    };
    if (selectedDot >= 0) label(selectedDot, true);
    for (let dot = 0; dot < this.dotCount && considered < MAX_LABELS; dot += 1) {
      if (dot === selectedDot) continue;
      if (dot < ringStart && zoom < LABEL_MIN_ZOOM) continue;
      label(dot, false);
    }
  }

  /** Whether a label box would cover a label drawn, a site's name or a badge. */
  private covers(box: LabelBox): boolean {
    for (const other of this.reservedBoxes) if (boxesOverlap(box, other)) return true;
    for (const other of this.labelBoxes) if (boxesOverlap(box, other)) return true;
    for (let c = 0; c < this.clusterCount; c += 1) {
      if (c === this.openIndex) continue;
      const r = this.clusterR[c];
      const x = this.clusterX[c];
      const y = this.clusterY[c];
      if (box.x < x + r && box.right > x - r && box.y < y + r && box.bottom > y - r) return true;
    }
    return false;
  }

  private addDot(slot: number, x: number, y: number, labelLeft: boolean): void {
    const dot = this.dotCount;
    this.dotSlots[dot] = slot;
    this.dotX[dot] = x;
    this.dotY[dot] = y;
    this.dotLeft[dot] = labelLeft ? 1 : 0;
    this.slotDot[slot] = dot;
    this.dotCount += 1;
  }

  /** Copies a sprite centred on a point, aligned to device pixels so it is copied, not resampled. */
  private blit(
    context: CanvasRenderingContext2D,
    sprite: HTMLCanvasElement,
    x: number,
    y: number,
    ratio: number,
  ): void {
    const width = sprite.width / ratio;
    const height = sprite.height / ratio;
    context.drawImage(
      sprite,
      Math.round((x - width / 2) * ratio) / ratio,
      Math.round((y - height / 2) * ratio) / ratio,
      width,
      height,
    );
  }

  private ensureCapacity(trucks: number): void {
    if (this.slotDot.length < trucks) {
      this.slotDot = new Int32Array(Math.max(trucks, this.slotDot.length * 2));
      this.slotCluster = new Int32Array(this.slotDot.length);
    }
    if (this.viewSlots.length < trucks) {
      const length = Math.max(trucks, this.viewSlots.length * 2);
      this.viewSlots = new Int32Array(length);
      this.viewWx = new Float64Array(length);
      this.viewWy = new Float64Array(length);
      this.viewApart = new Uint8Array(length);
      this.dotSlots = new Int32Array(length);
      this.dotX = new Float64Array(length);
      this.dotY = new Float64Array(length);
      this.dotLeft = new Uint8Array(length);
      this.clusterX = new Float64Array(length);
      this.clusterY = new Float64Array(length);
      this.clusterR = new Float64Array(length);
    }
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
