import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, LoginRequest, SystemTokenRequest } from '@pourline/contracts';
import { Actor, ANY_SIGNED_IN, Can, Public } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body({ schema: LoginRequest }) body: LoginRequest) {
    return this.auth.login(body);
  }

  /** For running the demo fleet on its own: its account has no password. */
  @Post('system-token')
  @Can('users.manage')
  @HttpCode(200)
  systemToken(@Body({ schema: SystemTokenRequest }) body: SystemTokenRequest, @Actor() actor: CurrentUser) {
    return this.auth.issueSystemToken(body.username, actor);
  }

  @Get('me')
  @Can(ANY_SIGNED_IN)
  me(@Actor() actor: CurrentUser): CurrentUser {
    return actor;
  }
}
