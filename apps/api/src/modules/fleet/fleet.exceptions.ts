import { ConflictError, InvalidInputError } from '../../platform/errors/domain-error';

export class TrackerDeviceTakenError extends ConflictError {
  constructor(trackerDeviceId: string, holder: string) {
    super(
      'tracker_device_taken',
      `Tracker device ${trackerDeviceId} is already fitted to ${holder}; remove it there first`,
      { trackerDeviceId, holder },
    );
  }
}

/** The change is valid field by field but breaks a rule that ties fields together. */
export class InvalidPumpError extends InvalidInputError {
  constructor(issues: string[]) {
    super('invalid_pump', `The changed pump would break its own rules: ${issues.join('; ')}`, issues);
  }
}
