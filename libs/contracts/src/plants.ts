import { z } from 'zod';
import { SLUMP_STANDARDS } from '@pourline/domain';
import { LatLng, patchSchema, Polygon, TimeZone } from './common';

export const SlumpStandard = z.enum(SLUMP_STANDARDS);

export const CreatePlantRequest = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(120),
  address: z.string().trim().max(300).default(''),
  location: LatLng,
  geofence: Polygon,
  timeZone: TimeZone,
  slumpStandard: SlumpStandard,
});
export type CreatePlantRequest = z.infer<typeof CreatePlantRequest>;
export const UpdatePlantRequest = patchSchema(CreatePlantRequest);
export type UpdatePlantRequest = z.infer<typeof UpdatePlantRequest>;

export interface PlantDto extends CreatePlantRequest {
  id: string;
}
