import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type FenceKind, geofenceTransition, nextPresence, type PreviousFencePresence } from '@pourline/domain';
import { LoadCycle } from '../loads/load-cycle.service';
import { LoadViews } from '../loads/load-views.service';
import { LoadsRepository } from '../loads/loads.repository';
import { ActiveLoads } from './active-loads';
import { PositionWriter, type PositionsCommitted } from './position-writer.service';
import type { StoredPosition } from './tracking.repository';

interface TruckPresence {
  lastFixMs: number;
  plant: PreviousFencePresence;
  site: PreviousFencePresence;
}

/**
 * Moves loads through their cycle as trucks cross plant and site fences, so
 * nobody has to press a button; people can still confirm or correct by hand.
 */
@Injectable()
export class GeofenceMover implements OnModuleInit {
  private readonly logger = new Logger(GeofenceMover.name);
  private readonly presence = new Map<string, TruckPresence>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly writer: PositionWriter,
    private readonly activeLoads: ActiveLoads,
    private readonly loads: LoadsRepository,
    private readonly cycle: LoadCycle,
    private readonly views: LoadViews,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.writer.on('committed', (committed: PositionsCommitted) => {
      // One batch at a time, in order: crossings must be judged in the order they happened.
      this.queue = this.queue
        .then(() => this.process(committed))
        .catch((error: unknown) => {
          this.logger.error(`geofence processing failed: ${String(error)}`);
        });
    });
  }

  /** Resolves once every batch committed so far has been judged. */
  settled(): Promise<void> {
    return this.queue;
  }

  private async process({ stored }: PositionsCommitted): Promise<void> {
    const trucks = stored
      .filter((item) => item.device.entityType === 'truck')
      .sort((a, b) => a.report.fixTime.getTime() - b.report.fixTime.getTime());
    for (const item of trucks) {
      // One bad fix or fence must not stop the judgement of the others.
      await this.judge(item).catch((error: unknown) => this.logger.warn(`fix ${item.positionId}: ${String(error)}`));
    }
  }

  private async judge(item: StoredPosition): Promise<void> {
    const truckId = item.device.entityId;
    const fixMs = item.report.fixTime.getTime();
    const memory = this.presence.get(truckId) ?? { lastFixMs: 0, plant: 'unknown', site: 'unknown' };
    if (fixMs <= memory.lastFixMs) return; // late or repeated fixes never move a truck back in time
    memory.lastFixMs = fixMs;
    this.presence.set(truckId, memory);
    const load = await this.activeLoads.forTruck(truckId);
    if (!load) return;
    const position = { lat: item.report.lat, lng: item.report.lng };
    for (const fence of ['plant', 'site'] as FenceKind[]) {
      const next = nextPresence(memory[fence], position, fence === 'plant' ? load.plantFence : load.siteFence);
      memory[fence] = next;
      // Judged by where the truck is, not only by the fix that crossed: a step confirmed by
      // hand just before the crossing must not make the crossing count for nothing.
      const to = geofenceTransition(load.status, fence, next === 'inside' ? 'entered' : 'exited');
      if (to) {
        await this.move(load.loadId, load.status, to, item);
        return;
      }
    }
  }

  private async move(loadId: string, from: string, to: Parameters<LoadCycle['move']>[2], item: StoredPosition) {
    const moved = await this.dataSource.transaction(async (manager) => {
      const load = await this.loads.lockDetailed(manager, loadId);
      // Someone may have confirmed the step by hand in the meantime.
      if (!load || load.status !== from) return false;
      const late = load.dischargeDeadline !== null && load.dischargeDeadline.getTime() < item.report.fixTime.getTime();
      // The same rules as the people's steps: concrete past its deadline does not leave on its
      // own, and a late arrival is flagged for QC.
      if (to === 'en_route' && late) return false;
      if (to === 'on_site' && late) load.flaggedForQc = true;
      await this.cycle.move(manager, load, to, {
        actor: null,
        deviceId: item.device.deviceId,
        at: item.report.fixTime,
        note: `geofence: ${from} → ${to}`,
      });
      await this.views.publishChanged(manager, loadId);
      return true;
    });
    if (!moved) return;
    this.activeLoads.invalidate();
  }
}
