import { z } from 'zod';
import { patchSchema, plainText, safeText, secretText, Uuid } from './common';

const DeviceId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'letters, digits and . _ : - only, up to 64');

/** Optional: a tracker that has one must send it with every position (`secret` or `key`). */
const TrackerSecret = secretText(8, 128);

/** A secret is written, never read back: answers only say whether one is set. */
type WithoutSecret<T> = Omit<T, 'trackerSecret'> & { hasTrackerSecret: boolean };

export const CreateTruckRequest = z.strictObject({
  fleetNumber: plainText(20),
  plateNumber: plainText(20),
  capacityM3: z.number().positive().max(20),
  trackerDeviceId: DeviceId.nullable().default(null),
  trackerSecret: TrackerSecret.nullable().default(null),
  homePlantId: Uuid,
  driverName: safeText(120).default(''),
  driverPhone: safeText(40).default(''),
  active: z.boolean().default(true),
});
export type CreateTruckRequest = z.infer<typeof CreateTruckRequest>;
export const UpdateTruckRequest = patchSchema(CreateTruckRequest);
export type UpdateTruckRequest = z.infer<typeof UpdateTruckRequest>;
export type TruckDto = WithoutSecret<CreateTruckRequest> & { id: string };

export const PUMP_KINDS = ['boom', 'line'] as const;
export const PumpFields = z.strictObject({
  code: plainText(20),
  kind: z.enum(PUMP_KINDS),
  capacityM3PerHour: z.number().positive().max(300),
  boomLengthM: z.number().positive().max(80).nullable().default(null),
  trackerDeviceId: DeviceId.nullable().default(null),
  trackerSecret: TrackerSecret.nullable().default(null),
  homePlantId: Uuid,
  active: z.boolean().default(true),
});
export const CreatePumpRequest = PumpFields.refine((pump) => pump.kind === 'boom' || pump.boomLengthM === null, {
  message: 'a line pump has no boom',
  params: { rule: 'line_pump_boom' },
  path: ['boomLengthM'],
});
export type CreatePumpRequest = z.infer<typeof CreatePumpRequest>;
export const UpdatePumpRequest = patchSchema(PumpFields);
export type UpdatePumpRequest = z.infer<typeof UpdatePumpRequest>;
export type PumpDto = WithoutSecret<CreatePumpRequest> & { id: string };
