import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CurrentUser, LoginRequest } from '@pourline/contracts';
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

  @Get('me')
  @Can(ANY_SIGNED_IN)
  me(@Actor() actor: CurrentUser): CurrentUser {
    return actor;
  }
}
