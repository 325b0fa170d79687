import { type CurrentUser, isProjectScoped } from '@pourline/contracts';

/**
 * A site dispatcher and a supervisor see only the projects assigned to them, a
 * customer account its customer's projects; other roles see all.
 */
export function visibleProjectIds(user: CurrentUser): string[] | null {
  return isProjectScoped(user.role) ? user.projectIds : null;
}

export function canSeeProject(user: CurrentUser, projectId: string): boolean {
  const visible = visibleProjectIds(user);
  return visible === null || visible.includes(projectId);
}
