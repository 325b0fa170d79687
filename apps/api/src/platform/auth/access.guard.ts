import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, type CurrentUser, type Permission, roleHasPermission } from '@pourline/contracts';
import type { Request } from 'express';
import { ForbiddenError } from '../errors/domain-error';
import { ANY_SIGNED_IN, IS_PUBLIC, REQUIRED_PERMISSION } from './auth.decorators';
import { AuthService } from './auth.service';
import { sessionToken } from './session-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/** Every route is closed unless it says who may use it. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: CurrentUser }>();
    const bearer = bearerToken(request);
    const cookie = bearer ? undefined : sessionToken(request.headers.cookie);
    const user = await (cookie
      ? this.auth.authenticate(cookie, {
          kind: 'cookie',
          changesState: !SAFE_METHODS.has(request.method),
          csrfHeader: request.header(CSRF_HEADER),
        })
      : this.auth.authenticate(bearer));
    request.user = user;
    const permission = this.reflector.getAllAndOverride<Permission | typeof ANY_SIGNED_IN>(
      REQUIRED_PERMISSION,
      targets,
    );
    if (!permission) throw new ForbiddenError('route_not_guarded', 'This route declares no permission and is closed');
    if (permission !== ANY_SIGNED_IN && !roleHasPermission(user.role, permission)) {
      throw new ForbiddenError('forbidden', `Your role (${user.role}) may not do this`);
    }
    return true;
  }
}
