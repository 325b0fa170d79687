import { distanceOutsideFenceMeters } from './fence-distance';
import type { GeoLineString, GeoPolygon, LatLng } from './geo';
import { assertNonNegative } from './input-guards';
import type { PlanRules } from './plan-rules';

/** The plan fields whose place on the map is checked against the site and the plant. */
export const PLAN_GEOMETRY_FIELDS = ['pumpPosition', 'startPoint', 'endPoint', 'entryRoute', 'exitRoute'] as const;
export type PlanGeometryField = (typeof PLAN_GEOMETRY_FIELDS)[number];

/**
 * What a field must do: a point lie near the site; an entry route start near
 * the plant and end near the site; an exit route the reverse.
 */
export const PLAN_GEOMETRY_RULES = [
  'near_site',
  'starts_near_plant',
  'ends_near_site',
  'starts_near_site',
  'ends_near_plant',
] as const;
export type PlanGeometryRule = (typeof PLAN_GEOMETRY_RULES)[number];

export interface PlanGeometry {
  /** Null for a pour without a pump. */
  pumpPosition: LatLng | null;
  startPoint: LatLng;
  endPoint: LatLng;
  entryRoute: GeoLineString;
  exitRoute: GeoLineString;
}

export interface PlanPlaces {
  siteFence: GeoPolygon;
  /** The fence of the plant that serves the pour. */
  plantFence: GeoPolygon;
}

export interface PlanGeometryIssue {
  field: PlanGeometryField;
  rule: PlanGeometryRule;
  /** Whole metres outside the fence: the rule judges whole metres, so the refusal reads as it was decided. */
  distanceMeters: number;
  toleranceMeters: number;
}

type Tolerances = Pick<PlanRules, 'siteToleranceMeters' | 'routePlantToleranceMeters'>;

const toLatLng = ([lng, lat]: readonly [number, number]): LatLng => ({ lat, lng });

/**
 * Everything on the plan's map that is too far from where it belongs, in
 * field order; empty when the plan is sane. Distances are judged in whole
 * metres (what a map click can mean), and one exactly at the tolerance passes.
 */
export function checkPlanGeometry(plan: PlanGeometry, places: PlanPlaces, rules: Tolerances): PlanGeometryIssue[] {
  assertNonNegative('siteToleranceMeters', rules.siteToleranceMeters);
  assertNonNegative('routePlantToleranceMeters', rules.routePlantToleranceMeters);
  const site = { fence: places.siteFence, toleranceMeters: rules.siteToleranceMeters };
  const plant = { fence: places.plantFence, toleranceMeters: rules.routePlantToleranceMeters };
  const first = (route: GeoLineString) => toLatLng(route.coordinates[0]);
  const last = (route: GeoLineString) => toLatLng(route.coordinates[route.coordinates.length - 1]);

  const checks: [PlanGeometryField, PlanGeometryRule, LatLng | null, typeof site][] = [
    ['pumpPosition', 'near_site', plan.pumpPosition, site],
    ['startPoint', 'near_site', plan.startPoint, site],
    ['endPoint', 'near_site', plan.endPoint, site],
    ['entryRoute', 'starts_near_plant', first(plan.entryRoute), plant],
    ['entryRoute', 'ends_near_site', last(plan.entryRoute), site],
    ['exitRoute', 'starts_near_site', first(plan.exitRoute), site],
    ['exitRoute', 'ends_near_plant', last(plan.exitRoute), plant],
  ];
  const issues: PlanGeometryIssue[] = [];
  for (const [field, rule, position, place] of checks) {
    if (!position) continue;
    const meters = Math.round(distanceOutsideFenceMeters(position, place.fence));
    if (meters > place.toleranceMeters) {
      issues.push({ field, rule, distanceMeters: meters, toleranceMeters: place.toleranceMeters });
    }
  }
  return issues;
}
