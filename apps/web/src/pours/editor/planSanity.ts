import {
  type PlanGeometryFacts,
  type PlantDto,
  type PourDto,
  type ProjectDto,
  type PumpClashFacts,
  refusalFacts,
} from '@pourline/contracts';
import { checkPlanGeometry, type PlanGeometryIssue, planRulesFor } from '@pourline/domain';
import type { TranslationValues } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/messages.en';
import type { FieldIssues, PlanField, PourDraft } from './pourDraft';

/** What moves a plan on the map, or changes the site and plant it is judged against. */
const GEOMETRY_INPUTS = [
  'projectId',
  'plantId',
  'pumpPosition',
  'startPoint',
  'endPoint',
  'entryRoute',
  'exitRoute',
] as const satisfies readonly (keyof PourDraft & PlanField)[];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the API will refuse about the draft's map, judged by the same rule and
 * the plant's own tolerances. Nothing until the site, plant, points and routes
 * are all known; nothing either for a stored plan whose map the edit leaves
 * alone, since the API does not judge that again.
 */
export function draftGeometryIssues(
  draft: PourDraft,
  project: ProjectDto | undefined,
  plant: PlantDto | undefined,
  pour?: PourDto,
): PlanGeometryIssue[] {
  const { startPoint, endPoint, entryRoute, exitRoute } = draft;
  if (!project || !plant || !startPoint || !endPoint || !entryRoute || !exitRoute) return [];
  if (entryRoute.coordinates.length < 2 || exitRoute.coordinates.length < 2) return [];
  if (pour && GEOMETRY_INPUTS.every((field) => sameValue(draft[field], pour[field]))) return [];
  return checkPlanGeometry(
    { pumpPosition: draft.pumpPosition, startPoint, endPoint, entryRoute, exitRoute },
    { siteFence: project.geofence, plantFence: plant.geofence },
    planRulesFor(plant.ruleOverrides),
  );
}

type Translate = (key: MessageKey, values?: TranslationValues) => string;

type FormatNumber = (value: number, maximumFractionDigits?: number) => string;

export function geometryIssueMessage(issue: PlanGeometryIssue, t: Translate, format: FormatNumber = String): string {
  return t(`editor.sanity.${issue.rule}`, {
    distance: format(issue.distanceMeters, 0),
    tolerance: format(issue.toleranceMeters, 0),
  });
}

/** Each geometry fault under its field; a route faulted at both ends says both. */
export function geometryFieldIssues(
  issues: readonly PlanGeometryIssue[],
  t: Translate,
  format?: FormatNumber,
): FieldIssues {
  const byField: FieldIssues = {};
  for (const issue of issues) {
    const message = geometryIssueMessage(issue, t, format);
    byField[issue.field] = byField[issue.field] ? `${byField[issue.field]} ${message}` : message;
  }
  return byField;
}

/** A save refused by a plan sanity rule, as the editor shows it; null for any other failure. */
export type EditorRefusal =
  { kind: 'geometry'; facts: PlanGeometryFacts } | { kind: 'pump_clash'; facts: PumpClashFacts } | null;

export function editorRefusal(error: unknown): EditorRefusal {
  const geometry = refusalFacts(error, 'plan_geometry_out_of_range');
  if (geometry) return { kind: 'geometry', facts: geometry };
  const pumpClash = refusalFacts(error, 'pump_double_booked');
  if (pumpClash) return { kind: 'pump_clash', facts: pumpClash };
  return null;
}
