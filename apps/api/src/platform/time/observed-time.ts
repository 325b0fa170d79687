import { judgeObservedTime } from '@pourline/domain';
import { ConflictError, InvalidInputError } from '../errors/domain-error';

/**
 * The time an action is recorded at: when the person took it, as their device
 * says (`observedAt`), within the trade's bounds; else a refusal in words.
 * 400 for a time no device should send (ahead of now, over a day old); 409 for
 * one that contradicts what the load already did.
 */
export function observedTimeOrRefuse(
  observedAt: string | undefined,
  receivedAt: Date,
  notBefore: Date | null = null,
  field = 'observedAt',
): Date {
  const verdict = judgeObservedTime({ observedAt: observedAt ? new Date(observedAt) : null, receivedAt, notBefore });
  if (verdict.ok) return verdict.at;
  const message = verdict.message.replace(/^observedAt/, field);
  if (verdict.problem === 'before_previous_step') {
    throw new ConflictError('observed_before_previous_step', message, {
      observedAt,
      previousStepAt: notBefore?.toISOString(),
    });
  }
  throw new InvalidInputError(verdict.problem === 'in_future' ? 'time_in_future' : 'observed_too_old', message, [
    field,
  ]);
}
