import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { UsersModule } from '../../modules/users/users.module';
import { Clock } from '../clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { IdentityRepository } from './identity.repository';
import { LoginThrottle } from './login-throttle';

@Module({
  imports: [JwtModule.register({}), UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    IdentityRepository,
    { provide: APP_GUARD, useClass: AccessGuard },
    {
      provide: LoginThrottle,
      inject: [Clock, APP_CONFIG],
      useFactory: (clock: Clock, config: AppConfig) =>
        new LoginThrottle(clock, {
          failuresPerUser: config.loginFailuresPerUser,
          failuresPerAddress: config.loginFailuresPerAddress,
          windowSeconds: config.loginWindowSeconds,
        }),
    },
  ],
  exports: [AuthService],
})
export class AuthModule {}
