import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type FenceKind, geofenceTransition, isFixTooFarAhead, judgePresence, type LoadStatus } from '@pourline/domain';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { LoadCycle } from '../loads/load-cycle.service';
import { LoadViews } from '../loads/load-views.service';
import { LoadsRepository } from '../loads/loads.repository';
import { type ActiveLoad, ActiveLoads } from './active-loads';
import { type FencePresenceRow, FencePresenceRepository } from './fence-presence.repository';
import { PositionWriter, type PositionsCommitted } from './position-writer.service';
import type { StoredPosition } from './tracking.repository';

/** Fixes committed within this window are judged together; a step is a few tens of ms later, never missed. */
const JUDGE_WINDOW_MS = 50;
const FENCES: readonly FenceKind[] = ['plant', 'site'];

/**
 * Moves loads through their cycle as trucks cross plant and site fences, so
 * nobody has to press a button; people can still confirm or correct by hand.
 *
 * Where a truck stands against its fences, and the newest fix judged, are kept
 * in the database and judged under that truck's row lock: with several API
 * instances each taking some of one truck's fixes, every fix is judged against
 * the same state, and a crossing makes one step, not one per instance.
 */
@Injectable()
export class GeofenceMover implements OnModuleInit {
  private readonly logger = new Logger(GeofenceMover.name);
  private queue: Promise<void> = Promise.resolve();
  /** Trucks' fixes committed and not yet judged. */
  private waiting: StoredPosition[] = [];
  /** Whether a judgement of the waiting fixes is already on its way. */
  private scheduled = false;
  /** Each truck's newest fix this instance has seen, judged or not. */
  private readonly newestSeen = new Map<string, Date>();
  /** Each truck's presence as stored by this instance's last committed judgement of it. */
  private readonly known = new Map<string, Pick<FencePresenceRow, FenceKind>>();
  /** Other instances judge fixes of the same trucks. */
  private readonly shared: boolean;

  constructor(
    private readonly writer: PositionWriter,
    private readonly activeLoads: ActiveLoads,
    private readonly presence: FencePresenceRepository,
    private readonly loads: LoadsRepository,
    private readonly cycle: LoadCycle,
    private readonly views: LoadViews,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.shared = config.redisUrl !== undefined;
  }

  onModuleInit(): void {
    this.writer.on('committed', ({ stored }: PositionsCommitted) => {
      for (const item of stored) if (item.device.entityType === 'truck') this.waiting.push(item);
      if (this.scheduled) return;
      this.scheduled = true;
      // One judgement at a time, in order: crossings must be judged in the order they happened.
      // The batches committed within a short window are judged together, in one transaction.
      this.queue = this.queue
        .then(() => new Promise((resolve) => setTimeout(resolve, JUDGE_WINDOW_MS)))
        .then(() => {
          this.scheduled = false;
          return this.judgeWaiting();
        })
        .catch((error: unknown) => {
          this.logger.error(`geofence processing failed: ${String(error)}`);
        });
    });
  }

  private judgeWaiting(): Promise<void> {
    if (this.waiting.length === 0) return Promise.resolve();
    const trucks = this.waiting;
    this.waiting = [];
    return this.process(trucks);
  }

  /** Resolves once every batch committed so far has been judged. */
  settled(): Promise<void> {
    return this.queue;
  }

  private async process(trucks: StoredPosition[]): Promise<void> {
    const onLoads: { item: StoredPosition; load: ActiveLoad }[] = [];
    trucks.sort((a, b) => a.report.fixTime.getTime() - b.report.fixTime.getTime());
    await this.activeLoads.ready();
    for (const item of trucks) {
      const load = this.activeLoads.forTruck(item.device.entityId);
      if (load && this.mayMove(item, load)) onLoads.push({ item, load });
    }
    if (onLoads.length === 0) return;
    // One transaction for the whole batch, not one round trip per fix; each step announces itself in it.
    let locked: Map<string, FencePresenceRow> | undefined;
    const trucksJudged = onLoads.map(({ item }) => item.device.entityId);
    try {
      await this.judgeInDatabase(onLoads, (states) => (locked = states));
    } catch (error) {
      for (const truckId of trucksJudged) this.known.delete(truckId);
      throw error;
    }
    for (const [truckId, state] of locked ?? []) this.known.set(truckId, { plant: state.plant, site: state.site });
  }

  private judgeInDatabase(
    onLoads: { item: StoredPosition; load: ActiveLoad }[],
    lockedStates: (states: Map<string, FencePresenceRow>) => void,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const states = await this.presence.lock(
        manager,
        onLoads.map(({ item }) => item.device.entityId),
      );
      lockedStates(states);
      const statuses = await this.presence.statuses(
        manager,
        onLoads.map(({ load }) => load.loadId),
      );
      const changed = new Map<string, FencePresenceRow>();
      for (const { item, load } of onLoads) {
        const state = states.get(item.device.entityId);
        const status = statuses.get(load.loadId);
        if (!state || !status || !this.isNewer(item, state)) continue;
        state.lastFixTime = item.report.fixTime;
        changed.set(state.truckId, state);
        // One bad fix or fence must not stop the judgement of the others.
        const to = await this.judge(manager, item, { ...load, status }, state).catch((error: unknown) => {
          this.logger.warn(`fix ${item.positionId}: ${String(error)}`);
          return null;
        });
        if (to) statuses.set(load.loadId, to);
      }
      await this.presence.save(manager, [...changed.values()]);
    });
  }

  /**
   * Most fixes change nothing: a truck loading deep in the yard, one en route
   * far from any fence. With this instance the only one judging, it knows each
   * truck's stored presence (as of its last judgement here) and judges in the
   * database only a fix that would change that presence or move the load; the
   * rest are passed over, the newest of them remembered so a late fix never
   * overrules one passed over. Several instances each judge every fix in the
   * database, where they see one another's judgements.
   */
  private mayMove(item: StoredPosition, load: ActiveLoad): boolean {
    const truckId = item.device.entityId;
    const at = item.report.fixTime;
    const seen = this.newestSeen.get(truckId);
    if (
      seen !== undefined &&
      at.getTime() <= seen.getTime() &&
      !isFixTooFarAhead(seen, new Date(), this.config.ingestMaxFixAheadSeconds)
    )
      return false;
    this.newestSeen.set(truckId, at);
    const known = this.shared ? undefined : this.known.get(truckId);
    if (!known) return true;
    const position = { lat: item.report.lat, lng: item.report.lng };
    try {
      for (const fence of FENCES) {
        const next = judgePresence(known[fence], position, fence === 'plant' ? load.plantFence : load.siteFence);
        if (next !== known[fence]) return true;
        if (geofenceTransition(load.status, fence, next === 'inside' ? 'entered' : 'exited')) return true;
      }
    } catch {
      // A fence or fix that cannot be judged here is judged in the database, where its error is logged per fix.
      return true;
    }
    return false;
  }

  /** Late and repeated fixes never move a truck back in time; a judged fix from a broken clock does not freeze it. */
  private isNewer(item: StoredPosition, state: FencePresenceRow): boolean {
    if (state.lastFixTime === null) return true;
    if (item.report.fixTime.getTime() > state.lastFixTime.getTime()) return true;
    return isFixTooFarAhead(state.lastFixTime, new Date(), this.config.ingestMaxFixAheadSeconds);
  }

  /** Updates the truck's presence from this fix and makes the step it calls for; returns the new status if one was made. */
  private async judge(
    manager: EntityManager,
    item: StoredPosition,
    load: ActiveLoad,
    state: FencePresenceRow,
  ): Promise<LoadStatus | null> {
    const position = { lat: item.report.lat, lng: item.report.lng };
    for (const fence of FENCES) {
      const next = judgePresence(state[fence], position, fence === 'plant' ? load.plantFence : load.siteFence);
      state[fence] = next;
      // Judged by where the truck is, not only by the fix that crossed: a step confirmed by
      // hand just before the crossing must not make the crossing count for nothing.
      const to = geofenceTransition(load.status, fence, next === 'inside' ? 'entered' : 'exited');
      if (to) return (await this.move(manager, load.loadId, load.status, to, item)) ? to : null;
    }
    return null;
  }

  /** In a savepoint: a step that fails leaves the batch's other steps and the presence it judged standing. */
  private async move(
    manager: EntityManager,
    loadId: string,
    from: LoadStatus,
    to: LoadStatus,
    item: StoredPosition,
  ): Promise<boolean> {
    await manager.query('SAVEPOINT geofence_step');
    try {
      const load = await this.loads.lockDetailed(manager, loadId);
      // Someone may have confirmed the step by hand in the meantime.
      let moved = false;
      if (load && load.status === from) {
        const late =
          load.dischargeDeadline !== null && load.dischargeDeadline.getTime() < item.report.fixTime.getTime();
        // The same rules as the people's steps: concrete past its deadline does not leave on its
        // own, and a late arrival is flagged for QC.
        if (!(to === 'en_route' && late)) {
          if (to === 'on_site' && late) load.flaggedForQc = true;
          await this.cycle.move(manager, load, to, {
            actor: null,
            deviceId: item.device.deviceId,
            at: item.report.fixTime,
            note: `geofence: ${from} → ${to}`,
          });
          await this.views.publishChanged(manager, loadId);
          moved = true;
        }
      }
      await manager.query('RELEASE SAVEPOINT geofence_step');
      return moved;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT geofence_step');
      throw error;
    }
  }
}
