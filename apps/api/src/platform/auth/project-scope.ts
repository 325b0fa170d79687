import type { CurrentUser } from '@pourline/contracts';

/** A site dispatcher sees only the projects assigned to them; other roles see all. */
export function visibleProjectIds(user: CurrentUser): string[] | null {
  return user.role === 'site_dispatcher' ? user.projectIds : null;
}

export function canSeeProject(user: CurrentUser, projectId: string): boolean {
  const visible = visibleProjectIds(user);
  return visible === null || visible.includes(projectId);
}
