import { InvalidInputError } from '../../platform/errors/domain-error';

export class NotAssignableError extends InvalidInputError {
  constructor(role: 'site_dispatcher' | 'supervisor', userIds: string[]) {
    const what = role === 'site_dispatcher' ? 'site dispatcher' : 'supervisor';
    super(
      role === 'site_dispatcher' ? 'not_a_site_dispatcher' : 'not_a_supervisor',
      `Only users with the ${what} role can be assigned to a project as such; not: ${userIds.join(', ')}`,
      userIds,
    );
  }
}
