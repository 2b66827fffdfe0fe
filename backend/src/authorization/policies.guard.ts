import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import type { Role } from '../members/membership.entity';
import { defineAbilityFor } from './ability.factory';
import { ROUTE_POLICY, RoutePolicy } from './route-policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Default deny: a route without a policy answers 403 (and the route-table test fails). */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) throw AppException.forbidden();
    if (policy.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request>();
    if (!request.user) throw new AppException(HttpStatus.UNAUTHORIZED, 'unauthenticated');
    if (policy.kind === 'authenticated') return true;

    const organizationId = request.params.orgId;
    if (typeof organizationId !== 'string' || !UUID.test(organizationId)) throw AppException.notFound();
    const rows: { roles: Role[] | null; department_id: string | null; mfa_missing: boolean }[] = await this.dataSource.query(
      'SELECT m.roles, m.department_id, app_mfa_missing($1, $2) AS mfa_missing FROM app_membership($1, $2) m',
      [organizationId, request.user.id],
    );
    const membership = rows[0];
    if (!membership?.roles?.length) throw AppException.notFound();
    // The organisation requires two-factor sign-in of its administrators and DPOs: one without it
    // sets it up (on their account page) before anything else in the organisation.
    if (membership.mfa_missing) throw new AppException(HttpStatus.FORBIDDEN, 'mfa_required', { setup: '/account/security' });
    const ability = defineAbilityFor({ organizationId, userId: request.user.id, roles: membership.roles, departmentId: membership.department_id });
    request.organizationAccess = { organizationId, roles: membership.roles, departmentId: membership.department_id, ability };
    if (!ability.can(policy.action, policy.subject)) throw AppException.forbidden();
    return true;
  }
}
