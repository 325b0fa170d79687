import { describe, expect, it } from '@jest/globals';
import type { LatLng, PlantDto, PourDto, ProjectDto } from '@pourline/contracts';
import { ApiRequestError } from '../../api/ApiRequestError';
import type { TranslationValues } from '../../i18n/I18nContext';
import { draftGeometryIssues, editorRefusal, geometryFieldIssues } from './planSanity';
import type { PourDraft } from './pourDraft';

/** A fence `half` degrees each way around a point. */
const square = (lat: number, lng: number, half = 0.001) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng - half, lat - half],
      [lng + half, lat - half],
      [lng + half, lat + half],
      [lng - half, lat + half],
      [lng - half, lat - half],
    ] as [number, number][],
  ],
});
const line = (...points: [number, number][]) => ({ type: 'LineString' as const, coordinates: points });

const SITE: [number, number] = [118.85, 31.95];
const PLANT: [number, number] = [118.8, 31.9];
/** About 1 km north of the site's fence. */
const FAR: LatLng = { lat: 31.96, lng: 118.85 };

const project = { id: 'project-1', geofence: square(31.95, 118.85) } as ProjectDto;
const plant = { id: 'plant-1', geofence: square(31.9, 118.8), ruleOverrides: {} } as PlantDto;

const sane: PourDraft = {
  projectId: 'project-1',
  plantId: 'plant-1',
  pumpPosition: { lat: 31.9502, lng: 118.8502 },
  startPoint: { lat: 31.9501, lng: 118.8499 },
  endPoint: { lat: 31.9499, lng: 118.8501 },
  entryRoute: line(PLANT, SITE),
  exitRoute: line(SITE, PLANT),
} as PourDraft;

/** The stored plan the draft was opened from. */
const stored = (draft: PourDraft) =>
  ({
    projectId: draft.projectId,
    plantId: draft.plantId,
    pumpPosition: draft.pumpPosition,
    startPoint: draft.startPoint,
    endPoint: draft.endPoint,
    entryRoute: draft.entryRoute,
    exitRoute: draft.exitRoute,
  }) as PourDto;

const t = (key: string, values?: TranslationValues) => `${key} ${JSON.stringify(values ?? {})}`;

describe(draftGeometryIssues.name, () => {
  it('finds nothing wrong with a plan inside its site and routes between plant and site', () => {
    expect(draftGeometryIssues(sane, project, plant)).toEqual([]);
  });

  it('finds a pump 1 km off the site, as the API will', () => {
    expect(draftGeometryIssues({ ...sane, pumpPosition: FAR }, project, plant)).toEqual([
      expect.objectContaining({ field: 'pumpPosition', rule: 'near_site', toleranceMeters: 150 }),
    ]);
  });

  it('judges by the plant’s own tolerance', () => {
    const generous = { ...plant, ruleOverrides: { siteToleranceMeters: 2000 } } as PlantDto;
    expect(draftGeometryIssues({ ...sane, pumpPosition: FAR }, project, generous)).toEqual([]);
  });

  it('says nothing while the site, plant or a route is not known yet', () => {
    expect(draftGeometryIssues({ ...sane, pumpPosition: FAR }, undefined, plant)).toEqual([]);
    expect(draftGeometryIssues({ ...sane, pumpPosition: FAR }, project, undefined)).toEqual([]);
    expect(draftGeometryIssues({ ...sane, pumpPosition: FAR, exitRoute: null }, project, plant)).toEqual([]);
  });

  it('leaves a stored plan alone while the edit does not move its map, as the API does', () => {
    const legacy = { ...sane, pumpPosition: FAR };
    expect(draftGeometryIssues(legacy, project, plant, stored(legacy))).toEqual([]);
    const moved = { ...legacy, startPoint: { lat: 31.9502, lng: 118.8502 } };
    expect(draftGeometryIssues(moved, project, plant, stored(legacy))).toHaveLength(1);
  });
});

describe(geometryFieldIssues.name, () => {
  it('puts each fault in words under its field, both ends of a route together', () => {
    const issues = draftGeometryIssues({ ...sane, entryRoute: line(SITE, PLANT) }, project, plant);
    const byField = geometryFieldIssues(issues, t);
    expect(Object.keys(byField)).toEqual(['entryRoute']);
    expect(byField.entryRoute).toContain('editor.sanity.starts_near_plant');
    expect(byField.entryRoute).toContain('editor.sanity.ends_near_site');
    expect(byField.entryRoute).toContain('"tolerance":"300"');
  });
});

describe(editorRefusal.name, () => {
  it('recognises the plan sanity refusals by their codes and keeps their facts', () => {
    const geometry = new ApiRequestError({
      statusCode: 400,
      code: 'plan_geometry_out_of_range',
      message: 'The plan does not lie at its site and plant',
      facts: { issues: [], rules: { siteToleranceMeters: 150, routePlantToleranceMeters: 300 } },
    });
    expect(editorRefusal(geometry)?.kind).toBe('geometry');
    const clash = new ApiRequestError({
      statusCode: 409,
      code: 'pump_double_booked',
      message: 'pump P1 is already booked',
      facts: { pumpCode: 'P1', clashes: [] },
    });
    expect(editorRefusal(clash)).toEqual({ kind: 'pump_clash', facts: { pumpCode: 'P1', clashes: [] } });
  });

  it('leaves every other failure to the general message', () => {
    const other = new ApiRequestError({ statusCode: 409, code: 'pour_not_editable', message: 'in progress' });
    expect(editorRefusal(other)).toBeNull();
    expect(editorRefusal(new Error('boom'))).toBeNull();
    expect(editorRefusal(undefined)).toBeNull();
  });
});
