import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { CurrentUser, LoginRequest, LoginResponse } from '@pourline/contracts';
import type { UserEntity } from '../../modules/users/user.entity';
import { UsersRepository } from '../../modules/users/users.repository';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError, NotFoundError } from '../errors/domain-error';
import { IdentityRepository } from './identity.repository';
import { verifyPassword } from './password-hasher';

export class AuthenticationError extends DomainError {
  constructor(message: string) {
    super(401, 'unauthenticated', message);
  }
}

interface TokenClaims {
  sub: string;
  role: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly identities: IdentityRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login({ username, password }: LoginRequest): Promise<LoginResponse> {
    const user = await this.users.findByUsername(username.toLowerCase());
    const valid = await verifyPassword(user?.passwordHash, password);
    // A system account has no password to verify; say no more than for any wrong password.
    if (!user || !valid || !user.active || user.role === 'system') {
      throw new AuthenticationError('Wrong username or password');
    }
    return this.issue(user);
  }

  /**
   * A token for a system account (the demo fleet), which cannot sign in: minted
   * in-process for the embedded demo fleet, or asked for by an administrator
   * (`issuedBy`, audited) to run the demo fleet on its own.
   */
  async issueSystemToken(username: string, issuedBy: CurrentUser | null): Promise<LoginResponse> {
    const user = await this.users.findByUsername(username.toLowerCase());
    if (!user || user.role !== 'system' || !user.active) throw new NotFoundError('System account', username);
    if (issuedBy) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, issuedBy, 'user', user.id, 'access_token_issued', {}),
      );
    }
    return this.issue(user);
  }

  private async issue(user: UserEntity): Promise<LoginResponse> {
    const claims: TokenClaims = { sub: user.id, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      expiresIn: this.config.jwtExpiresInSeconds,
    });
    return { accessToken };
  }

  /** Used by the HTTP guard and the socket gateway alike. */
  async authenticate(token: string | undefined): Promise<CurrentUser> {
    if (!token) throw new AuthenticationError('Sign in first: no access token was sent');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token, { secret: this.config.jwtSecret });
    } catch {
      throw new AuthenticationError('The access token is invalid or has expired; sign in again');
    }
    const identity = await this.identities.findActiveIdentity(claims.sub);
    if (!identity) throw new AuthenticationError('This account no longer exists or is deactivated');
    return identity;
  }
}
