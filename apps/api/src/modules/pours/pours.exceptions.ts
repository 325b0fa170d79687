import type { PourStatus } from '@pourline/domain';
import { ConflictError, ForbiddenError } from '../../platform/errors/domain-error';

export class IllegalPourTransitionError extends ConflictError {
  constructor(from: PourStatus, to: PourStatus, allowed: readonly PourStatus[]) {
    const next = allowed.length ? `it can go to ${allowed.join(' or ')}` : 'it is final';
    super('illegal_pour_transition', `The pour is ${from} and cannot become ${to}; ${next}`);
  }
}

export class PourNotEditableError extends ConflictError {
  constructor(status: PourStatus) {
    super('pour_not_editable', `The pour is ${status}; its plan can only change while draft, confirmed or ready`);
  }
}

export class DocumentsUndeliveredError extends ConflictError {
  constructor(types: readonly string[]) {
    super(
      'documents_undelivered',
      `Required reports not yet delivered to the construction party: ${types.join(', ')}. ` +
        'Deliver them, or an administrator may release the pour with a reason.',
    );
  }
}

export class OverrideNotAllowedError extends ForbiddenError {
  constructor() {
    super('override_not_allowed', 'Only an administrator may release a pour with undelivered reports');
  }
}
