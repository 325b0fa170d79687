import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreateUserRequest, CurrentUser, Page, PageQuery, UpdateUserRequest, UserDto } from '@pourline/contracts';
import { AuditService } from '../../platform/audit/audit.service';
import { hashPassword } from '../../platform/auth/password-hasher';
import { NotFoundError, UnknownReferenceError } from '../../platform/errors/domain-error';
import { LiveScope } from '../../platform/live/live-scope.service';
import { CustomersRepository } from '../customers/customers.repository';
import type { UserEntity } from './user.entity';
import { CustomerLinkError, LastAdminError, SystemAccountError, UsernameTakenError } from './users.exceptions';
import { UsersRepository } from './users.repository';

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    phone: user.phone,
    active: user.active,
    customerId: user.customerId,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Stored in place of a password hash for a system account: no password ever verifies against it. */
const NO_PASSWORD = '!system-account';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly liveScope: LiveScope,
    private readonly customers: CustomersRepository,
  ) {}

  async list(query: PageQuery): Promise<Page<UserDto>> {
    const [items, total] = await this.users.list((query.page - 1) * query.pageSize, query.pageSize);
    return { items: items.map(toUserDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<UserDto> {
    return toUserDto(await this.require(id));
  }

  async create(request: CreateUserRequest, actor: CurrentUser | null): Promise<UserDto> {
    if (await this.users.findByUsername(request.username)) throw new UsernameTakenError(request.username);
    await this.checkCustomerLink(request.role, request.customerId ?? null);
    const user = this.users.create({
      username: request.username,
      displayName: request.displayName,
      role: request.role,
      phone: request.phone ?? null,
      customerId: request.customerId ?? null,
      passwordHash: await hashPassword(request.password),
      active: true,
    });
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.users.save(user, manager);
      await this.audit.record(manager, actor, 'user', saved.id, 'created', {
        username: saved.username,
        role: saved.role,
      });
      return toUserDto(saved);
    });
  }

  /**
   * A system account such as the demo fleet: created once, found again after.
   * A person already holding the username is never turned into one.
   */
  async ensureSystemAccount(
    account: { username: string; displayName: string },
    actor: CurrentUser | null,
  ): Promise<UserDto> {
    const existing = await this.users.findByUsername(account.username);
    if (existing) {
      if (existing.role !== 'system') throw new UsernameTakenError(account.username);
      return toUserDto(existing);
    }
    const user = this.users.create({
      username: account.username,
      displayName: account.displayName,
      role: 'system',
      phone: null,
      passwordHash: NO_PASSWORD,
      active: true,
    });
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.users.save(user, manager);
      await this.audit.record(manager, actor, 'user', saved.id, 'created', {
        username: saved.username,
        role: saved.role,
      });
      return toUserDto(saved);
    });
  }

  async update(id: string, request: UpdateUserRequest, actor: CurrentUser): Promise<UserDto> {
    const user = await this.require(id);
    if (user.role === 'system' && (request.role !== undefined || request.password !== undefined)) {
      throw new SystemAccountError(user.username);
    }
    const losesAdmin =
      user.role === 'admin' && user.active && ((request.role && request.role !== 'admin') || request.active === false);
    if (losesAdmin && (await this.users.countActiveWithRole('admin')) <= 1) throw new LastAdminError();
    const { password, ...fields } = request;
    // Leaving the customer role drops the link unless the request names one (which is then refused).
    if (request.role && request.role !== 'customer' && request.customerId === undefined) fields.customerId = null;
    await this.checkCustomerLink(
      fields.role ?? user.role,
      fields.customerId === undefined ? user.customerId : fields.customerId,
    );
    Object.assign(user, fields);
    if (password) user.passwordHash = await hashPassword(password);
    const updated = await this.dataSource.transaction(async (manager) => {
      const saved = await this.users.save(user, manager);
      await this.audit.record(manager, actor, 'user', id, 'updated', {
        ...fields,
        ...(password ? { password: 'changed' } : {}),
      });
      return toUserDto(saved);
    });
    // A new role or a deactivation reaches the person's open live feed at once.
    if (request.role !== undefined || request.active !== undefined || request.customerId !== undefined)
      await this.liveScope.refreshUsers([id]);
    return updated;
  }

  private async checkCustomerLink(role: string, customerId: string | null): Promise<void> {
    if ((role === 'customer') !== (customerId !== null)) throw new CustomerLinkError(role);
    if (customerId !== null && !(await this.customers.exists(customerId)))
      throw new UnknownReferenceError('customerId', customerId);
  }

  private async require(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }
}
