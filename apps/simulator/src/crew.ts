import type { CurrentUser } from '@pourline/contracts';
import { ApiClient, isApiError } from './api-client';
import type { Log } from './log';

/**
 * The people whose taps the simulator plays: the dispatch room, the QC
 * inspector and the site dispatcher. The site dispatcher follows only the
 * projects assigned to them; elsewhere the dispatch room confirms site steps.
 */
export class Crew {
  private constructor(
    readonly dispatcher: ApiClient,
    readonly qc: ApiClient,
    private readonly site: ApiClient | null,
    private readonly siteProjectIds: ReadonlySet<string>,
  ) {}

  static async signIn(baseUrl: string, password: string, signal: AbortSignal, log: Log): Promise<Crew> {
    const dispatcher = new ApiClient(baseUrl, { username: 'dispatcher', password }, signal);
    const qc = new ApiClient(baseUrl, { username: 'qc', password }, signal);
    const site = new ApiClient(baseUrl, { username: 'site', password }, signal);
    await dispatcher.get<CurrentUser>('/auth/me');
    await qc.get<CurrentUser>('/auth/me');
    try {
      const me = await site.get<CurrentUser>('/auth/me');
      return new Crew(dispatcher, qc, site, new Set(me.projectIds));
    } catch (error) {
      if (!isApiError(error, 401, 403)) throw error;
      log('no site dispatcher account: the dispatch room confirms site steps everywhere');
      return new Crew(dispatcher, qc, null, new Set());
    }
  }

  /** Who confirms arrival and discharge on a project's site. */
  siteStaffFor(projectId: string): ApiClient {
    return this.site && this.siteProjectIds.has(projectId) ? this.site : this.dispatcher;
  }
}
