import {
  CreatePourRequest,
  type LatLng,
  type LineString,
  type MixDto,
  type PlantDto,
  type PourDto,
  PUMPING_METHODS,
  toValidationIssue,
  type UpdatePourRequest,
  type ValidationIssue,
} from '@pourline/contracts';
import {
  DEFAULT_REQUIRED_DOCUMENT_TYPES,
  DOCUMENT_TYPES,
  type DocumentType,
  instantToWallClock,
  slumpToleranceMm,
  wallClockToInstant,
} from '@pourline/domain';

export type PumpingMethod = (typeof PUMPING_METHODS)[number];
/** The plan's own fields; `confirm` travels with a save but is no part of the plan. */
export type PlanField = Exclude<keyof CreatePourRequest, 'confirm'>;

/**
 * What the editor holds while a person types: inputs as the strings they
 * show, the start on the plant's wall clock, geometry not yet placed as null.
 * It becomes a request only through the contracts' schema.
 */
export interface PourDraft {
  projectId: string;
  plantId: string;
  structuralElement: string;
  /** 'YYYY-MM-DDTHH:mm' on the plant's wall clock. */
  scheduledStartLocal: string;
  volumeM3: string;
  pourRateM3PerHour: string;
  direction: string;
  /** '' for no pump. */
  pumpId: string;
  pumpingMethod: PumpingMethod | '';
  truckCount: string;
  mixId: string;
  slumpTargetMm: string;
  slumpToleranceMm: string;
  initialSettingMinutes: string;
  requiredDocumentTypes: DocumentType[];
  notes: string;
  pumpPosition: LatLng | null;
  startPoint: LatLng | null;
  endPoint: LatLng | null;
  entryRoute: LineString | null;
  exitRoute: LineString | null;
}

export function emptyDraft(): PourDraft {
  return {
    projectId: '',
    plantId: '',
    structuralElement: '',
    scheduledStartLocal: '',
    volumeM3: '',
    pourRateM3PerHour: '',
    direction: '',
    pumpId: '',
    pumpingMethod: '',
    truckCount: '',
    mixId: '',
    slumpTargetMm: '',
    slumpToleranceMm: '',
    initialSettingMinutes: '',
    requiredDocumentTypes: [...DEFAULT_REQUIRED_DOCUMENT_TYPES],
    notes: '',
    pumpPosition: null,
    startPoint: null,
    endPoint: null,
    entryRoute: null,
    exitRoute: null,
  };
}

export function draftFromPour(pour: PourDto): PourDraft {
  return {
    projectId: pour.projectId,
    plantId: pour.plantId,
    structuralElement: pour.structuralElement,
    scheduledStartLocal: instantToWallClock(pour.scheduledStart, pour.plantTimeZone),
    volumeM3: String(pour.volumeM3),
    pourRateM3PerHour: String(pour.pourRateM3PerHour),
    direction: pour.direction,
    pumpId: pour.pumpId ?? '',
    pumpingMethod: pour.pumpingMethod,
    truckCount: String(pour.truckCount),
    mixId: pour.mixId,
    slumpTargetMm: String(pour.slumpTargetMm),
    slumpToleranceMm: String(pour.slumpToleranceMm),
    initialSettingMinutes: String(pour.initialSettingMinutes),
    requiredDocumentTypes: DOCUMENT_TYPES.filter((type) => pour.requiredDocumentTypes.includes(type)),
    notes: pour.notes,
    pumpPosition: pour.pumpPosition,
    startPoint: pour.startPoint,
    endPoint: pour.endPoint,
    entryRoute: pour.entryRoute,
    exitRoute: pour.exitRoute,
  };
}

/** '' is "not given yet" (the schema says required); anything else is read as typed, so "abc" is invalid, not empty. */
function numberInput(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed.replace(',', '.'));
}

const orUndefined = <T>(value: T | null | ''): T | undefined => (value === null || value === '' ? undefined : value);

/**
 * The draft as the shape the API validates. `plantTimeZone` is undefined
 * until a plant is chosen: a wall-clock time means nothing without it.
 */
export function draftToCandidate(draft: PourDraft, plantTimeZone: string | undefined): Record<PlanField, unknown> {
  const scheduledStart =
    plantTimeZone && draft.scheduledStartLocal ? wallClockToInstant(draft.scheduledStartLocal, plantTimeZone) : null;
  return {
    projectId: orUndefined(draft.projectId),
    plantId: orUndefined(draft.plantId),
    structuralElement: draft.structuralElement,
    scheduledStart: scheduledStart ?? undefined,
    volumeM3: numberInput(draft.volumeM3),
    pourRateM3PerHour: numberInput(draft.pourRateM3PerHour),
    startPoint: orUndefined(draft.startPoint),
    endPoint: orUndefined(draft.endPoint),
    direction: draft.direction,
    pumpId: draft.pumpId === '' ? null : draft.pumpId,
    pumpPosition: draft.pumpPosition,
    pumpingMethod: orUndefined(draft.pumpingMethod),
    entryRoute: orUndefined(draft.entryRoute),
    exitRoute: orUndefined(draft.exitRoute),
    truckCount: numberInput(draft.truckCount),
    mixId: orUndefined(draft.mixId),
    slumpTargetMm: numberInput(draft.slumpTargetMm),
    slumpToleranceMm: numberInput(draft.slumpToleranceMm),
    initialSettingMinutes: numberInput(draft.initialSettingMinutes),
    requiredDocumentTypes: draft.requiredDocumentTypes,
    notes: draft.notes,
  };
}

export type FieldIssues = Partial<Record<PlanField, string>>;

export type DraftValidation =
  { valid: true; request: CreatePourRequest; issues: FieldIssues } | { valid: false; issues: FieldIssues };

/**
 * The contracts' own schema decides; each issue goes under the plan field
 * its path starts with, the first one per field. A field left empty reads
 * "required" rather than zod's type complaint; `describe` words the others in
 * the reader's language where it can (it answers undefined to keep the schema's words).
 */
export function validateDraft(
  draft: PourDraft,
  plantTimeZone: string | undefined,
  requiredMessage: string,
  describe: (issue: ValidationIssue) => string | undefined = () => undefined,
): DraftValidation {
  const candidate = draftToCandidate(draft, plantTimeZone);
  const result = CreatePourRequest.safeParse(candidate);
  if (result.success) return { valid: true, request: result.data, issues: {} };
  const issues: FieldIssues = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(field in candidate)) continue;
    const key = field as PlanField;
    if (issues[key]) continue;
    const missing = candidate[key] === undefined && issue.code === 'invalid_type';
    issues[key] = missing ? requiredMessage : (describe(toValidationIssue(issue, candidate)) ?? issue.message);
  }
  return { valid: false, issues };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what the person changed, so the history says what was edited and nothing else. */
export function changedFields(before: PourDto, after: CreatePourRequest): UpdatePourRequest {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as PlanField[]) {
    const next = after[key];
    if (key === 'scheduledStart') {
      if (Date.parse(before.scheduledStart) !== Date.parse(after.scheduledStart)) patch[key] = next;
    } else if (key === 'requiredDocumentTypes') {
      const sorted = (types: readonly string[] | undefined) => [...(types ?? [])].sort();
      if (!sameValue(sorted(before.requiredDocumentTypes), sorted(after.requiredDocumentTypes))) patch[key] = next;
    } else if (!sameValue(before[key], next)) {
      patch[key] = next;
    }
  }
  return patch as UpdatePourRequest;
}

/**
 * Picking a mix brings its slump and setting time. Its own tolerance wins;
 * without one, the plant's standard gives it (left as typed while no plant is chosen).
 */
export function applyMix(draft: PourDraft, mix: MixDto, plant: PlantDto | undefined): PourDraft {
  const tolerance =
    mix.slumpToleranceMm ?? (plant ? slumpToleranceMm(plant.slumpStandard, mix.slumpKind, mix.targetSlumpMm) : null);
  return {
    ...draft,
    mixId: mix.id,
    slumpTargetMm: String(mix.targetSlumpMm),
    slumpToleranceMm: tolerance === null ? draft.slumpToleranceMm : String(tolerance),
    initialSettingMinutes: String(mix.initialSettingMinutes),
  };
}
