import { HttpStatus, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import type { SessionUser } from '../authorization/request-auth';
import { AppException } from '../common/errors/app-exception';
import { toSessionUser, UsersService } from '../users/users.service';
import { LoginThrottleService } from './login-throttle.service';
import { dummyPasswordHash, verifyPassword } from './password';
import { SsoService } from './sso/sso.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly sso: SsoService,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: Request, email: string, password: string): Promise<SessionUser> {
    const ip = request.ip ?? 'unknown';
    const normalised = email.trim().toLowerCase();
    await this.throttle.assertAllowed(normalised, ip);
    const user = await this.users.findCredentials(normalised);
    // Verify against a dummy hash for unknown accounts so response time does not reveal them.
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid) {
      await this.throttle.recordFailure(normalised, ip);
      throw new AppException(HttpStatus.UNAUTHORIZED, 'invalid_credentials');
    }
    await this.throttle.recordSuccess(normalised, ip);
    // Only the holder of the right password learns that the address is not proven yet.
    if (!user.emailVerifiedAt) throw new AppException(HttpStatus.FORBIDDEN, 'email_not_verified', { resend: '/api/v1/auth/verify-email/resend' });
    // Likewise only the holder of the right password learns that their organisation signs in through its provider.
    if (await this.sso.isRequiredFor(user.id)) throw new AppException(HttpStatus.FORBIDDEN, 'sso_required');
    return toSessionUser(user);
  }
}
