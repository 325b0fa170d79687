import { describe, expect, it } from '@jest/globals';
import type { MixDto, PlantDto, PourDto } from '@pourline/contracts';
import { describeFieldIssue } from '../../api/issueWords';
import { createTranslator } from '../../i18n/translator';
import { applyMix, changedFields, draftFromPour, draftToCandidate, emptyDraft, validateDraft } from './pourDraft';

const PROJECT_ID = '11111111-1111-4111-8111-111111111111';
const PLANT_ID = '22222222-2222-4222-8222-222222222222';
const MIX_ID = '33333333-3333-4333-8333-333333333333';
const PUMP_ID = '44444444-4444-4444-8444-444444444444';
const REQUIRED = 'required';

function pourFixture(overrides: Partial<PourDto> = {}): PourDto {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    projectId: PROJECT_ID,
    plantId: PLANT_ID,
    structuralElement: '3F slab, axis A–D',
    scheduledStart: '2025-06-02T23:30:00.000Z',
    volumeM3: 120,
    pourRateM3PerHour: 30,
    startPoint: { lat: 31.2, lng: 121.4 },
    endPoint: { lat: 31.201, lng: 121.401 },
    direction: 'north to south',
    pumpId: PUMP_ID,
    pumpPosition: { lat: 31.2005, lng: 121.4005 },
    pumpingMethod: 'boom_pump',
    entryRoute: {
      type: 'LineString',
      coordinates: [
        [121.3, 31.1],
        [121.4, 31.2],
      ],
    },
    exitRoute: {
      type: 'LineString',
      coordinates: [
        [121.4, 31.2],
        [121.3, 31.1],
      ],
    },
    truckCount: 6,
    mixId: MIX_ID,
    slumpTargetMm: 180,
    slumpToleranceMm: 30,
    initialSettingMinutes: 240,
    requiredDocumentTypes: ['mix_design_report', 'cement_report'],
    notes: '',
    status: 'draft',
    projectName: 'Tower',
    customerName: 'Builder',
    plantName: 'North',
    plantTimeZone: 'Asia/Shanghai',
    mixCode: 'C30',
    pumpCode: 'BP-1',
    undeliveredDocumentTypes: [],
    documentGateOverride: null,
    dispatchHold: null,
    allowedTransitions: [],
    createdAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  };
}

describe(draftFromPour.name, () => {
  it('shows the start on the plant wall clock and numbers as the inputs show them', () => {
    const draft = draftFromPour(pourFixture());
    expect(draft.scheduledStartLocal).toBe('2025-06-03T07:30');
    expect(draft.volumeM3).toBe('120');
    expect(draft.pumpId).toBe(PUMP_ID);
  });

  it('gives back the same plan once validated: nothing changed means an empty patch', () => {
    const pour = pourFixture();
    const validation = validateDraft(draftFromPour(pour), pour.plantTimeZone, REQUIRED);
    expect(validation.valid).toBe(true);
    if (!validation.valid) return;
    expect(validation.request.scheduledStart).toBe('2025-06-02T23:30:00.000Z');
    expect(changedFields(pour, validation.request)).toEqual({});
  });
});

describe(draftToCandidate.name, () => {
  it('reads empty inputs as not given and typed numbers as numbers', () => {
    const candidate = draftToCandidate({ ...emptyDraft(), volumeM3: ' 12,5 ', truckCount: '' }, undefined);
    expect(candidate.volumeM3).toBe(12.5);
    expect(candidate.truckCount).toBeUndefined();
    expect(candidate.pumpId).toBeNull();
    expect(candidate.startPoint).toBeUndefined();
  });

  it('has no start time until a plant gives the wall clock a zone', () => {
    const draft = { ...emptyDraft(), scheduledStartLocal: '2025-06-03T07:30' };
    expect(draftToCandidate(draft, undefined).scheduledStart).toBeUndefined();
    expect(draftToCandidate(draft, 'Europe/Berlin').scheduledStart).toBe('2025-06-03T05:30:00.000Z');
  });
});

describe(validateDraft.name, () => {
  it('words the issues beside their fields in the reader’s language where it can', () => {
    const zh = createTranslator('zh-CN');
    const validation = validateDraft({ ...emptyDraft(), volumeM3: '0' }, undefined, REQUIRED, (issue) =>
      describeFieldIssue(issue, zh),
    );
    expect(validation.issues.volumeM3).toBe('方量：须大于 0 m³');
    expect(validation.issues.projectId).toBe(REQUIRED);
  });

  it('puts each issue under its field, and "required" under fields left empty', () => {
    const validation = validateDraft({ ...emptyDraft(), volumeM3: '0', truckCount: 'many' }, undefined, REQUIRED);
    expect(validation.valid).toBe(false);
    expect(validation.issues.volumeM3).toBe('must be greater than 0');
    expect(validation.issues.truckCount).toBeDefined();
    expect(validation.issues.truckCount).not.toBe(REQUIRED);
    expect(validation.issues.projectId).toBe(REQUIRED);
    expect(validation.issues.entryRoute).toBe(REQUIRED);
    expect(validation.issues.structuralElement).toBeDefined();
  });

  it('asks for the pump set-up position when a pump is chosen', () => {
    const pour = pourFixture();
    const validation = validateDraft({ ...draftFromPour(pour), pumpPosition: null }, pour.plantTimeZone, REQUIRED);
    expect(validation.issues.pumpPosition).toBe('a pour with a pump needs the pump set-up position');
  });

  it('puts a route with one position under that route', () => {
    const pour = pourFixture();
    const draft = {
      ...draftFromPour(pour),
      exitRoute: { type: 'LineString' as const, coordinates: [[121, 31]] as [number, number][] },
    };
    expect(validateDraft(draft, pour.plantTimeZone, REQUIRED).issues.exitRoute).toBe(
      'a route needs at least two positions',
    );
  });
});

describe(changedFields.name, () => {
  it('sends only the fields that differ', () => {
    const pour = pourFixture();
    const draft = {
      ...draftFromPour(pour),
      volumeM3: '150',
      scheduledStartLocal: '2025-06-03T08:00',
      endPoint: { lat: 31.3, lng: 121.5 },
    };
    const validation = validateDraft(draft, pour.plantTimeZone, REQUIRED);
    if (!validation.valid) throw new Error(JSON.stringify(validation.issues));
    expect(changedFields(pour, validation.request)).toEqual({
      volumeM3: 150,
      scheduledStart: '2025-06-03T00:00:00.000Z',
      endPoint: { lat: 31.3, lng: 121.5 },
    });
  });

  it('ignores the order of required documents but not a removed one', () => {
    const pour = pourFixture({ requiredDocumentTypes: ['cement_report', 'mix_design_report'] });
    const same = validateDraft(draftFromPour(pour), pour.plantTimeZone, REQUIRED);
    if (!same.valid) throw new Error('invalid');
    expect(changedFields(pour, same.request)).toEqual({});
    const fewer = validateDraft(
      { ...draftFromPour(pour), requiredDocumentTypes: ['cement_report'] },
      pour.plantTimeZone,
      REQUIRED,
    );
    if (!fewer.valid) throw new Error('invalid');
    expect(changedFields(pour, fewer.request)).toEqual({ requiredDocumentTypes: ['cement_report'] });
  });
});

describe(applyMix.name, () => {
  const mix = {
    id: MIX_ID,
    targetSlumpMm: 180,
    slumpKind: 'slump',
    slumpToleranceMm: null,
    initialSettingMinutes: 300,
  } as MixDto;
  const plant = { id: PLANT_ID, slumpStandard: 'astm_c94' } as PlantDto;

  it('takes the tolerance from the plant standard when the mix has none', () => {
    const draft = applyMix(emptyDraft(), mix, plant);
    expect(draft).toMatchObject({
      mixId: MIX_ID,
      slumpTargetMm: '180',
      slumpToleranceMm: '40',
      initialSettingMinutes: '300',
    });
    expect(applyMix(emptyDraft(), mix, { ...plant, slumpStandard: 'gb_t_14902' }).slumpToleranceMm).toBe('30');
  });

  it("keeps the mix's own tolerance", () => {
    expect(applyMix(emptyDraft(), { ...mix, slumpToleranceMm: 20 }, plant).slumpToleranceMm).toBe('20');
  });
});
