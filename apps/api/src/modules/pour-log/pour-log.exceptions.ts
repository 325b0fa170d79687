import type { PourStatus } from '@pourline/domain';
import { ConflictError } from '../../platform/errors/domain-error';

export class PourLogClosedError extends ConflictError {
  constructor(status: PourStatus) {
    super(
      'pour_log_closed',
      `The pour is ${status}; its log takes messages once the pour is confirmed, and is closed if it is cancelled`,
      { status },
    );
  }
}

export class NothingToConfirmError extends ConflictError {
  constructor() {
    super('nothing_to_confirm', 'This message proposes no change to the pour; there is nothing to confirm');
  }
}

export class AlreadyConfirmedError extends ConflictError {
  constructor(byName: string, at: Date) {
    super('already_confirmed', `${byName} already confirmed this at ${at.toISOString()}; the plan was set then`, {
      byName,
      at: at.toISOString(),
    });
  }
}

export class RemainingVolumeNotSettableError extends ConflictError {
  static notInProgress(status: PourStatus) {
    return new RemainingVolumeNotSettableError(
      `The pour is ${status}; a last load can only be confirmed while the pour is in progress`,
    );
  }

  static nothingToPour() {
    return new RemainingVolumeNotSettableError(
      'Nothing is poured or on its way yet, so this last load would leave a pour of 0 m³; ask the site for the volume still to come',
    );
  }

  private constructor(message: string) {
    super('remaining_not_settable', message);
  }
}
