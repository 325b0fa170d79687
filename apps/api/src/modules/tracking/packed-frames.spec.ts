import { Server } from 'socket.io';
import { type KnownVehicle, type PackedPositionsFrame, unpackPositions } from '@pourline/contracts';
import { ALL_PROJECTS_ROOM, mayReach, projectRoom, watchProjectRooms } from '../../platform/live/live-rooms';
import { PackedFrames } from './packed-frames';
import type { StoredPosition } from './tracking.repository';

const TRUCKS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
/** Truck 0 is on project A's load, truck 1 on project B's. */
const PROJECT_OF: Record<string, string> = { [TRUCKS[0]]: 'project-a', [TRUCKS[1]]: 'project-b' };
const projectOf = (truckId: string) => PROJECT_OF[truckId];
const NOW = Date.UTC(2026, 0, 1, 8);

function position(index: number, positionId: number): StoredPosition {
  return {
    positionId: String(positionId),
    device: {
      deviceId: `dev-${index}`,
      entityType: 'truck',
      entityId: TRUCKS[index],
      label: `T${index}`,
      secretHash: null,
    },
    report: {
      deviceId: `dev-${index}`,
      fixTime: new Date(NOW + positionId * 1000),
      lat: 31.9 + index / 100,
      lng: 118.8,
      speedKmh: 30,
      bearingDeg: 90,
      altitudeM: null,
      accuracyM: null,
      batteryPercent: null,
      attributes: {},
    },
  };
}

/**
 * The rooms of a real socket.io namespace (its in-memory adapter), which consoles join as the gateway puts them.
 * The server is never attached to a port, so there is nothing to close.
 */
function liveRooms(shared = false) {
  const io = new Server();
  const namespace = io.of('/live');
  const localProjectRooms = watchProjectRooms(namespace.adapter);
  return {
    heard: (room: string) => mayReach(room, namespace.adapter.rooms, shared),
    anyProjectHeard: () => shared || localProjectRooms() > 0,
    localProjectRooms,
    /** A count started now, over the rooms already there. */
    countFromNow: () => watchProjectRooms(namespace.adapter),
    // The in-memory adapter joins and leaves at once; only a shared one answers with a promise.
    join: (socketId: string, ...rooms: string[]) => void namespace.adapter.addAll(socketId, new Set(rooms)),
    leave: (socketId: string) => void namespace.adapter.delAll(socketId),
  };
}

/** What a window sends, room by room, as the fan-out does. */
function windowOf(frames: PackedFrames, rooms: ReturnType<typeof liveRooms>, positions: StoredPosition[], now = NOW) {
  const sent: [string, PackedPositionsFrame][] = [];
  const all = frames.forAllProjects(positions, rooms.heard, now);
  if (all) sent.push([ALL_PROJECTS_ROOM, all]);
  if (!rooms.anyProjectHeard()) {
    frames.forgetProjects();
    return sent;
  }
  return [...sent, ...frames.forProjects(positions, projectOf, rooms.heard, now)];
}

const entityIds = (frame: PackedPositionsFrame) =>
  unpackPositions(frame, new Map<string, KnownVehicle>()).positions.map((item) => item.entityId);
const namesIn = (frame: PackedPositionsFrame) => frame.names.map(([entityId]) => entityId);

describe('the live position frames of the rooms', () => {
  it('builds no frame for a room no console is in', () => {
    const rooms = liveRooms();
    expect(windowOf(new PackedFrames(), rooms, [position(0, 1), position(1, 2)])).toEqual([]);
  });

  it('sends each room with a console in it its own trucks, and nothing to the rooms without one', () => {
    const rooms = liveRooms();
    rooms.join('dispatch-room', ALL_PROJECTS_ROOM);
    rooms.join('site-a', projectRoom('project-a'));
    const sent = windowOf(new PackedFrames(), rooms, [position(0, 1), position(1, 2)]);
    expect(sent.map(([room]) => room)).toEqual([ALL_PROJECTS_ROOM, projectRoom('project-a')]);
    expect(entityIds(sent[0][1])).toEqual([TRUCKS[0], TRUCKS[1]]);
    expect(entityIds(sent[1][1])).toEqual([TRUCKS[0]]);
  });

  it('sends a project room nothing once its last console has left', () => {
    const rooms = liveRooms();
    const frames = new PackedFrames();
    rooms.join('site-b', projectRoom('project-b'));
    expect(windowOf(frames, rooms, [position(1, 1)]).map(([room]) => room)).toEqual([projectRoom('project-b')]);
    rooms.leave('site-b');
    expect(windowOf(frames, rooms, [position(1, 2)])).toEqual([]);
  });

  it('names every truck to whoever joins a room after it stood empty', () => {
    const rooms = liveRooms();
    const frames = new PackedFrames();
    rooms.join('site-a', projectRoom('project-a'));
    rooms.join('dispatch-room', ALL_PROJECTS_ROOM);
    const first = windowOf(frames, rooms, [position(0, 1)], NOW);
    expect(first.map(([, frame]) => namesIn(frame))).toEqual([[TRUCKS[0]], [TRUCKS[0]]]);
    // A console that stays is not named the truck again within the half minute.
    rooms.leave('site-a');
    const second = windowOf(frames, rooms, [position(0, 2)], NOW + 100);
    expect(second.map(([room, frame]) => [room, namesIn(frame)])).toEqual([[ALL_PROJECTS_ROOM, []]]);
    // One joining the room after it stood empty is.
    rooms.join('site-a-again', projectRoom('project-a'));
    const third = windowOf(frames, rooms, [position(0, 3)], NOW + 200);
    expect(third.map(([room, frame]) => [room, namesIn(frame)])).toEqual([
      [ALL_PROJECTS_ROOM, []],
      [projectRoom('project-a'), [TRUCKS[0]]],
    ]);
  });

  it('counts the project rooms a console of this instance is in, as consoles join and leave', () => {
    const rooms = liveRooms();
    rooms.join('dispatch-room', ALL_PROJECTS_ROOM);
    expect(rooms.localProjectRooms()).toBe(0);
    rooms.join('site-a', projectRoom('project-a'), projectRoom('project-b'));
    rooms.join('site-a-too', projectRoom('project-a'));
    expect(rooms.localProjectRooms()).toBe(2);
    rooms.leave('site-a');
    expect(rooms.localProjectRooms()).toBe(1);
    rooms.leave('site-a-too');
    expect(rooms.localProjectRooms()).toBe(0);
    rooms.join('site-b', projectRoom('project-b'));
    expect(rooms.localProjectRooms()).toBe(1);
    // A count started later begins from the rooms already there.
    const later = rooms.countFromNow();
    expect(later()).toBe(1);
    rooms.leave('site-b');
    expect([rooms.localProjectRooms(), later()]).toEqual([0, 0]);
  });

  it('builds every room’s frame when rooms are shared with other instances, whose members it cannot see', () => {
    const rooms = liveRooms(true);
    const sent = windowOf(new PackedFrames(), rooms, [position(0, 1), position(1, 2)]);
    expect(sent.map(([room]) => room)).toEqual([ALL_PROJECTS_ROOM, projectRoom('project-a'), projectRoom('project-b')]);
  });
});
