import { describe, expect, it } from '@jest/globals';
import { mercatorX, mercatorY, worldSize } from './webMercator';

describe('web Mercator world pixels', () => {
  it('puts the null island at the centre of the world and the date line at its edges', () => {
    const size = worldSize(0);
    expect(size).toBe(256);
    expect(mercatorX(0, size)).toBe(128);
    expect(mercatorY(0, size)).toBeCloseTo(128, 9);
    expect(mercatorX(-180, size)).toBe(0);
    expect(mercatorX(180, size)).toBe(256);
  });

  it('ends the square map at 85.05° and clamps beyond it', () => {
    const size = worldSize(3);
    expect(mercatorY(85.0511287798, size)).toBeCloseTo(0, 6);
    expect(mercatorY(-85.0511287798, size)).toBeCloseTo(size, 6);
    expect(mercatorY(89.9, size)).toBe(mercatorY(85.0511287798, size));
  });

  it('matches the spherical Mercator formula Leaflet projects with', () => {
    // Leaflet: R·ln(tan(π/4 + φ/2)) scaled by 0.5 / (π·R), flipped and shifted by half the world.
    const zoom = 13.5;
    const lat = 31.9;
    const expected = worldSize(zoom) * (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI));
    expect(mercatorY(lat, worldSize(zoom))).toBeCloseTo(expected, 6);
    expect(mercatorX(118.8, worldSize(zoom))).toBeCloseTo(worldSize(zoom) * ((118.8 + 180) / 360), 6);
  });
});
