import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { CurrentUser, LoginRequest, LoginResponse } from '@pourline/contracts';
import type { UserEntity } from '../../modules/users/user.entity';
import { UsersRepository } from '../../modules/users/users.repository';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError, ForbiddenError, NotFoundError } from '../errors/domain-error';
import { IdentityRepository } from './identity.repository';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password-hasher';

export class AuthenticationError extends DomainError {
  constructor(message: string) {
    super(401, 'unauthenticated', message);
  }
}

interface TokenClaims {
  sub: string;
  role: string;
  /** Only in a browser session's token: the value its pages must echo in the CSRF header. */
  csrf?: string;
}

export interface BrowserSession {
  accessToken: string;
  csrfToken: string;
  maxAgeSeconds: number;
  user: CurrentUser;
}

/** How a token reached the API: a session cookie must come with its CSRF header on a change. */
export type TokenSource = { kind: 'bearer' } | { kind: 'cookie'; changesState: boolean; csrfHeader?: string };

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly identities: IdentityRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A bearer token, for programs. `address` is the client's, for the sign-in limit. */
  async login(request: LoginRequest, address: string): Promise<LoginResponse> {
    return this.issue(await this.checkCredentials(request, address));
  }

  /** A browser session: the token goes in an httpOnly cookie, with a CSRF value beside it. */
  async startSession(request: LoginRequest, address: string): Promise<BrowserSession> {
    const user = await this.checkCredentials(request, address);
    const identity = await this.identities.findActiveIdentity(user.id);
    if (!identity) throw new AuthenticationError('Wrong username or password');
    const csrfToken = randomBytes(32).toString('base64url');
    const { accessToken } = await this.issue(user, csrfToken);
    return { accessToken, csrfToken, maxAgeSeconds: this.config.jwtExpiresInSeconds, user: identity };
  }

  private async checkCredentials({ username, password }: LoginRequest, address: string): Promise<UserEntity> {
    const name = username.toLowerCase();
    this.throttle.check(name, address);
    const user = await this.users.findByUsername(name);
    const valid = await verifyPassword(user?.passwordHash, password);
    // A system account has no password to verify; say no more than for any wrong password.
    if (!user || !valid || !user.active || user.role === 'system') {
      this.throttle.recordFailure(name, address);
      throw new AuthenticationError('Wrong username or password');
    }
    this.throttle.recordSuccess(name);
    return user;
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

  private async issue(user: UserEntity, csrf?: string): Promise<LoginResponse> {
    const claims: TokenClaims = { sub: user.id, role: user.role, ...(csrf ? { csrf } : {}) };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds });
    return { accessToken };
  }

  /** Used by the HTTP guard and the socket gateway alike. */
  async authenticate(token: string | undefined, source: TokenSource = { kind: 'bearer' }): Promise<CurrentUser> {
    if (!token) throw new AuthenticationError('Sign in first: no access token was sent');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token);
    } catch {
      throw new AuthenticationError('The access token is invalid or has expired; sign in again');
    }
    if (source.kind === 'cookie' && source.changesState) {
      if (!claims.csrf || !source.csrfHeader || !sameText(claims.csrf, source.csrfHeader))
        throw new ForbiddenError(
          'csrf_failed',
          "This request did not carry the page's CSRF token; reload and try again",
        );
    }
    const identity = await this.identities.findActiveIdentity(claims.sub);
    if (!identity) throw new AuthenticationError('This account no longer exists or is deactivated');
    return identity;
  }
}
