import type { CreateMixRequest } from '@pourline/contracts';

type DemoMix = Omit<CreateMixRequest, 'slumpKind' | 'minTemperatureC' | 'maxTemperatureC'>;

/**
 * Pumped mixes with fly ash, slag and a PCE superplasticiser; cement is the
 * Portland cement alone, so water/cement is higher than water/binder. The
 * tolerance is null everywhere: the plant's GB/T 14902 table gives ±30 mm.
 */
const BASE = { slumpToleranceMm: null, maxMinutesBatchToDischarge: 90 } as const;
const PUMPED = { ...BASE, airEntrained: false, targetAirPercent: null } as const;

export const DEMO_MIXES = {
  c25: {
    ...PUMPED,
    code: 'C25-P180',
    strengthGrade: 'C25',
    description: 'C25 pumped, 5–25 mm crushed limestone; cushion layers, site roads, secondary members',
    cementKgPerM3: 300,
    waterKgPerM3: 175,
    maxWaterCementRatio: 0.6,
    targetSlumpMm: 180,
    initialSettingMinutes: 540,
  },
  c30: {
    ...PUMPED,
    code: 'C30-P180',
    strengthGrade: 'C30',
    description: 'C30 pumped; slabs, beams and walls above ground',
    cementKgPerM3: 330,
    waterKgPerM3: 172,
    maxWaterCementRatio: 0.55,
    targetSlumpMm: 180,
    initialSettingMinutes: 480,
  },
  c35: {
    ...PUMPED,
    code: 'C35-P180',
    strengthGrade: 'C35',
    description: 'C35 pumped; columns, core walls and transfer beams',
    cementKgPerM3: 370,
    waterKgPerM3: 170,
    maxWaterCementRatio: 0.5,
    targetSlumpMm: 180,
    initialSettingMinutes: 450,
  },
  c40: {
    ...PUMPED,
    code: 'C40-P200',
    strengthGrade: 'C40',
    description: 'C40 pumped, high slump for congested column–beam joints',
    cementKgPerM3: 420,
    waterKgPerM3: 168,
    maxWaterCementRatio: 0.45,
    targetSlumpMm: 200,
    initialSettingMinutes: 420,
  },
  c30p6: {
    ...PUMPED,
    code: 'C30-P6',
    strengthGrade: 'C30',
    description: 'C30 waterproof P6 with expansive agent; basement roof slabs and external walls',
    cementKgPerM3: 350,
    waterKgPerM3: 170,
    maxWaterCementRatio: 0.5,
    targetSlumpMm: 180,
    initialSettingMinutes: 480,
  },
  c35p8: {
    ...PUMPED,
    code: 'C35-P8',
    strengthGrade: 'C35',
    description: 'C35 waterproof P8, retarded for mass pours; raft foundations',
    cementKgPerM3: 380,
    waterKgPerM3: 168,
    maxWaterCementRatio: 0.5,
    targetSlumpMm: 180,
    initialSettingMinutes: 600,
  },
  c30air: {
    ...BASE,
    code: 'C30-AE',
    strengthGrade: 'C30',
    description: 'C30 air-entrained (4.5 % air); ramps and canopies exposed to freeze–thaw and de-icing salt',
    cementKgPerM3: 340,
    waterKgPerM3: 165,
    maxWaterCementRatio: 0.5,
    targetSlumpMm: 160,
    initialSettingMinutes: 420,
    airEntrained: true,
    targetAirPercent: 4.5,
  },
} satisfies Record<string, DemoMix>;

export type DemoMixKey = keyof typeof DEMO_MIXES;
