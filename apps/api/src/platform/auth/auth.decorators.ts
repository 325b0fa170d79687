import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { CurrentUser, Permission } from '@pourline/contracts';

export const IS_PUBLIC = 'pourline:public';
export const REQUIRED_PERMISSION = 'pourline:permission';
/** Any signed-in person, whatever the role. */
export const ANY_SIGNED_IN = 'any-signed-in';

/** No token needed (login, health, the console's settings). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The one permission a route needs; routes without it or @Public are refused. */
export const Can = (permission: Permission | typeof ANY_SIGNED_IN) =>
  applyDecorators(SetMetadata(REQUIRED_PERMISSION, permission), ApiBearerAuth());

export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): CurrentUser => {
  return context.switchToHttp().getRequest<{ user: CurrentUser }>().user;
});
