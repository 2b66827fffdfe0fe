import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Action, SubjectType } from './ability.factory';

export const ROUTE_POLICY = 'registre:route-policy';

export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'organization'; action: Action; subject: SubjectType };

/** Anyone, signed in or not (health, sign-in, CSRF token). */
export const Public = () => SetMetadata(ROUTE_POLICY, { kind: 'public' } satisfies RoutePolicy);

/** Any signed-in user, outside any organisation (own profile, creating an organisation). */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(ROUTE_POLICY, { kind: 'authenticated' } satisfies RoutePolicy),
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
  );

/**
 * A route under /organizations/:orgId: the caller must be a member (404 otherwise, so the
 * organisation's existence does not leak) and their role must allow `action` on `subject`.
 */
export const CheckPolicy = (action: Action, subject: SubjectType) =>
  applyDecorators(
    SetMetadata(ROUTE_POLICY, { kind: 'organization', action, subject } satisfies RoutePolicy),
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: `Role may not ${action} ${subject}` }),
    ApiNotFoundResponse({ description: 'Not a member of the organisation, or no such record' }),
  );
