import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CurrentUser, LoginRequest, LoginResponse } from '@pourline/contracts';
import { UsersRepository } from '../../modules/users/users.repository';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login({ username, password }: LoginRequest): Promise<LoginResponse> {
    const user = await this.users.findByUsername(username.toLowerCase());
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || !user.active) throw new AuthenticationError('Wrong username or password');
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
