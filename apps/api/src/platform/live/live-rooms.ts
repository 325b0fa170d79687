import type { CurrentUser } from '@pourline/contracts';
import { visibleProjectIds } from '../auth/project-scope';

/** Everyone who may see every project listens here. */
export const ALL_PROJECTS_ROOM = 'scope:all';

export function projectRoom(projectId: string): string {
  return `project:${projectId}`;
}

/** Rooms follow from who the person is: nobody picks their own. */
export function roomsFor(user: CurrentUser): string[] {
  const projectIds = visibleProjectIds(user);
  return projectIds === null ? [ALL_PROJECTS_ROOM] : projectIds.map(projectRoom);
}

export function roomsForProject(projectId: string | null): string[] {
  return projectId ? [ALL_PROJECTS_ROOM, projectRoom(projectId)] : [ALL_PROJECTS_ROOM];
}
