import { createSecretKey } from 'node:crypto';
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
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key made once: given the secret as text, every check of a token would first try it as a public key.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        // Issued as HS256 and accepted only as such, whoever signs or checks.
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    UsersModule,
  ],
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
