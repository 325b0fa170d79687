import { type PackedName, type PackedPositionsFrame, PositionPacker, uuidBytes } from '@pourline/contracts';
import { ALL_PROJECTS_ROOM, isProjectRoom, projectRoom } from '../../platform/live/live-rooms';
import type { StoredPosition } from './tracking.repository';

/** A vehicle is named again this often, so a console that missed its first naming is never long without it. */
const RENAME_EVERY_MS = 30_000;
/** Names not sent for this long are forgotten; the vehicle is named afresh when it next moves. */
const FORGET_AFTER_MS = 10 * 60_000;

interface Named {
  label: string;
  deviceId: string;
  at: number;
}

/**
 * Builds the binary position frames of the live rooms. Each room remembers
 * which vehicles it has named and with what, so a frame carries a name only
 * when the room first hears of the vehicle, when its label or tracker changes,
 * and every half minute after.
 */
export class PackedFrames {
  private readonly packer = new PositionPacker();
  private readonly ids = new Map<string, Uint8Array>();
  private readonly named = new Map<string, Map<string, Named>>();
  private forgottenAt = 0;

  frame(room: string, positions: readonly StoredPosition[], now: number): PackedPositionsFrame {
    let roomNames = this.named.get(room);
    if (!roomNames) this.named.set(room, (roomNames = new Map()));
    const names: PackedName[] = [];
    this.packer.reset();
    for (const { positionId, device, report } of positions) {
      let id = this.ids.get(device.entityId);
      if (!id) this.ids.set(device.entityId, (id = uuidBytes(device.entityId)));
      this.packer.add(id, {
        entityId: device.entityId,
        lat: report.lat,
        lng: report.lng,
        fixTimeMs: report.fixTime.getTime(),
        positionSeq: Number(positionId),
        speedKmh: report.speedKmh,
        bearingDeg: report.bearingDeg,
      });
      const last = roomNames.get(device.entityId);
      if (
        last === undefined ||
        last.label !== device.label ||
        last.deviceId !== device.deviceId ||
        now - last.at >= RENAME_EVERY_MS
      ) {
        names.push([device.entityId, device.entityType, device.label, device.deviceId]);
        roomNames.set(device.entityId, { label: device.label, deviceId: device.deviceId, at: now });
      }
    }
    if (now - this.forgottenAt >= FORGET_AFTER_MS) this.forget(now);
    const bytes = this.packer.bytes();
    // Encoded once per room and flush, whatever the number of consoles in it.
    return {
      positionSeq: this.packer.positionSeq,
      names,
      data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    };
  }

  /**
   * The frame of every position for everyone who sees all projects, or none
   * when no one may hear that room (`heard`).
   */
  forAllProjects(
    positions: readonly StoredPosition[],
    heard: (room: string) => boolean,
    now: number,
  ): PackedPositionsFrame | undefined {
    if (heard(ALL_PROJECTS_ROOM)) return this.frame(ALL_PROJECTS_ROOM, positions, now);
    this.named.delete(ALL_PROJECTS_ROOM);
    return undefined;
  }

  /**
   * Each project room's frame of the trucks on its loads (`projectOf`), built
   * and encoded only for a room someone may hear (`heard`).
   */
  forProjects(
    positions: readonly StoredPosition[],
    projectOf: (truckId: string) => string | undefined,
    heard: (room: string) => boolean,
    now: number,
  ): [string, PackedPositionsFrame][] {
    /** Each project's positions, or null when no one may hear its room. */
    const byProject = new Map<string, StoredPosition[] | null>();
    for (const position of positions) {
      if (position.device.entityType !== 'truck') continue;
      const projectId = projectOf(position.device.entityId);
      if (projectId === undefined) continue;
      let own = byProject.get(projectId);
      if (own === undefined) {
        own = heard(projectRoom(projectId)) ? [] : null;
        byProject.set(projectId, own);
      }
      own?.push(position);
    }
    const frames: [string, PackedPositionsFrame][] = [];
    for (const [projectId, own] of byProject) {
      const room = projectRoom(projectId);
      // What a room no one hears was told is forgotten: whoever joins it next is sent every vehicle's name.
      if (own === null) this.named.delete(room);
      else frames.push([room, this.frame(room, own, now)]);
    }
    return frames;
  }

  /** No one hears any project room: what each was told is forgotten, as for a room no one hears. */
  forgetProjects(): void {
    for (const room of this.named.keys()) if (isProjectRoom(room)) this.named.delete(room);
  }

  private forget(now: number): void {
    this.forgottenAt = now;
    for (const [room, roomNames] of this.named) {
      for (const [entityId, named] of roomNames) if (now - named.at >= FORGET_AFTER_MS) roomNames.delete(entityId);
      if (roomNames.size === 0) this.named.delete(room);
    }
  }
}
