import type { PourRequestDto } from '@pourline/contracts';
import { isRequestOverdue } from '@pourline/domain';

export interface OpenRequest {
  request: PourRequestDto;
  overdue: boolean;
}

/** Requests still waiting for the dispatch room's "copy", oldest first, overdue ones marked. */
export function openRequests(
  requests: ReadonlyMap<string, PourRequestDto>,
  now: number,
  pourId: string | null = null,
): OpenRequest[] {
  const open: OpenRequest[] = [];
  for (const request of requests.values()) {
    if (request.acknowledgement || (pourId !== null && request.pourId !== pourId)) continue;
    open.push({ request, overdue: isRequestOverdue(new Date(request.at), null, new Date(now)) });
  }
  return open.sort((a, b) => Date.parse(a.request.at) - Date.parse(b.request.at));
}

/** The newest request a pour's site made, for the tablet to show what dispatch did with it. */
export function latestRequestOf(requests: ReadonlyMap<string, PourRequestDto>, pourId: string): PourRequestDto | null {
  let latest: PourRequestDto | null = null;
  for (const request of requests.values()) {
    if (request.pourId === pourId && (!latest || Date.parse(request.at) > Date.parse(latest.at))) latest = request;
  }
  return latest;
}
