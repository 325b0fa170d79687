import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClientConfigDto } from '@pourline/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisHealth } from '../live/redis-health';

@ApiTags('system')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisHealth,
  ) {}

  @Get('health')
  @Public()
  async health() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database is unreachable');
    }
    // Without Redis each instance still serves its own sockets: degraded, not down.
    const { state, lastError, lastErrorAt } = this.redis;
    return {
      status: state === 'down' ? 'degraded' : 'ok',
      database: 'up',
      redis: state,
      ...(lastError && lastErrorAt ? { redisLastError: lastError, redisLastErrorAt: lastErrorAt.toISOString() } : {}),
    };
  }

  /** What the console needs before anyone signs in. */
  @Get('config')
  @Public()
  async clientConfig(): Promise<ClientConfigDto> {
    return {
      mapTileUrl: this.config.mapTileUrl,
      mapTileAttribution: this.config.mapTileAttribution,
      demo: this.config.demo,
      timeZone: await this.plantsTimeZone(),
    };
  }

  private async plantsTimeZone(): Promise<string | null> {
    const rows: Array<{ zone: string }> = await this.dataSource.query(
      'SELECT time_zone AS zone FROM plants GROUP BY time_zone ORDER BY count(*) DESC, time_zone LIMIT 1',
    );
    return rows[0]?.zone ?? null;
  }
}
