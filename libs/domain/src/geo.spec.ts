import {
  haversineMeters,
  isClosedRing,
  isPointInPolygon,
  isValidLatLng,
  lineStringLengthMeters,
  validateLineString,
  validatePolygon,
  type GeoPolygon,
  type LngLatPosition,
} from './geo';

const square: GeoPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [121.0, 31.0],
      [121.01, 31.0],
      [121.01, 31.01],
      [121.0, 31.01],
      [121.0, 31.0],
    ],
  ],
};

describe(isValidLatLng.name, () => {
  it.each([
    { lat: 31.23, lng: 121.47 },
    { lat: -90, lng: -180 },
    { lat: 90, lng: 180 },
  ])('accepts %p', (value) => {
    expect(isValidLatLng(value)).toBe(true);
  });

  it.each([
    { lat: 90.1, lng: 0 },
    { lat: 0, lng: 180.1 },
    { lat: NaN, lng: 0 },
    { lat: '31', lng: 121 },
    { lat: 31 },
    null,
    [31, 121],
  ])('refuses %p', (value) => {
    expect(isValidLatLng(value)).toBe(false);
  });
});

describe(haversineMeters.name, () => {
  it('is 0 between a point and itself', () => {
    expect(haversineMeters({ lat: 31, lng: 121 }, { lat: 31, lng: 121 })).toBe(0);
  });

  it('puts one degree of latitude about 111.2 km apart', () => {
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, -1);
  });

  it('measures Shanghai to Beijing at about 1,067 km', () => {
    const meters = haversineMeters({ lat: 31.2304, lng: 121.4737 }, { lat: 39.9042, lng: 116.4074 });
    expect(meters / 1000).toBeCloseTo(1067, 0);
  });

  it('is symmetric', () => {
    const a = { lat: 31.2, lng: 121.4 };
    const b = { lat: 31.3, lng: 121.5 };
    expect(haversineMeters(a, b)).toBe(haversineMeters(b, a));
  });
});

describe(lineStringLengthMeters.name, () => {
  it('adds the legs of a route', () => {
    const route: LngLatPosition[] = [
      [0, 0],
      [0, 1],
      [0, 2],
    ];
    expect(lineStringLengthMeters(route)).toBeCloseTo(2 * 111_195, -1);
  });

  it('is 0 for a single position or none', () => {
    expect(lineStringLengthMeters([[0, 0]])).toBe(0);
    expect(lineStringLengthMeters([])).toBe(0);
  });
});

describe(isClosedRing.name, () => {
  it('accepts a ring that ends where it starts', () => {
    expect(isClosedRing(square.coordinates[0])).toBe(true);
  });

  it('refuses an open ring', () => {
    expect(isClosedRing(square.coordinates[0].slice(0, 4))).toBe(false);
  });

  it('refuses a closed ring of three positions', () => {
    expect(
      isClosedRing([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBe(false);
  });
});

describe(isPointInPolygon.name, () => {
  it('finds a truck inside the plant fence', () => {
    expect(isPointInPolygon({ lat: 31.005, lng: 121.005 }, square)).toBe(true);
  });

  it('finds a truck outside the plant fence', () => {
    expect(isPointInPolygon({ lat: 31.02, lng: 121.005 }, square)).toBe(false);
  });

  it('counts a truck on the fence line as inside', () => {
    expect(isPointInPolygon({ lat: 31.0, lng: 121.005 }, square)).toBe(true);
  });

  it('does not confuse latitude and longitude', () => {
    expect(isPointInPolygon({ lat: 121.005, lng: 31.005 }, square)).toBe(false);
  });
});

describe(validateLineString.name, () => {
  it('accepts a route of two positions', () => {
    expect(
      validateLineString({
        type: 'LineString',
        coordinates: [
          [121, 31],
          [121.1, 31.1],
        ],
      }),
    ).toBeNull();
  });

  it.each([
    [null, 'a route must be a GeoJSON LineString'],
    ['LineString', 'a route must be a GeoJSON LineString'],
    [{ type: 'Point', coordinates: [121, 31] }, 'a route must be a GeoJSON LineString'],
    [{ type: 'LineString' }, 'a route needs a list of coordinates'],
    [{ type: 'LineString', coordinates: [[121, 31]] }, 'a route needs at least two positions'],
    [
      {
        type: 'LineString',
        coordinates: [
          [121, 31],
          [31, 121],
        ],
      },
      'position 2 is not [longitude, latitude] within range',
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          [121, 31],
          [121, 31, 5],
        ],
      },
      'position 2 is not [longitude, latitude] within range',
    ],
    [
      {
        type: 'LineString',
        coordinates: [
          ['121', 31],
          [121, 31],
        ],
      },
      'position 1 is not [longitude, latitude] within range',
    ],
  ])('refuses %p: %s', (value, message) => {
    expect(validateLineString(value)).toBe(message);
  });
});

describe(validatePolygon.name, () => {
  it('accepts a closed square', () => {
    expect(validatePolygon(square)).toBeNull();
  });

  it('accepts a polygon with a hole', () => {
    const hole: LngLatPosition[] = [
      [121.004, 31.004],
      [121.006, 31.004],
      [121.006, 31.006],
      [121.004, 31.004],
    ];
    expect(validatePolygon({ ...square, coordinates: [...square.coordinates, hole] })).toBeNull();
  });

  it.each([
    [null, 'an area must be a GeoJSON Polygon'],
    [{ type: 'LineString', coordinates: [] }, 'an area must be a GeoJSON Polygon'],
    [{ type: 'Polygon', coordinates: [] }, 'a polygon needs at least one ring'],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      'the outer ring needs at least four positions',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      'the outer ring must end where it starts',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 95],
            [0, 0],
          ],
        ],
      },
      'the outer ring: position 3 is not [longitude, latitude] within range',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          square.coordinates[0],
          [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        ],
      },
      'hole 1 needs at least four positions',
    ],
  ])('refuses %p: %s', (value, message) => {
    expect(validatePolygon(value)).toBe(message);
  });
});
