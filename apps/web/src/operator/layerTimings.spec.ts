import { describe, expect, it } from '@jest/globals';
import { LayerTimings } from './layerTimings';

describe(LayerTimings.name, () => {
  it('gives a reader what was recorded after what it read last, oldest first', () => {
    const timings = new LayerTimings(8);
    timings.record('draw', 10, 2.5);
    const { next } = timings.since(0);
    timings.record('apply', 20, 0.5);
    timings.record('draw', 30, 3);
    expect(timings.since(next)).toEqual({
      next: 3,
      lost: 0,
      entries: [
        { work: 'apply', start: 20, durationMs: 0.5 },
        { work: 'draw', start: 30, durationMs: 3 },
      ],
    });
  });

  it('keeps only the newest pieces and says how many a slow reader missed', () => {
    const timings = new LayerTimings(4);
    for (let index = 0; index < 10; index += 1) timings.record('draw', index, index / 10);
    const read = timings.since(0);
    expect(read.lost).toBe(6);
    expect(read.entries.map((entry) => entry.start)).toEqual([6, 7, 8, 9]);
    expect(timings.since(read.next).entries).toEqual([]);
  });
});
