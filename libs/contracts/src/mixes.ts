import { z } from 'zod';
import { SLUMP_KINDS } from '@pourline/domain';
import { patchSchema, plainText, safeText } from './common';

export const MixFields = z.strictObject({
  code: plainText(40),
  strengthGrade: z.string().regex(/^C(1[05]|[2-9][05]|100)$/, 'a grade such as C30'),
  description: safeText(300).default(''),
  cementKgPerM3: z.number().positive().max(1000),
  waterKgPerM3: z.number().positive().max(400),
  maxWaterCementRatio: z.number().gt(0.2).max(1),
  slumpKind: z.enum(SLUMP_KINDS).default('slump'),
  targetSlumpMm: z.number().int().min(0).max(850),
  slumpToleranceMm: z.number().int().min(1).max(100).nullable().default(null),
  initialSettingMinutes: z
    .number()
    .int()
    .min(30)
    .max(24 * 60),
  maxMinutesBatchToDischarge: z.number().int().min(15).max(300).default(90),
  airEntrained: z.boolean().default(false),
  targetAirPercent: z.number().min(0).max(12).nullable().default(null),
  minTemperatureC: z.number().min(-10).max(40).nullable().default(null),
  maxTemperatureC: z.number().min(0).max(60).nullable().default(null),
});

export const CreateMixRequest = MixFields.refine(
  (mix) => mix.waterKgPerM3 / mix.cementKgPerM3 <= mix.maxWaterCementRatio,
  {
    message: 'batched water/cement ratio already exceeds the maximum',
    params: { rule: 'water_cement_ratio' },
    path: ['waterKgPerM3'],
  },
).refine((mix) => !mix.airEntrained || mix.targetAirPercent !== null, {
  message: 'an air-entrained mix needs a target air content',
  params: { rule: 'air_target_needed' },
  path: ['targetAirPercent'],
});
export type CreateMixRequest = z.infer<typeof CreateMixRequest>;
export const UpdateMixRequest = patchSchema(MixFields);
export type UpdateMixRequest = z.infer<typeof UpdateMixRequest>;

export interface MixDto extends CreateMixRequest {
  id: string;
}
