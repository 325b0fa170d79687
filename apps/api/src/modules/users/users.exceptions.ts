import { ConflictError, InvalidInputError } from '../../platform/errors/domain-error';

export class UsernameTakenError extends ConflictError {
  constructor(username: string) {
    super('username_taken', `The username "${username}" is already taken`, { username });
  }
}

export class LastAdminError extends ConflictError {
  constructor() {
    super('last_admin', 'This is the last active administrator; appoint another before demoting or deactivating it');
  }
}

export class SystemAccountError extends ConflictError {
  constructor(username: string) {
    super(
      'system_account',
      `"${username}" is a system account, not a person: it has no password and its role does not change`,
      { username },
    );
  }
}

/** A customer account sees its customer's projects: it must name one, and no other role may. */
export class CustomerLinkError extends InvalidInputError {
  constructor(role: string) {
    super(
      'customer_link',
      role === 'customer'
        ? 'A customer account needs the customerId of the customer it belongs to'
        : `Only a customer account belongs to a customer; a ${role} account has no customerId`,
      ['customerId'],
    );
  }
}
