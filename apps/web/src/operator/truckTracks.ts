import { shortTicket } from '../loads/ticketLabel';
import { mercatorX, mercatorY, worldSize } from './webMercator';

export interface TruckSprite {
  color: string;
  /** Fleet number. */
  label: string;
  /** Ticket of the current load, if any. */
  ticket: string | null;
  bearingDeg: number | null;
}

/** Headings are drawn in this many steps. */
export const BEARING_STEPS = 16;

const colourIndexes = new Map<string, number>();
const colours: string[] = [];

/** A small number per colour, the same for the page's lifetime: sprites and badges are looked up by it. */
export function colourIndex(color: string): number {
  let index = colourIndexes.get(color);
  if (index === undefined) {
    index = colours.length;
    colours.push(color);
    colourIndexes.set(color, index);
  }
  return index;
}

export function colourOf(index: number): string {
  return colours[index];
}

/** The number of colours seen so far. */
export function colourCount(): number {
  return colours.length;
}

/** Colour and heading in one number: `colour · (BEARING_STEPS + 1) + step + 1`, step 0 for no heading. */
export function spriteKeyOf(sprite: TruckSprite): number {
  const step =
    sprite.bearingDeg === null
      ? -1
      : Math.round((((sprite.bearingDeg % 360) + 360) % 360) / (360 / BEARING_STEPS)) % BEARING_STEPS;
  return colourIndex(sprite.color) * (BEARING_STEPS + 1) + step + 1;
}

export function labelTextOf(sprite: TruckSprite): string {
  return sprite.ticket ? `${sprite.label} · ${shortTicket(sprite.ticket)}` : sprite.label;
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
}

/**
 * Every truck's glide from its previous fix to its latest, held in typed arrays by slot, with its
 * position in world pixels at the map's zoom cached: a truck is projected again only when it gets a
 * new fix or the zoom changes, never because the map pans or a frame is drawn. While gliding it
 * moves in a straight line in world pixels.
 */
export class TruckTracks {
  /** Slot → truck id; slots are 0…count - 1, a removed truck's slot taken by the last one. */
  readonly ids: string[] = [];
  readonly sprites: TruckSprite[] = [];
  readonly labels: string[] = [];
  count = 0;
  /** Projections made since the start, for tests and benchmarks. */
  projections = 0;

  fromLat = new Float64Array(256);
  fromLng = new Float64Array(256);
  toLat = new Float64Array(256);
  toLng = new Float64Array(256);
  curLat = new Float64Array(256);
  curLng = new Float64Array(256);
  startedAt = new Float64Array(256);
  fromWx = new Float64Array(256);
  fromWy = new Float64Array(256);
  toWx = new Float64Array(256);
  toWy = new Float64Array(256);
  /** Where the truck is drawn now, in world pixels at `zoom`. */
  wx = new Float64Array(256);
  wy = new Float64Array(256);
  gliding = new Uint8Array(256);
  spriteKeys = new Int32Array(256);
  /** Width of the label in the label font, NaN until measured. */
  labelWidths = new Float64Array(256);

  private readonly slotOf = new Map<string, number>();
  private zoom = NaN;
  private worldPx = NaN;
  /** Slots in id order: the first `sortedCount`, then those in `added`, merged in at the next order(). */
  private sorted = new Int32Array(256);
  private sortedCount = 0;
  private readonly added: number[] = [];
  private readonly byId = (a: number, b: number): number => {
    const { ids } = this;
    return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
  };

  constructor(
    private readonly glideMs: number,
    /** Further than this in one step is a teleport (tracker came back, truck reassigned): no glide. */
    private readonly maxGlideDegrees: number,
  ) {}

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** A new fix at `now`: glide there from wherever the truck is drawn now. */
  moveTo(id: string, lat: number, lng: number, sprite: TruckSprite, now: number): void {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.add(id, sprite);
      this.fromLat[slot] = this.toLat[slot] = this.curLat[slot] = lat;
      this.fromLng[slot] = this.toLng[slot] = this.curLng[slot] = lng;
      this.gliding[slot] = 0;
      if (!Number.isNaN(this.worldPx)) {
        this.projectTo(slot);
        this.fromWx[slot] = this.wx[slot] = this.toWx[slot];
        this.fromWy[slot] = this.wy[slot] = this.toWy[slot];
      }
      return;
    }
    this.setSprite(slot, sprite);
    const jump = Math.abs(this.curLat[slot] - lat) + Math.abs(this.curLng[slot] - lng);
    if (jump > this.maxGlideDegrees) {
      this.curLat[slot] = lat;
      this.curLng[slot] = lng;
      if (!Number.isNaN(this.worldPx)) {
        this.wx[slot] = mercatorX(lng, this.worldPx);
        this.wy[slot] = mercatorY(lat, this.worldPx);
        this.projections += 1;
      }
    }
    this.fromLat[slot] = this.curLat[slot];
    this.fromLng[slot] = this.curLng[slot];
    this.fromWx[slot] = this.wx[slot];
    this.fromWy[slot] = this.wy[slot];
    this.toLat[slot] = lat;
    this.toLng[slot] = lng;
    this.startedAt[slot] = now;
    this.gliding[slot] = 1;
    if (!Number.isNaN(this.worldPx)) this.projectTo(slot);
  }

  /** Returns whether anything drawn changed: colour, heading or label. */
  restyle(id: string, sprite: TruckSprite): boolean {
    const slot = this.slotOf.get(id);
    return slot === undefined ? false : this.setSprite(slot, sprite);
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const sorted = this.order();
    const at = sorted.subarray(0, this.sortedCount).indexOf(slot);
    sorted.copyWithin(at, at + 1, this.sortedCount);
    this.sortedCount -= 1;
    this.slotOf.delete(id);
    const last = this.count - 1;
    if (slot !== last) sorted[sorted.subarray(0, this.sortedCount).indexOf(last)] = slot;
    if (slot !== last) {
      for (const array of this.slotArrays()) array[slot] = array[last];
      this.ids[slot] = this.ids[last];
      this.sprites[slot] = this.sprites[last];
      this.labels[slot] = this.labels[last];
      this.slotOf.set(this.ids[slot], slot);
    }
    this.ids.pop();
    this.sprites.pop();
    this.labels.pop();
    this.count = last;
    return true;
  }

  /** World pixels at this zoom from now on: every truck is projected again, once, if it changed. */
  setZoom(zoom: number): void {
    if (zoom === this.zoom) return;
    this.zoom = zoom;
    this.worldPx = worldSize(zoom);
    for (let slot = 0; slot < this.count; slot += 1) {
      this.projectTo(slot);
      if (!this.gliding[slot]) {
        this.fromWx[slot] = this.wx[slot] = this.toWx[slot];
        this.fromWy[slot] = this.wy[slot] = this.toWy[slot];
        continue;
      }
      this.fromWx[slot] = mercatorX(this.fromLng[slot], this.worldPx);
      this.fromWy[slot] = mercatorY(this.fromLat[slot], this.worldPx);
      this.wx[slot] = mercatorX(this.curLng[slot], this.worldPx);
      this.wy[slot] = mercatorY(this.curLat[slot], this.worldPx);
      this.projections += 2;
    }
  }

  /** Moves gliding trucks to where they are at `now`; returns how many are still gliding. */
  advance(now: number): number {
    let moving = 0;
    const { gliding, startedAt, glideMs } = this;
    for (let slot = 0; slot < this.count; slot += 1) {
      if (!gliding[slot]) continue;
      const t = Math.min(1, Math.max(0, (now - startedAt[slot]) / glideMs));
      if (t >= 1) {
        gliding[slot] = 0;
        this.curLat[slot] = this.toLat[slot];
        this.curLng[slot] = this.toLng[slot];
        this.wx[slot] = this.toWx[slot];
        this.wy[slot] = this.toWy[slot];
        continue;
      }
      this.curLat[slot] = this.fromLat[slot] + (this.toLat[slot] - this.fromLat[slot]) * t;
      this.curLng[slot] = this.fromLng[slot] + (this.toLng[slot] - this.fromLng[slot]) * t;
      this.wx[slot] = this.fromWx[slot] + (this.toWx[slot] - this.fromWx[slot]) * t;
      this.wy[slot] = this.fromWy[slot] + (this.toWy[slot] - this.fromWy[slot]) * t;
      moving += 1;
    }
    return moving;
  }

  /**
   * Slots in truck-id order (the first `count` entries). Trucks that came since the last call are
   * sorted among themselves and merged in: a fleet coming online costs no full sort per frame.
   */
  order(): Int32Array {
    const added = this.added;
    if (added.length === 0) return this.sorted;
    added.sort(this.byId);
    if (this.sorted.length < this.count) this.sorted = grown(this.sorted, this.fromLat.length);
    const sorted = this.sorted;
    // Merged from the back, in place: the sorted part only moves up into free room.
    let i = this.sortedCount - 1;
    let j = added.length - 1;
    for (let k = this.sortedCount + added.length - 1; j >= 0; k -= 1) {
      if (i >= 0 && this.byId(sorted[i], added[j]) > 0) sorted[k] = sorted[i--];
      else sorted[k] = added[j--];
    }
    this.sortedCount += added.length;
    added.length = 0;
    return sorted;
  }

  private add(id: string, sprite: TruckSprite): number {
    const slot = this.count;
    if (slot >= this.fromLat.length) this.grow(this.fromLat.length * 2);
    this.count += 1;
    this.ids.push(id);
    this.sprites.push(sprite);
    this.labels.push(labelTextOf(sprite));
    this.spriteKeys[slot] = spriteKeyOf(sprite);
    this.labelWidths[slot] = NaN;
    this.slotOf.set(id, slot);
    this.added.push(slot);
    return slot;
  }

  private setSprite(slot: number, sprite: TruckSprite): boolean {
    const previous = this.sprites[slot];
    this.sprites[slot] = sprite;
    if (
      previous.color === sprite.color &&
      previous.bearingDeg === sprite.bearingDeg &&
      previous.label === sprite.label &&
      previous.ticket === sprite.ticket
    ) {
      return false;
    }
    const key = spriteKeyOf(sprite);
    const label = labelTextOf(sprite);
    const changed = key !== this.spriteKeys[slot] || label !== this.labels[slot];
    this.spriteKeys[slot] = key;
    if (label !== this.labels[slot]) {
      this.labels[slot] = label;
      this.labelWidths[slot] = NaN;
    }
    return changed;
  }

  private projectTo(slot: number): void {
    this.toWx[slot] = mercatorX(this.toLng[slot], this.worldPx);
    this.toWy[slot] = mercatorY(this.toLat[slot], this.worldPx);
    this.projections += 1;
  }

  private slotArrays(): Array<Float64Array | Int32Array | Uint8Array> {
    return [
      this.fromLat,
      this.fromLng,
      this.toLat,
      this.toLng,
      this.curLat,
      this.curLng,
      this.startedAt,
      this.fromWx,
      this.fromWy,
      this.toWx,
      this.toWy,
      this.wx,
      this.wy,
      this.gliding,
      this.spriteKeys,
      this.labelWidths,
    ];
  }

  private grow(length: number): void {
    this.fromLat = grown(this.fromLat, length);
    this.fromLng = grown(this.fromLng, length);
    this.toLat = grown(this.toLat, length);
    this.toLng = grown(this.toLng, length);
    this.curLat = grown(this.curLat, length);
    this.curLng = grown(this.curLng, length);
    this.startedAt = grown(this.startedAt, length);
    this.fromWx = grown(this.fromWx, length);
    this.fromWy = grown(this.fromWy, length);
    this.toWx = grown(this.toWx, length);
    this.toWy = grown(this.toWy, length);
    this.wx = grown(this.wx, length);
    this.wy = grown(this.wy, length);
    this.gliding = grown(this.gliding, length);
    this.spriteKeys = grown(this.spriteKeys, length);
    this.labelWidths = grown(this.labelWidths, length);
  }
}
