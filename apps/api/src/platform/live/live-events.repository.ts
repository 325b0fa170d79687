import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LiveEventEntity } from './live-event.entity';

const REPLAY_LIMIT = 5000;

@Injectable()
export class LiveEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  insert(type: string, projectId: string | null, payload: Record<string, unknown>): Promise<LiveEventEntity> {
    const repository = this.dataSource.getRepository(LiveEventEntity);
    return repository.save(repository.create({ type, projectId, payload }));
  }

  /** Events after `seq` that a viewer of these projects (null: all) may see, oldest first. */
  since(seq: number, projectIds: string[] | null): Promise<LiveEventEntity[]> {
    const query = this.dataSource
      .getRepository(LiveEventEntity)
      .createQueryBuilder('event')
      .where('event.seq > :seq', { seq })
      .orderBy('event.seq', 'ASC')
      .limit(REPLAY_LIMIT);
    if (projectIds !== null) {
      if (projectIds.length === 0) return Promise.resolve([]);
      query.andWhere('event.projectId IN (:...projectIds)', { projectIds });
    }
    return query.getMany();
  }

  async latestSeq(): Promise<number> {
    const rows: { seq: string | null }[] = await this.dataSource.query('SELECT max(seq) AS seq FROM live_events');
    return Number(rows[0].seq ?? 0);
  }
}
