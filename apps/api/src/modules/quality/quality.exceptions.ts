import { implausibleSlumpIssue, type ValidationIssue } from '@pourline/contracts';
import type { ImplausibleReadingError } from '@pourline/domain';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../platform/errors/domain-error';

export class CheckTestPendingError extends ConflictError {
  constructor(testId: string) {
    super('check_test_pending', `A check test on the same sample is due for test ${testId}: send it with checkTestOf`, {
      testId,
    });
  }
}

export class NoCheckTestDueError extends ConflictError {
  constructor() {
    super(
      'no_check_test_due',
      'checkTestOf must name the latest site test of this load, and only when it asks for a re-test',
    );
  }
}

export class TestPassedError extends ConflictError {
  constructor() {
    super('test_passed', 'This test passed; there is nothing to override');
  }
}

export class AlreadyOverriddenError extends ConflictError {
  constructor() {
    super('already_overridden', 'This test has already been overridden');
  }
}

export class OverrideTooLateError extends ConflictError {
  constructor(why: string) {
    super('override_not_possible', why);
  }
}

export class QcTestNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('QC test', id);
  }
}

export class PlantTestNotYoursError extends ForbiddenError {
  constructor() {
    super(
      'plant_test_not_allowed',
      'A site dispatcher may enter the site re-test only; plant tests are the inspector’s',
    );
  }
}

export class AlreadyWitnessedError extends ConflictError {
  constructor(signerName: string, byName: string, at: Date) {
    super(
      'already_witnessed',
      `This specimen set was already witnessed by ${signerName} (recorded by ${byName}) at ${at.toISOString()}`,
      { signerName, byName, at: at.toISOString() },
    );
  }
}

/** A slump the cone (or a spread the flow board) cannot show: told as the bound of the field, like a schema's. */
export class ImplausibleSlumpError extends InvalidInputError {
  override readonly issues: ValidationIssue[];

  constructor(reading: ImplausibleReadingError) {
    const { slumpKind, measuredMm, minimumMm, maximumMm } = reading;
    super('implausible_reading', reading.message, [`slumpMm: ${reading.message}`], {
      slumpKind,
      measuredMm,
      minimumMm,
      maximumMm,
    });
    this.issues = [implausibleSlumpIssue(reading)];
  }
}
