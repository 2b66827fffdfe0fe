import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { SessionUser } from '../authorization/request-auth';
import { AppException } from '../common/errors/app-exception';
import { resolveLocale } from '../common/i18n/i18n';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { toSessionUser, UsersService } from '../users/users.service';
import type { RegisterDto } from './dto/auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword } from './password';
import { assertStrongPassword } from './password-policy';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: RegisterDto, request: Request): Promise<SessionUser> {
    if (!this.config.signupEnabled) throw new AppException(HttpStatus.FORBIDDEN, 'signup_disabled');
    await this.throttle.consumeRequest('signup', request.ip ?? 'unknown');
    assertStrongPassword(input.password, [input.email, input.name]);
    if (await this.users.findByEmail(input.email)) throw new AppException(HttpStatus.CONFLICT, 'email_taken');
    const user = await this.users.create({
      email: input.email,
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      locale: resolveLocale(request),
    });
    return toSessionUser(user);
  }
}
