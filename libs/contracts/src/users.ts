import { z } from 'zod';
import { plainText, safeText, secretText, Uuid } from './common';
import { PersonRole, type Role } from './roles';

const CUSTOMER_LINK_MESSAGE = 'a customer account needs the customerId of the customer it belongs to';
const CUSTOMER_ONLY_MESSAGE = 'only a customer account belongs to a customer';

export const CreateUserRequest = z
  .strictObject({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{2,64}$/, 'lower-case letters, digits, dot, dash or underscore, 2 to 64 long'),
    displayName: plainText(120),
    // System accounts are not people: they come with the demo, never through this form.
    role: PersonRole,
    password: secretText(8, 200),
    phone: safeText(40).optional(),
    /** The customer a `customer` account belongs to: it sees that customer's projects. */
    customerId: Uuid.optional(),
  })
  .superRefine((user, context) => {
    if (user.role === 'customer' && !user.customerId)
      context.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: CUSTOMER_LINK_MESSAGE,
        params: { rule: 'customer_link_needed' },
      });
    if (user.role !== 'customer' && user.customerId)
      context.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: CUSTOMER_ONLY_MESSAGE,
        params: { rule: 'customer_only' },
      });
  });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .strictObject({
    displayName: plainText(120),
    role: PersonRole,
    password: secretText(8, 200),
    phone: safeText(40).nullable(),
    active: z.boolean(),
    customerId: Uuid.nullable(),
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
  /** The customer a `customer` account belongs to; null for other roles. */
  customerId: string | null;
  createdAt: string;
}

/**
 * The demo fleet simulator's own account. It is a `system` account: it cannot
 * sign in with a password, and the load histories name it for what it is.
 */
export const DEMO_FLEET_ACCOUNT = { username: 'demo-fleet', displayName: 'Demo fleet (simulator)' } as const;
/** The demo fleet names itself, so its routine calls can be told from people's in the access log. */
export const DEMO_FLEET_USER_AGENT = 'pourline-demo-fleet';

/** An administrator asks for an access token of a system account, e.g. to run the demo fleet on its own. */
export const SystemTokenRequest = z.strictObject({ username: plainText(64) });
export type SystemTokenRequest = z.infer<typeof SystemTokenRequest>;

/**
 * The auto switch's own account: loads the system creates for a pour on auto
 * are in its name, so every ticket says it was not a person's decision.
 */
export const AUTO_DISPATCH_ACCOUNT = { username: 'auto-dispatch', displayName: 'Auto dispatch' } as const;
