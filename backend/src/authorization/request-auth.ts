import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../members/membership.entity';
import type { AppAbility } from './ability.factory';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
}

export interface OrganizationAccess {
  organizationId: string;
  roles: Role[];
  departmentId: string | null;
  ability: AppAbility;
}

declare module 'express-serve-static-core' {
  interface Request {
    organizationAccess?: OrganizationAccess;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // Passport's user type: what the session serializer restores.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends SessionUser {}
  }
}

/** The signed-in user (routes under @Authenticated or @CheckPolicy). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  const request = context.switchToHttp().getRequest<Request>();
  if (!request.user) throw new Error('CurrentUser used on a route without authentication');
  return request.user;
});

/** The caller's roles and ability in the route's organisation (routes under @CheckPolicy). */
export const CurrentAccess = createParamDecorator((_data: unknown, context: ExecutionContext): OrganizationAccess => {
  const request = context.switchToHttp().getRequest<Request>();
  if (!request.organizationAccess) throw new Error('CurrentAccess used on a route without @CheckPolicy');
  return request.organizationAccess;
});
