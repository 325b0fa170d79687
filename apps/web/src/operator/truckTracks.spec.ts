import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BEARING_STEPS, colourIndex, spriteKeyOf, type TruckSprite, TruckTracks } from './truckTracks';
import { mercatorX, mercatorY, worldSize } from './webMercator';

const GLIDE = 800;
const sprite = (color = '#3b82f6', bearingDeg: number | null = null): TruckSprite => ({
  color,
  label: 'B1',
  ticket: null,
  bearingDeg,
});

describe(TruckTracks.name, () => {
  it('projects a truck once per fix and once per zoom, never because a frame is drawn', () => {
    const tracks = new TruckTracks(GLIDE, 0.05);
    tracks.setZoom(13);
    tracks.moveTo('a', 31.9, 118.8, sprite(), 0);
    tracks.moveTo('b', 31.91, 118.81, sprite(), 0);
    expect(tracks.projections).toBe(2);
    for (let now = 0; now <= 2000; now += 16) tracks.advance(now);
    expect(tracks.projections).toBe(2);
    tracks.moveTo('a', 31.901, 118.801, sprite(), 2000);
    expect(tracks.projections).toBe(3);
    tracks.setZoom(13);
    expect(tracks.projections).toBe(3);
    // A gliding truck is projected three times at a new zoom: where it started, is and is going.
    tracks.setZoom(14);
    expect(tracks.projections).toBe(3 + 3 + 1);
    tracks.advance(3000);
    tracks.setZoom(15);
    expect(tracks.projections).toBe(7 + 2);
    const slot = tracks.slot('b')!;
    expect(tracks.wx[slot]).toBeCloseTo(mercatorX(118.81, worldSize(15)), 9);
    expect(tracks.wy[slot]).toBeCloseTo(mercatorY(31.91, worldSize(15)), 9);
  });

  it('glides from where the truck is drawn to its new fix in GLIDE ms, in world pixels and degrees', () => {
    const tracks = new TruckTracks(GLIDE, 0.05);
    tracks.setZoom(12);
    tracks.moveTo('a', 31.9, 118.8, sprite(), 0);
    tracks.moveTo('a', 31.91, 118.8, sprite(), 1000);
    const slot = tracks.slot('a')!;
    const startY = mercatorY(31.9, worldSize(12));
    const endY = mercatorY(31.91, worldSize(12));
    expect(tracks.advance(1400)).toBe(1);
    expect(tracks.wy[slot]).toBeCloseTo((startY + endY) / 2, 9);
    expect(tracks.curLat[slot]).toBeCloseTo(31.905, 9);
    // A new fix mid-glide starts from where the truck is drawn, not from its last fix.
    tracks.moveTo('a', 31.92, 118.8, sprite(), 1400);
    expect(tracks.advance(1400)).toBe(1);
    expect(tracks.curLat[slot]).toBeCloseTo(31.905, 9);
    expect(tracks.advance(2200)).toBe(0);
    expect(tracks.curLat[slot]).toBe(31.92);
    expect(tracks.wy[slot]).toBeCloseTo(mercatorY(31.92, worldSize(12)), 9);
  });

  it('jumps instead of gliding when a fix lands far away', () => {
    const tracks = new TruckTracks(GLIDE, 0.05);
    tracks.setZoom(12);
    tracks.moveTo('a', 31.9, 118.8, sprite(), 0);
    tracks.moveTo('a', 32.5, 118.8, sprite(), 1000);
    tracks.advance(1001);
    expect(tracks.curLat[tracks.slot('a')!]).toBe(32.5);
  });

  it('lists trucks in id order, and keeps every other truck where it was when one leaves', () => {
    const tracks = new TruckTracks(GLIDE, 0.05);
    tracks.setZoom(12);
    for (const [index, id] of ['d', 'b', 'a', 'c'].entries()) tracks.moveTo(id, 31 + index, 118, sprite(), 0);
    const ids = () => Array.from(tracks.order().subarray(0, tracks.count), (slot) => tracks.ids[slot]);
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);
    expect(tracks.remove('b')).toBe(true);
    expect(tracks.remove('b')).toBe(false);
    expect(ids()).toEqual(['a', 'c', 'd']);
    expect(tracks.curLat[tracks.slot('c')!]).toBe(34);
    expect(tracks.curLat[tracks.slot('d')!]).toBe(31);
    expect(tracks.wy[tracks.slot('c')!]).toBeCloseTo(mercatorY(34, worldSize(12)), 9);
  });

  it('keeps its id order right through any run of trucks coming and going', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 0, max: 40 }), leaves: fc.boolean(), look: fc.boolean() }), {
          maxLength: 120,
        }),
        (steps) => {
          const tracks = new TruckTracks(GLIDE, 0.05);
          const present = new Set<string>();
          for (const { id, leaves, look } of steps) {
            const name = `truck-${String(id).padStart(2, '0')}`;
            if (leaves) {
              expect(tracks.remove(name)).toBe(present.delete(name));
            } else {
              tracks.moveTo(name, 31, 118, sprite(), 0);
              present.add(name);
            }
            if (look) {
              const ids = Array.from(tracks.order().subarray(0, tracks.count), (slot) => tracks.ids[slot]);
              expect(ids).toEqual([...present].sort());
            }
          }
          const ids = Array.from(tracks.order().subarray(0, tracks.count), (slot) => tracks.ids[slot]);
          expect(ids).toEqual([...present].sort());
          for (const name of present) expect(tracks.ids[tracks.slot(name)!]).toBe(name);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds thousands of trucks, growing its arrays as they come', () => {
    const tracks = new TruckTracks(GLIDE, 0.05);
    for (let index = 0; index < 3000; index += 1) tracks.moveTo(`t${index}`, 31 + index / 10_000, 118, sprite(), 0);
    tracks.setZoom(10);
    expect(tracks.count).toBe(3000);
    expect(tracks.wy[tracks.slot('t2999')!]).toBeCloseTo(mercatorY(31.2999, worldSize(10)), 9);
  });

  it('tells a restyle that changes nothing drawn from one that does', () => {
    const tracks = new TruckTracks(GLIDE, 0.05);
    tracks.moveTo('a', 31, 118, sprite('#3b82f6', 90), 0);
    expect(tracks.restyle('a', sprite('#3b82f6', 91))).toBe(false);
    expect(tracks.restyle('a', sprite('#22c55e', 91))).toBe(true);
    expect(tracks.restyle('a', { ...sprite('#22c55e', 91), ticket: 'T-2026-000123' })).toBe(true);
    expect(tracks.labels[tracks.slot('a')!]).not.toBe('B1');
    expect(tracks.restyle('nobody', sprite())).toBe(false);
  });
});

describe(spriteKeyOf.name, () => {
  it('gives each colour and heading step a number of its own', () => {
    const blue = colourIndex('#3b82f6');
    expect(spriteKeyOf(sprite('#3b82f6', null))).toBe(blue * (BEARING_STEPS + 1));
    expect(spriteKeyOf(sprite('#3b82f6', 0))).toBe(blue * (BEARING_STEPS + 1) + 1);
    expect(spriteKeyOf(sprite('#3b82f6', 359))).toBe(spriteKeyOf(sprite('#3b82f6', 0)));
    expect(spriteKeyOf(sprite('#3b82f6', -90))).toBe(spriteKeyOf(sprite('#3b82f6', 270)));
    expect(spriteKeyOf(sprite('#ef4444', 0))).not.toBe(spriteKeyOf(sprite('#3b82f6', 0)));
  });
});
