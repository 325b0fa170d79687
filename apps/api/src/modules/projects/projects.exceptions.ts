import { InvalidInputError } from '../../platform/errors/domain-error';

export class NotASiteDispatcherError extends InvalidInputError {
  constructor(userIds: string[]) {
    super(
      'not_a_site_dispatcher',
      `Only users with the site dispatcher role can be assigned to a project; not: ${userIds.join(', ')}`,
      userIds,
    );
  }
}
