import type { INestApplication } from '@nestjs/common';
import { UsersRepository } from '../../modules/users/users.repository';
import { UsersService } from '../../modules/users/users.service';
import type { AppConfig } from '../config/app-config';

/** A fresh production install gets its first administrator from ADMIN_PASSWORD. */
export async function ensureBootstrapAdmin(app: INestApplication, config: AppConfig, log: (line: string) => void) {
  if (!config.bootstrapAdminPassword) return;
  const users = app.get(UsersRepository);
  if (await users.findByUsername('admin')) return;
  await app
    .get(UsersService)
    .create(
      { username: 'admin', displayName: 'Administrator', role: 'admin', password: config.bootstrapAdminPassword },
      null,
    );
  log('created the administrator account "admin" from ADMIN_PASSWORD');
}
