import { z } from 'zod';
import { SLUMP_STANDARDS } from '@pourline/domain';
import { LatLng, patchSchema, plainText, Polygon, safeText, TimeZone, Uuid } from './common';

export const SlumpStandard = z.enum(SLUMP_STANDARDS);

/** A plant's departures from the defaults of its slump standard, and from the default plan rules. */
export const RuleOverrides = z
  .strictObject({
    checkTest: z.enum(['astm_c94_retest', 'reject_immediately']),
    minTemperatureC: z.number().min(-10).max(40),
    maxTemperatureC: z.number().min(0).max(60),
    airTolerancePercentagePoints: z.number().positive().max(5),
    safetyMarginMinutes: z.number().int().min(0).max(240),
    maxMinutesBatchToDischarge: z.number().int().min(15).max(300),
    // Plan sanity (libs/domain plan-rules.ts): checked when a plan is saved and its first load starts.
    siteToleranceMeters: z.number().int().min(0).max(2000),
    routePlantToleranceMeters: z.number().int().min(0).max(5000),
    pumpSetUpMinutes: z.number().int().min(0).max(240),
    pumpCleanDownMinutes: z.number().int().min(0).max(240),
    maxMinutesLoadingBeforeStart: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
  })
  .partial();
export type RuleOverrides = z.infer<typeof RuleOverrides>;

export const CreatePlantRequest = z.strictObject({
  code: plainText(20),
  name: plainText(120),
  address: safeText(300).default(''),
  location: LatLng,
  geofence: Polygon,
  timeZone: TimeZone,
  slumpStandard: SlumpStandard,
  ruleOverrides: RuleOverrides.default({}),
  /** The plant operators who run this plant's control room. */
  operatorIds: z.array(Uuid).max(50).default([]),
});
export type CreatePlantRequest = z.infer<typeof CreatePlantRequest>;
export const UpdatePlantRequest = patchSchema(CreatePlantRequest);
export type UpdatePlantRequest = z.infer<typeof UpdatePlantRequest>;

export interface PlantDto extends CreatePlantRequest {
  id: string;
}
