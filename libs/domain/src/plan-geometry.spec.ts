import { EARTH_RADIUS_METERS, type GeoLineString, type GeoPolygon, type LatLng, type LngLatPosition } from './geo';
import { checkPlanGeometry, type PlanGeometry, type PlanGeometryIssue } from './plan-geometry';
import { DEFAULT_PLAN_RULES } from './plan-rules';

const toDegrees = (radians: number) => (radians * 180) / Math.PI;

function offset(origin: LatLng, eastM: number, northM: number): LatLng {
  const lat = origin.lat + toDegrees(northM / EARTH_RADIUS_METERS);
  return { lat, lng: origin.lng + toDegrees(eastM / (EARTH_RADIUS_METERS * Math.cos((lat * Math.PI) / 180))) };
}

const position = (point: LatLng): LngLatPosition => [point.lng, point.lat];

/** A fence `halfM` metres each way around `centre`. */
function squareFence(centre: LatLng, halfM: number): GeoPolygon {
  const corners = [
    [-halfM, -halfM],
    [halfM, -halfM],
    [halfM, halfM],
    [-halfM, halfM],
  ].map(([east, north]) => position(offset(centre, east, north)));
  return { type: 'Polygon', coordinates: [[...corners, corners[0]]] };
}

const line = (...points: LatLng[]): GeoLineString => ({ type: 'LineString', coordinates: points.map(position) });

const site: LatLng = { lat: 31.95, lng: 118.85 };
const plant: LatLng = { lat: 31.9, lng: 118.8 };
const places = { siteFence: squareFence(site, 100), plantFence: squareFence(plant, 60) };
/** `m` metres north of the site's north fence, or of the plant's. */
const northOfSite = (m: number) => offset(site, 0, 100 + m);
const northOfPlant = (m: number) => offset(plant, 0, 60 + m);

/** A sane plan: everything inside the site, routes from yard to site and back. */
const sane: PlanGeometry = {
  pumpPosition: offset(site, -20, 30),
  startPoint: offset(site, -50, 0),
  endPoint: offset(site, 50, 0),
  entryRoute: line(plant, offset(plant, 2000, 2000), site),
  exitRoute: line(site, offset(plant, 2500, 1000), plant),
};

describe(checkPlanGeometry.name, () => {
  it('finds nothing wrong with a plan inside its site and routes between yard and site', () => {
    expect(checkPlanGeometry(sane, places, DEFAULT_PLAN_RULES)).toEqual([]);
  });

  it('checks no pump position for a pour without a pump', () => {
    expect(checkPlanGeometry({ ...sane, pumpPosition: null }, places, DEFAULT_PLAN_RULES)).toEqual([]);
  });

  // Judged in whole metres: 150.4 m reads 150 m and passes, 150.6 m reads 151 m and does not.
  const siteJustIn = northOfSite(150.4);
  const siteJustOut = northOfSite(150.6);
  const plantJustIn = northOfPlant(300.4);
  const plantJustOut = northOfPlant(300.6);
  const cases: [string, Partial<PlanGeometry>, Pick<PlanGeometryIssue, 'field' | 'rule'> | null][] = [
    ['a pump 150.4 m outside the site', { pumpPosition: siteJustIn }, null],
    ['a pump 150.6 m outside the site', { pumpPosition: siteJustOut }, { field: 'pumpPosition', rule: 'near_site' }],
    ['a start point 150.4 m outside the site', { startPoint: siteJustIn }, null],
    ['a start point 150.6 m outside the site', { startPoint: siteJustOut }, { field: 'startPoint', rule: 'near_site' }],
    ['an end point 150.4 m outside the site', { endPoint: siteJustIn }, null],
    ['an end point 150.6 m outside the site', { endPoint: siteJustOut }, { field: 'endPoint', rule: 'near_site' }],
    ['an entry route from 300.4 m outside the plant', { entryRoute: line(plantJustIn, site) }, null],
    [
      'an entry route from 300.6 m outside the plant',
      { entryRoute: line(plantJustOut, site) },
      { field: 'entryRoute', rule: 'starts_near_plant' },
    ],
    ['an entry route to 150.4 m outside the site', { entryRoute: line(plant, siteJustIn) }, null],
    [
      'an entry route to 150.6 m outside the site',
      { entryRoute: line(plant, siteJustOut) },
      { field: 'entryRoute', rule: 'ends_near_site' },
    ],
    ['an exit route from 150.4 m outside the site', { exitRoute: line(siteJustIn, plant) }, null],
    [
      'an exit route from 150.6 m outside the site',
      { exitRoute: line(siteJustOut, plant) },
      { field: 'exitRoute', rule: 'starts_near_site' },
    ],
    ['an exit route to 300.4 m outside the plant', { exitRoute: line(site, plantJustIn) }, null],
    [
      'an exit route to 300.6 m outside the plant',
      { exitRoute: line(site, plantJustOut) },
      { field: 'exitRoute', rule: 'ends_near_plant' },
    ],
    [
      'an exit route that only reaches the plant’s gate road, 1 km out',
      { exitRoute: line(site, northOfPlant(1000)) },
      { field: 'exitRoute', rule: 'ends_near_plant' },
    ],
  ];

  it.each(cases)('judges %s', (_case, change, expected) => {
    const issues = checkPlanGeometry({ ...sane, ...change }, places, DEFAULT_PLAN_RULES);
    if (expected === null) expect(issues).toEqual([]);
    else expect(issues).toEqual([expect.objectContaining(expected)]);
  });

  it('judges an entry route drawn backwards, site to plant, by both ends', () => {
    expect(checkPlanGeometry({ ...sane, entryRoute: line(site, plant) }, places, DEFAULT_PLAN_RULES)).toEqual([
      expect.objectContaining({ field: 'entryRoute', rule: 'starts_near_plant' }),
      expect.objectContaining({ field: 'entryRoute', rule: 'ends_near_site' }),
    ]);
  });

  it('says how far out the point is, in whole metres, and what was allowed', () => {
    const [issue] = checkPlanGeometry({ ...sane, pumpPosition: northOfSite(1000) }, places, DEFAULT_PLAN_RULES);
    expect(issue).toEqual({ field: 'pumpPosition', rule: 'near_site', distanceMeters: 1000, toleranceMeters: 150 });
    const [justOut] = checkPlanGeometry({ ...sane, endPoint: siteJustOut }, places, DEFAULT_PLAN_RULES);
    expect(justOut.distanceMeters).toBe(151);
  });

  it('judges an entry route that touches neither plant nor site by both ends', () => {
    const nowhere = line(offset(plant, -3000, 0), offset(site, 3000, 0));
    expect(checkPlanGeometry({ ...sane, entryRoute: nowhere }, places, DEFAULT_PLAN_RULES)).toEqual([
      expect.objectContaining({ field: 'entryRoute', rule: 'starts_near_plant', toleranceMeters: 300 }),
      expect.objectContaining({ field: 'entryRoute', rule: 'ends_near_site', toleranceMeters: 150 }),
    ]);
  });

  it('lists every fault of the plan in field order', () => {
    const far = northOfSite(1000);
    const issues = checkPlanGeometry(
      { ...sane, pumpPosition: far, startPoint: far, endPoint: far, exitRoute: line(far, far) },
      places,
      DEFAULT_PLAN_RULES,
    );
    expect(issues.map(({ field, rule }) => `${field}:${rule}`)).toEqual([
      'pumpPosition:near_site',
      'startPoint:near_site',
      'endPoint:near_site',
      'exitRoute:starts_near_site',
      'exitRoute:ends_near_plant',
    ]);
  });

  it('takes the plant’s own tolerances, down to the fence line itself', () => {
    const strict = { ...DEFAULT_PLAN_RULES, siteToleranceMeters: 0, routePlantToleranceMeters: 0 };
    const onSiteFence = offset(site, 0, 100);
    expect(checkPlanGeometry({ ...sane, pumpPosition: onSiteFence }, places, strict)).toEqual([]);
    expect(checkPlanGeometry({ ...sane, pumpPosition: northOfSite(1) }, places, strict)).toEqual([
      { field: 'pumpPosition', rule: 'near_site', distanceMeters: 1, toleranceMeters: 0 },
    ]);
    expect(checkPlanGeometry({ ...sane, entryRoute: line(northOfPlant(1), site) }, places, strict)).toEqual([
      expect.objectContaining({ field: 'entryRoute', rule: 'starts_near_plant' }),
    ]);
    const generous = { ...DEFAULT_PLAN_RULES, siteToleranceMeters: 1200 };
    expect(checkPlanGeometry({ ...sane, pumpPosition: northOfSite(1000) }, places, generous)).toEqual([]);
  });

  it('refuses a negative tolerance rather than judging by it', () => {
    expect(() => checkPlanGeometry(sane, places, { ...DEFAULT_PLAN_RULES, siteToleranceMeters: -1 })).toThrow(
      RangeError,
    );
  });
});
