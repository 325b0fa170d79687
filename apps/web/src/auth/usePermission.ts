import { type Permission, roleHasPermission } from '@pourline/contracts';
import { useCurrentUser } from './useCurrentUser';

/** The same permission table the API guards its routes with. */
export function usePermission(permission: Permission): boolean {
  return roleHasPermission(useCurrentUser().role, permission);
}
