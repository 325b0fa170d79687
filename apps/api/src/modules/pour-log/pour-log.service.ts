import { Injectable } from '@nestjs/common';
import type { CurrentUser, PourLogDto, PourLogQuery } from '@pourline/contracts';
import { PoursService } from '../pours/pours.service';
import { logPage, pourLogEntries } from './pour-log-entries';
import { PourLogRepository } from './pour-log.repository';

/** A pour's log as one thread: its messages and its system events, newest first, searchable. */
@Injectable()
export class PourLogService {
  constructor(
    private readonly pours: PoursService,
    private readonly log: PourLogRepository,
  ) {}

  async thread(pourId: string, query: PourLogQuery, actor: CurrentUser): Promise<PourLogDto> {
    const pour = await this.pours.get(pourId, actor);
    // One pour's thread is a few hundred rows: it is merged and searched here, by the same rule
    // the console applies to messages it receives live.
    const entries = pourLogEntries(await this.log.rowsOfPour(pourId), pour.projectId);
    const { items, total } = logPage(entries, query);
    return {
      pour: { id: pour.id, status: pour.status, plantTimeZone: pour.plantTimeZone, volumeM3: pour.volumeM3 },
      items,
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
