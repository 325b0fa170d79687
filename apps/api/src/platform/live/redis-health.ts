/** What the live events' Redis link is doing, for GET /api/health. */
export type RedisState = 'off' | 'up' | 'down';

export class RedisHealth {
  state: RedisState = 'off';
  lastError: string | undefined;
  lastErrorAt: Date | undefined;
}
