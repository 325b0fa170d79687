import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { IdempotentRequestEntity } from './idempotent-request.entity';

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for this request, or answers what an earlier request with it holds. */
  async claim(
    userId: string,
    key: string,
    request: { method: string; path: string; requestHash: string },
  ): Promise<IdempotentRequestEntity | null> {
    const inserted: unknown[] = await this.dataSource.query(
      // A claim left unanswered by a crashed process is taken over after a while.
      `INSERT INTO idempotent_requests (user_id, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, key) DO UPDATE SET created_at = now()
         WHERE idempotent_requests.status_code IS NULL
           AND idempotent_requests.method = EXCLUDED.method AND idempotent_requests.path = EXCLUDED.path
           AND idempotent_requests.request_hash IS NOT DISTINCT FROM EXCLUDED.request_hash
           AND idempotent_requests.created_at < now() - interval '2 minutes'
       RETURNING key`,
      [userId, key, request.method, request.path, request.requestHash],
    );
    if (inserted.length > 0) return null;
    return this.dataSource.getRepository(IdempotentRequestEntity).findOneByOrFail({ userId, key });
  }

  async complete(userId: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      'UPDATE idempotent_requests SET status_code = $3, body = $4 WHERE user_id = $1 AND key = $2',
      [userId, key, statusCode, body === undefined ? null : JSON.stringify(body)],
    );
  }

  /** A failure on our side: the key is freed so the client's retry is handled afresh. */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.getRepository(IdempotentRequestEntity).delete({ userId, key, statusCode: IsNull() });
  }
}
