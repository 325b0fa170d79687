import type { PositionsBatch } from '@pourline/contracts';

/** Where the gateway gets the latest positions a reconnecting console has not seen. */
export abstract class PositionSnapshots {
  abstract since(positionSeq: number, projectIds: string[] | null): Promise<PositionsBatch>;
}
