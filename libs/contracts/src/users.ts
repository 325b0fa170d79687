import { z } from 'zod';
import { Role } from './roles';

export const CreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{2,64}$/, 'lower-case letters, digits, dot, dash or underscore, 2 to 64 long'),
  displayName: z.string().trim().min(1).max(120),
  role: Role,
  password: z.string().min(8, 'at least 8 characters').max(200),
  phone: z.string().trim().max(40).optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    role: Role,
    password: z.string().min(8).max(200),
    phone: z.string().trim().max(40).nullable(),
    active: z.boolean(),
  })
  .partial();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  phone: string | null;
  active: boolean;
  createdAt: string;
}
