import type { LoadDto, MixDto, PlantDto, PourDto, QcTestDto } from '@pourline/contracts';

/** Test data for the QC view's pure helpers; every field a helper does not read keeps a plain default. */
export function aLoad(overrides: Partial<LoadDto> = {}): LoadDto {
  return {
    id: 'load-1',
    ticketNumber: 'T-0001',
    pourId: 'pour-1',
    plantId: 'plant-1',
    truckId: 'truck-1',
    truckFleetNumber: 'M-07',
    mixId: 'mix-1',
    mixCode: 'C30-180',
    volumeM3: 9,
    overOrderReason: null,
    status: 'plant_qc',
    rejected: false,
    queuePosition: 1,
    replacesLoadId: null,
    batchedAt: '2030-05-01T08:00:00.000Z',
    dischargeDeadline: '2030-05-01T09:30:00.000Z',
    deadlineLimitedBy: 'max_age',
    minutesToDeadline: 90,
    flaggedForQc: false,
    siteAcceptance: null,
    batch: null,
    eta: null,
    waterAddedLitres: 0,
    waterAllowanceLitres: 0,
    allowedTransitions: [],
    createdAt: '2030-05-01T07:50:00.000Z',
    updatedAt: '2030-05-01T08:05:00.000Z',
    ...overrides,
  };
}

export function aSiteTest(overrides: Partial<QcTestDto> = {}): QcTestDto {
  return {
    id: 'test-1',
    loadId: 'load-1',
    stage: 'site',
    slumpMm: 180,
    slumpKind: 'slump',
    designSlumpMm: 180,
    temperatureC: null,
    airPercent: null,
    minutesSinceBatch: 40,
    inspectorName: 'Q. Inspector',
    testedAt: '2030-05-01T08:40:00.000Z',
    receivedAt: '2030-05-01T08:40:00.000Z',
    remarks: '',
    pass: true,
    reasons: [],
    outcome: 'accepted',
    ruleSetVersion: 'rs-1',
    checkTestOf: null,
    correctsTestId: null,
    hasPhoto: false,
    override: null,
    ...overrides,
  };
}

export function aPlant(overrides: Partial<PlantDto> = {}): PlantDto {
  return {
    id: 'plant-1',
    code: 'P1',
    name: 'North plant',
    address: '',
    location: { lat: 31.2, lng: 121.4 },
    geofence: { type: 'Polygon', coordinates: [] },
    timeZone: 'Asia/Shanghai',
    slumpStandard: 'gb_t_14902',
    ruleOverrides: {},
    ...overrides,
  } as PlantDto;
}

export function aMix(overrides: Partial<MixDto> = {}): MixDto {
  return {
    id: 'mix-1',
    code: 'C30-180',
    strengthGrade: 'C30',
    description: '',
    cementKgPerM3: 380,
    waterKgPerM3: 175,
    maxWaterCementRatio: 0.5,
    slumpKind: 'slump',
    targetSlumpMm: 180,
    slumpToleranceMm: null,
    initialSettingMinutes: 240,
    maxMinutesBatchToDischarge: 90,
    airEntrained: false,
    targetAirPercent: null,
    minTemperatureC: null,
    maxTemperatureC: null,
    ...overrides,
  };
}

export function aPour(
  overrides: Partial<PourDto> = {},
): Pick<PourDto, 'id' | 'plantId' | 'mixId' | 'slumpTargetMm' | 'slumpToleranceMm' | 'initialSettingMinutes'> {
  return {
    id: 'pour-1',
    plantId: 'plant-1',
    mixId: 'mix-1',
    slumpTargetMm: 180,
    slumpToleranceMm: 30,
    initialSettingMinutes: 240,
    ...overrides,
  };
}
