import { z } from 'zod';
import { LatLng, PageQuery, patchSchema, Polygon, Uuid } from './common';

export const CreateCustomerRequest = z.object({
  name: z.string().trim().min(1).max(200),
  contactName: z.string().trim().max(120).default(''),
  phone: z.string().trim().max(40).default(''),
  email: z.union([z.email(), z.literal('')]).default(''),
});
export type CreateCustomerRequest = z.infer<typeof CreateCustomerRequest>;
export const UpdateCustomerRequest = patchSchema(CreateCustomerRequest);
export type UpdateCustomerRequest = z.infer<typeof UpdateCustomerRequest>;
export interface CustomerDto extends CreateCustomerRequest {
  id: string;
}

export const SiteContact = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().max(80).default(''),
  phone: z.string().trim().max(40).default(''),
});
export type SiteContact = z.infer<typeof SiteContact>;

export const CreateProjectRequest = z.object({
  customerId: Uuid,
  plantId: Uuid,
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(300).default(''),
  location: LatLng,
  geofence: Polygon,
  contacts: z.array(SiteContact).max(20).default([]),
  siteDispatcherIds: z.array(Uuid).max(50).default([]),
  /** The supervising engineers who follow the project. */
  supervisorIds: z.array(Uuid).max(50).default([]),
});
export type CreateProjectRequest = z.infer<typeof CreateProjectRequest>;
export const UpdateProjectRequest = patchSchema(CreateProjectRequest);
export type UpdateProjectRequest = z.infer<typeof UpdateProjectRequest>;
export interface ProjectDto extends CreateProjectRequest {
  id: string;
  customerName: string;
}

export const ProjectListQuery = PageQuery.extend({ customerId: Uuid.optional() });
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;
