import { ConflictError } from '../../platform/errors/domain-error';

export class TicketAlreadySignedError extends ConflictError {
  constructor(version: number, outcome: 'signed' | 'refused', signerName: string, byName: string, at: Date) {
    super(
      'ticket_already_signed',
      `Version ${version} of this ticket was already ${outcome} by ${signerName} (recorded by ${byName}) at ${at.toISOString()}; a correction makes a new version to sign`,
      { version, outcome, signerName, byName, at: at.toISOString() },
    );
  }
}

export class TicketNotYetSignableError extends ConflictError {
  constructor(status: string) {
    super('ticket_not_signable', `The ticket is signed once the truck is on site; this load is ${status}`, { status });
  }
}

export class TicketNotSignedError extends ConflictError {
  constructor(version: number) {
    super(
      'ticket_not_signed',
      `Version ${version} of this ticket is not signed or refused yet; it is corrected by changing the load, not by a new version`,
      { version },
    );
  }
}
