import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClientConfigDto } from '@pourline/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

@ApiTags('system')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('health')
  @Public()
  async health() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('The database is unreachable');
    }
    return { status: 'ok', database: 'up' };
  }

  /** What the console needs before anyone signs in. */
  @Get('config')
  @Public()
  clientConfig(): ClientConfigDto {
    return {
      mapTileUrl: this.config.mapTileUrl,
      mapTileAttribution: this.config.mapTileAttribution,
      demo: this.config.demo,
    };
  }
}
