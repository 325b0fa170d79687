import { OVERRIDE_REASON_MIN_CHARS } from '@pourline/contracts';
import { ConflictError, InvalidInputError } from '../../platform/errors/domain-error';

export class ProposalGoneError extends ConflictError {
  constructor(key: string) {
    super(
      'proposal_gone',
      `Proposal ${key} is no longer in the plan: the picture changed since it was shown; look at the new proposals`,
    );
  }
}

export class OverrideNeedsReasonError extends InvalidInputError {
  constructor(changed: string[]) {
    super(
      'override_needs_reason',
      `Changing the proposal's ${changed.join(', ')} is an override: say why, in at least ${OVERRIDE_REASON_MIN_CHARS} characters`,
      undefined,
      { changed, minChars: OVERRIDE_REASON_MIN_CHARS },
    );
  }
}

export class LoadTimePastError extends InvalidInputError {
  constructor(loadAt: string) {
    super('load_time_past', `loadAt: ${loadAt} is already past; a load is planned to start loading now or later`);
  }
}

export class PourNotPlannedError extends ConflictError {
  constructor() {
    super(
      'pour_not_planned',
      'This pour is not among the pours the dispatch room paces now: confirmed, ready or in progress, and starting within a day',
    );
  }
}
