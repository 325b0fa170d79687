import type { LoadDto } from '@pourline/contracts';

/**
 * What about a plant's loads changes its queue: a load appearing, or moving
 * from one state to another. Positions and ETAs do not; they would refetch
 * the queue every second for nothing.
 */
export function plantQueueSignature(loads: ReadonlyMap<string, LoadDto>, plantId: string): string {
  const parts: string[] = [];
  for (const load of loads.values()) {
    if (load.plantId === plantId) parts.push(`${load.id}:${load.status}:${load.truckId ?? ''}`);
  }
  return parts.sort().join('|');
}
