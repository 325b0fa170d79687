import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { LatestPositionDto, PositionsBatch } from '@pourline/contracts';
import { ALL_PROJECTS_ROOM, projectRoom } from '../../platform/live/live-rooms';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { PositionSnapshots } from '../../platform/live/position-snapshots';
import { ActiveLoads } from './active-loads';
import { PositionWriter, type PositionsCommitted } from './position-writer.service';
import { type LatestRow, TrackingRepository } from './tracking.repository';

const WINDOW_MS = 100;

function toDto(row: Omit<LatestRow, 'recentSpeedsKmh'>): LatestPositionDto {
  return {
    entityType: row.entityType,
    entityId: row.entityId,
    label: row.label,
    deviceId: row.deviceId,
    fixTime: new Date(row.fixTime).toISOString(),
    lat: row.lat,
    lng: row.lng,
    speedKmh: row.speedKmh,
    bearingDeg: row.bearingDeg,
    positionSeq: Number(row.positionId),
  };
}

/**
 * Pushes where trucks and pumps are. Fixes are coalesced per vehicle over a
 * short window and sent as one batch per room, so a thousand fixes a second
 * are a handful of messages, and a slow console is not flooded.
 */
@Injectable()
export class PositionFanout extends PositionSnapshots implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PositionFanout.name);
  private pending = new Map<string, LatestPositionDto>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly writer: PositionWriter,
    private readonly live: LivePublisher,
    private readonly activeLoads: ActiveLoads,
    private readonly repository: TrackingRepository,
  ) {
    super();
  }

  onModuleInit(): void {
    this.writer.on('committed', (committed: PositionsCommitted) => this.collect(committed));
    this.timer = setInterval(() => {
      this.flush().catch((error: unknown) => this.logger.warn(`positions not pushed: ${String(error)}`));
    }, WINDOW_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private collect({ advanced }: PositionsCommitted): void {
    for (const item of advanced) {
      this.pending.set(`${item.device.entityType}:${item.device.entityId}`, {
        entityType: item.device.entityType,
        entityId: item.device.entityId,
        label: item.device.label,
        deviceId: item.device.deviceId,
        fixTime: item.report.fixTime.toISOString(),
        lat: item.report.lat,
        lng: item.report.lng,
        speedKmh: item.report.speedKmh,
        bearingDeg: item.report.bearingDeg,
        positionSeq: Number(item.positionId),
      });
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const collected = this.pending;
    this.pending = new Map();
    const positions = await this.stillCurrent(collected);
    if (positions.length === 0) return;
    this.live.pushPositions([ALL_PROJECTS_ROOM], batchOf(positions));
    // A site dispatcher sees the trucks on their projects' loads.
    await this.activeLoads.ready();
    const byProject = new Map<string, LatestPositionDto[]>();
    for (const position of positions) {
      if (position.entityType !== 'truck') continue;
      const load = this.activeLoads.forTruck(position.entityId);
      if (!load) continue;
      const own = byProject.get(load.projectId);
      if (own) own.push(position);
      else byProject.set(load.projectId, [position]);
    }
    for (const [projectId, own] of byProject) this.live.pushPositions([projectRoom(projectId)], batchOf(own));
  }

  /**
   * Another instance may have stored a newer fix of the same truck since this
   * one took its fix; that instance pushes it, and pushing ours after it would
   * move the truck backwards on every map. The database says which is current.
   */
  private async stillCurrent(collected: Map<string, LatestPositionDto>): Promise<LatestPositionDto[]> {
    const positions = new Array<LatestPositionDto>(collected.size);
    let count = 0;
    for (const position of collected.values()) positions[count++] = position;
    let current: Map<string, string>;
    try {
      current = await this.repository.currentPositionIds(positions.map((position) => position.entityId));
    } catch (error) {
      // Without the database, pushing what was committed beats pushing nothing.
      this.logger.warn(`could not check positions against the latest ones: ${String(error)}`);
      return positions;
    }
    count = 0;
    for (const [key, position] of collected) {
      const now = current.get(key);
      if (now === undefined || Number(now) === position.positionSeq) positions[count++] = position;
    }
    positions.length = count;
    return positions;
  }

  async since(positionSeq: number, projectIds: string[] | null): Promise<PositionsBatch> {
    let rows = await this.repository.latestPositions(String(positionSeq));
    if (projectIds !== null) {
      const trucks = new Set(
        (await this.activeLoads.all())
          .filter((load) => projectIds.includes(load.projectId))
          .map((load) => load.truckId),
      );
      rows = rows.filter((row) => row.entityType === 'truck' && trucks.has(row.entityId));
    }
    return batchOf(rows.map(toDto));
  }

  async latest(projectIds: string[] | null): Promise<LatestPositionDto[]> {
    return (await this.since(0, projectIds)).positions;
  }
}

function batchOf(positions: LatestPositionDto[]): PositionsBatch {
  return { positionSeq: positions.reduce((max, item) => Math.max(max, item.positionSeq), 0), positions };
}
