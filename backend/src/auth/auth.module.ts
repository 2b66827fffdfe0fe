import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PassportModule } from '@nestjs/passport';
import { AccountMailModule } from '../account-mail/account-mail.module';
import { UsersService } from '../users/users.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LocalStrategy } from './local.strategy';
import { LoginThrottleService } from './login-throttle.service';
import { MfaController } from './mfa.controller';
import { MfaService } from './mfa.service';
import { SessionsService } from './sessions.service';
import { SessionSerializer } from './session.serializer';
import { SsoController } from './sso/sso.controller';
import { SsoService } from './sso/sso.service';

@Module({
  imports: [AuditModule, PassportModule.register({ session: true }), AccountMailModule],
  controllers: [AuthController, MfaController, SsoController],
  providers: [AuthService, UsersService, LocalStrategy, LoginThrottleService, SessionSerializer, MfaService, SessionsService, SsoService],
  exports: [UsersService],
})
export class AuthModule {}
