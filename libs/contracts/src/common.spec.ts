import { z } from 'zod';
import { LineString, patchSchema, Polygon } from './common';
import { UpdatePourRequest } from './pours';

describe('patchSchema', () => {
  const Fields = z.object({ name: z.string(), notes: z.string().default(''), count: z.number().default(1) });

  it('leaves out the fields a partial update does not name, defaults included', () => {
    expect(patchSchema(Fields).parse({ name: 'x' })).toEqual({ name: 'x' });
    expect(Fields.partial().parse({ name: 'x' })).toEqual({ name: 'x', notes: '', count: 1 });
  });

  it('still validates the fields that are named', () => {
    expect(patchSchema(Fields).safeParse({ count: 'three' }).success).toBe(false);
  });

  it('keeps a pour plan patch to what was sent', () => {
    expect(UpdatePourRequest.parse({ volumeM3: 12 })).toEqual({ volumeM3: 12 });
  });
});

describe('GeoJSON shapes', () => {
  it('refuses a polygon ring that does not close', () => {
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    };
    expect(Polygon.safeParse(open).success).toBe(false);
    const closed = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(Polygon.safeParse(closed).success).toBe(true);
  });

  it('wants a route of at least two positions in range', () => {
    expect(LineString.safeParse({ type: 'LineString', coordinates: [[0, 0]] }).success).toBe(false);
    expect(
      LineString.safeParse({
        type: 'LineString',
        coordinates: [
          [0, 91],
          [0, 0],
        ],
      }).success,
    ).toBe(false);
    expect(
      LineString.safeParse({
        type: 'LineString',
        coordinates: [
          [118.8, 31.9],
          [118.9, 32],
        ],
      }).success,
    ).toBe(true);
  });
});
