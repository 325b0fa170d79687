import type { CurrentUser } from '@pourline/contracts';
import { visibleProjectIds } from '../auth/project-scope';

/** Everyone who may see every project listens here. */
export const ALL_PROJECTS_ROOM = 'scope:all';

const PROJECT_ROOM_PREFIX = 'project:';

export function projectRoom(projectId: string): string {
  return `${PROJECT_ROOM_PREFIX}${projectId}`;
}

export function isProjectRoom(room: string): boolean {
  return room.startsWith(PROJECT_ROOM_PREFIX);
}

/** Every socket of one person, on any instance: how a change of their scope reaches them. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** The rooms that carry events of projects; what a change of scope adds or takes away. */
export function isScopeRoom(room: string): boolean {
  return room === ALL_PROJECTS_ROOM || isProjectRoom(room);
}

/** Rooms follow from who the person is: nobody picks their own. */
export function roomsFor(user: CurrentUser): string[] {
  return [...scopeRoomsFor(user), userRoom(user.id)];
}

/** The project rooms a person may listen to now. */
export function scopeRoomsFor(user: CurrentUser): string[] {
  const projectIds = visibleProjectIds(user);
  return projectIds === null ? [ALL_PROJECTS_ROOM] : projectIds.map(projectRoom);
}

export function roomsForProject(projectId: string | null): string[] {
  return projectId ? [ALL_PROJECTS_ROOM, projectRoom(projectId)] : [ALL_PROJECTS_ROOM];
}

/**
 * Whether what is pushed to a room may reach anyone: a room of this instance's
 * sockets (`localRooms`, as the socket.io adapter keeps them) with one in it.
 * With rooms shared between instances a member may be on another one only, so
 * every room may.
 */
export function mayReach(
  room: string,
  localRooms: ReadonlyMap<string, ReadonlySet<unknown>>,
  shared: boolean,
): boolean {
  return shared || (localRooms.get(room)?.size ?? 0) > 0;
}

/** The rooms of a socket.io adapter, and the events it tells of their coming and going by. */
export interface WatchedRooms {
  rooms: ReadonlyMap<string, ReadonlySet<unknown>>;
  on(event: 'create-room' | 'delete-room', listener: (room: string) => void): unknown;
}

/**
 * How many project rooms have a socket of this instance in them, kept up as
 * the adapter creates and deletes rooms, so that asking costs nothing.
 */
export function watchProjectRooms(adapter: WatchedRooms): () => number {
  let count = 0;
  for (const room of adapter.rooms.keys()) if (isProjectRoom(room)) count += 1;
  adapter.on('create-room', (room) => {
    if (isProjectRoom(room)) count += 1;
  });
  adapter.on('delete-room', (room) => {
    if (isProjectRoom(room)) count -= 1;
  });
  return () => count;
}
