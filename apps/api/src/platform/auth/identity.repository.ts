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
    const rows = await this.projectsOf(user);
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
      customerId: user.role === 'customer' ? user.customerId : null,
    };
  }

  /** The projects a scoped role sees: assigned ones, or for a customer account its customer's. */
  private projectsOf(user: UserEntity): Promise<{ project_id: string }[]> {
    switch (user.role) {
      case 'site_dispatcher':
        return this.dataSource.query('SELECT project_id FROM project_site_dispatchers WHERE user_id = $1', [user.id]);
      case 'supervisor':
        return this.dataSource.query('SELECT project_id FROM project_supervisors WHERE user_id = $1', [user.id]);
      case 'customer':
        return this.dataSource.query('SELECT id AS project_id FROM projects WHERE customer_id = $1', [user.customerId]);
      default:
        return Promise.resolve([]);
    }
  }
}
