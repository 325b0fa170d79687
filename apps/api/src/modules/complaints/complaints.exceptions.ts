import type { ApiErrorCode } from '@pourline/contracts';
import type { ComplaintState, ComplaintStepRefusal } from '@pourline/domain';
import { ConflictError, InvalidInputError } from '../../platform/errors/domain-error';

const REFUSALS: Record<ComplaintStepRefusal, (from: ComplaintState, to: ComplaintState) => string> = {
  closed: () => 'The complaint is closed; nothing more can be done to it',
  not_next: (from, to) => `A complaint ${from} cannot go to ${to}; its steps are taken in order`,
  needs_corrective_action: () => 'Record at least one corrective action before verifying the rectification',
  corrective_actions_open: () => 'Every corrective action must be done before the rectification is verified',
  needs_follow_up: () => "Record the follow-up visit and the customer's satisfaction before closing",
};

export class ComplaintStepRefusedError extends ConflictError {
  constructor(refusal: ComplaintStepRefusal, from: ComplaintState, to: ComplaintState) {
    super(`complaint_${refusal}`, REFUSALS[refusal](from, to), { refusal, from, to });
  }
}

export class ComplaintNotAcceptingError extends ConflictError {
  static actions(state: ComplaintState) {
    return new ComplaintNotAcceptingError(
      'complaint_not_taking_actions',
      `The complaint is ${state}; corrective actions are added while it is investigated or rectified`,
      state,
    );
  }

  static followUp(state: ComplaintState) {
    return new ComplaintNotAcceptingError(
      'complaint_not_taking_follow_up',
      `The complaint is ${state}; the follow-up visit is recorded once the rectification is verified`,
      state,
    );
  }

  private constructor(code: ApiErrorCode, message: string, state: ComplaintState) {
    super(code, message, { state });
  }
}

export class CorrectiveActionDoneError extends ConflictError {
  constructor() {
    super('corrective_action_done', 'This corrective action is already done');
  }
}

export class ConcreteReturnWithoutRejectionError extends ConflictError {
  constructor(ticketNumber: string) {
    super(
      'return_without_rejection',
      `Load ${ticketNumber} was not rejected; a return of concrete is recorded against a rejected load and its non-conformance`,
      { ticketNumber },
    );
  }
}

export class PhotoRefusedError extends InvalidInputError {
  static missing() {
    return new PhotoRefusedError('photo_missing', 'Attach the photo as the form field "file"');
  }

  static notAnImage() {
    return new PhotoRefusedError('photo_not_image', 'Only PNG or JPEG photos are taken; this file is neither');
  }

  static tooMany(max: number) {
    return new PhotoRefusedError('photo_limit', `A complaint holds at most ${max} photos`, { max });
  }

  private constructor(code: ApiErrorCode, message: string, facts?: Record<string, unknown>) {
    super(code, message, undefined, facts);
  }
}
