import type { CurrentUser } from '@pourline/contracts';
import type { UserEntity } from '../modules/users/user.entity';

/** The identity a seeded change is recorded under; only site dispatchers carry a project scope. */
export function actorOf(user: Pick<UserEntity, 'id' | 'username' | 'displayName' | 'role'>): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    projectIds: [],
    plantIds: [],
    customerId: null,
  };
}
