import { type PourLogEntryDto, pourLogEntryMatches } from '@pourline/contracts';
import { laterCopy } from '../live/pourMessages';

export interface LogSearch {
  q: string;
  codes: readonly string[];
}

const newestFirst = (a: PourLogEntryDto, b: PourLogEntryDto) =>
  Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The thread on screen: the server's page, with the messages heard live or
 * just sent. A message already on the page is updated in place (a
 * confirmation never undone); a new one joins if the search would find it,
 * by the same rule the server searched with.
 */
export function mergeLogEntries(
  fetched: readonly PourLogEntryDto[],
  heard: readonly PourLogEntryDto[],
  search: LogSearch,
): PourLogEntryDto[] {
  const byId = new Map(fetched.map((entry) => [entry.id, entry]));
  for (const message of heard) {
    const current = byId.get(message.id);
    if (current) byId.set(message.id, laterCopy(current, message));
    else if (pourLogEntryMatches(message, search.q, search.codes)) byId.set(message.id, message);
  }
  return [...byId.values()].sort(newestFirst);
}
