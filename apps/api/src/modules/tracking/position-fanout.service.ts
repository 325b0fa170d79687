import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { LatestPositionDto, PositionsBatch } from '@pourline/contracts';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { ALL_PROJECTS_ROOM } from '../../platform/live/live-rooms';
import { LivePublisher } from '../../platform/live/live-publisher.service';
import { PositionSnapshots } from '../../platform/live/position-snapshots';
import { ActiveLoads } from './active-loads';
import { PackedFrames } from './packed-frames';
import { PositionWriter, type PositionsCommitted } from './position-writer.service';
import { type LatestRow, type StoredPosition, TrackingRepository } from './tracking.repository';

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
 * short window and sent as one binary frame per room, so ten thousand fixes a
 * second are a handful of messages, and a slow console is not flooded.
 */
@Injectable()
export class PositionFanout extends PositionSnapshots implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PositionFanout.name);
  /** The newest committed fix of each vehicle in this window, by entity id. */
  private pending = new Map<string, StoredPosition>();
  private timer: NodeJS.Timeout | undefined;
  private readonly frames = new PackedFrames();
  /** Other instances may store fixes of the same vehicles. */
  private readonly shared: boolean;

  constructor(
    private readonly writer: PositionWriter,
    private readonly live: LivePublisher,
    private readonly activeLoads: ActiveLoads,
    private readonly repository: TrackingRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.shared = config.redisUrl !== undefined;
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

  /**
   * Batches in flight commit one after the other on each vehicle's latest row,
   * but their answers may be read in either order: the later fix wins.
   */
  private collect({ advanced }: PositionsCommitted): void {
    for (const item of advanced) {
      const held = this.pending.get(item.device.entityId);
      if (held === undefined || held.report.fixTime.getTime() <= item.report.fixTime.getTime())
        this.pending.set(item.device.entityId, item);
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const collected = this.pending;
    this.pending = new Map();
    const positions = this.shared ? await this.stillCurrent(collected) : [...collected.values()];
    if (positions.length === 0) return;
    const now = Date.now();
    // A frame is built and encoded only for a room someone may hear.
    const heard = (room: string) => this.live.reaches(room);
    const all = this.frames.forAllProjects(positions, heard, now);
    if (all) this.live.pushPackedPositions(ALL_PROJECTS_ROOM, all);
    // A site dispatcher sees the trucks on their projects' loads; with no one in any project room, no truck is sorted.
    if (!this.live.reachesAnyProject()) return this.frames.forgetProjects();
    await this.activeLoads.ready();
    const projectOf = (truckId: string) => this.activeLoads.forTruck(truckId)?.projectId;
    for (const [room, frame] of this.frames.forProjects(positions, projectOf, heard, now))
      this.live.pushPackedPositions(room, frame);
  }

  /**
   * Another instance may have stored a newer fix of the same truck since this
   * one took its fix; that instance pushes it, and pushing ours after it would
   * move the truck backwards on every map. The database says which is current.
   */
  private async stillCurrent(collected: Map<string, StoredPosition>): Promise<StoredPosition[]> {
    const positions = [...collected.values()];
    let current: Map<string, string>;
    try {
      current = await this.repository.currentPositionIds(positions.map((position) => position.device.entityId));
    } catch (error) {
      // Without the database, pushing what was committed beats pushing nothing.
      this.logger.warn(`could not check positions against the latest ones: ${String(error)}`);
      return positions;
    }
    return positions.filter((position) => {
      const now = current.get(`${position.device.entityType}:${position.device.entityId}`);
      return now === undefined || now === position.positionId;
    });
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
