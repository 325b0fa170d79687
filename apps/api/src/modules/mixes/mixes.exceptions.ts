import { InvalidInputError } from '../../platform/errors/domain-error';

/** The change is valid field by field but breaks a rule that ties fields together. */
export class InvalidMixError extends InvalidInputError {
  constructor(issues: string[]) {
    super('invalid_mix', `The changed mix would break its own rules: ${issues.join('; ')}`, issues);
  }
}
