import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, LoginRequest, type SessionResponse, SystemTokenRequest } from '@pourline/contracts';
import type { Request, Response } from 'express';
import { Actor, ANY_SIGNED_IN, Can, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { clearSessionCookies, setSessionCookies } from './session-cookies';

/** The client's address as Express sees it, through the proxies TRUST_PROXY names. */
function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body({ schema: LoginRequest }) body: LoginRequest, @Req() request: Request) {
    return this.auth.login(body, clientAddress(request));
  }

  /** The console's sign-in: the token goes in an httpOnly cookie, never to script. */
  @Post('session')
  @Public()
  @HttpCode(200)
  async startSession(
    @Body({ schema: LoginRequest }) body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const session = await this.auth.startSession(body, clientAddress(request));
    setSessionCookies(response, session, request.secure);
    return { user: session.user };
  }

  /** Signing out clears the cookies; it needs no valid session, so an expired one can leave too. */
  @Delete('session')
  @Public()
  @HttpCode(204)
  endSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    clearSessionCookies(response, request.secure);
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
