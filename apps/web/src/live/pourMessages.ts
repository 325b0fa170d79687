import type { PourLogEntryDto } from '@pourline/contracts';

/** Messages kept per pour in the live store: an open log shows the rest from its own fetch. */
export const LIVE_MESSAGES_PER_POUR = 100;

/**
 * Of two copies of one entry, the one that has gone further: a message is
 * sent again when its proposal is confirmed, and a REST answer fetched before
 * that may arrive after it. A confirmation is never undone.
 */
export function laterCopy<T extends PourLogEntryDto>(current: T | undefined, next: T): T {
  if (!current) return next;
  if (current.proposal?.status === 'confirmed' && next.proposal?.status !== 'confirmed') return current;
  return next;
}

/** Adds or updates one message in a pour's list, oldest first, keeping the newest `cap`. */
export function mergePourMessage<T extends PourLogEntryDto>(
  list: readonly T[] | undefined,
  message: T,
  cap = LIVE_MESSAGES_PER_POUR,
): readonly T[] {
  const current = list ?? [];
  const index = current.findIndex((item) => item.id === message.id);
  if (index >= 0) {
    const kept = laterCopy(current[index], message);
    if (kept === current[index]) return current;
    return current.map((item, position) => (position === index ? kept : item));
  }
  const next = [...current, message].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return next.length > cap ? next.slice(next.length - cap) : next;
}
