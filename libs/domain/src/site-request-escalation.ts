/**
 * A site asking the dispatch room to hold, resume, slow down or speed up is
 * waiting for an answer, as on the radio: a request nobody has copied within
 * two minutes is escalated as overdue.
 */
export const REQUEST_ACKNOWLEDGE_WITHIN_MINUTES = 2;

export function isRequestOverdue(
  askedAt: Date,
  acknowledgedAt: Date | null,
  now: Date,
  withinMinutes = REQUEST_ACKNOWLEDGE_WITHIN_MINUTES,
): boolean {
  if (acknowledgedAt) return false;
  return now.getTime() - askedAt.getTime() > withinMinutes * 60_000;
}
