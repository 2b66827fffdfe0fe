import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig, APP_CONFIG } from '../config/app.config';
import { AppException } from '../common/errors/app-exception';
import { CSRF_COOKIE, CSRF_HEADER, isValidCsrfPair } from './csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every POST/PUT/PATCH/DELETE, sign-in included, must carry the CSRF token. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    const cookies = request.cookies as Record<string, string | undefined> | undefined;
    if (!isValidCsrfPair(this.config.sessionSecret, cookies?.[CSRF_COOKIE], request.headers[CSRF_HEADER])) {
      throw new AppException(HttpStatus.FORBIDDEN, 'csrf_invalid');
    }
    return true;
  }
}
