import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '@pourline/contracts';
import { UserEntity } from '../../modules/users/user.entity';

/** Who a token belongs to and which projects or plants they are assigned to, read per request. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findActiveIdentity(userId: string): Promise<CurrentUser | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId, active: true });
    if (!user) return null;
    const rows: { project_id: string }[] =
      user.role === 'site_dispatcher'
        ? await this.dataSource.query('SELECT project_id FROM project_site_dispatchers WHERE user_id = $1', [userId])
        : [];
    const plants: { plant_id: string }[] =
      user.role === 'plant_operator'
        ? await this.dataSource.query('SELECT plant_id FROM plant_operators WHERE user_id = $1', [userId])
        : [];
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      projectIds: rows.map((row) => row.project_id),
      plantIds: plants.map((row) => row.plant_id),
    };
  }
}
